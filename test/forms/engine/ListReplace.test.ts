/**
 * replaceList, the engine's one call for a paste or CSV import, on the shipped SEQUOIA form without
 * React: rows appended with the item's defaults, rows written over in place (their other fields
 * kept), all rows replaced, the request each time, and undo back to the very same request.
 */
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { createFormEngine } from '../../../src/forms/engine/FormEngine';
import { conditionTest, validatorOf } from '../../../src/forms/engine/schemasBridge';
import { createValueMap } from '../../../src/forms/engine/ValueMap';
import { buildFieldModel, getAt, instrumentCatalogue, loadSchema } from '../../../src/schemas/index';

async function sequoia() {
  const entry = instrumentCatalogue.find((i) => i.id === 'inelastic')!;
  const model = buildFieldModel(await loadSchema(resolve(entry.schemaPath)));
  const engine = createFormEngine({
    model,
    store: createValueMap({}),
    validator: () => validatorOf(model),
    test: conditionTest,
  });
  engine.importRequest(undefined);
  return engine;
}

const scansOf = (engine: Awaited<ReturnType<typeof sequoia>>) => getAt(engine.draftValues(), '/job/scans');

test('append, write over from a row, replace all, and undo each back to the same request', async () => {
  const engine = await sequoia();
  const list = engine.storageOf('/job/scans')!;
  const [first] = engine.rowsOf(list);
  engine.setField(`${list}/~r${first}/runNumber`, '100');
  engine.setField(`${list}/~r${first}/label`, 'kept');
  const start = structuredClone(engine.draftValues());
  let heard = 0;
  engine.subscribeValues(() => heard++);

  const appended = engine.replaceList(list, [
    { rowId: first, cells: [] },
    {
      cells: [
        ['/runNumber', '101-103'],
        ['/temperature', 5],
      ],
    },
    { cells: [['/runNumber', '104']] },
  ]);
  expect(heard).toBe(1);
  expect(scansOf(engine)).toEqual([
    { runNumber: '100', temperature: null, sampleRotation: null, label: 'kept' },
    { runNumber: '101-103', temperature: 5, sampleRotation: null, label: '' },
    { runNumber: '104', temperature: null, sampleRotation: null, label: '' },
  ]);
  expect(engine.rowsOf(list)[0]).toBe(first);
  expect(engine.changedCount([list])).toBeGreaterThan(0);

  engine.undoListReplace(appended);
  expect(engine.draftValues()).toEqual(start);

  // Written over in place: the row's other fields stay.
  const over = engine.replaceList(list, [{ rowId: first, cells: [['/temperature', 7]] }]);
  expect(scansOf(engine)).toEqual([
    { runNumber: '100', temperature: 7, sampleRotation: null, label: 'kept' },
  ]);
  engine.undoListReplace(over);
  expect(engine.draftValues()).toEqual(start);

  // Replaced: the old row goes, undo brings it back with its change marks.
  const all = engine.replaceList(list, [{ cells: [['/runNumber', '200']] }]);
  expect(scansOf(engine)).toEqual([{ runNumber: '200', temperature: null, sampleRotation: null, label: '' }]);
  expect(engine.rowsOf(list)).not.toContain(first);
  engine.undoListReplace(all);
  expect(engine.draftValues()).toEqual(start);
  expect(engine.isChanged(`${list}/~r${first}/label`)).toBe(true);
});

test('a value written over a field showing an error re-checks it', async () => {
  const engine = await sequoia();
  const list = engine.storageOf('/job/scans')!;
  const [first] = engine.rowsOf(list);
  const temperature = `${list}/~r${first}/temperature`;
  engine.setField(temperature, 5000);
  engine.blurField(temperature);
  expect(engine.errors.has(temperature)).toBe(true);
  engine.replaceList(list, [{ rowId: first, cells: [['/temperature', 50]] }]);
  expect(engine.errors.has(temperature)).toBe(false);
});

test('new rows: each pasted cell marked changed exactly when it differs from the item default, listeners told once, replaced rows forgotten', async () => {
  const engine = await sequoia();
  const list = engine.storageOf('/job/scans')!;
  const [first] = engine.rowsOf(list);
  engine.setField(`${list}/~r${first}/label`, 'old');
  expect(engine.isChanged(`${list}/~r${first}/label`)).toBe(true);
  let heard = 0;
  engine.subscribeChanged([list], () => heard++);
  // 200 rows: a differing run number and temperature, a label equal to the default (''), and a
  // temperature equal to its default (null) on every other row.
  const rows = Array.from({ length: 200 }, (_, i) => ({
    cells: [
      ['/runNumber', String(1000 + i)],
      ['/label', ''],
      ['/temperature', i % 2 === 0 ? 5 + i : null],
    ] as const,
  }));
  const undo = engine.replaceList(list, rows);
  const ids = engine.rowsOf(list);
  expect(ids).toHaveLength(200);
  expect(ids).not.toContain(first);
  ids.forEach((id, i) => {
    expect(engine.isChanged(`${list}/~r${id}/runNumber`)).toBe(true);
    expect(engine.isChanged(`${list}/~r${id}/label`)).toBe(false);
    expect(engine.isChanged(`${list}/~r${id}/temperature`)).toBe(i % 2 === 0);
    expect(engine.isChanged(`${list}/~r${id}/sampleRotation`)).toBe(false);
  });
  // The replaced row's mark is gone; the list's row count (1 -> 200) is one change.
  expect(engine.isChanged(`${list}/~r${first}/label`)).toBe(false);
  expect(engine.changedCount([list])).toBe(200 + 100 + 1);
  // Told a few times for the whole paste (new cells, the row count, the rows that left), not per cell.
  expect(heard).toBeGreaterThan(0);
  expect(heard).toBeLessThanOrEqual(3);

  // Editing a pasted cell back to its default clears its mark, as for any row.
  engine.setField(`${list}/~r${ids[0]}/temperature`, null);
  expect(engine.isChanged(`${list}/~r${ids[0]}/temperature`)).toBe(false);

  engine.undoListReplace(undo);
  expect(engine.rowsOf(list)).toEqual([first]);
  expect(engine.isChanged(`${list}/~r${first}/label`)).toBe(true);
  expect(engine.changedCount([list])).toBe(1);
});
