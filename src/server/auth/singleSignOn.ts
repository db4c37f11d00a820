/**
 * Single sign-on behind a reverse proxy (Shibboleth, an OIDC proxy): the proxy authenticates and
 * passes the user and their groups in headers. Believed only when the connection comes straight
 * from a configured proxy address; the same headers from anyone else are reported so the caller
 * can ignore and log them. Groups map onto administrators, instrument teams and proposals.
 */
import { BlockList, isIP } from 'node:net';
import type { AuthConfig, SsoConfig } from './AuthConfig';

export interface SsoIdentity {
  readonly username: string;
  readonly displayName: string | null;
  readonly groups: readonly string[];
}

export type SsoOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'identity'; readonly identity: SsoIdentity }
  /** Headers present, but the connection is not from a trusted proxy (or SSO is off). */
  | { readonly kind: 'untrusted'; readonly address: string; readonly username: string };

const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

export function proxyList(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const USERNAME = /^[\w.@+-]{1,128}$/;

/** Reads the single sign-on headers of a request whose TCP peer is `peer`. */
export function readSso(
  headers: Record<string, string | string[] | undefined>,
  peer: string,
  sso: SsoConfig | null,
  trusted: BlockList | null,
  defaultUserHeader = 'x-remote-user',
): SsoOutcome {
  const userHeader = sso?.userHeader ?? defaultUserHeader;
  const raw = headers[userHeader];
  const username = typeof raw === 'string' ? raw.trim() : '';
  if (username === '') return { kind: 'none' };
  const address = plain(peer);
  const fromProxy =
    sso !== null &&
    trusted !== null &&
    isIP(address) !== 0 &&
    trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  if (!fromProxy || !USERNAME.test(username))
    return { kind: 'untrusted', address, username: username.slice(0, 128) };
  const name = headers[sso.nameHeader];
  const groupsText = headers[sso.groupsHeader];
  const groups =
    typeof groupsText === 'string'
      ? groupsText
          .split(new RegExp(sso.groupSeparator))
          .map((g) => g.trim())
          .filter(Boolean)
      : [];
  return {
    kind: 'identity',
    identity: { username, displayName: typeof name === 'string' && name.trim() ? name.trim() : null, groups },
  };
}

/** What a user's single sign-on groups grant, by the configured mapping and the proposal pattern. */
export function grantsOf(
  groups: readonly string[],
  config: Pick<AuthConfig, 'groups' | 'proposalGroupPattern'>,
): { admin: boolean; proposals: string[]; staffOf: string[] } {
  const pattern = new RegExp(config.proposalGroupPattern);
  let admin = false;
  const proposals = new Set<string>();
  const staffOf = new Set<string>();
  for (const group of groups) {
    const match = pattern.exec(group);
    if (match?.[1] !== undefined && /^\d+$/.test(match[1])) proposals.add(`IPTS-${match[1]}`);
    for (const grant of Object.hasOwn(config.groups, group) ? config.groups[group]! : []) {
      if (grant === 'admin') admin = true;
      else if (grant.startsWith('staff:')) staffOf.add(grant.slice(6));
      else if (grant.startsWith('proposal:')) proposals.add(grant.slice(9));
    }
  }
  return { admin, proposals: [...proposals], staffOf: [...staffOf] };
}
