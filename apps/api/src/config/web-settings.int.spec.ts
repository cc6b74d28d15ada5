import { appConfigFromEnv } from './app-config';

/** The web sign-in's settings as the environment gives them (reads the checked-in due-date policy file). */
describe('web sign-in settings', () => {
  it.each([
    [undefined, 8 * 3600],
    ['8h', 28_800],
    ['30m', 1_800],
    ['600', 600],
    ['45s', 45],
  ])('SESSION_TTL=%s is %i seconds', (value, seconds) => {
    expect(appConfigFromEnv({ SESSION_TTL: value }).session.idleSeconds).toBe(seconds);
  });

  it.each(['0', '-1h', 'eight hours', '8d'])('refuses SESSION_TTL=%s, naming it', (value) => {
    expect(() => appConfigFromEnv({ SESSION_TTL: value })).toThrow(/SESSION_TTL/);
  });

  it('makes the cookies Secure only behind https', () => {
    expect(appConfigFromEnv({}).publicUrl).toBe('http://localhost:3000');
    expect(appConfigFromEnv({ PUBLIC_URL: 'https://actions.durham.gov.uk/' }).publicUrl).toBe(
      'https://actions.durham.gov.uk',
    );
    expect(() => appConfigFromEnv({ PUBLIC_URL: 'actions.durham.gov.uk' })).toThrow(/PUBLIC_URL/);
  });

  it('reads TRUST_PROXY as Express takes it, and the sign-in limits as whole numbers', () => {
    expect(appConfigFromEnv({}).trustProxy).toBe(false);
    expect(appConfigFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(appConfigFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(appConfigFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(appConfigFromEnv({ SIGN_IN_LIMIT_PER_ACCOUNT: '5' }).signInLimits.perAccount).toBe(5);
    expect(() => appConfigFromEnv({ SIGN_IN_LIMIT_PER_ADDRESS: '0' })).toThrow(/SIGN_IN_LIMIT_PER_ADDRESS/);
  });
});
