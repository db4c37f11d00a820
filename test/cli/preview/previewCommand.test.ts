/**
 * `formulary preview` as a real process without a browser: usage errors, the state as JSON, the event
 * stream that pushes a new state after a save, example names confined to --examples, a stop on SIGTERM.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PreviewState } from '../../../src/cli/preview/PreviewState';
import { ensurePreviewPageBuilt, type RunningPreview, startPreview } from '../../e2e/startPreview';
import { runCli, spawnCli, tempProject } from '../runCli';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: { runNumber: { type: 'integer', minimum: 1, default: 1 } },
};

describe('formulary preview: usage', { timeout: 120_000 }, () => {
  test('--help describes the command and its options', async () => {
    const run = await runCli(['preview', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: formulary preview SCHEMA/);
    expect(run.stdout).toMatch(/--examples DIR/);
  });

  test('no schema, two schemas or a bad port: exit 2 naming the mistake', async () => {
    expect((await runCli(['preview'])).stderr).toMatch(/name the schema file to preview/);
    expect((await runCli(['preview', 'a.json', 'b.json'])).stderr).toMatch(/unexpected argument "b.json"/);
    const port = await runCli(['preview', 'a.json', '--port', 'x']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a number/);
  });

  test('a page folder that was not built: exit 1 saying which command builds it', () => {
    const dir = tempProject({ 'main.schema.json': schema });
    const run = spawnCli(['preview', 'main.schema.json', '--port', '0', '--page', 'nowhere'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/preview page is not built .*npm run build:preview/);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Reads server-sent `state` events from /api/events until `accept` says stop. */
function readEvents(url: string, accept: (state: PreviewState) => boolean): Promise<PreviewState[]> {
  return new Promise((done, fail) => {
    const seen: PreviewState[] = [];
    const req = request(`${url}/api/events`, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (!data) continue;
          const state = JSON.parse(data[1]!) as PreviewState;
          seen.push(state);
          if (accept(state)) {
            req.destroy();
            done(seen);
            return;
          }
        }
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : fail(error)));
    req.end();
    setTimeout(() => fail(new Error(`no accepted event in 10 s; saw ${seen.length}`)), 10_000);
  });
}

describe('formulary preview: a real process', { timeout: 120_000 }, () => {
  let preview: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    ensurePreviewPageBuilt();
    dir = tempProject({ 'main.schema.json': schema, 'examples/good.json': { runNumber: 5 } });
    mkdirSync(join(dir, 'examples'), { recursive: true });
    preview = await startPreview(['main.schema.json', '--examples', 'examples'], dir);
  }, 60_000);
  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('serves the page and the state on 127.0.0.1', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${preview.url}/`);
    expect(await page.text()).toMatch(/<div id="root">/);
    const state = (await (await fetch(`${preview.url}/api/state`)).json()) as PreviewState;
    expect(state).toMatchObject({
      revision: 1,
      schemaFile: 'main.schema.json',
      problems: [],
      examples: [{ name: 'good.json', invalid: false }],
    });
    expect(state.schema?.dialect).toBe('2020-12');
  });

  test('the event stream sends the state, then a new one after each save', async () => {
    const first = (await (await fetch(`${preview.url}/api/state`)).json()) as PreviewState;
    const events = readEvents(preview.url, (s) => s.revision > first.revision && !s.linting);
    await new Promise((done) => setTimeout(done, 200)); // the stream is open before the save
    const changed = structuredClone(schema);
    (changed.properties.runNumber as Record<string, unknown>).title = 'Run';
    writeFileSync(join(dir, 'main.schema.json'), JSON.stringify(changed));
    const seen = await events;
    expect(seen[0]!.revision).toBe(first.revision);
    // The new schema first (the page builds its form), then the same schema with its lint findings.
    const [early, linted] = seen.slice(-2);
    expect(early).toMatchObject({ linting: true, schemaRevision: early!.revision });
    expect(JSON.stringify(early!.schema)).toContain('"title":"Run"');
    expect(linted).toMatchObject({ revision: early!.revision + 1, schemaRevision: early!.revision });
    expect(linted!.linting).toBeUndefined();
    expect(preview.stderr()).toMatch(/main\.schema\.json loaded \(0 errors/);
  });

  test('an example is read by its name in the list only', async () => {
    const good = await (await fetch(`${preview.url}/api/examples/good.json`)).json();
    expect(good).toMatchObject({ name: 'good.json', request: { runNumber: 5 }, errors: [], findings: [] });
    const outside = await fetch(`${preview.url}/api/examples/${encodeURIComponent('../main.schema.json')}`);
    expect(outside.status).toBe(404);
  });
});
