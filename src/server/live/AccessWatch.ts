/**
 * Keeps open live connections on their user's current rights. Each connection registers a re-check;
 * whenever the principals' generation moves (a sign-out, a role or staff change, a revoked token, in
 * this process or another), every registered re-check runs once. Woken at once by the store's hint
 * (after a local commit, or PostgreSQL's NOTIFY from another process), and by a slow poll of the
 * one-row counter besides, for writers that send no hint (`formulary users` on a SQLite file) or a
 * lost notification. No HTTP here: the route says what a re-check does.
 */

/** Where the generation is read and the hints come from (AuthService). */
export interface PrincipalsFeed {
  principalsGeneration(): Promise<number>;
  onPrincipalsChange(wake: () => void): () => void;
}

export interface AccessWatchOptions {
  /** The fallback poll, while connections are open; default 2,000 ms (one indexed one-row read). */
  readonly pollMs?: number;
  /** A re-check that threw (the database away): logged; the next change runs it again. */
  readonly onError?: (error: unknown) => void;
}

export class AccessWatch {
  private readonly rechecks = new Set<() => Promise<void>>();
  private known: number | undefined;
  private checking: Promise<void> | undefined;
  private again = false;
  private stopHints: (() => void) | undefined;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly feed: PrincipalsFeed,
    private readonly options: AccessWatchOptions = {},
  ) {}

  async start(): Promise<void> {
    this.known = await this.feed.principalsGeneration();
    this.stopHints = this.feed.onPrincipalsChange(() => this.wake());
    this.poll = setInterval(() => {
      if (this.rechecks.size > 0) this.wake();
    }, this.options.pollMs ?? 2000);
    this.poll.unref();
  }

  close(): void {
    this.stopHints?.();
    if (this.poll) clearInterval(this.poll);
    this.rechecks.clear();
  }

  get connections(): number {
    return this.rechecks.size;
  }

  /**
   * Registers a connection's re-check and runs it once now: its principal was read before it got
   * here, so a change committed in between is not missed. Returns the function that unregisters it.
   */
  watch(recheck: () => Promise<void>): () => void {
    this.rechecks.add(recheck);
    recheck().catch((error: unknown) => this.options.onError?.(error));
    return () => {
      this.rechecks.delete(recheck);
    };
  }

  /** Reads the generation (coalescing hints that arrive meanwhile) and re-checks all when it moved. */
  wake(): void {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = this.checkAll()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.checking = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async checkAll(): Promise<void> {
    if (this.rechecks.size === 0) {
      this.known = undefined; // read afresh next time: nobody needed it meanwhile
      return;
    }
    const generation = await this.feed.principalsGeneration();
    if (generation === this.known) return;
    this.known = generation;
    const results = await Promise.allSettled([...this.rechecks].map((recheck) => recheck()));
    for (const result of results)
      if (result.status === 'rejected') {
        this.options.onError?.(result.reason);
        this.known = undefined; // the next poll runs them all again
      }
  }
}
