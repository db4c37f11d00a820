/**
 * Pushes stored events to the clients of this process. One reader follows the event table from its
 * own cursor whenever the store wakes it (after a local commit, or a NOTIFY from another process on
 * PostgreSQL), so a lost or repeated wake-up loses or repeats nothing; each subscription then keeps
 * its own cursor, so a client gets every event of its group once, in id order, also across a replay.
 */
import type { EventFilter, JobStore, LiveEvent } from '../store/index';

/** One client's interest in one group; `send` writes to its socket or stream. */
export interface LiveSubscriber {
  readonly filter: EventFilter;
  send(event: LiveEvent): void;
}

const PAGE = 500;

/**
 * Optional timing of each event's fan-out (bench:live's server-side view): when the hub read it back
 * and when it had handed it to every matching subscriber (Date.now() ms), and how many those were.
 * ws writes a frame to the socket inside `send` when the kernel takes it, so `sentAt` is "frame written"
 * for every reader that keeps up; what a slow reader leaves in its buffer waits for it alone.
 */
export type FanoutTiming = (event: LiveEvent, readAt: number, sentAt: number, subscribers: number) => void;

export interface EventHubOptions {
  readonly onFanout?: FanoutTiming;
}

/**
 * A resume from an id below the retention horizon: events after it may have been deleted, so a replay
 * could not be exact. The client reloads its snapshot and follows from the snapshot's event id.
 */
export class ResyncNeeded extends Error {
  constructor(
    readonly since: number,
    readonly horizon: number,
  ) {
    super(
      `events after ${since} up to ${horizon} are no longer kept: reload the snapshot and follow since its eventId`,
    );
    this.name = 'ResyncNeeded';
  }
}

export function matches(filter: EventFilter, event: LiveEvent): boolean {
  if (filter.submissionIds !== undefined && !filter.submissionIds.includes(event.submissionId)) return false;
  if (filter.instrument !== undefined && filter.instrument !== event.instrument) return false;
  return true;
}

export class EventHub {
  private cursor = 0;
  private readonly subscribers = new Set<Subscription>();
  private reading: Promise<void> | undefined;
  private again = false;
  private stop: (() => void) | undefined;

  constructor(
    private readonly store: JobStore,
    private readonly options: EventHubOptions = {},
  ) {}

  /** Starts following the events stored from now on. */
  async start(): Promise<void> {
    this.cursor = await this.store.lastEventId();
    this.stop = this.store.onEvent((id) => this.wake(id));
  }

  close(): void {
    this.stop?.();
    this.subscribers.clear();
  }

  get connections(): number {
    return this.subscribers.size;
  }

  /**
   * Subscribes and replays what the subscriber missed after `since` (an event id it saw), then
   * follows live; without `since`, only what is stored from now on. Returns the unsubscribe function.
   * Rejects with ResyncNeeded (and sends nothing more) when `since` is below the retention horizon,
   * checked before the replay and again after it, so a sweep during the replay is caught too (the
   * events the replay sent by then are a prefix the client's reload supersedes).
   */
  async subscribe(subscriber: LiveSubscriber, since?: number): Promise<() => void> {
    const subscription = new Subscription(subscriber, since ?? this.cursor);
    // Registered before the replay reads, so nothing committed in between falls into a gap; the
    // subscription's cursor drops what the replay already sent.
    this.subscribers.add(subscription);
    const unsubscribe = () => {
      this.subscribers.delete(subscription);
    };
    const checkHorizon = async () => {
      if (since === undefined) return;
      const horizon = await this.store.eventHorizon();
      if (since < horizon) throw new ResyncNeeded(since, horizon);
    };
    try {
      if (since !== undefined) {
        await checkHorizon();
        for (;;) {
          const page = await this.store.eventsSince(subscription.cursor, subscriber.filter, PAGE);
          for (const event of page) subscription.deliver(event);
          if (page.length < PAGE) break;
        }
        await checkHorizon();
      }
    } catch (error) {
      unsubscribe();
      throw error;
    }
    subscription.live();
    return unsubscribe;
  }

  private wake(id?: number): void {
    // Nobody follows: the events need not be read back, only passed. Every event up to `id` is
    // committed (ids become visible in order on both back ends), so a later subscriber's "from now
    // on" starts after it, as it would have had the page been read. Saves a read per commit: the
    // submission benchmark measured 6,000 such reads at 0.3 ms each, all for no one.
    if (this.subscribers.size === 0 && !this.reading && id !== undefined && id > 0) {
      if (id > this.cursor) this.cursor = id;
      return;
    }
    if (this.reading) {
      this.again = true;
      return;
    }
    // Read at once (in this microtask drain). The commits resolved in the same drain join the read
    // or the one after it, and each socket's writes are corked until the end of the tick
    // (http/routes/liveFrames.ts), so a burst still costs one socket write per tick. Waiting for the end
    // of the loop turn (setImmediate) saved a few more writes but made each event wait for the whole
    // intake of the turn: bench:live at load 8, stored -> sent p99 1,205 ms that way, 42 ms this way,
    // for 0.039 against 0.042 server CPU seconds per 1,000 lines.
    this.reading = Promise.resolve()
      .then(() => this.readAll())
      .catch(() => {
        // The database is away: the next wake-up (or the reconnect's) reads from the same cursor.
      })
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.wake(undefined);
        }
      });
  }

  private async readAll(): Promise<void> {
    for (;;) {
      const page = await this.store.eventsSince(this.cursor, {}, PAGE);
      const timing = this.options.onFanout;
      const readAt = timing ? Date.now() : 0;
      for (const event of page) {
        this.cursor = event.id;
        let count = 0;
        for (const s of this.subscribers)
          if (matches(s.subscriber.filter, event)) {
            s.offer(event);
            count++;
          }
        timing?.(event, readAt, Date.now(), count);
      }
      if (page.length < PAGE) return;
    }
  }
}

class Subscription {
  private buffered: LiveEvent[] | undefined = [];

  constructor(
    readonly subscriber: LiveSubscriber,
    public cursor: number,
  ) {}

  /** From the hub: buffered while the replay runs, sent once live. */
  offer(event: LiveEvent): void {
    if (this.buffered) this.buffered.push(event);
    else this.deliver(event);
  }

  deliver(event: LiveEvent): void {
    if (event.id <= this.cursor) return;
    this.cursor = event.id;
    this.subscriber.send(event);
  }

  live(): void {
    const waiting = this.buffered ?? [];
    this.buffered = undefined;
    for (const event of waiting) this.deliver(event);
  }
}
