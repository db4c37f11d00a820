/**
 * The embed bundle validates draft-07, 2019-09 and 2020-12 schemas in Chromium. The bundle leaves out
 * fast-uri and ajv's meta-schema bodies (vite.config.ts, embed mode), so this proves each ajv class
 * still builds and checks a request there: a value only ajv rejects (`not`) blocks submit with a
 * message, a good one reaches the server. Builds the embed bundle first (vite build --mode embed).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { buildEmbed, openRecorded } from './embedTestPage';
import { readJsonBody, type ServedPage, servePage } from './servePage';

const dialects = {
  'draft-07': { uri: 'http://json-schema.org/draft-07/schema#', defs: 'definitions' },
  '2019-09': { uri: 'https://json-schema.org/draft/2019-09/schema', defs: '$defs' },
  '2020-12': { uri: 'https://json-schema.org/draft/2020-12/schema', defs: '$defs' },
} as const;
type DialectName = keyof typeof dialects;

/** An instrument schema in `dialect`: a $ref'd run number, and a sample name ajv checks with `not`. */
function schemaFor(dialect: DialectName): object {
  const { uri, defs } = dialects[dialect];
  return {
    $schema: uri,
    $id: `https://facility.example/schemas/${dialect}/tiny.schema.json`,
    title: `Tiny ${dialect}`,
    type: 'object',
    properties: {
      runNumber: { $ref: `#/${defs}/runNumber` },
      sampleName: { title: 'Sample name', type: 'string', default: 'water', not: { const: 'forbidden' } },
    },
    required: ['runNumber', 'sampleName'],
    [defs]: { runNumber: { title: 'Run number', type: 'integer', minimum: 1, default: 1 } },
  };
}

const pageFor = (dialect: DialectName) => `<!doctype html><html><head>
<script src="/dist/embed/formulary.js" defer></script></head><body>
<formulary-form schema-src="/tiny/${dialect}.schema.json" submit-url="/submit/${dialect}"></formulary-form>
</body></html>`;

let browser: LaunchedBrowser;
let site: ServedPage;
const received = new Map<string, unknown[]>();

beforeAll(async () => {
  buildEmbed();
  site = await servePage('.', (req, res) => {
    const url = req.url ?? '';
    const schema = /^\/tiny\/([\w-]+)\.schema\.json$/.exec(url);
    const page = /^\/tiny\/([\w-]+)\.html$/.exec(url);
    const submit = /^\/submit\/([\w-]+)$/.exec(url);
    if (schema?.[1] && schema[1] in dialects) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(schemaFor(schema[1] as DialectName)));
      return true;
    }
    if (page?.[1] && page[1] in dialects) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageFor(page[1] as DialectName));
      return true;
    }
    if (submit?.[1] && req.method === 'POST') {
      void readJsonBody(req).then((body) => {
        const list = received.get(submit[1] ?? '') ?? [];
        list.push(body);
        received.set(submit[1] ?? '', list);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{}');
      });
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

describe('the embed bundle validates every dialect', () => {
  test.each(Object.keys(dialects) as DialectName[])('%s', async (dialect) => {
    const { page, errors } = await openRecorded(browser, new URL(`tiny/${dialect}.html`, site.url).href);
    const name = page.getByLabel(/^Sample name/);
    await name.waitFor({ timeout: 30_000 });

    await page.getByLabel(/^Run number/).fill('7');
    await name.fill('forbidden');
    await page.getByRole('button', { name: 'Submit request' }).click();
    const summary = page.locator('formulary-form .formulary-summary');
    await summary.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await summary.textContent()).toMatch(/Sample name/);
    expect(received.get(dialect) ?? []).toEqual([]);

    await name.fill('lysozyme');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect.poll(() => received.get(dialect)?.length ?? 0, { timeout: 15_000 }).toBe(1);
    expect(received.get(dialect)?.[0]).toEqual({ runNumber: 7, sampleName: 'lysozyme' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
