/**
 * The errors the form shows, keyed by storage path, with one listener set per path so a field
 * re-renders only when its own errors change; the error summary listens to all. A cross-field rule's
 * error is shown on every field it involves. all() keeps a stable order: an error re-created by a
 * blur's re-check (same field, same rule) keeps the place it had, so the summary's links do not move
 * under the pointer; a full validation (replaceAll) sets the order afresh. Plain TypeScript, no React.
 */
import type { ValidationError } from '../../schemas/index';
import type { StoragePath } from './storagePath';

/** An error as shown on one field: the validator's error plus where else it is shown. */
export interface ShownError {
  readonly error: ValidationError;
  /** Every storage path this error is shown on (its own pointer and its rule's related fields). */
  readonly paths: readonly StoragePath[];
}

const NONE: readonly ShownError[] = Object.freeze([]);

export class ErrorStore {
  private readonly byPath = new Map<StoragePath, readonly ShownError[]>();
  private readonly listeners = new Map<StoragePath, Set<() => void>>();
  private readonly allListeners = new Set<() => void>();
  private version = 0;
  // Place of each error in all(), by its field and rule (rankKey): kept while an error comes and goes.
  private readonly ranks = new Map<string, number>();
  private nextRank = 0;

  /** Errors shown on `path` (a stable empty array when none). O(1). */
  at(path: StoragePath): readonly ShownError[] {
    return this.byPath.get(path) ?? NONE;
  }

  has(path: StoragePath): boolean {
    return this.byPath.has(path);
  }

  /** Every shown error once, in the order of the last full validation, new ones after. O(e log e). */
  all(): ShownError[] {
    const seen = new Set<ShownError>();
    for (const list of this.byPath.values()) for (const e of list) seen.add(e);
    return [...seen].sort((a, b) => this.rankOf(a) - this.rankOf(b));
  }

  private rankOf(e: ShownError): number {
    const key = `${e.paths[0] ?? ''}\u0000${e.error.rule}`;
    let rank = this.ranks.get(key);
    if (rank === undefined) {
      rank = this.nextRank++;
      this.ranks.set(key, rank);
    }
    return rank;
  }

  /** Paths that show at least one error. */
  paths(): StoragePath[] {
    return [...this.byPath.keys()];
  }

  /** Changes whenever any error changes (for useSyncExternalStore snapshots of the summary). */
  get snapshot(): number {
    return this.version;
  }

  /** Removes every error shown on `path` (from all the fields each one is shown on), then adds `next`. */
  replaceAt(path: StoragePath, next: readonly ShownError[]): void {
    const touched = new Set<StoragePath>();
    for (const old of this.at(path)) {
      for (const p of old.paths) {
        const kept = this.at(p).filter((e) => e !== old);
        this.write(p, kept);
        touched.add(p);
      }
    }
    for (const e of next) this.add(e, touched);
    this.notify(touched);
  }

  /** Replaces every error (after a full validation). */
  replaceAll(next: readonly ShownError[]): void {
    const touched = new Set<StoragePath>(this.byPath.keys());
    this.byPath.clear();
    this.ranks.clear();
    for (const e of next) {
      this.rankOf(e);
      this.add(e, touched);
    }
    this.notify(touched);
  }

  /** Drops the errors shown on paths for which `drop` is true (rows removed, branches left). */
  dropWhere(drop: (path: StoragePath) => boolean): void {
    const gone = this.paths().filter(drop);
    if (gone.length === 0) return;
    const touched = new Set<StoragePath>();
    for (const path of gone) {
      for (const old of this.at(path)) {
        for (const p of old.paths) {
          this.write(
            p,
            this.at(p).filter((e) => e !== old),
          );
          touched.add(p);
        }
      }
    }
    this.notify(touched);
  }

  subscribe(path: StoragePath, listener: () => void): () => void {
    let set = this.listeners.get(path);
    if (!set) {
      set = new Set();
      this.listeners.set(path, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(path);
    };
  }

  subscribeAll(listener: () => void): () => void {
    this.allListeners.add(listener);
    return () => this.allListeners.delete(listener);
  }

  private add(e: ShownError, touched: Set<StoragePath>): void {
    for (const p of e.paths) {
      const list = this.at(p);
      if (!list.some((x) => x.error.message === e.error.message && x.error.rule === e.error.rule)) {
        this.write(p, [...list, e]);
      }
      touched.add(p);
    }
  }

  private write(path: StoragePath, list: readonly ShownError[]): void {
    if (list.length === 0) this.byPath.delete(path);
    else this.byPath.set(path, list);
  }

  private notify(touched: Set<StoragePath>): void {
    if (touched.size === 0) return;
    this.version++;
    for (const p of touched) for (const l of this.listeners.get(p) ?? []) l();
    for (const l of this.allListeners) l();
  }
}
