/**
 * The `server.auth.loginRateLimit` settings: `accountMax` follows `max` unless given, and a misspelt
 * key or a bad number is named with its path, never silently not applied.
 */
import { expect, it } from 'vitest';
import { parseAuthConfig } from '../../../src/server/auth/index';

const parse = (loginRateLimit: unknown) => parseAuthConfig({ loginRateLimit }, 'server.auth');

it('reads max, accountMax and windowSeconds; accountMax defaults to max', () => {
  expect(parseAuthConfig(undefined, 'server.auth')).toMatchObject({
    loginMax: 10,
    loginAccountMax: 10,
    loginWindowSeconds: 60,
  });
  expect(parse({ max: 30 })).toMatchObject({ loginMax: 30, loginAccountMax: 30, loginWindowSeconds: 60 });
  expect(parse({ max: 30, accountMax: 5, windowSeconds: 300 })).toMatchObject({
    loginMax: 30,
    loginAccountMax: 5,
    loginWindowSeconds: 300,
  });
});

it('names a wrong setting', () => {
  expect(() => parse({ perAccount: 5 })).toThrow(
    'server.auth.loginRateLimit.perAccount is not a setting (known: max, accountMax, windowSeconds)',
  );
  expect(() => parse({ accountMax: 0 })).toThrow(
    'server.auth.loginRateLimit.accountMax must be a positive number',
  );
  expect(() => parse(5)).toThrow('server.auth.loginRateLimit must be an object');
});
