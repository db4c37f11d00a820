/**
 * One cold load of a benchmark page in Chromium under the throttled profile, through the DevTools
 * protocol: 4x CPU slowdown, about 1.6 Mbit/s down, 0.75 Mbit/s up and 150 ms round trip, cache off.
 * Measures, from navigation start (in the page's own clock), when the first field took a keystroke
 * (the first `input` event), when the full validator was ready (a performance mark the page sets),
 * and the bytes transferred (encoded, headers included) per URL until then.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const throttling = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 0.75e6,
  roundTripMs: 150,
} as const;

export interface LoadSample {
  /** Navigation start to the first `input` event of a typed key. */
  readonly firstKeyMs: number;
  /** Navigation start to the validator-ready mark. */
  readonly validatorReadyMs: number;
  /** Encoded bytes of every response until the validator was ready. */
  readonly bytes: number;
  readonly files: readonly { url: string; bytes: number }[];
  /** Each file's request start and response end (Resource Timing), ms from navigation start. */
  readonly timeline: readonly { url: string; startMs: number; endMs: number }[];
}

export interface LoadTarget {
  readonly url: string;
  /** The field to type into. */
  field(page: Page): Locator;
  /** Name of the performance mark set when the full validator is ready. */
  readonly readyMark: string;
}

declare global {
  interface Window {
    __benchFirstInput?: number;
  }
}

/** Loads `target.url` in a new page of `context` and measures it; closes the page. */
export async function measureLoad(context: BrowserContext, target: LoadTarget): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttling.roundTripMs,
      downloadThroughput: throttling.downloadBitsPerSecond / 8,
      uploadThroughput: throttling.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpuSlowdown });
    await page.addInitScript(() => {
      // Capturing on the document sees inputs inside shadow roots too (input events are composed).
      document.addEventListener(
        'input',
        () => {
          window.__benchFirstInput ??= performance.now();
        },
        { capture: true },
      );
    });
    await page.goto(target.url, { waitUntil: 'commit' });
    await target.field(page).press('1', { timeout: 120_000 });
    await page.waitForFunction(() => window.__benchFirstInput !== undefined, null, { timeout: 30_000 });
    const firstKeyMs = await page.evaluate(() => window.__benchFirstInput ?? Number.NaN);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, target.readyMark, {
      timeout: 120_000,
    });
    const validatorReadyMs = await page.evaluate(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
      target.readyMark,
    );
    const files = [...sizes].map(([id, bytes]) => ({ url: urls.get(id) ?? id, bytes }));
    const timeline = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        url: e.name,
        startMs: Math.round(e.startTime),
        endMs: Math.round((e as PerformanceResourceTiming).responseEnd),
      })),
    );
    return {
      firstKeyMs,
      validatorReadyMs,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      files,
      timeline,
    };
  } finally {
    await page.close();
  }
}
