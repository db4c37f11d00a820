/**
 * Stands in for ajv's `discriminator` keyword in the embed bundle only (vite.config.ts, embed mode).
 * ajv adds it only with the `discriminator: true` option, which compileSchema never sets (a schema's
 * `discriminator` is an annotation our choices read): leaving it out saves 0.8 kB gzip. If ajv is ever
 * asked for it, compiling a schema says so.
 */
export default {
  keyword: 'discriminator',
  schemaType: 'object',
  code(): never {
    throw new Error('the ajv discriminator keyword is not in the Formulary embed bundle');
  },
};
