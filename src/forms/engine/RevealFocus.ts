/**
 * reveal(path): opens whatever hides a field (section, advanced part, lazy block), then focuses it,
 * for the error summary and the search box. Parts register how to open themselves and inputs how to
 * focus themselves; a part or input that mounts while a reveal is in progress opens or focuses itself.
 * No React, no DOM: the registered callbacks do the DOM work.
 */
import { isWithin, type StoragePath } from './storagePath';

export type RevealFocus = ReturnType<typeof createRevealFocus>;

export function createRevealFocus() {
  const revealers = new Set<{ roots: readonly StoragePath[]; open: () => void }>();
  const focusers = new Map<StoragePath, () => void>();
  let pendingFocus: StoragePath | null = null;
  // A reveal in progress: parts that mount later (a lazy block inside a section just opened) open too.
  let pendingReveal: StoragePath | null = null;

  return {
    /** Sections, advanced parts and lazy blocks register how to open themselves for reveal(). */
    registerRevealer(roots: readonly StoragePath[], open: () => void): () => void {
      const entry = { roots, open };
      revealers.add(entry);
      if (pendingReveal !== null && roots.some((root) => isWithin(pendingReveal!, root))) open();
      return () => revealers.delete(entry);
    },

    /** Mounted inputs register how to focus themselves; an input mounting after reveal() focuses itself. */
    registerFocuser(path: StoragePath, focus: () => void): () => void {
      focusers.set(path, focus);
      if (pendingFocus === path) {
        pendingFocus = null;
        pendingReveal = null;
        focus();
      }
      return () => {
        if (focusers.get(path) === focus) focusers.delete(path);
      };
    },

    /** Opens whatever hides `path`, then scrolls to and focuses it. */
    reveal(path: StoragePath): void {
      pendingReveal = path;
      for (const r of revealers) if (r.roots.some((root) => isWithin(path, root))) r.open();
      // The nearest mounted ancestor takes focus when the exact path is not an input (a list, a group).
      let target: StoragePath | null = path;
      while (target !== null && !focusers.has(target)) {
        target = target === '' ? null : target.slice(0, target.lastIndexOf('/'));
      }
      const focus = target === null ? undefined : focusers.get(target);
      if (focus && target === path) {
        pendingReveal = null;
        focus();
      } else pendingFocus = path;
    },
  };
}
