/**
 * Entry of dist/embed/formulary-validator.js, the embed's second file: ajv, its formats and our
 * compileSchema, loaded by the entry script (loadValidatorFile.ts) once the form is on screen or at the
 * first submit. A classic script that only defines `window.FormularyValidator`; it runs nothing else.
 */
import { version as packageVersion } from '../../package.json';
import { compileSchema } from '../schemas/index';

/** The package version it was built with: the entry takes a second file of its own version only. */
export const version: string = packageVersion;

export { compileSchema };
