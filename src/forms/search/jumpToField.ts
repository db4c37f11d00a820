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

/** A choice a jump switched to show its field: what the search box tells the user, and undoes. */
export interface BranchSwitch {
  readonly choice: StoragePath;
  readonly choiceLabel: string;
  readonly from: string;
  readonly fromLabel: string;
  readonly to: string;
  readonly toLabel: string;
}

/** The choices (outside lists) `entry` sits in whose selected branch is not the one holding it. */
export function switchesFor(engine: FormEngine, entry: SearchEntry): BranchSwitch[] {
  const out: BranchSwitch[] = [];
  for (const step of entry.branches) {
    if (step.choice.includes('*')) continue;
    const node = engine.nodeAt(step.choice);
    if (node?.type !== 'choice') continue;
    const from = engine.branchOf(step.choice) ?? node.defaultBranch;
    if (from === step.branch) continue;
    const label = (id: string) => node.branches.find((b) => b.id === id)?.label ?? id;
    out.push({
      choice: step.choice,
      choiceLabel: node.label,
      from,
      fromLabel: label(from),
      to: step.branch,
      toLabel: label(step.branch),
    });
  }
  return out;
}

/**
 * Selects branches, reveals and focuses the field of `entry`. Returns the storage path it went to and
 * the branches it switched (the caller says so, with undo: a switch changes the request).
 */
export function jumpToField(
  engine: FormEngine,
  idPrefix: string,
  entry: SearchEntry,
): { path: StoragePath; switched: BranchSwitch[] } {
  const switched = switchesFor(engine, entry);
  for (const s of switched) engine.selectBranch(s.choice, s.to);
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
  return { path, switched };
}

/**
 * One result per field: a field that several branches share (same pointer: "Sample name" in both job
 * modes) is listed once, as the entry whose branches are selected now when there is one, so picking it
 * switches nothing. O(entries).
 */
export function oneEntryPerField(engine: FormEngine, entries: readonly SearchEntry[]): SearchEntry[] {
  const byPointer = new Map<string, SearchEntry>();
  for (const entry of entries) {
    const kept = byPointer.get(entry.pointer);
    if (kept === undefined) byPointer.set(entry.pointer, entry);
    else if (switchesFor(engine, kept).length > 0 && switchesFor(engine, entry).length === 0)
      byPointer.set(entry.pointer, entry);
  }
  const chosen = new Set(byPointer.values());
  return entries.filter((e) => chosen.has(e));
}
