/**
 * The portal's pages by URL hash: '' the form, '#/submissions' the list ('#/submissions?mine' only
 * the user's own, so the choice survives a reload and a shared link), '#/submissions/<id>' one
 * submission, '#/defaults/<instrument>' its defaults (and '/history'), '#/audit' the audit log. A
 * hash survives any static server (no fallback route needed) and a reload.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'form' }
  | { page: 'list'; mine?: true }
  | { page: 'submission'; id: string }
  | { page: 'defaults'; instrument: string }
  | { page: 'defaultsHistory'; instrument: string }
  | { page: 'audit' };

export function parseRoute(hash: string): Route {
  if (/^#\/audit\/?$/.test(hash)) return { page: 'audit' };
  const defaults = /^#\/defaults\/([^/?#]+)(\/history)?\/?$/.exec(hash);
  if (defaults)
    return {
      page: defaults[2] ? 'defaultsHistory' : 'defaults',
      instrument: decodeURIComponent(defaults[1]!),
    };
  const list = /^#\/submissions\/?\?(.*)$/.exec(hash);
  if (list) return new URLSearchParams(list[1]).has('mine') ? { page: 'list', mine: true } : { page: 'list' };
  const match = /^#\/submissions(?:\/([^/?#]+))?\/?$/.exec(hash);
  if (!match) return { page: 'form' };
  return match[1] ? { page: 'submission', id: decodeURIComponent(match[1]) } : { page: 'list' };
}

const subscribe = (change: () => void) => {
  window.addEventListener('hashchange', change);
  return () => window.removeEventListener('hashchange', change);
};
const read = () => window.location.hash;

export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, read, read));
}

/** The list's hash, with or without the "mine" scope. */
export const listHref = (mine: boolean) => (mine ? '#/submissions?mine' : '#/submissions');

export const submissionHref = (id: string) => `#/submissions/${encodeURIComponent(id)}`;
