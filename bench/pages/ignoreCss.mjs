// bench:pages imports page code that imports stylesheets (for the bundler); in Node they are empty modules.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function load(url, context, next) {
        if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
        return next(url, context);
      }`,
    ),
);
