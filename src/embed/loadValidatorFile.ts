/**
 * Fetches the embed's second file (formulary-validator.js: ajv and the formats) from beside the entry
 * script, resolved from the entry's own URL, so a CDN or a Django static path works unchanged. It is a
 * classic <script> like the entry: same-origin or not it needs no CORS, and it carries the entry's
 * nonce (a policy of nonces) and crossorigin attribute (a page that loads the entry with CORS, for
 * subresource integrity, gets the second file the same way). A failure is logged naming the URL; the
 * form then keeps its TypeScript checks and the server checks the rest.
 */
import { version } from '../../package.json';
import type { SchemaCompiler, SchemaCompilerLoader } from '../schemas/index';

/** The file name beside the entry script. */
export const validatorFileName = 'formulary-validator.js';

interface ValidatorFile {
  readonly version: string;
  readonly compileSchema: SchemaCompiler;
}

declare global {
  interface Window {
    FormularyValidator?: ValidatorFile;
  }
}

/**
 * The loader for the file beside `entry` (the entry's <script>, read while it ran), or one that says
 * why nothing can be loaded when the entry's URL is unknown (the script was inlined).
 */
export function validatorFileLoader(entry: HTMLScriptElement | null): SchemaCompilerLoader {
  return () => {
    if (!entry?.src) {
      console.error(
        `Formulary: the entry script's URL is unknown (inlined?), so ${validatorFileName} cannot be found beside it; fields are checked without the schema validator`,
      );
      return Promise.resolve(undefined);
    }
    const url = new URL(validatorFileName, entry.src).href;
    return loadScript(url, entry).then(
      () => compilerOf(window.FormularyValidator, url),
      () => {
        console.error(
          `Formulary: the schema validator ${url} could not be loaded; fields are checked without it and the server checks the whole request`,
        );
        return undefined;
      },
    );
  };
}

function compilerOf(file: ValidatorFile | undefined, url: string): SchemaCompiler | undefined {
  if (file?.version === version) return file.compileSchema;
  console.error(
    `Formulary: ${url} is ${file ? `version ${file.version}` : 'not the schema validator'}, not ${version} as the entry script; serve both files of one build`,
  );
  return undefined;
}

function loadScript(url: string, entry: HTMLScriptElement): Promise<void> {
  return new Promise((done, fail) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    if (entry.nonce) script.nonce = entry.nonce;
    const crossOrigin = entry.getAttribute('crossorigin');
    if (crossOrigin !== null) script.crossOrigin = crossOrigin;
    script.onload = () => done();
    script.onerror = () => fail(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}
