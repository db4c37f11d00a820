/**
 * Loading and bundling schemas: the part of formulary/schemas that reads files and URLs. Re-exported
 * from src/schemas/index.ts; nothing here renders or validates data.
 */
export { dialectFromUri, dialects, dialectUri } from './dialectOf';
export type { ReadText } from './documentUrl';
export { FetchTextError, fetchErrorText, fetchJson, fetchText } from './fetchText';
export { hasUnresolvedRefs } from './hasUnresolvedRefs';
export type { FormularyConfig, LoadedSchema, LoadOptions, SourceLocation } from './LoadOptions';
export { checkConfig, loadConfig } from './loadConfig';
export { loadSchema } from './loadSchema';
export {
  loadErrorMessage,
  loadErrorReason,
  SchemaLoadError,
  type SchemaLoadErrorPlace,
} from './SchemaLoadError';
