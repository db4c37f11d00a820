/**
 * A tiny HTTP client for the security tests: requests from a chosen loopback address (127.0.0.2 is
 * "the proxy", others are not), with the cookies and headers given, answering status, headers and text.
 */
import { request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
  /** name=value of each Set-Cookie. */
  readonly cookies: Record<string, string>;
  readonly setCookie: string[];
}

export function httpFrom(
  url: string,
  options: { method?: string; from?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        // A fresh connection each time: a refused WebSocket upgrade must not poison a pooled socket.
        agent: false,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          const setCookie = res.headers['set-cookie'] ?? [];
          const cookies: Record<string, string> = {};
          for (const line of setCookie) {
            const [pair] = line.split(';');
            const eq = pair!.indexOf('=');
            cookies[pair!.slice(0, eq)] = pair!.slice(eq + 1);
          }
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
            cookies,
            setCookie,
          });
        });
      },
    );
    req.on('error', fail);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
