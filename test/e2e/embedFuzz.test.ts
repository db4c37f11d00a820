/**
 * Fuzz in Chromium: random draft-07 and 2020-12 schemas (test/fuzz/schemaArbitrary.ts), each rendered
 * by the one-script-tag embed. No schema may cause an uncaught error or a console error; each shows a
 * form or a clear load message; random text typed into every visible input never throws and never
 * changes another input's value. A fixed seed and 30 schemas in CI; FUZZ_RUNS=N for a longer run.
 */
import fc from 'fast-check';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { budget } from '../fuzz/fuzzBudget';
import { schemaArbitrary } from '../fuzz/schemaArbitrary';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { type ServedPage, servePage } from './servePage';

const count = budget(30, 0.2).numRuns ?? 30;
const seed = budget(0).seed;
const schemas = [
  ...fc.sample(schemaArbitrary('draft-07', 3, 4), { numRuns: Math.ceil(count / 2), seed }),
  ...fc.sample(schemaArbitrary('2020-12', 3, 4), { numRuns: Math.floor(count / 2), seed: (seed ?? 0) + 1 }),
];
const texts = fc.sample(
  fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('1e400', '-0', '12345-12350,', '1,5', '{"a":', 'null', '  ', 'Å∑𝟘'),
  ),
  { numRuns: 64, seed },
);

let browser: LaunchedBrowser;
let site: ServedPage;

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    const url = req.url ?? '';
    const schema = /^\/fuzz\/(\d+)\.schema\.json$/.exec(url);
    const page = /^\/fuzz\/(\d+)\.html$/.exec(url);
    if (schema) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(schemas[Number(schema[1])]));
      return true;
    }
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="/fuzz/${page[1]}.schema.json" drafts="off"></formulary-form></body></html>`);
      return true;
    }
    return false;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The values of every text-like input in the embed's shadow root, by element id (or position). */
async function inputValues(page: Page | Frame): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const root = document.querySelector('formulary-form')?.shadowRoot;
    const out: Record<string, string> = {};
    root
      ?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input:not([type=checkbox]):not([type=radio]), textarea',
      )
      .forEach((el, i) => {
        out[el.id || `#${i}`] = el.value;
      });
    return out;
  });
}

test(`${count} random schemas render in the embed without an error, and typing changes only the typed input`, async () => {
  const { page, errors } = await openRecorded(browser, 'about:blank');
  let typedInto = 0;
  for (let i = 0; i < schemas.length; i++) {
    errors.length = 0;
    await page.goto(`${site.url}fuzz/${i}.html`);
    const shown = page
      .locator('formulary-form form, formulary-form [data-testid="formulary-load-error"]')
      .first();
    await shown.waitFor({ timeout: 15_000 });
    const problem = page.locator('formulary-form [data-testid="formulary-load-error"]');
    if ((await problem.count()) > 0) {
      expect(
        ((await problem.textContent()) ?? '').trim().length,
        `schema ${i}: an empty load message`,
      ).toBeGreaterThan(10);
    }
    const ids = Object.keys(await inputValues(page))
      .filter((id) => !id.startsWith('#'))
      .slice(0, 6);
    for (const [n, id] of ids.entries()) {
      const input = page.locator(`formulary-form [id="${id}"]`);
      if (!(await input.isVisible()) || !(await input.isEditable())) continue;
      const before = await inputValues(page);
      await input.fill(texts[(i * 7 + n) % texts.length]!);
      await input.press('Tab');
      typedInto++;
      const after = await inputValues(page);
      for (const [other, value] of Object.entries(before)) {
        if (other === id || !(other in after)) continue;
        expect(
          after[other],
          `schema ${i}: typing into ${id} changed ${other}\n${JSON.stringify(schemas[i])}`,
        ).toBe(value);
      }
    }
    expect(errors, `schema ${i}: ${JSON.stringify(schemas[i])}`).toEqual([]);
  }
  // The property must have typed into something, or it tested nothing.
  expect(typedInto).toBeGreaterThan(schemas.length);
}, 600_000);
