import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from './settings.table';
import { InvalidSettingError, validateSettings } from './validate-settings';

const ROOT = join(__dirname, '..', '..', '..');

/** The variables of the README's "## Configuration" table (a cell may name several: `A` / `B`, `C`). */
function readmeVariables(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1].split(/^#{2,3} /m)[0];
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]));
  return names;
}

function envExampleVariables(): string[] {
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
}

const sorted = (names: string[]) => [...names].sort();

describe('the settings', () => {
  const schema = SETTINGS.map((setting) => setting.name);

  it('name each variable once', () => {
    expect(new Set(schema).size).toBe(schema.length);
  });

  it('are the same in the schema, .env.example and the README table', () => {
    expect(sorted(envExampleVariables())).toEqual(sorted(schema));
    expect(sorted(readmeVariables())).toEqual(sorted(schema));
  });

  it('give .env.example each default the schema has', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    for (const setting of SETTINGS) {
      expect(example).toContain(`# ${setting.name}=${setting.default.value ?? ''}\n`);
    }
  });

  it('accept their own defaults', () => {
    const defaults = Object.fromEntries(
      SETTINGS.filter((setting) => setting.default.value !== undefined).map((s) => [s.name, s.default.value]),
    );
    expect(() => validateSettings(defaults, 'api')).not.toThrow();
    expect(() => validateSettings(defaults, 'worker')).not.toThrow();
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be a port number (0 to 65535), not "eighty".'],
    ['PORT', '70000', 'PORT must be a port number (0 to 65535), not "70000".'],
    [
      'EVENT_STORE',
      'mongo',
      'EVENT_STORE must be "sqlite" or "postgres" or "postgresql" or "eventstoredb", not "mongo".',
    ],
    [
      'SESSION_TTL',
      'forever',
      'SESSION_TTL must be a duration such as 8h, 30m or 600 (seconds), above 0, not "forever".',
    ],
    ['READY_MAX_LAG', '-1', 'READY_MAX_LAG must be a whole number of at least 0, not "-1".'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL must be "fatal" or "error" or "warn" or "info" or "debug" or "trace" or "silent", not "loud".',
    ],
  ])('refuse %s=%s in one line naming it', (name, value, message) => {
    let error: unknown;
    try {
      validateSettings({ [name]: value }, 'api');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect((error as InvalidSettingError).variable).toBe(name);
    expect((error as Error).message).toBe(message);
  });

  it('never repeat a value that may hold a password', () => {
    expect(() => validateSettings({ SMTP_URL: 'http://user:hunter2@relay' }, 'worker')).toThrow(
      /^SMTP_URL must be a URL starting smtp:\/\/ or smtps:\/\/ \(the value is not repeated/,
    );
    expect(() => validateSettings({ SMTP_URL: 'http://user:hunter2@relay' }, 'worker')).not.toThrow(
      /hunter2/,
    );
  });

  it("check only the process's own settings, and treat a blank one as unset", () => {
    expect(() => validateSettings({ PORT: 'x' }, 'worker')).not.toThrow();
    expect(() => validateSettings({ WORKER_PORT: 'x' }, 'worker')).toThrow(/^WORKER_PORT must be/);
    expect(validateSettings({ PORT: '  ' }, 'api').PORT).toBe('  ');
    expect(validateSettings({ PORT: ' 8080 ' }, 'api').PORT).toBe('8080');
  });
});
