/**
 * formularyResolver against @hookform/resolvers' ajv resolver on the same bundled schema: the same
 * verdict on every shipped example; where ajv flags a field we flag it too; and on the invalid
 * examples our cross-field rules (which ajv cannot know) are reported with our messages. Then what a
 * field check costs: only the named field (and its rule partners) is checked, and text is coerced as
 * our widgets do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ajvResolver } from '@hookform/resolvers/ajv';
import { type FieldValues, get, type Resolver, type ResolverOptions } from 'react-hook-form';
import { describe, expect, test } from 'vitest';
import { formularyResolver } from '../../../src/forms/rhf/formularyResolver';
import { buildFieldModel, instrumentCatalogue, loadSchema } from '../../../src/schemas/index';

const whole: ResolverOptions<FieldValues> = { fields: {}, shouldUseNativeValidation: false };

/** The RHF names an errors object holds ("root" of a group folded into the group's name). */
function errorNames(errors: unknown, prefix = ''): string[] {
  if (errors === null || typeof errors !== 'object') return [];
  if (typeof (errors as { message?: unknown }).message === 'string' && 'type' in errors)
    return [prefix.replace(/\.root$/, '')];
  return Object.entries(errors).flatMap(([key, value]) =>
    key === 'ref' ? [] : errorNames(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

const ruleKinds = new Set(['lessThan', 'requires', 'atMostOneTrue', 'sameLength', 'requiredWhen']);

describe.each(instrumentCatalogue.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
  const files = readdirSync(`examples/${id}`).filter((f) => f.endsWith('.json') && !f.includes('.expected'));

  test.each(files)('%s: same verdict as the ajv resolver, and our rules with our messages', async (file) => {
    const loaded = await loadSchema(entry.schemaPath);
    const model = buildFieldModel(loaded);
    const request = JSON.parse(readFileSync(`examples/${id}/${file}`, 'utf8'));
    // ajvResolver builds a draft-07 Ajv whatever the schema says: the 2020-12 schemas go in without
    // their $schema (their keywords here are draft-07's too); our x- keywords need strict off.
    const { $schema: _dialect, ...schema } = loaded.schema as Record<string, unknown>;
    const theirs = await (ajvResolver(schema as never, { strict: false }) as unknown as Resolver)(
      structuredClone(request),
      undefined,
      whole,
    );
    const ours = await formularyResolver(model)(structuredClone(request), undefined, {
      ...whole,
      criteriaMode: 'all',
    });
    const theirNames = errorNames(theirs.errors);
    const ourNames = errorNames(ours.errors);
    const invalid = file.startsWith('invalid-');
    expect(theirNames.length > 0).toBe(invalid);
    expect(ourNames.length > 0).toBe(invalid);
    // Where ajv flags a field we do; where it flags an object (a oneOf or additionalProperties) we flag
    // it or a field in it (our explanation names the field at fault).
    for (const name of theirNames)
      expect(
        ourNames.some((o) => o === name || o.startsWith(`${name}.`)),
        name,
      ).toBe(true);
    if (!invalid) {
      // A valid request comes back as the request (defaults filled where it leaves a key out).
      expect(ours.values).toMatchObject(request);
      return;
    }
    const expected = JSON.parse(
      readFileSync(`examples/${id}/${file.replace('.json', '.expected.json')}`, 'utf8'),
    ) as { pointer: string; rule: string }[];
    const rules = expected.filter((e) => ruleKinds.has(e.rule));
    expect(rules.length).toBeGreaterThan(0);
    for (const { pointer, rule } of rules) {
      const name = pointer.slice(1).replace(/\//g, '.');
      const error = name
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], ours.errors) as
        | { types: Record<string, string> }
        | undefined;
      expect(error?.types[rule], `${pointer} ${rule}`).toMatch(/\S/);
    }
  });
});

describe('a field check', () => {
  test('checks the named field and its rule partners only, coercing text as the widgets do', async () => {
    const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
    const resolver = formularyResolver(model, { name: 'reduction' });
    const values = {
      title: 'x',
      reduction: { binning: { Qmin: '0.5', Qmax: '0.1', numQxQyBins: '80.5' } },
    };
    const one = (name: string) => ({ ...whole, names: [name] });
    const qmin = await resolver(values, undefined, one('reduction.binning.Qmin'));
    // Text "0.5" and "0.1" (the schema takes numeric text there) are numbers to the rule; the bad
    // text in another field is not looked at.
    expect(errorNames(qmin.errors)).toEqual(['reduction.binning.Qmin']);
    expect(get(qmin.errors, 'reduction.binning.Qmin.message')).toMatch(/must be less than Q max/);
    // Text in a whole-number field is coerced as the integer widget does, with its message.
    const bins = await resolver(values, undefined, one('reduction.binning.numQxQyBins'));
    expect(get(bins.errors, 'reduction.binning.numQxQyBins')).toMatchObject({ type: 'input' });
    expect(get(bins.errors, 'reduction.binning.numQxQyBins.message')).toMatch(/whole number/);
    // A partner holding text (a host's own input) is read as the widget would read it.
    const band = (max: string) => ({ reduction: { wavelength: { wavelengthMin: 3, wavelengthMax: max } } });
    const low = await resolver(band('2.5'), undefined, one('reduction.wavelength.wavelengthMin'));
    expect(get(low.errors, 'reduction.wavelength.wavelengthMin.type')).toBe('lessThan');
    const high = await resolver(band('7'), undefined, one('reduction.wavelength.wavelengthMin'));
    expect(high.errors).toEqual({});
    // A host field alone is not ours to check.
    expect(errorNames((await resolver(values, undefined, one('title'))).errors)).toEqual([]);
    // The form as a whole (submit): both, and more (required scans, ...).
    const all = errorNames(
      (await resolver(values, undefined, { ...whole, names: ['title', 'reduction.binning.Qmin'] })).errors,
    );
    expect(all).toContain('reduction.binning.numQxQyBins');
    expect(all).toContain('reduction.binning.Qmin');
    expect(all).toContain('reduction.binning.Qmax');
  });

  test('a valid form hands over the request: text coerced, hidden fields and other branches left out', async () => {
    const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
    const resolver = formularyResolver(model, { name: 'reduction' });
    const request = JSON.parse(readFileSync('examples/eqsans/average-protein-concentrations.json', 'utf8'));
    const values = { title: 't', reduction: structuredClone(request) };
    values.reduction.wavelength.wavelengthMin = '2.5';
    values.reduction.binning.numQxQyBins = '80';
    const result = await resolver(values, undefined, whole);
    expect(result.errors).toEqual({});
    expect(get(result.values, 'title')).toBe('t');
    expect(get(result.values, 'reduction.wavelength.wavelengthMin')).toBe(2.5);
    expect(get(result.values, 'reduction.binning.numQxQyBins')).toBe(80);
    expect(get(result.values, 'reduction')).toEqual(request);
  });
});

test('a key the schema lacks is named, not dropped; a branch not selected keeps its keys quietly', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const resolver = formularyResolver(model, { name: 'reduction' });
  const request = JSON.parse(readFileSync('examples/eqsans/average-protein-concentrations.json', 'utf8'));
  const values = { reduction: structuredClone(request) };
  values.reduction.binning.Qmx = 0.5;
  const result = await resolver(values, undefined, whole);
  expect(errorNames(result.errors)).toEqual(['reduction.binning.Qmx']);
  expect(get(result.errors, 'reduction.binning.Qmx.message')).toMatch(/"Qmx" is not in this schema/);
  delete values.reduction.binning.Qmx;
  // "keepIndividualCurves" belongs to the average branch; with each_scan picked the form keeps it.
  values.reduction.job.mode = 'each_scan';
  const other = await resolver(values, undefined, whole);
  expect(errorNames(other.errors).filter((n) => n.includes('keepIndividualCurves'))).toEqual([]);
});
