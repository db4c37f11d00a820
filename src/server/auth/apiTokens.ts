/**
 * API tokens for scripts and pipelines: `fmy_<id>_<secret>`, 256 random bits of secret. Only the
 * sha256 of the secret is stored (a random secret needs no slow hash: nothing to guess from it), and
 * the token is shown once, when issued. The id part finds the row without scanning.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_SCOPES = ['read', 'submit'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const TOKEN = /^fmy_([A-Za-z0-9-]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenSecret {
  readonly id: string;
  /** The whole token, to show once. */
  readonly token: string;
  readonly hash: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

export function newTokenSecret(): NewTokenSecret {
  const id = randomBytes(12).toString('base64url').replaceAll('_', '-');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `fmy_${id}_${secret}`, hash: sha256(secret) };
}

/** The id and secret hash of a presented token, or undefined when it is not one of ours. */
export function parseToken(token: string): { id: string; hash: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { id: match[1]!, hash: sha256(match[2]!) } : undefined;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
