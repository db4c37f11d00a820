/**
 * Types keystrokes into the focused field of the benchmark page through Chromium and collects each
 * one's in-page timing (page/timing.ts): shared by the keystroke measure and the after-paste measure,
 * so both time typing the same way.
 */
import type { Page } from 'playwright-core';
import type { KeyTiming } from './page/timing';

type Bench = { armKeystroke(): void; keystroke(): Promise<KeyTiming> };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`form bench: ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Presses `count` letter keys, one at a time, and returns each keystroke's timing. */
export async function typeKeys(page: Page, count: number): Promise<KeyTiming[]> {
  const timings: KeyTiming[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.armKeystroke());
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    // A keystroke that reaches no input (focus lost) would never resolve: fail the run instead of hanging.
    const timing = page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.keystroke());
    timings.push(await withTimeout(timing, 10_000, `keystroke ${i + 1} reached no input`));
  }
  return timings;
}

export { withTimeout };
