/** Splits text into sentences: at a full stop, question or exclamation mark followed by a capital. */
export function splitSentences(text: string): string[] {
  return text.split(
    /(?<=(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.!?])\s+(?=["'‘“(]?[A-Z])/,
  );
}
