/**
 * The DefaultsStore over Kysely: the same queries on SQLite and PostgreSQL. A change first bumps the
 * instrument's revision row (on PostgreSQL that row lock makes concurrent saves of one instrument
 * wait for each other, so every history row's "old" is what the previous save left), then writes the
 * overlay and appends the history and the audit entries, all in one transaction. History rows are
 * never updated or deleted.
 */
import type { Kysely, Selectable } from 'kysely';
import { jsonEquals } from '../../schemas/index';
import type { Database } from './Database';
import type { DefaultChange, DefaultsStore, StoredDefault } from './DefaultsStore';
import type { DefaultsTables } from './DefaultsTables';

const toText = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const fromText = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

const toChange = (row: Selectable<DefaultsTables['default_changes']>): DefaultChange => ({
  seq: Number(row.seq),
  instrument: row.instrument,
  pointer: row.pointer,
  oldValue: fromText(row.old_value),
  newValue: fromText(row.new_value),
  reset: Number(row.reset) === 1,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
});

export function createDefaultsStore(db: Kysely<Database>): DefaultsStore {
  return {
    async overlay(instrument) {
      const revision = await db
        .selectFrom('default_revisions')
        .select('revision')
        .where('instrument', '=', instrument)
        .executeTakeFirst();
      const rows = await db
        .selectFrom('instrument_defaults')
        .selectAll()
        .where('instrument', '=', instrument)
        .orderBy('pointer')
        .execute();
      return {
        revision: Number(revision?.revision ?? 0),
        values: rows.map(
          (row): StoredDefault => ({
            instrument: row.instrument,
            pointer: row.pointer,
            value: JSON.parse(row.value),
            changedBy: row.changed_by,
            changedAt: row.changed_at,
          }),
        ),
      };
    },

    async change(instrument, edits, by, at, auditOf) {
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('default_revisions')
          .values({ instrument, revision: 0 })
          .onConflict((oc) => oc.column('instrument').doNothing())
          .execute();
        await trx
          .updateTable('default_revisions')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .where('instrument', '=', instrument)
          .execute();
        const written: DefaultChange[] = [];
        for (const edit of edits) {
          const current = await trx
            .selectFrom('instrument_defaults')
            .select('value')
            .where('instrument', '=', instrument)
            .where('pointer', '=', edit.pointer)
            .executeTakeFirst();
          const before = current ? JSON.parse(current.value) : edit.schemaDefault;
          const reset = edit.value === undefined;
          const after = reset ? edit.schemaDefault : edit.value;
          // Nothing to record: the same value again, or a reset of a field that has no overlay.
          if ((reset && !current) || (!reset && current && jsonEquals(before, after))) continue;
          if (reset)
            await trx
              .deleteFrom('instrument_defaults')
              .where('instrument', '=', instrument)
              .where('pointer', '=', edit.pointer)
              .execute();
          else
            await trx
              .insertInto('instrument_defaults')
              .values({
                instrument,
                pointer: edit.pointer,
                value: JSON.stringify(after),
                changed_by: by,
                changed_at: at,
              })
              .onConflict((oc) =>
                oc.columns(['instrument', 'pointer']).doUpdateSet({
                  value: JSON.stringify(after),
                  changed_by: by,
                  changed_at: at,
                }),
              )
              .execute();
          const row = await trx
            .insertInto('default_changes')
            .values({
              instrument,
              pointer: edit.pointer,
              old_value: toText(before),
              new_value: toText(after),
              reset: reset ? 1 : 0,
              changed_by: by,
              changed_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          written.push(toChange(row));
        }
        if (auditOf && written.length > 0)
          await trx.insertInto('audit_log').values(written.map(auditOf)).execute();
        return written;
      });
    },

    async history(instrument, options) {
      let query = db.selectFrom('default_changes').selectAll().where('instrument', '=', instrument);
      if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
      const rows = await query.orderBy('seq', 'desc').limit(options.limit).execute();
      return rows.map(toChange);
    },
  };
}
