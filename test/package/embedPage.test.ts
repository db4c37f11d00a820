/**
 * Consumer 5: a plain HTML page (no build step, no React of its own) loads dist/embed/formulary.js
 * from the installed package with the README's two lines and shows the EQSANS form in Chromium; the
 * request it POSTs to submit-url is the schema's default with the three values typed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { addFacilityFiles } from './facilityFiles';
import { readmeSnippet } from './readmeSnippet';
import { submitInBrowser } from './submitInBrowser';

const { node: project } = inject('packageProjects');

beforeAll(() => {
  addFacilityFiles(project);
  writeFileSync(
    join(project, 'embed.html'),
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Facility portal</title></head>
  <body>
    <h1>EQSANS reduction request</h1>
${readmeSnippet('embed.html')}  </body>
</html>
`,
  );
});

describe('the embed script from the installed package', () => {
  test('a plain page shows the form and submits the request', async () => {
    const { focusColour, received, expected, errors } = await submitInBrowser(
      project,
      'embed.html',
      'formulary-form form.formulary-form',
    );
    // The widgets' stylesheet reached the page (formulary/styles.css; the embed's shadow root).
    expect(focusColour).toBe('#1a5fd6');
    expect(received).toEqual([expected]);
    expect(errors).toEqual([]);
  });
});
