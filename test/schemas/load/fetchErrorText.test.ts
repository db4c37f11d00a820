/**
 * Why a URL could not be read, in the reader's language: the embed shows these for its schema,
 * prefill, translation and message catalogue. A real HTTP server on 127.0.0.1 answers 404, 500 and
 * text that is not JSON; a closed port gives no answer. The English stays the error's message (logs,
 * the CLI in English), and a schema that cannot be fetched names the fetch's reason in French too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchTextError,
  fetchErrorText,
  fetchJson,
  fetchText,
  loadErrorMessage,
  loadSchema,
} from '../../../src/schemas/index';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/text') response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    else if (request.url === '/broken') response.writeHead(500).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const failure = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('fetchErrorText', () => {
  it('words a 404 and another status', async () => {
    const missing = await failure(() => fetchText(`${base}/nothing.json`));
    expect(missing).toBeInstanceOf(FetchTextError);
    expect((missing as Error).message).toBe('HTTP 404 Not Found');
    expect(fetchErrorText(missing, 'en')).toBe('HTTP 404: nothing at this address');
    expect(fetchErrorText(missing, 'fr')).toBe('le serveur a répondu HTTP 404 : rien à cette adresse');
    const broken = await failure(() => fetchText(`${base}/broken`));
    expect(fetchErrorText(broken, 'en')).toBe('HTTP 500');
    expect(fetchErrorText(broken, 'fr')).toBe('le serveur a répondu HTTP 500');
  });

  it('words a body that is not JSON', async () => {
    const notJson = await failure(() => fetchJson(`${base}/text`));
    expect((notJson as Error).message).toMatch(/^the response is not JSON \(/);
    expect(fetchErrorText(notJson, 'en')).toBe('the response is not JSON');
    expect(fetchErrorText(notJson, 'fr')).toBe('la réponse n’est pas du JSON');
  });

  it('words no answer at all (Node names the cause)', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const none = await failure(() => fetchText(`http://127.0.0.1:${port}/schema.json`));
    expect(fetchErrorText(none, 'en')).toMatch(/^no response: connect ECONNREFUSED/);
    expect(fetchErrorText(none, 'fr')).toMatch(/^aucune réponse : connect ECONNREFUSED/);
  });

  it('the browser’s bare failure has words of its own', () => {
    const error = new FetchTextError('load.fetch.noResponse');
    expect(error.message).toMatch(/^no response: the server is unreachable/);
    expect(fetchErrorText(error, 'fr')).toMatch(/^aucune réponse : le serveur est injoignable/);
  });

  it('a schema URL that answers 404 is worded whole in French, its fetch reason included', async () => {
    const error = await failure(() => loadSchema(`${base}/missing.schema.json`));
    expect(loadErrorMessage(error, 'en')).toContain(
      `Cannot read schema ${base}/missing.schema.json (HTTP 404: nothing at this address)`,
    );
    expect(loadErrorMessage(error, 'fr')).toContain('le serveur a répondu HTTP 404 : rien à cette adresse');
    expect(loadErrorMessage(error, 'fr')).not.toContain('Not Found');
  });

  it('keeps the message of an error that is not a fetch’s', () => {
    expect(fetchErrorText(new Error('boom'), 'fr')).toBe('boom');
  });
});
