/**
 * The "My submissions" list model: rows stay in the chosen order as states change live (checked
 * against a plain sort of the same rows after every change, on random data), filters by instrument,
 * state and time window, and the overall state a submission takes from its jobs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makeRow,
  type SortOrder,
  SubmissionIndex,
  type SubmissionRow,
} from '../../src/app/submissions/SubmissionIndex';
import { listHref, parseRoute } from '../../src/app/submissions/useHashRoute';
import { overallState } from '../../src/forms/live/jobStates';

const STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted'];
const RANK: Record<string, number> = {
  running: 0,
  queued: 1,
  failed: 2,
  timed_out: 3,
  interrupted: 4,
  cancelled: 5,
  succeeded: 6,
};

const byOrder: Record<SortOrder, (a: SubmissionRow, b: SubmissionRow) => number> = {
  newest: (a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1),
  oldest: (a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1),
  instrument: (a, b) =>
    (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0) || byOrder.newest(a, b),
  state: (a, b) => RANK[a.state]! - RANK[b.state]! || byOrder.newest(a, b),
};

const rowOf = (i: number, instrument: string, ms: number, states: string[]) =>
  makeRow(
    {
      id: `s${String(i).padStart(4, '0')}`,
      instrument,
      proposal: null,
      submitter: null,
      createdAt: new Date(ms).toISOString(),
    },
    states.map((state, j) => ({ id: `s${i}-j${j}`, label: `job ${j}`, state })),
  );

describe('SubmissionIndex', () => {
  it('keeps every order equal to a plain sort while job states change', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            instrument: fc.constantFrom('eqsans', 'biosans', 'powder'),
            ms: fc.integer({ min: 1.7e12, max: 1.8e12 }),
            states: fc.array(fc.constantFrom(...STATES), { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...STATES)), { maxLength: 40 }),
        fc.constantFrom<SortOrder>('newest', 'oldest', 'instrument', 'state'),
        (specs, changes, order) => {
          const index = new SubmissionIndex();
          index.put(specs.map((s, i) => rowOf(i, s.instrument, s.ms, s.states)));
          index.sortBy(order);
          for (const [which, job, state] of changes) {
            if (specs.length === 0) break;
            const i = which % specs.length;
            const row = index.get(`s${String(i).padStart(4, '0')}`)!;
            const target = row.jobs[job % row.jobs.length]!;
            expect(index.setJobState(row.id, target.id, state)).toBe(true);
            const rows = index.rows();
            expect(rows.map((r) => r.id)).toEqual([...rows].sort(byOrder[order]).map((r) => r.id));
          }
          expect(index.rows()).toHaveLength(specs.length);
        },
      ),
    );
  });

  it('filters by instrument, state and time window, in either time order', () => {
    const index = new SubmissionIndex();
    const now = 1.75e12;
    index.put([
      rowOf(1, 'eqsans', now - 10 * 3.6e6, ['succeeded']),
      rowOf(2, 'biosans', now - 2 * 3.6e6, ['running', 'queued']),
      rowOf(3, 'eqsans', now - 0.5 * 3.6e6, ['failed', 'succeeded']),
      rowOf(4, 'eqsans', now - 0.1 * 3.6e6, ['queued']),
    ]);
    const ids = (rows: SubmissionRow[]) => rows.map((r) => r.id);
    expect(ids(index.rows({ instrument: 'eqsans' }))).toEqual(['s0004', 's0003', 's0001']);
    expect(ids(index.rows({ state: 'running' }))).toEqual(['s0002']);
    expect(ids(index.rows({ sinceMs: now - 3.6e6 }))).toEqual(['s0004', 's0003']);
    index.sortBy('oldest');
    expect(ids(index.rows({ sinceMs: now - 3 * 3.6e6 }))).toEqual(['s0002', 's0003', 's0004']);
    index.sortBy('state');
    expect(ids(index.rows({ sinceMs: now - 3 * 3.6e6 }))).toEqual(['s0002', 's0004', 's0003']);
    // An unknown submission or job is refused, so the page fetches it instead.
    expect(index.setJobState('nope', 'x', 'running')).toBe(false);
    expect(index.setJobState('s0001', 'x', 'running')).toBe(false);
  });

  it('takes a submission state from its jobs', () => {
    expect(overallState([])).toBe('queued');
    expect(overallState(['succeeded', 'running', 'queued'])).toBe('running');
    expect(overallState(['succeeded', 'queued'])).toBe('queued');
    expect(overallState(['succeeded', 'failed', 'cancelled'])).toBe('failed');
    expect(overallState(['succeeded', 'cancelled'])).toBe('cancelled');
    expect(overallState(['succeeded', 'succeeded'])).toBe('succeeded');
  });
});

describe('the "mine" scope', () => {
  it('clear() forgets every row and keeps the order, so the list can be read again under another scope', () => {
    const index = new SubmissionIndex('oldest');
    const row = (id: string, s: number, submitter: string) =>
      makeRow(
        {
          id,
          instrument: 'eqsans',
          proposal: null,
          submitter,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString(),
        },
        [{ id: `${id}-j`, label: 'job', state: 'queued' }],
      );
    index.put([row('a', 2, 'sci'), row('b', 1, 'co')]);
    const before = index.version;
    index.clear();
    expect(index.size).toBe(0);
    expect(index.rows()).toEqual([]);
    expect(index.version).toBeGreaterThan(before);
    expect(index.setJobState('a', 'a-j', 'running')).toBe(false);
    index.put([row('c', 5, 'sci'), row('a', 2, 'sci')]);
    expect(index.rows().map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('#/submissions?mine is the list in the "mine" scope; plain #/submissions is everything readable', () => {
    expect(parseRoute('#/submissions?mine')).toEqual({ page: 'list', mine: true });
    expect(parseRoute('#/submissions/?mine=1')).toEqual({ page: 'list', mine: true });
    expect(parseRoute('#/submissions?other')).toEqual({ page: 'list' });
    expect(parseRoute('#/submissions')).toEqual({ page: 'list' });
    expect(parseRoute('#/submissions/abc')).toEqual({ page: 'submission', id: 'abc' });
    expect(parseRoute(listHref(true))).toEqual({ page: 'list', mine: true });
    expect(parseRoute(listHref(false))).toEqual({ page: 'list' });
  });
});
