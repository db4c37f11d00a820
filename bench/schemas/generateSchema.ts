/**
 * Synthetic instrument schemas of a given size for the schemas benchmark: sections of ten fields with
 * the shapes real facility schemas have (units and limits, nullable unions, numbers typed as text,
 * enums, patterns, run lists, a less-than rule per section, an if/then per section). Deterministic.
 */

export interface GeneratedSchema {
  readonly schema: Record<string, unknown>;
  /** A request that passes validation. */
  readonly valid: Record<string, unknown>;
  /** Leaf pointers, for validateField. */
  readonly pointers: string[];
  readonly fieldCount: number;
}

/** A draft-07 schema with `fields` leaf fields (rounded up to a multiple of 10). O(fields). */
export function generateSchema(fields: number): GeneratedSchema {
  const sections = Math.ceil(fields / 10);
  const properties: Record<string, unknown> = {};
  const valid: Record<string, unknown> = {};
  const pointers: string[] = [];
  for (let s = 0; s < sections; s++) {
    const name = `section${s}`;
    properties[name] = {
      type: 'object',
      required: ['sampleRun', 'wavelength'],
      additionalProperties: false,
      properties: {
        sampleRun: { type: 'integer', minimum: 1 },
        wavelength: { type: 'number', minimum: 1, maximum: 20, 'x-units': 'Å' },
        Qmin: {
          anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9.eE+-]+$' }, { type: 'null' }],
          'x-lessThan': '1/Qmax',
          'x-units': '1/Å',
        },
        Qmax: { type: ['number', 'null'], 'x-units': '1/Å' },
        binType: { type: 'string', enum: ['linear', 'log'], default: 'linear' },
        outputName: { type: 'string', pattern: '^[A-Za-z0-9_]+$' },
        backgroundRuns: { type: 'string', 'x-input': 'run-list' },
        useSolidAngle: { type: 'boolean', default: true },
        thickness: { type: 'number', exclusiveMinimum: 0, 'x-units': 'cm', default: 0.1 },
        mode: { enum: ['scalar', 'wedge'], default: 'scalar' },
      },
      if: { properties: { mode: { const: 'wedge' } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
      then: { properties: { wedgeCount: { type: 'integer', minimum: 1 } } },
    };
    valid[name] = {
      sampleRun: 88980 + s,
      wavelength: 6,
      Qmin: 0.01,
      Qmax: 0.5,
      binType: 'log',
      outputName: `sample_${s}`,
      backgroundRuns: '12345-12350',
      useSolidAngle: true,
      thickness: 0.2,
      mode: 'scalar',
    };
    for (const key of Object.keys(valid[name] as object)) pointers.push(`/${name}/${key}`);
  }
  return {
    schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties },
    valid,
    pointers,
    fieldCount: sections * 10,
  };
}
