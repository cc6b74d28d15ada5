import { defaultParseThreads } from '@actionledger/letters';
import { appConfigFromEnv } from './app-config';

describe('LETTER_PARSE_THREADS', () => {
  it('defaults to half the cores, at least one', () => {
    expect(appConfigFromEnv({}).letterParseThreads).toBe(defaultParseThreads());
    expect(defaultParseThreads()).toBeGreaterThanOrEqual(1);
  });

  it('takes a whole number of threads', () => {
    expect(appConfigFromEnv({ LETTER_PARSE_THREADS: '3' }).letterParseThreads).toBe(3);
  });

  it.each(['0', '-1', '1.5', 'many'])('stops the start with a sentence naming it for "%s"', (value) => {
    expect(() => appConfigFromEnv({ LETTER_PARSE_THREADS: value })).toThrow(
      `LETTER_PARSE_THREADS must be a whole number of at least 1, not "${value}".`,
    );
  });
});
