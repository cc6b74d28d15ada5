import { SETTINGS, type SettingScope } from './settings.table';

/** A setting that stops the start: its message is one line naming the variable and what it must be. */
export class InvalidSettingError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSettingError';
  }
}

/**
 * Checks every setting the process reads (scope `api` or `worker`, and `both`); a blank value counts as unset.
 * Returns the environment with each checked setting trimmed, as @nestjs/config's `validate` expects.
 */
export function validateSettings(
  env: Record<string, unknown>,
  process: Exclude<SettingScope, 'both' | 'tests'>,
): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') checked[name] = value;
  for (const setting of SETTINGS) {
    if (setting.scope !== process && setting.scope !== 'both') continue;
    const raw = env[setting.name];
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    const value = String(raw).trim();
    if (!setting.check.accepts(value)) {
      throw new InvalidSettingError(
        setting.name,
        `${setting.name} must be ${setting.check.expected}` +
          (setting.secret
            ? ' (the value is not repeated: it may hold a password).'
            : `, not "${oneLine(value)}".`),
      );
    }
    checked[setting.name] = value;
  }
  return checked;
}

function oneLine(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
