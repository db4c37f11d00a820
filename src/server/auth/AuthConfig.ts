/**
 * The "auth" part of the server's configuration: sessions, login limits, single sign-on (which proxy
 * addresses are trusted, which headers carry the user, how its groups map onto proposals, instrument
 * teams and administrators). Every field is checked; a wrong one is named with its path.
 */

export interface SsoConfig {
  /** Addresses (or CIDR ranges) of the reverse proxies whose headers are believed; nobody else's. */
  readonly proxies: readonly string[];
  readonly userHeader: string;
  readonly nameHeader: string;
  readonly groupsHeader: string;
  /** Splits the groups header; a regular expression source. */
  readonly groupSeparator: string;
}

export interface AuthConfig {
  readonly sessionHours: number;
  /** Failed passwords in a row before an account is locked, and for how long. */
  readonly lockoutFailures: number;
  readonly lockoutMinutes: number;
  /**
   * Sign-in attempts per client address per window, and per account name (`loginAccountMax`), before
   * any password is checked; counted in the store, so shared by every process on one database.
   */
  readonly loginMax: number;
  readonly loginAccountMax: number;
  readonly loginWindowSeconds: number;
  /** Single sign-on through a proxy; null: not used (the headers are then ignored from everyone). */
  readonly sso: SsoConfig | null;
  /** Group name -> "admin", "staff:<instrument>" or "proposal:<IPTS-n>" (one or a list). */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  /** A group matching this (first capture: the number) is that proposal's members. */
  readonly proposalGroupPattern: string;
  /** Longest lifetime of an API token, days. */
  readonly tokenMaxDays: number;
}

export const defaultAuthConfig: AuthConfig = {
  sessionHours: 12,
  lockoutFailures: 5,
  lockoutMinutes: 15,
  loginMax: 10,
  loginAccountMax: 10,
  loginWindowSeconds: 60,
  sso: null,
  groups: {},
  proposalGroupPattern: '^IPTS-(\\d+)$',
  tokenMaxDays: 366,
};

const GRANT = /^(admin|staff:[\w.-]+|proposal:IPTS-\d+)$/;
const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const header = (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/** Checks the "auth" object of the "server" section; `where` names it in errors (file: server.auth). */
export function parseAuthConfig(section: unknown, where: string): AuthConfig {
  if (section === undefined) return defaultAuthConfig;
  if (typeof section !== 'object' || section === null || Array.isArray(section))
    throw new Error(`${where} must be an object`);
  const s = section as Record<string, unknown>;
  const known = [
    'sessionHours',
    'lockout',
    'loginRateLimit',
    'sso',
    'groups',
    'proposalGroupPattern',
    'tokenMaxDays',
  ];
  for (const key of Object.keys(s))
    if (!known.includes(key))
      throw new Error(`${where}.${key} is not a setting (known: ${known.join(', ')})`);
  const number = (value: unknown, path: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!positive(value)) throw new Error(`${where}.${path} must be a positive number`);
    return value as number;
  };
  const object = (value: unknown, path: string): Record<string, unknown> => {
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error(`${where}.${path} must be an object`);
    return value as Record<string, unknown>;
  };
  const lockout = object(s.lockout, 'lockout');
  const limit = object(s.loginRateLimit, 'loginRateLimit');
  for (const key of Object.keys(limit))
    if (!['max', 'accountMax', 'windowSeconds'].includes(key))
      throw new Error(
        `${where}.loginRateLimit.${key} is not a setting (known: max, accountMax, windowSeconds)`,
      );
  const groups: Record<string, string[]> = {};
  for (const [group, grant] of Object.entries(object(s.groups, 'groups'))) {
    const list = Array.isArray(grant) ? grant : [grant];
    for (const g of list)
      if (typeof g !== 'string' || !GRANT.test(g))
        throw new Error(
          `${where}.groups.${group} must be "admin", "staff:<instrument>" or "proposal:IPTS-<n>" (or a list of them)`,
        );
    groups[group] = list as string[];
  }
  const pattern = s.proposalGroupPattern ?? defaultAuthConfig.proposalGroupPattern;
  try {
    if (typeof pattern !== 'string') throw new Error();
    new RegExp(pattern);
  } catch {
    throw new Error(
      `${where}.proposalGroupPattern must be a regular expression (its first group: the IPTS number)`,
    );
  }
  let sso: SsoConfig | null = null;
  if (s.sso !== undefined) {
    const o = object(s.sso, 'sso');
    const proxies = o.proxies;
    if (
      !Array.isArray(proxies) ||
      proxies.length === 0 ||
      !proxies.every((p) => typeof p === 'string' && ADDRESS.test(p))
    )
      throw new Error(
        `${where}.sso.proxies must list the proxy addresses (IP or CIDR) whose headers are trusted`,
      );
    for (const name of ['userHeader', 'nameHeader', 'groupsHeader'])
      if (o[name] !== undefined && !header(o[name]))
        throw new Error(`${where}.sso.${name} must be a header name`);
    if (o.groupSeparator !== undefined && typeof o.groupSeparator !== 'string')
      throw new Error(`${where}.sso.groupSeparator must be a string`);
    for (const key of Object.keys(o))
      if (!['proxies', 'userHeader', 'nameHeader', 'groupsHeader', 'groupSeparator'].includes(key))
        throw new Error(`${where}.sso.${key} is not a setting`);
    sso = {
      proxies: proxies as string[],
      userHeader: ((o.userHeader as string) ?? 'x-remote-user').toLowerCase(),
      nameHeader: ((o.nameHeader as string) ?? 'x-remote-name').toLowerCase(),
      groupsHeader: ((o.groupsHeader as string) ?? 'x-remote-groups').toLowerCase(),
      groupSeparator: (o.groupSeparator as string) ?? '[;,]',
    };
  }
  const loginMax = Math.trunc(number(limit.max, 'loginRateLimit.max', defaultAuthConfig.loginMax));
  return {
    sessionHours: number(s.sessionHours, 'sessionHours', defaultAuthConfig.sessionHours),
    lockoutFailures: Math.trunc(
      number(lockout.failures, 'lockout.failures', defaultAuthConfig.lockoutFailures),
    ),
    lockoutMinutes: number(lockout.minutes, 'lockout.minutes', defaultAuthConfig.lockoutMinutes),
    loginMax,
    // Unset, an account allows what an address does: a configured `max` keeps meaning "the limit".
    loginAccountMax: Math.trunc(number(limit.accountMax, 'loginRateLimit.accountMax', loginMax)),
    loginWindowSeconds: number(
      limit.windowSeconds,
      'loginRateLimit.windowSeconds',
      defaultAuthConfig.loginWindowSeconds,
    ),
    sso,
    groups,
    proposalGroupPattern: pattern as string,
    tokenMaxDays: number(s.tokenMaxDays, 'tokenMaxDays', defaultAuthConfig.tokenMaxDays),
  };
}
