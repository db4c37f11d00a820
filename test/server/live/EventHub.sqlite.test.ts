/**
 * The event hub while nobody follows: it passes the events stored then without reading them back
 * (a read per commit was the intake's cost), and a subscriber that joins afterwards "from now on"
 * still gets exactly the events stored after it joined, and with `since` every one it missed.
 * Real SQLite store, events written by accept() as the submission service writes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../../src/server/live/index';
import { type LiveEvent, openStore, type SubmissionStore } from '../../../src/server/store/index';

const T0 = '2026-01-01T00:00:00.000Z';
let n = 0;

async function submit(store: SubmissionStore): Promise<string> {
  n += 1;
  const id = `sub-${n}`;
  await store.accept(
    {
      id,
      instrument: 'eqsans',
      schemaVersion: 1,
      clientSchemaVersion: 1,
      status: 'accepted',
      proposal: null,
      submitter: null,
      idempotencyKey: `key-${n}`,
      requestText: '{}',
      createdAt: T0,
    },
    {
      key: `key-${n}`,
      fingerprint: 'fp',
      submissionId: id,
      responseStatus: 201,
      responseBody: '{}',
      createdAt: T0,
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
    T0,
    {
      jobs: [{ planned: { index: 0, scanIndex: null, label: 'all', request: {} }, queuedMessage: 'Queued' }],
    },
  );
  return id;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('EventHub with nobody following (SQLite)', () => {
  let store: SubmissionStore | undefined;
  afterEach(async () => {
    await store?.close();
  });

  it('a later subscriber gets only what is stored after it joined, or with since what it missed', async () => {
    store = await openStore({ db: ':memory:' });
    const hub = new EventHub(store.jobs);
    await hub.start();
    const early = [await submit(store), await submit(store)];
    await settle();

    const live: LiveEvent[] = [];
    const stop = await hub.subscribe({ filter: {}, send: (e) => live.push(e) });
    const late = await submit(store);
    await settle();
    expect(live.map((e) => e.submissionId)).toEqual([late]);

    const replayed: LiveEvent[] = [];
    const stopReplay = await hub.subscribe({ filter: {}, send: (e) => replayed.push(e) }, 0);
    expect(replayed.map((e) => e.submissionId)).toEqual([...early, late]);
    stop();
    stopReplay();
    hub.close();
  });
});
