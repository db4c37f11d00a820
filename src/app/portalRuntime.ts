/**
 * The portal's drafts runtime: drafts, outbox and history in IndexedDB (moved once from the
 * localStorage keys of earlier versions), requests POSTed to the backend URL the page sets. How hard
 * to retry comes from the query string (`?timeoutMs=2000&retries=1&retryMs=100`), so a demo or an
 * end-to-end test can show a slow or failing backend in seconds instead of minutes.
 */
import { createDraftsRuntime, defaultStorage, hasIndexedDb, idbStorage } from '../forms/index';
import { instrumentCatalogue } from '../schemas/instruments/index';
import { csrfHeaders } from './auth/index';

/** Where requests go; the page sets `url`. */
export const backend = { url: '' };

const query = new URLSearchParams(window.location.search);
const numberParam = (name: string): number | undefined => {
  const value = Number.parseInt(query.get(name) ?? '', 10);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
};
const timeoutMs = numberParam('timeoutMs');
const retries = numberParam('retries');
const retryMs = numberParam('retryMs');

export const draftsRuntime = createDraftsRuntime({
  send: () => ({
    url: backend.url,
    // Signed in by cookie, the service wants its CSRF token on every POST (read at send time); the
    // portal's language (<html lang>) asks for a refusal's field messages in the form's words.
    headers: { ...csrfHeaders(), 'accept-language': document.documentElement.lang || 'en' },
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(retries !== undefined && { retries }),
    ...(retryMs !== undefined && { backoff: { initialMs: retryMs, maxMs: retryMs * 8 } }),
  }),
  ...(hasIndexedDb()
    ? {
        storage: idbStorage(),
        migrateFrom: { storage: defaultStorage(), instruments: instrumentCatalogue.map((i) => i.id) },
      }
    : {}),
});
