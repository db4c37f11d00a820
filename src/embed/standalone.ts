/**
 * Entry of dist/embed/formulary.js, the one-script-tag bundle (React included): registers
 * <formulary-form> and exposes `window.Formulary.mount` for scripts. Nothing else runs at load.
 */
import { defineFormularyForm } from './FormularyFormElement';
import { mount } from './mount';

defineFormularyForm();

export { mount };
