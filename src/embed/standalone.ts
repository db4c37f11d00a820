/**
 * Entry of dist/embed/formulary.js, the one-script-tag bundle (React included): registers
 * <formulary-form>, exposes `window.Formulary.mount` for scripts, and says where ajv comes from: the
 * second file beside this script (loadValidatorFile.ts), fetched once a form is on screen.
 */
import { setSchemaCompilerLoader } from '../schemas/index';
import { defineFormularyForm } from './FormularyFormElement';
import { validatorFileLoader } from './loadValidatorFile';
import { mount } from './mount';

// Only while this script runs does document.currentScript name it.
setSchemaCompilerLoader(
  validatorFileLoader(document.currentScript instanceof HTMLScriptElement ? document.currentScript : null),
);
defineFormularyForm();

export { mount };
