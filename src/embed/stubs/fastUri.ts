/**
 * Stands in for fast-uri in the embed bundle only (vite.config.ts, embed mode). ajv imports fast-uri as
 * its default URI resolver, but compileSchema always passes ours (src/schemas/validate/uriResolver.ts),
 * so ajv never calls it: leaving it out saves 5.7 kB gzip. If something ever does call it, it says so.
 */
function unavailable(): never {
  throw new Error(
    'fast-uri is not in the Formulary embed bundle: pass uriResolver from src/schemas (compileSchema does)',
  );
}

export const parse = unavailable;
export const serialize = unavailable;
export const resolve = unavailable;
export const equal = unavailable;
export const normalize = unavailable;

/** Default export too: @rjsf/utils imports it (and is tree-shaken out of the bundle afterwards). */
export default { parse, serialize, resolve, equal, normalize };
