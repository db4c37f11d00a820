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
