/**
 * The form model of the schema `formulary preview` sent: the CLI loads and bundles the files (Node
 * reads them); the page builds the model from the bundle, as the form does from any loaded schema.
 */
import type { PreviewSchema } from '../cli/preview/index';
import { buildFieldModel, type FieldModel } from '../schemas/index';

/** O(schema size). Throws as buildFieldModel does (the CLI built the same model first, so rarely). */
export function buildPreviewModel(sent: PreviewSchema): FieldModel {
  return buildFieldModel(
    {
      schema: sent.schema,
      dialect: sent.dialect,
      ...(sent.formats ? { formats: sent.formats } : {}),
      ...(sent.refs ? { refs: new Map(sent.refs) } : {}),
      diagnostics: [],
    },
    sent.acronyms ? { acronyms: sent.acronyms } : {},
  );
}
