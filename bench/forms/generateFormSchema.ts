/**
 * Generated instrument-like schemas for the form benchmark: `fields` leaves in sections of 20, a
 * quarter of the sections advanced, a realistic mix (numbers with limits and units, strings, booleans,
 * enums, nullable unions). Deterministic; no titles, so labels come from keys as in facility schemas.
 */

export const fieldsPerSection = 20;

/** The text field typed into by the keystroke measure: in the middle non-advanced section. */
export interface GeneratedFormSchema {
  readonly schema: Record<string, unknown>;
  readonly fieldCount: number;
  readonly targetPointer: string;
}

function sectionProperties(s: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let f = 0; f < fieldsPerSection; f++) {
    const key = (name: string) => `${name}${s}x${f}`;
    switch (f % 10) {
      case 0:
        properties[key('sampleName')] = { type: 'string', default: '' };
        break;
      case 1:
        properties[key('wavelengthMin')] = {
          type: 'number',
          minimum: 0.5,
          maximum: 20,
          default: 2.5,
          'x-units': 'Å',
        };
        break;
      case 2:
        properties[key('detectorDistance')] = {
          type: 'number',
          minimum: 1,
          maximum: 15,
          default: 4,
          'x-units': 'm',
        };
        break;
      case 3:
        properties[key('useSolidAngle')] = { type: 'boolean', default: true };
        break;
      case 4:
        properties[key('normalisation')] = {
          type: 'string',
          enum: ['time', 'monitor', 'protonCharge'],
          default: 'monitor',
        };
        break;
      case 5:
        properties[key('sampleThickness')] = {
          type: ['number', 'null'],
          exclusiveMinimum: 0,
          default: null,
          'x-units': 'cm',
        };
        break;
      case 6:
        properties[key('numberOfBins')] = { type: 'integer', minimum: 1, maximum: 10000, default: 100 };
        break;
      case 7:
        properties[key('outputSuffix')] = { type: 'string', maxLength: 40, default: '' };
        break;
      case 8:
        properties[key('qBinType')] = { type: 'string', enum: ['linear', 'log'], default: 'linear' };
        break;
      default:
        properties[key('transmissionValue')] = {
          type: ['number', 'null'],
          minimum: 0,
          maximum: 1,
          default: null,
        };
    }
  }
  return properties;
}

/** A draft-07 schema with `fields` leaves (rounded up to a multiple of 20). O(fields). */
export function generateFormSchema(fields: number): GeneratedFormSchema {
  const sections = Math.ceil(fields / fieldsPerSection);
  const properties: Record<string, unknown> = {};
  for (let s = 0; s < sections; s++) {
    const section: Record<string, unknown> = { type: 'object', properties: sectionProperties(s) };
    if (s % 4 === 3) section['x-advanced'] = true;
    properties[`section${s}`] = section;
  }
  let target = Math.floor(sections / 2);
  if (target % 4 === 3) target -= 1;
  return {
    schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties },
    fieldCount: sections * fieldsPerSection,
    targetPointer: `/section${target}/sampleName${target}x0`,
  };
}
