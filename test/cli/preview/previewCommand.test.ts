/**
 * `formulary preview` as a real process without a browser: usage errors, the state as JSON, the event
 * stream that pushes a new state after a save, example names confined to --examples, a stop on SIGTERM,
 * and --open calling the BROWSER command (a script here, so no browser window opens) with the URL.
 */

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(run.stdout).toMatch(/--lang TAG/);
  });

  test('no schema, two schemas or a bad port: exit 2 naming the mistake', async () => {
    expect((await runCli(['preview'])).stderr).toMatch(/name the schema file to preview/);
    expect((await runCli(['preview', 'a.json', 'b.json'])).stderr).toMatch(/unexpected argument "b.json"/);
    const port = await runCli(['preview', 'a.json', '--port', 'x']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a number/);
    const lang = await runCli(['preview', 'a.json', '--lang', 'not a language']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang: no catalogue for "not a language"; known: en, fr/);
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

describe("formulary preview --lang fr: an example's findings and errors in French", {
  timeout: 120_000,
}, () => {
  let preview: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    ensurePreviewPageBuilt();
    dir = tempProject({
      'main.schema.json': schema,
      'examples/broken.json': '{ "runNumber": 5,',
      'examples/zero.json': { runNumber: 0 },
    });
    preview = await startPreview(['main.schema.json', '--examples', 'examples', '--lang', 'fr'], dir);
  }, 60_000);
  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a file that is not JSON and a request the schema refuses are worded in French', async () => {
    const broken = (await (await fetch(`${preview.url}/api/examples/broken.json`)).json()) as {
      findings: { message: string }[];
    };
    expect(broken.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^JSON invalide : /)]);
    const zero = (await (await fetch(`${preview.url}/api/examples/zero.json`)).json()) as {
      errors: { pointer: string; message: string }[];
    };
    expect(zero.errors).toEqual([
      { pointer: '/runNumber', message: 'doit être au moins 1', rule: 'minimum' },
    ]);
  });
});

describe('formulary preview --open: a real process and a stand-in browser (BROWSER)', {
  timeout: 120_000,
}, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A project with a script that writes the arguments it is called with to opened.txt. */
  function projectWithOpener(): { dir: string; opener: string; opened: string } {
    const dir = tempProject({ 'main.schema.json': schema });
    dirs.push(dir);
    const opener = join(dir, 'opener.sh');
    const opened = join(dir, 'opened.txt');
    writeFileSync(
      opener,
      // Adds to what earlier calls wrote (a second call shows), and appears whole (renamed into place).
      `#!/bin/sh\n{ cat "${opened}" 2>/dev/null; printf '%s\\n' "$@"; } > "${opened}.part" && mv "${opened}.part" "${opened}"\n`,
    );
    chmodSync(opener, 0o755);
    return { dir, opener, opened };
  }

  const readWhenThere = async (file: string): Promise<string> => {
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((done) => setTimeout(done, 100));
    return readFileSync(file, 'utf8');
  };

  test('the command in BROWSER is called once with the preview URL, which serves the page', async () => {
    ensurePreviewPageBuilt();
    const { dir, opener, opened } = projectWithOpener();
    const preview = await startPreview(['main.schema.json', '--open'], dir, {
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', BROWSER: opener },
    });
    try {
      expect(await readWhenThere(opened)).toBe(`${preview.url}/\n`);
      await new Promise((done) => setTimeout(done, 500));
      expect(readFileSync(opened, 'utf8')).toBe(`${preview.url}/\n`); // called once
      expect(await (await fetch(readFileSync(opened, 'utf8').trim())).text()).toMatch(/<div id="root">/);
      expect(preview.stderr()).not.toMatch(/could not open a browser/);
    } finally {
      await preview.stop();
    }
  });

  test('%s in BROWSER stands for the URL, between the arguments given', async () => {
    const { dir, opener, opened } = projectWithOpener();
    const preview = await startPreview(['main.schema.json', '--open'], dir, {
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', BROWSER: `${opener} --new-window %s --x` },
    });
    try {
      expect(await readWhenThere(opened)).toBe(`--new-window\n${preview.url}/\n--x\n`);
    } finally {
      await preview.stop();
    }
  });

  test('without --open nothing is opened; an opener that does not exist: the URL to open by hand', async () => {
    const { dir, opener, opened } = projectWithOpener();
    const quiet = await startPreview(['main.schema.json'], dir, {
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', BROWSER: opener },
    });
    await new Promise((done) => setTimeout(done, 1_000));
    await quiet.stop();
    expect(existsSync(opened)).toBe(false);

    const missing = await startPreview(['main.schema.json', '--open'], dir, {
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', BROWSER: join(dir, 'no-such-browser') },
    });
    try {
      await expect
        .poll(() => missing.stderr(), { timeout: 10_000 })
        .toContain(
          `could not open a browser (set BROWSER to the command that opens one): open ${missing.url}/`,
        );
    } finally {
      await missing.stop();
    }
  });
});
