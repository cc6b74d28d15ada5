import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The folder of seed letters: `$LETTERS_DIR` when set, else the first `shared/letters` found walking up
 * from each start directory (the repo sits next to `shared/`). Null when there is none.
 */
export function locateLettersFolder(
  startDirectories: string[],
  environment: Record<string, string | undefined> = process.env,
): string | null {
  if (environment.LETTERS_DIR) return path.resolve(environment.LETTERS_DIR);
  return locateSharedFolder('letters', startDirectories);
}

/** The first `shared/NAME` found walking up from each start directory; null when there is none. */
export function locateSharedFolder(name: string, startDirectories: string[]): string | null {
  for (const start of startDirectories) {
    for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
      const candidate = path.join(directory, 'shared', name);
      if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
      if (path.dirname(directory) === directory) break;
    }
  }
  return null;
}
