/**
 * One Chromium and the built demo portal (dist/app, from `npm run build:app`) for a test file, opened
 * before its tests and closed after them, so each portal test states only what it checks.
 */
import { afterAll, beforeAll } from 'vitest';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { type ServedPage, servePage } from './servePage';

export interface PortalSession {
  readonly browser: LaunchedBrowser;
  readonly site: ServedPage;
}

/** Registers beforeAll/afterAll; the returned session is filled once beforeAll has run. */
export function portalForFile(): PortalSession {
  const session = {} as { browser: LaunchedBrowser; site: ServedPage };
  beforeAll(async () => {
    session.site = await servePage('dist/app');
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

/** The DOM id the EQSANS form in the portal gives a storage path (the rule of src/forms/FormContext.ts domId). */
export const eqsansDomId = (path: string): string =>
  `eqsans-${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;
