/** formulary: the React submission form and its widgets. */

export * from './drafts/index';
export type { DraftTexts, FormValidator, TypedText } from './engine/FormEngine';
export type { UnknownKey } from './engine/flattenValues';
export * from './live/index';
export { countRenders, stopCountingRenders } from './renderCount';
export {
  SubmissionForm,
  type SubmissionFormHandle,
  type SubmissionFormProps,
  type SubmissionRequest,
} from './SubmissionForm';
