/**
 * The one way e2e tests and benchmarks start a browser: Debian's Chromium driven by playwright-core,
 * with the flags this machine needs (no sandbox as root, no background network) and a fresh profile.
 * Never downloads a browser; a missing Chromium is an error that names the command that installs it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const missingChromiumMessage = `Chromium was not found at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`;

export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) throw new Error(missingChromiumMessage);
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh --user-data-dir; close() removes the profile. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  assertChromiumInstalled();
  const profile = mkdtempSync(join(tmpdir(), 'formulary-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--js-flags=--expose-gc',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
