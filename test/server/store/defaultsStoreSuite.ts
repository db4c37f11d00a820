/**
 * The DefaultsStore on a real database, once per back end: the overlay and its revision, history rows
 * old -> new (the schema's default when nothing was saved), edits that change nothing left out,
 * resets, newest-first history with its cursor, and concurrent saves of one field recorded as one
 * unbroken chain (each "old" is the previous "new": the revision row orders them), and audit entries
 * that commit with the change or not at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DefaultChange, NewAuditEntry, SubmissionStore } from '../../../src/server/store/index';

export interface DefaultsStoreTarget {
  open(): Promise<SubmissionStore>;
}

const t = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s)).toISOString();
const R = '/beamCenter/comRadius';

export function describeDefaultsStore(name: string, target: DefaultsStoreTarget): void {
  describe(`DefaultsStore on ${name}`, () => {
    const open: SubmissionStore[] = [];
    const openOne = async () => {
      const s = await target.open();
      open.push(s);
      return s;
    };
    const store = async () => (await openOne()).defaults;
    const auditOf =
      (address: string | null) =>
      (c: DefaultChange): NewAuditEntry => ({
        time: c.changedAt,
        actor: c.changedBy,
        action: c.reset ? 'default-reset' : 'default-change',
        target: `${c.instrument}:${c.pointer}`,
        address,
        outcome: 'ok',
        detail: JSON.stringify({ old: c.oldValue ?? null, new: c.newValue ?? null }),
      });
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('keeps an overlay per instrument with a revision, and its history old -> new', async () => {
      const defaults = await store();
      expect(await defaults.overlay('eqsans')).toEqual({ revision: 0, values: [] });
      const first = await defaults.change(
        'eqsans',
        [
          { pointer: R, value: 60, schemaDefault: 50 },
          { pointer: '/runCycle', value: { cycle: '2026B' }, schemaDefault: undefined },
        ],
        'carol',
        t(1),
      );
      expect(first.map((c) => [c.pointer, c.oldValue, c.newValue, c.reset])).toEqual([
        [R, 50, 60, false],
        ['/runCycle', undefined, { cycle: '2026B' }, false],
      ]);
      expect(await defaults.overlay('eqsans')).toEqual({
        revision: 1,
        values: [
          { instrument: 'eqsans', pointer: R, value: 60, changedBy: 'carol', changedAt: t(1) },
          {
            instrument: 'eqsans',
            pointer: '/runCycle',
            value: { cycle: '2026B' },
            changedBy: 'carol',
            changedAt: t(1),
          },
        ],
      });
      // Another instrument's overlay is its own.
      expect(await defaults.overlay('biosans')).toEqual({ revision: 0, values: [] });
    });

    it('leaves out edits that change nothing, resets, and pages the history newest first', async () => {
      const defaults = await store();
      await defaults.change('eqsans', [{ pointer: R, value: 60, schemaDefault: 50 }], 'carol', t(1));
      // The same value again, and a reset of a field with no overlay: nothing to record.
      const same = await defaults.change(
        'eqsans',
        [
          { pointer: R, value: 60, schemaDefault: 50 },
          { pointer: '/other', value: undefined, schemaDefault: 3 },
        ],
        'carol',
        t(2),
      );
      expect(same).toEqual([]);
      await defaults.change('eqsans', [{ pointer: R, value: 70, schemaDefault: 50 }], 'boss', t(3));
      const reset = await defaults.change(
        'eqsans',
        [{ pointer: R, value: undefined, schemaDefault: 50 }],
        'carol',
        t(4),
      );
      expect(reset.map((c) => [c.oldValue, c.newValue, c.reset])).toEqual([[70, 50, true]]);
      expect((await defaults.overlay('eqsans')).values).toEqual([]);
      const all = await defaults.history('eqsans', { limit: 10 });
      expect(all.map((c) => [c.changedBy, c.oldValue, c.newValue])).toEqual([
        ['carol', 70, 50],
        ['boss', 60, 70],
        ['carol', 50, 60],
      ]);
      const page = await defaults.history('eqsans', { limit: 2, beforeSeq: all[0]!.seq });
      expect(page.map((c) => c.seq)).toEqual([all[1]!.seq, all[2]!.seq]);
    });

    it('records concurrent saves of one field as one unbroken chain', async () => {
      const defaults = await store();
      const values = Array.from({ length: 12 }, (_, i) => 100 + i);
      await Promise.all(
        values.map((value, i) =>
          defaults.change('eqsans', [{ pointer: R, value, schemaDefault: 50 }], `staff${i}`, t(i)),
        ),
      );
      const chain = (await defaults.history('eqsans', { limit: 100 })).reverse();
      expect(chain).toHaveLength(values.length);
      expect(chain[0]!.oldValue).toBe(50);
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.oldValue).toBe(chain[i - 1]!.newValue);
      const overlay = await defaults.overlay('eqsans');
      expect(overlay.revision).toBe(values.length);
      expect(overlay.values[0]!.value).toBe(chain.at(-1)!.newValue);
    });

    it('commits one audit entry per field changed with the change, and nothing when either fails', async () => {
      const s = await openOne();
      await s.defaults.change(
        'eqsans',
        [
          { pointer: R, value: 60, schemaDefault: 50 },
          { pointer: '/other', value: undefined, schemaDefault: 3 },
        ],
        'carol',
        t(1),
        auditOf('10.0.0.7'),
      );
      const audit = await s.auth.readAudit({ limit: 10 });
      // The no-op reset of '/other' is neither in the history nor in the audit log.
      expect(audit.map((a) => [a.actor, a.action, a.target, a.address, JSON.parse(a.detail)])).toEqual([
        ['carol', 'default-change', `eqsans:${R}`, '10.0.0.7', { old: 50, new: 60 }],
      ]);
      // An audit entry that cannot be written (no action: NOT NULL) takes the change down with it.
      const broken = (c: DefaultChange) => ({ ...auditOf(null)(c), action: null as unknown as string });
      await expect(
        s.defaults.change('eqsans', [{ pointer: R, value: 70, schemaDefault: 50 }], 'boss', t(2), broken),
      ).rejects.toThrow();
      expect((await s.defaults.overlay('eqsans')).values.map((v) => v.value)).toEqual([60]);
      expect(await s.defaults.history('eqsans', { limit: 10 })).toHaveLength(1);
      expect(await s.auth.readAudit({ limit: 10 })).toHaveLength(1);
    });
  });
}
