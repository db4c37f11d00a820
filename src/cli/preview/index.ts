/**
 * What the page of `formulary preview` (src/preview) may take from the command: the JSON it is sent.
 * Types only, so the page's bundle gets nothing of the CLI and the CLI nothing of the page.
 */
export type {
  PreviewDiagnostic,
  PreviewExample,
  PreviewExampleEntry,
  PreviewSchema,
  PreviewState,
} from './PreviewState';
