/**
 * Where schema documents live and how their text is read: file paths become file: URLs (Node reads
 * them with fs), http(s) URLs are fetched (browser and Node). Node modules are imported lazily by a
 * computed name so a browser bundle never pulls `fs` in. Nothing else here: parsing is JsonDocument's job.
 */
import { fetchText } from './fetchText';
import { SchemaLoadError } from './SchemaLoadError';

/** Reads a document's text by URL; LoadOptions.read replaces the default (fs for file:, fetch for http). */
export type ReadText = (url: string) => Promise<string>;

/** The URL given to an object source without a baseUrl: relative $refs in it cannot be read. */
export const objectSourceUrl = 'memory:/schema.json';

const urlLike = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** A file path or URL as an absolute URL string; relative paths resolve against the working directory. */
export async function toDocumentUrl(source: string | URL): Promise<string> {
  if (source instanceof URL) return source.href;
  if (urlLike.test(source)) return new URL(source).href;
  // A directory ("schemas/") must stay one, so refs resolve inside it.
  const slash = /[/\\]$/.test(source) ? '/' : '';
  if (isNode()) {
    const nodeUrl = 'node:url';
    const nodePath = 'node:path';
    const { pathToFileURL } = (await import(/* @vite-ignore */ nodeUrl)) as typeof import('node:url');
    const { resolve } = (await import(/* @vite-ignore */ nodePath)) as typeof import('node:path');
    return pathToFileURL(resolve(source)).href + slash;
  }
  return new URL(source, globalThis.location?.href).href;
}

/** How a document is named in messages and in LoadedSchema.files: a path for files, else the URL. */
export function displayName(url: string): string {
  if (url === objectSourceUrl) return '<schema object>';
  if (!url.startsWith('file:')) return url;
  const path = decodeURIComponent(new URL(url).pathname);
  return /^\/[a-zA-Z]:\//.test(path) ? path.slice(1) : path;
}

/** The default reader: fs for file: URLs in Node, fetch for http(s). Errors name the URL. */
export const readDocumentText: ReadText = async (url) => {
  const protocol = new URL(url).protocol;
  if (protocol === 'file:') {
    if (!isNode()) throw new SchemaLoadError(`Cannot read local file ${displayName(url)} in a browser`);
    const nodeFs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ nodeFs)) as typeof import('node:fs/promises');
    return readFile(new URL(url), 'utf8');
  }
  if (protocol === 'http:' || protocol === 'https:') {
    return fetchText(url);
  }
  if (protocol === 'memory:') throw new Error('a schema object with relative $refs needs options.baseUrl');
  throw new Error(`unsupported protocol ${protocol} (use a file path, http: or https:)`);
};
