/** formulary/embed: the <formulary-form> custom element and mount() for pages that are not React. */
export { EmbeddedForm, type EmbeddedFormProps } from './EmbeddedForm';
export { embedCss } from './embedCss';
export { defineFormularyForm, FormularyFormElement, formularyFormTag } from './FormularyFormElement';
export {
  changeEvent,
  type MountedForm,
  type MountOptions,
  mount,
  submitEvent,
  submittedEvent,
} from './mount';
export { type CsrfOptions, readCookie, requestHeaders } from './requestHeaders';
