/**
 * The portal's defaults overlay without a browser: the model new forms start from carries the staff's
 * default (in the tree, `fields` and `byPointer`, and in defaultsOf) with "Default changed by … on …"
 * in its help, in the page's language; the rest of the model is shared; changedValues finds exactly
 * the fields that differ from that start; the hash routes of the new pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { withStaffDefaults } from '../../src/app/auth/index';
import { changedValues } from '../../src/app/defaults/changedValues';
import { overlayDefaults } from '../../src/app/defaults/index';
import { parseRoute } from '../../src/app/submissions/index';
import { buildFieldModel, defaultsOf, setAt } from '../../src/schemas/index';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../server/fixtures/staffy.schema.json'), 'utf8'),
) as Record<string, unknown>;
const carol = {
  pointer: '/maskFile',
  label: 'Mask file',
  value: '/instrument/mask-2026b.xml',
  changedBy: 'carol',
  changedAt: '2026-12-07T15:00:00Z',
};

afterEach(() => {
  document.documentElement.lang = '';
});

test('new forms start from the overlay, and the field says who changed it', () => {
  const model = buildFieldModel(schema);
  const overlaid = overlayDefaults(model, [carol]);
  expect(overlayDefaults(model, [])).toBe(model);
  const mask = overlaid.byPointer.get('/maskFile');
  expect(mask).toMatchObject({ default: '/instrument/mask-2026b.xml', hasDefault: true });
  expect(overlaid.fields.find((f) => f.pointer === '/maskFile')).toBe(mask);
  expect(mask?.description).toBe('Default changed by carol on Dec 7, 2026.');
  expect((defaultsOf(overlaid) as Record<string, unknown>).maskFile).toBe('/instrument/mask-2026b.xml');
  expect((defaultsOf(model) as Record<string, unknown>).maskFile).toBe('/instrument/default-mask.xml');
  expect(overlaid.byPointer.get('/sample')).toBe(model.byPointer.get('/sample'));
  document.documentElement.lang = 'fr';
  expect(overlayDefaults(model, [carol]).byPointer.get('/maskFile')?.description).toMatch(
    /^Valeur par défaut modifiée par carol le 7 déc\.? 2026\.$/,
  );
});

test('changedValues: the fields that differ from what a new form starts with', () => {
  const overlaid = overlayDefaults(buildFieldModel(schema), [carol]);
  const start = defaultsOf(overlaid, { includeHidden: true });
  expect(changedValues(overlaid, start)).toEqual({});
  const edited = setAt(structuredClone(start), '/maskFile', '/instrument/other.xml');
  setAt(edited, '/sample', 'water');
  expect(changedValues(overlaid, edited)).toEqual({
    '/maskFile': '/instrument/other.xml',
    '/sample': 'water',
  });
});

test('hash routes of the defaults pages and the audit page', () => {
  expect(parseRoute('#/defaults/eqsans')).toEqual({ page: 'defaults', instrument: 'eqsans' });
  expect(parseRoute('#/defaults/eqsans/history')).toEqual({ page: 'defaultsHistory', instrument: 'eqsans' });
  expect(parseRoute('#/audit')).toEqual({ page: 'audit' });
  expect(parseRoute('#/submissions')).toEqual({ page: 'list' });
});

test("withStaffDefaults: a staff-only field sends today's default, whatever an older draft held", () => {
  const overlaid = overlayDefaults(buildFieldModel(schema), [carol]);
  const draft = { iptsNumber: 'IPTS-1', sample: 'water', maskFile: '/instrument/default-mask.xml' };
  const sent = withStaffDefaults(overlaid, draft);
  expect(sent).toEqual({ ...draft, maskFile: '/instrument/mask-2026b.xml' });
  expect(draft.maskFile).toBe('/instrument/default-mask.xml');
  const without = { iptsNumber: 'IPTS-1', sample: 'water' };
  expect(withStaffDefaults(overlaid, without)).toBe(without);
});
