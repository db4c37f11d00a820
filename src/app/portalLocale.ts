/**
 * The portal's language: ?lang= in the URL (a shared link opens in its language), else the one the
 * user picked before (localStorage), else the first of the browser's languages that has a catalogue,
 * else English. One store for the whole page, so the header's picker, the form, the drafts panels and
 * the submissions pages change together; <html lang> follows it for screen readers.
 */
import { useSyncExternalStore } from 'react';
import { catalogueLanguages } from '../schemas/index';

const KEY = 'formulary.portal.lang';

/** The catalogue language of a tag ('fr-CH' -> 'fr'), or undefined when there is none. */
function catalogueLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const languages = catalogueLanguages();
  const lower = tag.toLowerCase();
  return languages.find((l) => l === lower) ?? languages.find((l) => l === lower.split('-')[0]);
}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // private mode: the choice lasts for this page only
  }
}

function initial(): string {
  return (
    catalogueLanguage(new URLSearchParams(window.location.search).get('lang')) ??
    catalogueLanguage(stored()) ??
    navigator.languages.map(catalogueLanguage).find((l) => l !== undefined) ??
    'en'
  );
}

let current = initial();
document.documentElement.lang = current;
const listeners = new Set<() => void>();

/** Switches the portal to `language` (a catalogue language) and remembers it. */
export function setPortalLocale(language: string): void {
  const chosen = catalogueLanguage(language) ?? 'en';
  if (chosen === current) return;
  current = chosen;
  document.documentElement.lang = chosen;
  try {
    localStorage.setItem(KEY, chosen);
  } catch {
    // private mode: the choice lasts for this page only
  }
  // A reload (or a copied link) keeps the language the user sees.
  const url = new URL(window.location.href);
  url.searchParams.set('lang', chosen);
  window.history.replaceState(window.history.state, '', url);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const read = () => current;

/** The portal's language now; re-renders on a change. */
export function usePortalLocale(): string {
  return useSyncExternalStore(subscribe, read, read);
}
