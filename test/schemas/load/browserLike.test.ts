/**
 * The loader as a browser runs it: bundled for the browser platform (no Node built-ins resolved) and
 * run in a fresh VM context that has fetch, URL and location but no process, Buffer or require. It
 * must fetch a multi-file schema by URL, resolve a relative path against the page, and never need fs.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';

const fixtures = resolve(__dirname, '../../fixtures/schemas');
let server: Server;
let base = '';
let bundle = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const body = readFileSync(join(fixtures, path));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out = await build({
    entryPoints: [resolve(__dirname, '../../../src/schemas/load/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'formularyLoad',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A context with what a page has (fetch, URL, location) and none of Node's globals. */
function pageContext(pageUrl: string) {
  const context = createContext({
    fetch,
    URL,
    URLSearchParams,
    TextDecoder,
    TextEncoder,
    console,
    location: { href: pageUrl },
  });
  runInContext(bundle, context);
  expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe(
    'undefinedundefinedundefined',
  );
  return context;
}

test('the browser bundle imports no Node built-in statically', () => {
  expect(bundle).not.toMatch(/require\(["']node:/);
  expect(bundle).not.toMatch(/from ["'](node:)?fs["']/);
});

test('loads a multi-file schema by URL in a page without Node globals', async () => {
  const context = pageContext(`${base}/index.html`);
  context.source = `${base}/bundle/sans.schema.json`;
  const loaded = await runInContext('formularyLoad.loadSchema(source)', context);
  expect(loaded.dialect).toBe('draft-07');
  expect([...loaded.files.keys()]).toHaveLength(3);
  expect(loaded.schema.definitions['common.runList']['x-input']).toBe('run-list');
  expect(loaded.locate('/definitions/panel/properties/name').file).toBe(`${base}/bundle/sub/panel.json`);
});

test('a relative path resolves against the page, and a missing file is a SchemaLoadError', async () => {
  const context = pageContext(`${base}/bundle2020/page.html`);
  const loaded = await runInContext("formularyLoad.loadSchema('root.json')", context);
  expect(loaded.rootFile).toBe(`${base}/bundle2020/root.json`);
  const error = await runInContext(
    "formularyLoad.loadSchema('../broken/missing-file.json').catch((e) => e)",
    context,
  );
  expect(error.name).toBe('SchemaLoadError');
  expect(error.pointer).toBe('/properties/sample');
  expect(error.message).toContain(`${base}/broken/does-not-exist.json`);
});

test('a local file path cannot be read in a page, and says so', async () => {
  const context = pageContext('file:///home/user/page.html');
  const error = await runInContext("formularyLoad.loadSchema('schema.json').catch((e) => e)", context);
  expect(error.message).toContain('in a browser');
});
