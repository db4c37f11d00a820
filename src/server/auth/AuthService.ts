/**
 * Accounts, sign-in and tokens, HTTP-free: checks passwords (with lock-out after repeated failures),
 * turns a session's username, an API token or single sign-on headers into a Principal (memberships
 * read from the store each time, so a change counts at once), issues and revokes tokens, and appends
 * to the audit log. Routes and the CLI call it; it never sees a request object.
 */
import type {
  AuditEntry,
  AuditFilter,
  AuthStore,
  NewAuditEntry,
  StoredToken,
  StoredUser,
} from '../store/index';
import type { AuthConfig } from './AuthConfig';
import { newTokenSecret, parseToken, sameHash, TOKEN_SCOPES, type TokenScope } from './apiTokens';
import type { AuthVia, Principal } from './Principal';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { grantsOf, type SsoIdentity } from './singleSignOn';

export type LoginOutcome =
  | { readonly kind: 'ok'; readonly user: StoredUser }
  | { readonly kind: 'refused' }
  | { readonly kind: 'locked'; readonly until: string };

export type TokenOutcome =
  | { readonly kind: 'ok'; readonly principal: Principal; readonly token: StoredToken }
  | { readonly kind: 'refused'; readonly reason: string };

export interface IssuedToken {
  readonly token: string;
  readonly record: StoredToken;
}

export class AuthError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unknown-user' | 'exists' | 'unknown-token',
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

const USERNAME = /^[a-z0-9][\w.@+-]{0,63}$/i;
const PROPOSAL = /^IPTS-\d+$/;
const INSTRUMENT = /^[\w.-]{1,64}$/;

export interface UserInput {
  readonly username: string;
  readonly displayName?: string;
  readonly password?: string | null;
  readonly admin?: boolean;
  readonly proposals?: readonly string[];
  readonly staffOf?: readonly string[];
}

function principalOf(user: StoredUser, via: AuthVia, scopes: ReadonlySet<TokenScope> | null): Principal {
  return {
    username: user.username,
    displayName: user.displayName,
    admin: user.admin,
    proposals: new Set(user.proposals),
    staffOf: new Set(user.staffOf),
    via,
    scopes,
  };
}

/** A presented token as the store resolved it at `generation`; `token` undefined: refused for `reason`. */
interface ResolvedToken {
  readonly generation: number;
  readonly token?: StoredToken;
  /** undefined: the token's user is gone or disabled. */
  readonly principal?: Principal;
  readonly reason: string;
}

/** Tokens resolved and kept per process: far more than a facility's scripts use at once. */
const RESOLVED_TOKENS_KEPT = 500;

export class AuthService {
  /** By the presented token text: a hit also proves the secret, without hashing it again. */
  private readonly resolvedTokens = new Map<string, ResolvedToken>();

