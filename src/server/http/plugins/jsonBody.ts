/**
 * The JSON body parser: keeps the exact text (stored byte for byte), parses with JSON.parse so
 * "__proto__" and "constructor" stay plain own keys (never prototypes), and refuses with a 400 that
 * says why: invalid UTF-8, malformed JSON with its line and column, nesting deeper than the limit or
 * more values than the limit. Size is Fastify's bodyLimit (413).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../HttpProblem';

export interface JsonLimits {
  /** Deepest nesting of arrays and objects; 64 by default. */
  readonly maxDepth: number;
  /** Most values (scalars, arrays and objects) in one body; 100,000 by default. */
  readonly maxValues: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body's text exactly as received, when the body was JSON. */
    jsonText: string | undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** 1-based line and column of a UTF-16 offset. O(offset). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Depth and value count of a parsed JSON value, without recursion. Stops early past the limits. */
export function measureJson(value: unknown, limits: JsonLimits): { tooDeep: boolean; tooMany: boolean } {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    count += 1;
    if (count > limits.maxValues) return { tooDeep: false, tooMany: true };
    if (node === null || typeof node !== 'object') continue;
    if (depth > limits.maxDepth) return { tooDeep: true, tooMany: false };
    if (Array.isArray(node)) for (const item of node) stack.push([item, depth + 1]);
    else for (const key of Object.keys(node)) stack.push([(node as Record<string, unknown>)[key], depth + 1]);
  }
  return { tooDeep: false, tooMany: false };
}

/** Parses `text` as a request body or throws the HttpProblem that explains why not. */
export function parseJsonBody(text: string, limits: JsonLimits): unknown {
  if (text.trim() === '') throw new HttpProblem(400, 'malformed-json', 'Malformed JSON', 'the body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    throw new HttpProblem(
      400,
      'malformed-json',
      'Malformed JSON',
      `line ${line}, column ${column}: ${reason}`,
      {
        line,
        column,
      },
    );
  }
  const { tooDeep, tooMany } = measureJson(value, limits);
  if (tooDeep)
    throw new HttpProblem(
      400,
      'too-deep',
      'JSON nested too deeply',
      `nesting deeper than ${limits.maxDepth} levels`,
    );
  if (tooMany)
    throw new HttpProblem(
      400,
      'too-many-values',
      'Too many JSON values',
      `more than ${limits.maxValues} values`,
    );
  return value;
}

/** Replaces Fastify's JSON parser (which refuses "__proto__") with ours, for application/json and +json. */
export function installJsonBody(app: FastifyInstance, limits: JsonLimits): void {
  app.decorateRequest('jsonText', undefined);
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    /^application\/(?:[\w.+-]+\+)?json(?:\s*;.*)?$/i,
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: (err: Error | null, value?: unknown) => void) => {
      let text: string;
      try {
        text = utf8.decode(body);
      } catch {
        done(new HttpProblem(400, 'invalid-utf8', 'Invalid UTF-8', 'the body is not valid UTF-8 text'));
        return;
      }
      try {
        const value = parseJsonBody(text, limits);
        request.jsonText = text;
        done(null, value);
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
