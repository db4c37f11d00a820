/**
 * Fuzz properties of the schema pipeline on random draft-07 and 2020-12 schemas:
 * 1. loadSchema → buildFieldModel → createValidator → defaultsOf → validate/validateField never throw
 *    anything but a SchemaLoadError with a message, and lintSchema never throws;
 * 2. when defaultsOf's request fails the schema for a reason other than a missing value, the linter has
 *    said so (default-invalid or another finding at that field), so an author is never surprised;
 * 4. validateField agrees with the full validate on each field's own constraints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildFieldModel,
  createValidator,
  defaultsOf,
  type FieldModel,
  getAt,
  instancePointer,
  type LoadedSchema,
  lintSchema,
  loadSchema,
  SchemaLoadError,
  type ValidationError,
} from '../../src/schemas/index';
import { fieldsOutsideComparison } from './fieldsOutsideComparison';
import { budget, timeoutFor } from './fuzzBudget';
import {
  deepSchema,
  type FuzzDialect,
  schemaArbitrary,
  splitAcrossFiles,
  wideSchemaArbitrary,
} from './schemaArbitrary';

const dialects: FuzzDialect[] = ['draft-07', '2020-12'];

/**
 * Loads a schema object, or (`files`) the same schema written as two files that $ref each other; a
 * SchemaLoadError is an accepted outcome (returned), anything else throws.
 */
async function loadOrRefuse(
  schema: Record<string, unknown>,
  files?: FuzzDialect,
): Promise<LoadedSchema | SchemaLoadError> {
  try {
    if (!files) return await loadSchema(structuredClone(schema));
    const dir = mkdtempSync(join(tmpdir(), 'formulary-fuzz-'));
    try {
      const { main, defs } = splitAcrossFiles(schema, files);
      writeFileSync(join(dir, 'main.schema.json'), JSON.stringify(main));
      writeFileSync(join(dir, 'defs.schema.json'), JSON.stringify(defs));
      return await loadSchema(join(dir, 'main.schema.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (error) {
    if (error instanceof SchemaLoadError && error.message.length > 0) return error;
    throw error;
  }
}

/** The rules that are about one field's own value (not presence, not another field). */
const ownRules = new Set([
  'type',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'const',
  // A union's one message (unionMessage.ts) stands for its alternatives' type and limit errors.
  'anyOf',
  'oneOf',
]);

function fieldsWithValues(model: FieldModel, request: unknown) {
  const skipped = fieldsOutsideComparison(model);
  return model.fields
    .filter((f) => !f.pointer.includes('*') && !skipped(f))
    .map((f) => ({ field: f, pointer: instancePointer(f.pointer, []) }))
    .filter(({ pointer }) => getAt(request, pointer) !== undefined);
}

describe.each(dialects)('%s schemas', (dialect) => {
  test(
    'the pipeline never throws anything but a located SchemaLoadError, and lint never throws',
    async () => {
      await fc.assert(
        fc.asyncProperty(schemaArbitrary(dialect), fc.boolean(), async (schema, twoFiles) => {
          const loaded = await loadOrRefuse(schema, twoFiles ? dialect : undefined);
          if (loaded instanceof SchemaLoadError) return;
          const model = buildFieldModel(loaded);
          const validator = createValidator(model);
          const defaults = defaultsOf(model);
          const errors = validator.validate(defaults);
          for (const e of errors) expect(e.message, JSON.stringify(e)).not.toBe('');
          for (const { pointer } of fieldsWithValues(model, defaults)) {
            validator.validateField(pointer, getAt(defaults, pointer), defaults);
          }
          lintSchema(loaded, { model, validate: validator.validate });
        }),
        budget(60),
      );
    },
    timeoutFor(60, 400),
  );

  test(
    "defaultsOf's request is valid, or the linter flags what is not",
    async () => {
      await fc.assert(
        fc.asyncProperty(schemaArbitrary(dialect), async (schema) => {
          const loaded = await loadOrRefuse(schema);
          if (loaded instanceof SchemaLoadError) return;
          const model = buildFieldModel(loaded);
          const validator = createValidator(model);
          const problems = validator
            .validate(defaultsOf(model))
            .filter((e: ValidationError) => ownRules.has(e.rule));
          if (problems.length === 0) return;
          const findings = lintSchema(loaded, { model, validate: validator.validate });
          const flagged = findings.filter((d) => d.severity === 'error' || d.severity === 'warning');
          expect(flagged.length, `unflagged: ${JSON.stringify(problems)}`).toBeGreaterThan(0);
        }),
        budget(60),
      );
    },
    timeoutFor(60, 400),
  );

  test(
    "validateField agrees with validate on each field's own constraints",
    async () => {
      const valueArb = fc.oneof(
        fc.double({ noNaN: true }),
        fc.integer(),
        fc.string({ maxLength: 8 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer(), { maxLength: 3 }),
      );
      await fc.assert(
        fc.asyncProperty(
          schemaArbitrary(dialect, 3),
          fc.array(valueArb, { minLength: 8, maxLength: 8 }),
          async (schema, values) => {
            const loaded = await loadOrRefuse(schema);
            if (loaded instanceof SchemaLoadError) return;
            const model = buildFieldModel(loaded);
            const validator = createValidator(model);
            const request = defaultsOf(model);
            const top = fieldsWithValues(model, request);
            top.forEach(({ pointer }, i) => {
              const value = values[i % values.length];
              const parent = getAt(request, pointer.slice(0, pointer.lastIndexOf('/')));
              if (parent && typeof parent === 'object')
                Object.defineProperty(
                  parent,
                  pointer
                    .slice(pointer.lastIndexOf('/') + 1)
                    .replace(/~1/g, '/')
                    .replace(/~0/g, '~'),
                  { value, enumerable: true, writable: true, configurable: true },
                );
            });
            const whole = validator.validate(request);
            for (const { pointer } of top) {
              const own = (errors: readonly ValidationError[]) =>
                errors.some((e) => e.pointer === pointer && ownRules.has(e.rule));
              const single = validator.validateField(pointer, getAt(request, pointer), request);
              expect(
                own(single),
                `${pointer} = ${JSON.stringify(getAt(request, pointer))}: field ${JSON.stringify(single)} whole ${JSON.stringify(whole)}`,
              ).toBe(own(whole));
            }
          },
        ),
        budget(60),
      );
    },
    timeoutFor(60, 400),
  );

  test(
    'very wide and very deep schemas load, build and validate',
    async () => {
      await fc.assert(
        fc.asyncProperty(wideSchemaArbitrary(dialect), async (schema) => {
          const loaded = await loadOrRefuse(schema);
          if (loaded instanceof SchemaLoadError) return;
          const model = buildFieldModel(loaded);
          createValidator(model).validate(defaultsOf(model));
        }),
        budget(5, 0.05),
      );
      const deep = await loadOrRefuse(deepSchema(dialect, 200));
      if (!(deep instanceof SchemaLoadError)) {
        const model = buildFieldModel(deep);
        expect(createValidator(model).validate(defaultsOf(model))).toEqual([]);
      }
    },
    timeoutFor(5, 4000, 0.05),
  );
});
