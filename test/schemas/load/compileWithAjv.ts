/**
 * Test helper: compiles a loaded schema with the ajv class of its dialect, our vocabulary registered
 * from vocabulary.ts (as the validator does), so tests prove the bundle is something ajv accepts.
 */
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import type { Dialect } from '../../../src/schemas/FieldModel';
import { acceptedExtraKeywords, formularyKeywords, uiSchemaKeys } from '../../../src/schemas/vocabulary';

export function ajvFor(dialect: Dialect) {
  const options = { strict: true, strictTypes: false, allErrors: true } as const;
  const ajv =
    dialect === 'draft-07'
      ? new Ajv(options)
      : dialect === '2019-09'
        ? new Ajv2019(options)
        : new Ajv2020(options);
  for (const k of [...formularyKeywords, ...uiSchemaKeys]) {
    ajv.addKeyword({ keyword: k.name, schemaType: [...k.valueTypes], metaSchema: k.valueSchema });
  }
  for (const name of acceptedExtraKeywords) ajv.addKeyword(name);
  return ajv;
}

export function compileWithAjv(
  loaded: { schema: Record<string, unknown>; dialect: Dialect },
  extraKeywords: string[] = [],
) {
  const ajv = ajvFor(loaded.dialect);
  for (const name of extraKeywords) ajv.addKeyword(name);
  return ajv.compile(loaded.schema);
}
