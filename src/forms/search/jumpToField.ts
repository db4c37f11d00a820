/**
 * Takes the user to a search hit: selects the choice branches it sits in, then asks the engine to
 * reveal it (the same path the error summary uses: open section, advanced part, lazy block; scroll;
 * focus). Parts mount one render at a time, so reveal is repeated on the next frames until the field
 * has focus. Inside lists it goes to the first row (or the list itself when it has none).
 */
import type { SearchEntry } from '../../schemas/index';
import type { FormEngine } from '../engine/FormEngine';
import type { StoragePath } from '../engine/storagePath';
import { domId } from '../FormContext';

/** Storage path for a pointer template, binding each list to its first row; stops at an empty list. */
export function targetPath(engine: FormEngine, pointer: string): StoragePath {
  const parts = pointer.split('/*');
  let path = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const first = engine.rowsOf(path)[0];
    if (first === undefined) return path;
    path += `/~r${first}${parts[i]}`;
  }
  return path;
}

/** Frames to keep re-revealing while nested parts mount (each level takes one render). */
const MAX_FRAMES = 30;

const nextFrame = (fn: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 16);
};

/** Selects branches, reveals and focuses the field of `entry`. Returns the storage path it went to. */
export function jumpToField(engine: FormEngine, idPrefix: string, entry: SearchEntry): StoragePath {
  for (const step of entry.branches) {
    if (step.choice.includes('*')) continue;
    const node = engine.nodeAt(step.choice);
    if (node?.type !== 'choice') continue;
    if ((engine.branchOf(step.choice) ?? node.defaultBranch) !== step.branch)
      engine.selectBranch(step.choice, step.branch);
  }
  const path = targetPath(engine, entry.pointer);
  const id = domId(idPrefix, path);
  const focused = () => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    if (active === null || active === document.body) return false;
    return active.id === id || active.closest('[data-path]')?.getAttribute('data-path') === path;
  };
  engine.reveal(path);
  let frames = 0;
  const retry = () => {
    if (focused() || ++frames > MAX_FRAMES) return;
    engine.reveal(path);
    nextFrame(retry);
  };
  nextFrame(retry);
  return path;
}
