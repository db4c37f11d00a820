/**
 * The peer of `npm run bench:embed`: what a facility would otherwise put on its page, React 19 with
 * @rjsf/core 6 and @rjsf/validator-ajv8 in one minified script that fetches the same bundled schema as
 * the Formulary page (`data-schema-src` on #root) and mounts a bare form. Marks
 * `rjsf:validator-ready` once ajv has compiled the schema, in idle time after mount (as Formulary warms
 * its own), for the "validator ready" column.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
const src = root?.dataset.schemaSrc;
if (root && src) {
  void fetch(src)
    .then((response) => response.json() as Promise<RJSFSchema>)
    .then((schema) => {
      createRoot(root).render(createElement(Form, { schema, validator }));
      requestIdleCallback(
        () => {
          // isValid compiles the schema (cached by RJSF from then on) and checks the empty request.
          validator.isValid(schema, {}, schema);
          performance.mark('rjsf:validator-ready');
        },
        { timeout: 500 },
      );
    });
}
