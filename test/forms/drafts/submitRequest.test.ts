/** submitRequest: retries with backoff and one Idempotency-Key; 4xx surfaces the server's message. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backoffDelay, serverMessage, submitRequest } from '../../../src/forms/drafts/index';
import { fakeServer } from './fakeServer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const request = { sample: { run: [12345] } };

describe('submitRequest', () => {
  test('503, network error, then 200: three attempts with the same key, one accepted submission', async () => {
    const server = fakeServer([503, 'network', { status: 201, body: { jobId: 'j-7' } }]);
    const retries: number[] = [];
    const done = submitRequest(request, {
      url: '/api/submit',
      fetch: server.fetch,
      retries: 3,
      backoff: { initialMs: 100, factor: 2 },
      onRetry: ({ delayMs }) => retries.push(delayMs),
    });
    await vi.runAllTimersAsync();
    const result = await done;
    expect(result).toMatchObject({ ok: true, status: 201, body: { jobId: 'j-7' }, attempts: 3 });
    expect(retries).toEqual([100, 200]);
    const keys = new Set(server.calls.map((c) => c.key));
    expect(server.calls).toHaveLength(3);
    expect(keys.size).toBe(1);
    expect(keys.has(result.idempotencyKey)).toBe(true);
    expect(server.accepted.size).toBe(1);
    expect(server.calls.every((c) => JSON.stringify(c.body) === JSON.stringify(request))).toBe(true);
  });

  test('waits the backoff before retrying, not sooner', async () => {
    const server = fakeServer([500, 200]);
    const done = submitRequest(request, { url: '/x', fetch: server.fetch, backoff: { initialMs: 1000 } });
    await vi.advanceTimersByTimeAsync(999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    expect((await done).ok).toBe(true);
  });

  test('a 4xx is not retried and brings the server message back', async () => {
    const server = fakeServer([{ status: 422, body: { message: 'Qmin must be below Qmax' } }]);
    const result = await submitRequest(request, { url: '/x', fetch: server.fetch, retries: 5 });
    expect(result).toMatchObject({
      ok: false,
      kind: 'rejected',
      status: 422,
      message: 'Qmin must be below Qmax',
    });
    expect(server.calls).toHaveLength(1);
  });

  test('gives up after the retries as unreachable, naming the last failure', async () => {
    const server = fakeServer([503, 503, 503]);
    const done = submitRequest(request, { url: '/x', fetch: server.fetch, retries: 2, backoff: () => 10 });
    await vi.runAllTimersAsync();
    expect(await done).toMatchObject({ ok: false, kind: 'unreachable', status: 503, attempts: 3 });
    expect(server.accepted.size).toBe(0);
  });

  test('an attempt that hangs is aborted after timeoutMs and retried', async () => {
    const server = fakeServer(['hang', 200]);
    const done = submitRequest(request, {
      url: '/x',
      fetch: server.fetch,
      timeoutMs: 2000,
      backoff: () => 0,
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(await done).toMatchObject({ ok: true, attempts: 2 });
  });

  test('a given key is used as is (retrying a submission from the outbox after a reload)', async () => {
    const server = fakeServer([200]);
    await submitRequest(request, { url: '/x', fetch: server.fetch, idempotencyKey: 'key-1' });
    expect(server.calls[0]?.key).toBe('key-1');
  });
});

describe('helpers', () => {
  test('backoff doubles and is capped', () => {
    const backoff = { initialMs: 500, factor: 2, maxMs: 3000 };
    expect([1, 2, 3, 4, 5].map((r) => backoffDelay(backoff, r))).toEqual([500, 1000, 2000, 3000, 3000]);
  });

  test('server messages are read from common error shapes', () => {
    expect(serverMessage({ detail: 'bad run' }, '', 400)).toBe('bad run');
    expect(serverMessage({ errors: [{ message: 'a' }, 'b'] }, '', 400)).toBe('a; b');
    expect(serverMessage(undefined, 'plain words', 400)).toBe('plain words');
    expect(serverMessage(undefined, '<html>', 404, 'Not Found')).toBe('the server answered 404 Not Found');
  });
});
