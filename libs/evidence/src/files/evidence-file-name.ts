/** Control characters (C0, DEL, C1) and the bidirectional overrides that make a name read other than it is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const MAX_NAME_BYTES = 255;

/**
 * Why a file's name cannot be kept, or null when it can. The name is shown and offered back on download, never
 * used as a path (blobs are named by their hash), but a name with a separator in it would land in a folder other
 * than the one chosen on whoever saves it, and a control character can forge a line in a log or a CSV.
 */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'has no name';
  if (name.includes('/') || name.includes('\\')) return 'has a path separator (/ or \\) in its name';
  if (UNPRINTABLE.test(name)) return 'has a control character or a bidirectional override in its name';
  if (name === '.' || name === '..') return 'is not a file name';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES)
    return `has a name longer than ${MAX_NAME_BYTES} bytes`;
  return null;
}

/** The name's extension, lower case and without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
