/** FieldOrderings: schema, label, changed-first and errors-first orders, kept up to date by update(). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FieldIndex, FieldOrderings, type OrderingName, orderingNames } from '../../../src/schemas/index';
import { searchModel } from './searchModel';

const entries = new FieldIndex(searchModel()).entries;
const pointersOf = (o: FieldOrderings, name: OrderingName) => o.list(name).map((e) => e.pointer);

describe('FieldOrderings', () => {
  test('schema order and label order', () => {
    const o = new FieldOrderings(entries);
    expect(pointersOf(o, 'schema')).toEqual(entries.map((e) => e.pointer));
    const labels = o.list('label').map((e) => e.labelText);
    expect(labels).toEqual([...labels].sort());
    expect(labels[0]).toBe('bin type');
  });

  test('changed first, then errors first, moving as states change', () => {
    const o = new FieldOrderings(entries);
    o.update('/sample/thickness', { changed: true });
    o.update('/binning/numQBins', { changed: true });
    expect(pointersOf(o, 'changedFirst').slice(0, 2)).toEqual(['/binning/numQBins', '/sample/thickness']);
    o.update('/job/suffix', { hasError: true });
    expect(pointersOf(o, 'errorsFirst').slice(0, 3)).toEqual([
      '/job/suffix',
      '/binning/numQBins',
      '/sample/thickness',
    ]);
    o.update('/binning/numQBins', { changed: false });
    expect(pointersOf(o, 'changedFirst')[0]).toBe('/sample/thickness');
    expect(o.state('/job/suffix')).toEqual({ changed: false, hasError: true });
    expect(o.positionOf('errorsFirst', '/job/suffix')).toBe(0);
    expect(o.counts()).toEqual({ changed: 1, errors: 1 });
    o.assertInvariants();
  });

  test('sorts search hits by an ordering', () => {
    const o = new FieldOrderings(entries);
    o.update('/binning/Qmin', { hasError: true });
    const hits = entries.slice(0, 4).map((entry) => ({ entry }));
    expect(o.sort(hits, 'errorsFirst')[0]?.entry.pointer).toBe('/binning/Qmin');
  });

  test('an unknown pointer is an error naming it', () => {
    const o = new FieldOrderings(entries);
    expect(() => o.update('/nope', { changed: true })).toThrow('"/nope"');
  });

  test('random updates match sorting the states from scratch', () => {
    const n = entries.length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(n - 1), fc.boolean(), fc.boolean()), { maxLength: 60 }),
        (steps) => {
          const o = new FieldOrderings(entries);
          const state = entries.map(() => ({ changed: false, hasError: false }));
          for (const [i, changed, hasError] of steps) {
            o.update(entries[i]!.pointer, { changed, hasError });
            // A discriminator sits at one pointer in every branch: all of them move.
            entries.forEach((e, j) => {
              if (e.pointer === entries[i]!.pointer) state[j] = { changed, hasError };
            });
            o.assertInvariants();
          }
          const idx = entries.map((_, i) => i);
          const expectOrder = (name: OrderingName, key: (i: number) => number) =>
            expect(pointersOf(o, name)).toEqual(
              [...idx].sort((a, b) => key(a) - key(b) || a - b).map((i) => entries[i]!.pointer),
            );
          expectOrder('changedFirst', (i) => (state[i]!.changed ? 0 : 1));
          expectOrder('errorsFirst', (i) => (state[i]!.hasError ? 0 : 2) + (state[i]!.changed ? 0 : 1));
          expect(orderingNames).toHaveLength(4);
        },
      ),
    );
  });
});
