import type { RagRating } from '@actionledger/domain';

/**
 * The RAG rating a fill colour stands for, by its hue: councils use Excel's standard red, amber (or yellow),
 * green and blue, and their many tints. White, greys and black rate nothing.
 */
export function ragOfColour(hex: string): RagRating | null {
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma < 0.15 || lightness > 0.95 || lightness < 0.08) return null;
  let hue: number;
  if (max === r) hue = (((g - b) / chroma) % 6) * 60;
  else if (max === g) hue = ((b - r) / chroma + 2) * 60;
  else hue = ((r - g) / chroma + 4) * 60;
  if (hue < 0) hue += 360;
  if (hue < 18 || hue >= 330) return 'red';
  if (hue < 68) return 'amber';
  if (hue < 170) return 'green';
  if (hue < 270) return 'blue';
  return null;
}
