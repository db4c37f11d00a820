/**
 * What the embed's Chromium tests share: building dist/embed/formulary.js once per file, and opening a
 * page that records every page error and console error (the browser's own favicon 404 aside), so a
 * test can require that the embedded form logged nothing.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './chromium';

/** Builds the embed bundle (vite build --mode embed, a few seconds). */
export function buildEmbed(): void {
  // NODE_ENV=test (vitest's) would make the React plugin emit development JSX into a production bundle.
  execFileSync('npx', ['vite', 'build', '--mode', 'embed', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** A new page at `url`, with the errors it logs collected in `errors`. */
export async function openRecorded(
  browser: LaunchedBrowser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}