  constructor(
    readonly store: AuthStore,
    readonly config: AuthConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private iso(): string {
    return this.now().toISOString();
  }

  /** Checks a password. Unknown users cost the same scrypt as known ones. */
  async login(username: string, password: string): Promise<LoginOutcome> {
    const user = USERNAME.test(username) ? await this.store.getUser(username) : undefined;
    if (!user || user.disabled || user.passwordHash === null) {
      await verifyPassword(password, await dummyHash());
      return { kind: 'refused' };
    }
    const now = this.iso();
    if (user.lockedUntil !== null && user.lockedUntil > now)
      return { kind: 'locked', until: user.lockedUntil };
    if (!(await verifyPassword(password, user.passwordHash))) {
      const until = new Date(this.now().getTime() + this.config.lockoutMinutes * 60_000).toISOString();
      await this.store.recordFailedLogin(user.username, this.config.lockoutFailures, until);
      const after = await this.store.getUser(user.username);
      if (after?.lockedUntil && after.lockedUntil > now) return { kind: 'locked', until: after.lockedUntil };
      return { kind: 'refused' };
    }
    if (user.failedLogins > 0 || user.lockedUntil !== null) await this.store.recordGoodLogin(user.username);
    return { kind: 'ok', user };
  }

  /** The principal of a signed-in session's user; undefined when the user is gone or disabled. */
  async principalForUser(username: string, via: AuthVia = 'session'): Promise<Principal | undefined> {
    const user = await this.store.getUser(username);
    return user && !user.disabled ? principalOf(user, via, null) : undefined;
  }

  /**
   * The principal of a stored session now: undefined once it was destroyed (sign-out), expired, or
   * its user is gone or disabled. An open live socket asks again after each change of rights.
   */
  async principalForSession(sid: string): Promise<Principal | undefined> {
    const data = await this.store.getSession(sid, this.iso());
    if (data === undefined) return undefined;
    let username: unknown;
    try {
      username = (JSON.parse(data) as { username?: unknown }).username;
    } catch {
      return undefined;
    }
    return typeof username === 'string' ? this.principalForUser(username) : undefined;
  }

  /** The principals' generation (AuthStore.principalsGeneration): moves with every change of rights. */
  principalsGeneration(): Promise<number> {
    return this.store.principalsGeneration();
  }

  /** Calls `wake` when rights may have changed, here or in another process; returns the unsubscribe. */
  onPrincipalsChange(wake: () => void): () => void {
    return this.store.onPrincipalsChange(wake);
  }

  /**
   * An `Authorization: Bearer` token: ours, not expired or revoked, its user enabled. What a token
   * resolved to (its record, its user's principal) is kept per process while the principals'
   * generation (AuthStore.principalsGeneration, raised by every change to users, memberships and
   * tokens, in any process) has not moved: one indexed read per request instead of four and no
   * sha256, and a revocation, a disabled user or a changed membership counts from the next request.
   * The generation is read before the records, so a change committed meanwhile is seen next time.
   */
  async principalForToken(presented: string): Promise<TokenOutcome> {
    const generation = await this.store.principalsGeneration();
    let resolved = this.resolvedTokens.get(presented);
    if (resolved?.generation !== generation) {
      resolved = await this.resolveToken(presented, generation);
      if (resolved.token !== undefined) {
        // Bounded: only tokens whose secret matched are kept, and a few hundred at most.
        if (this.resolvedTokens.size >= RESOLVED_TOKENS_KEPT) this.resolvedTokens.clear();
        this.resolvedTokens.set(presented, resolved);
      }
    }
    const { token, principal } = resolved;
    if (token === undefined) return { kind: 'refused', reason: resolved.reason };
    if (token.revokedAt !== null) return { kind: 'refused', reason: 'this API token was revoked' };
    // Checked on every request, cached or not: expiry needs no change in the database.
    if (token.expiresAt <= this.iso())
      return { kind: 'refused', reason: `this API token expired at ${token.expiresAt}` };
    if (principal === undefined) return { kind: 'refused', reason: 'the API token’s user is disabled' };
    return { kind: 'ok', principal, token };
  }

  /** What the store says of a presented token now (four reads); tagged with `generation`. */
  private async resolveToken(presented: string, generation: number): Promise<ResolvedToken> {
    const parsed = parseToken(presented);
    if (!parsed) return { generation, reason: 'not a Formulary API token' };
    const token = await this.store.getToken(parsed.id);
    if (!token || !sameHash(token.hash, parsed.hash)) return { generation, reason: 'unknown API token' };
    const user = await this.store.getUser(token.username);
    if (!user || user.disabled) return { generation, token, reason: '' };
    const scopes = new Set(
      token.scopes.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s)),
    );
    return { generation, token, principal: principalOf(user, 'token', scopes), reason: '' };
  }

  /**
   * A user the proxy vouches for: their groups' grants, joined with a local account of the same name
   * when there is one (a disabled local account refuses them: undefined).
   */
  async principalForSso(identity: SsoIdentity): Promise<Principal | undefined> {
    const local = await this.store.getUser(identity.username);
    if (local?.disabled) return undefined;
    const grants = grantsOf(identity.groups, this.config);
    return {
      username: identity.username,
      displayName: identity.displayName ?? local?.displayName ?? identity.username,
      admin: grants.admin || (local?.admin ?? false),
      proposals: new Set([...grants.proposals, ...(local?.proposals ?? [])]),
      staffOf: new Set([...grants.staffOf, ...(local?.staffOf ?? [])]),
      via: 'sso',
      scopes: null,
    };
  }

  // ----- accounts (the CLI and the demo) -----

  private checkInput(input: UserInput): void {
    if (!USERNAME.test(input.username))
      throw new AuthError(
        'invalid',
        `username "${input.username}": letters, digits and . _ @ + -, at most 64`,
      );
    for (const p of input.proposals ?? [])
      if (!PROPOSAL.test(p)) throw new AuthError('invalid', `proposal "${p}": write it as IPTS-12345`);
    for (const i of input.staffOf ?? [])
      if (!INSTRUMENT.test(i))
        throw new AuthError('invalid', `instrument "${i}": an instrument id such as eqsans`);
    if (typeof input.password === 'string') {
      const problem = passwordProblem(input.password);
      if (problem) throw new AuthError('invalid', problem);
    }
  }

  async addUser(input: UserInput): Promise<void> {
    this.checkInput(input);
    const added = await this.store.addUser({
      username: input.username,
      displayName: input.displayName?.trim() || input.username,
      passwordHash: typeof input.password === 'string' ? await hashPassword(input.password) : null,
      admin: input.admin ?? false,
      proposals: input.proposals ?? [],
      staffOf: input.staffOf ?? [],
      createdAt: this.iso(),
    });
    if (!added) throw new AuthError('exists', `user "${input.username}" exists already`);
  }

  async setPassword(username: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new AuthError('invalid', problem);
    if (!(await this.store.updateUser(username, { passwordHash: await hashPassword(password) })))
      throw new AuthError('unknown-user', `no user "${username}"`);
  }

  async updateUser(
    username: string,
    changes: Omit<UserInput, 'username' | 'password'> & { disabled?: boolean },
  ): Promise<void> {
    this.checkInput({ username, ...changes });
    if (!(await this.store.updateUser(username, changes)))
      throw new AuthError('unknown-user', `no user "${username}"`);
  }

  listUsers(): Promise<StoredUser[]> {
    return this.store.listUsers();
  }

  // ----- tokens -----

  async issueToken(
    username: string,
    options: { label: string; scopes: readonly string[]; expiresInDays: number },
  ): Promise<IssuedToken> {
    const scopes = [...new Set(options.scopes)];
    if (scopes.length === 0 || !scopes.every((s) => (TOKEN_SCOPES as readonly string[]).includes(s)))
      throw new AuthError('invalid', `scopes: one or more of ${TOKEN_SCOPES.join(', ')}`);
    if (!(options.expiresInDays > 0 && options.expiresInDays <= this.config.tokenMaxDays))
      throw new AuthError('invalid', `expiresInDays: more than 0, at most ${this.config.tokenMaxDays}`);
    const label = options.label.trim().slice(0, 100) || 'API token';
    if (!(await this.store.getUser(username))) throw new AuthError('unknown-user', `no user "${username}"`);
    const secret = newTokenSecret();
    const record: StoredToken = {
      id: secret.id,
      username,
      hash: secret.hash,
      label,
      scopes,
      createdAt: this.iso(),
      expiresAt: new Date(this.now().getTime() + options.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
    };
    await this.store.addToken(record);
    return { token: secret.token, record };
  }

  tokensOf(username: string): Promise<StoredToken[]> {
    return this.store.tokensOf(username);
  }

  async revokeToken(id: string, username: string): Promise<void> {
    if (!(await this.store.revokeToken(id, username, this.iso())))
      throw new AuthError('unknown-token', `no active token "${id}" of yours`);
  }

  // ----- audit -----

  audit(
    entry: Omit<NewAuditEntry, 'time' | 'detail' | 'outcome'> & { outcome?: string; detail?: object },
  ): Promise<void> {
    return this.store.audit({
      time: this.iso(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      address: entry.address,
      outcome: entry.outcome ?? 'ok',
      detail: JSON.stringify(entry.detail ?? {}),
    });
  }

  readAudit(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.store.readAudit(filter);
  }
}
