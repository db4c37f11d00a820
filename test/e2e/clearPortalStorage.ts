/**
 * Empties what the portal keeps in the browser (IndexedDB's "formulary" database, localStorage), for
 * tests that share one profile. It clears the object store instead of deleting the database: a delete
 * waits for every open page's connection and would block the next page's form until they close.
 */
import type { Page } from 'playwright-core';

/** Clears the portal's storage from `page` (any page of the site), then seeds localStorage. */
export async function clearPortalStorage(page: Page, seed: Record<string, string> = {}): Promise<void> {
  await page.evaluate(async (items) => {
    localStorage.clear();
    await new Promise<void>((done) => {
      const open = indexedDB.open('formulary');
      open.onerror = () => done();
      open.onupgradeneeded = () => open.result.createObjectStore('keyval');
      open.onsuccess = () => {
        const db = open.result;
        const clear = db.transaction('keyval', 'readwrite').objectStore('keyval').clear();
        clear.onsuccess = clear.onerror = () => {
          db.close();
          done();
        };
      };
    });
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, seed);
}
