/** What a setting's value must look like: `check` gives null for a good value, else what is expected. */
export interface SettingCheck {
  /** Words that finish "NAME must be …", e.g. `a port number (0–65535)`. */
  expected: string;
  accepts(value: string): boolean;
}

export const port: SettingCheck = {
  expected: 'a port number (0 to 65535)',
  accepts: (value) => /^\d+$/.test(value) && Number(value) <= 65535,
};

export function wholeNumber(min: number): SettingCheck {
  return {
    expected: `a whole number of at least ${min}`,
    accepts: (value) => /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) && Number(value) >= min,
  };
}

export function oneOf(...choices: string[]): SettingCheck {
  return {
    expected: choices.map((choice) => `"${choice}"`).join(' or '),
    accepts: (value) => choices.includes(value.toLowerCase()) || choices.includes(value.toUpperCase()),
  };
}

export function url(...schemes: string[]): SettingCheck {
  return {
    expected: `a URL starting ${schemes.map((scheme) => `${scheme}://`).join(' or ')}`,
    accepts: (value) => schemes.some((scheme) => new RegExp(`^${scheme}://\\S+$`, 'i').test(value)),
  };
}

export const duration: SettingCheck = {
  expected: 'a duration such as 8h, 30m or 600 (seconds), above 0',
  accepts: (value) => /^\d+\s*[smh]?$/.test(value) && Number.parseInt(value, 10) > 0,
};

export const timeOfDay: SettingCheck = {
  expected: 'a time HH:MM (e.g. 08:00) or now',
  accepts: (value) => value.toLowerCase() === 'now' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
};

export const logLevel = oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent');

/** Anything not blank: a path, a key prefix, a sender's address. */
export const text: SettingCheck = { expected: 'a value that is not blank', accepts: (value) => value !== '' };
