/**
 * The form's logic without React: values live in a flat ValueStore (ValueMap.ts), and this factory
 * adds what a map of values does not know: list rows and choice branches, "changed from default"
 * tracking, the error store with cross-field errors, the request builder, import, reset and reveal.
 * Every per-keystroke operation is O(1) in form size (O(rows) in a list row, whose default is found by
 * its position) except revalidating a field that already shows an error (it may rebuild the request).
 * Hooks adapt it with useSyncExternalStore and hold no logic.
 */
import {
  escapePointerSegment,
  type FieldModel,
  jsonEquals,
  type ModelNode,
  type Pointer,
  type ValidationError,
} from '../../schemas/index';
import { type BuiltRequest, buildRequest, type ConditionTest, isShown } from './buildRequest';
import { ErrorStore, type ShownError } from './ErrorStore';
import { createFormDefaults } from './FormDefaults';
import { flattenNode, type UnknownKey } from './flattenValues';
import { nodeIndex } from './nodeIndex';
import { sparseRequest } from './sparseRequest';
import {
  branchName,
  fieldName,
  isWithin,
  pathOfName,
  pointerOf,
  rowPath,
  rowsName,
  type StoragePath,
  storageOf,
  templateOf,
} from './storagePath';

/** Where the values are kept: a ValueMap (or a plain object in tests). */
export interface ValueStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Replaces every value at once (import, reset form). */
  replaceAll(values: Record<string, unknown>): void;
  /** Every stored name. O(n): only for section resets. */
  names(): string[];
}

/** The validator the form calls; see createValidator in the schemas layer. */
export interface FormValidator {
  validate(request: unknown): readonly ValidationError[];
  validateField(request: unknown, pointer: Pointer): readonly ValidationError[];
}

export interface FormEngineOptions {
  readonly model: FieldModel;
  readonly store: ValueStore;
  /** Returns the compiled validator, compiling it if needed; null when there is none. */
  readonly validator?: () => FormValidator | null;
  /** Decides show/hide conditions (the schemas layer's evaluateCondition, through schemasBridge). */
  readonly test: ConditionTest;
  /**
   * The model's defaults flattened (flattenValues with no request), when the caller has them already:
   * saves the engine a walk of the whole model at mount. Read only.
   */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

export type FormEngine = ReturnType<typeof createFormEngine>;

/** Text a field held that was not a value, and the message it got: what a draft keeps of it. */
export interface TypedText {
  readonly text: string;
  readonly message: string;
}

/** TypedText by the field's JSON Pointer (request indexes, not row ids). */
export type DraftTexts = Readonly<Record<Pointer, TypedText>>;

export { pathOfName };

/** Makes the engine for one mounted form. */
export function createFormEngine(options: FormEngineOptions) {
  const { model, store } = options;
  const test = options.test;
  const index = nodeIndex(model);
  const errors = new ErrorStore();
  let nextRow = 0;
  const newRowId = () => String(nextRow++);

  // "Changed from default": storage paths (fields, lists by row count, choices by branch) whose
  // value differs. Derived on each write; the values themselves stay in the store only.
  const changed = new Set<StoragePath>();
  const changedListeners = new Map<StoragePath, Set<() => void>>();
  const valueListeners = new Set<() => void>();
  // One listener set per stored name: each field subscribes to its own value only.
  const nameListeners = new Map<string, Set<() => void>>();
  const revealers = new Set<{ roots: readonly StoragePath[]; open: () => void }>();
  const focusers = new Map<StoragePath, () => void>();
  // Text a widget could not turn into a value (WidgetProps.onTextError): the store keeps the last
  // good value, so these block submit and are listed in the summary until fixed.
  const textErrors = new Map<StoragePath, string>();
  // The text behind a text error whose widget is unmounted (its section closed, a search filtered it
  // out): the widget shows it again when it remounts, and submit stays refused meanwhile, rather than
  // sending the last good value in its place.
  const keptTexts = new Map<StoragePath, string>();
  // The text behind each text error of a mounted widget (read from its input as the error is
  // reported), so a draft can keep what was typed, not only the last good value.
  const typedTexts = new Map<StoragePath, string>();
  /** Forgets kept text (and its error) within `roots`: a reset or import replaced those values. */
  const dropKeptTexts = (roots: readonly StoragePath[]) => {
    for (const path of [...keptTexts.keys()]) {
      if (!roots.some((root) => isWithin(path, root))) continue;
      keptTexts.delete(path);
      textErrors.delete(path);
    }
    for (const path of [...typedTexts.keys()])
      if (roots.some((root) => isWithin(path, root))) typedTexts.delete(path);
  };
  let pendingFocus: StoragePath | null = null;
  // A reveal in progress: parts that mount later (a lazy block inside a section just opened) open too.
  let pendingReveal: StoragePath | null = null;

  const nodeAt = (path: StoragePath): ModelNode | undefined => index.byTemplate.get(templateOf(path));

  const rowsOf = (listPath: StoragePath): string[] =>
    (store.get(rowsName(listPath)) as string[] | undefined) ?? [];
  const branchOf = (choicePath: StoragePath): string | undefined =>
    store.get(branchName(choicePath)) as string;

  // A choice's discriminator fields: the branch picker stands for them, so picking a branch is one
  // change (its ~branch), not two.
  const discriminators = new Set<ModelNode>();
  for (const node of index.byTemplate.values()) {
    if (node.type !== 'choice' || node.discriminator === undefined) continue;
    for (const branch of node.branches) {
      const field = branch.node.children.find((c) => c.key === node.discriminator);
      if (field) discriminators.add(field);
    }
  }

  // Defaults by storage path, default rows of lists by position: see FormDefaults.
  const defaults = createFormDefaults({
    model,
    index,
    root: options.defaults ?? flattenNode(model.root, '', '', undefined, newRowId).values,
    rowsOf,
    nodeAt,
    newRowId,
  });

  /** Key kind and default for a stored name's path. */
  function differsFromDefault(path: StoragePath): boolean {
    if (path.endsWith('/~rows'))
      return rowsOf(path.slice(0, -6)).length !== defaults.rowCountOf(path.slice(0, -6));
    if (path.endsWith('/~branch')) {
      const node = nodeAt(path.slice(0, -8));
      return node?.type === 'choice' && branchOf(path.slice(0, -8)) !== defaults.branchOf(path.slice(0, -8));
    }
    const node = nodeAt(path);
    if (node?.type !== 'field' || discriminators.has(node)) return false;
    return !jsonEquals(store.get(fieldName(path)), defaults.fieldValue(path));
  }

  function trackChange(key: StoragePath): void {
    const was = changed.has(key);
    const now = differsFromDefault(key);
    if (was === now) return;
    if (now) changed.add(key);
    else changed.delete(key);
    // Notify listeners on every ancestor of the key: O(depth).
    let prefix = key;
    for (;;) {
      for (const l of changedListeners.get(prefix) ?? []) l();
      if (prefix === '') break;
      prefix = prefix.slice(0, prefix.lastIndexOf('/'));
    }
  }

  function recomputeChanged(): void {
    changed.clear();
    for (const name of store.names()) {
      const path = pathOfName(name);
      if (differsFromDefault(path)) changed.add(path);
    }
    for (const set of changedListeners.values()) for (const l of set) l();
  }

  function emitValues(): void {
    for (const l of valueListeners) l();
  }

  function write(name: string, value: unknown): void {
    store.set(name, value);
    trackChange(pathOfName(name));
    const listeners = nameListeners.get(name);
    if (listeners) for (const l of listeners) l();
  }

  function writeMany(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) write(name, value);
  }

  function toShown(error: ValidationError): ShownError {
    const paths = new Set<StoragePath>();
    for (const pointer of [error.pointer, ...(error.related ?? [])]) {
      const path = storageOf(pointer, (t) => index.lists.has(t), rowsOf);
      if (path !== null) paths.add(path);
    }
    return { error, paths: [...paths] };
  }

  function request(): BuiltRequest {
    return buildRequest(model, store.get, test);
  }

  /** The request with hidden fields kept: what a draft saves (see BuildOptions.keepHidden). O(fields). */
  function draftValues(): Record<string, unknown> {
    return buildRequest(model, store.get, test, { keepHidden: true }).request;
  }

  /**
   * Validates one field and the rules that read it, on the sparse request holding just what that
   * needs (O(reads)); on the whole request when that set cannot be known (O(fields)).
   */
  function validateField(path: StoragePath): void {
    const pointer = pointerOf(path, rowsOf);
    const node = nodeAt(path);
    const sparse = node?.type === 'field' ? sparseRequest(model, index, node, path, store.get, rowsOf) : null;
    const built = sparse ? { request: sparse, problems: [] } : request();
    const problem = built.problems.find((p) => p.path === path) ?? textProblem(path, pointer);
    const validator = options.validator?.() ?? null;
    let found: ValidationError[] = validator ? [...validator.validateField(built.request, pointer)] : [];
    if (problem) {
      found = found.filter((e) => e.pointer !== pointer);
      found.unshift({ pointer, message: problem.message, rule: 'input' });
    }
    errors.replaceAt(path, found.map(toShown));
  }

  /** Full validation: every error is shown; returns the request and whether it may be submitted. */
  /**
   * The request with every input problem that holds it back: text that did not convert, stored or
   * typed. Text errors of fields a condition or branch now hides do not count. O(fields).
   */
  function checkedRequest(): BuiltRequest {
    const built = buildRequest(model, store.get, test, { trackShown: true });
    for (const [path, message] of textErrors) {
      if (built.shown?.has(path)) built.problems.push({ pointer: pointerOf(path, rowsOf), path, message });
    }
    return built;
  }

  function validateAll(): BuiltRequest & { errors: readonly ValidationError[] } {
    const built = checkedRequest();
    const validator = options.validator?.() ?? null;
    const problemPointers = new Set(built.problems.map((p) => p.pointer));
    const found: ValidationError[] = built.problems.map((p) => ({
      pointer: p.pointer,
      message: p.message,
      rule: 'input',
    }));
    for (const e of validator ? validator.validate(built.request) : [])
      if (!problemPointers.has(e.pointer)) found.push(e);
    errors.replaceAll(found.map(toShown));
    return { ...built, errors: found };
  }

  function textProblem(path: StoragePath, pointer: Pointer) {
    const message = textErrors.get(path);
    return message === undefined ? undefined : { pointer, path, message };
  }

  return {
    model,
    errors,
    nodeAt,
    /** A stored value by name (storagePath's fieldName). */
    read: (name: string) => store.get(name),
    /** Whether `node`'s conditions show it, with `rows` bound. O(its conditions' reads). */
    isShown: (node: ModelNode, rows: ReadonlyMap<string, string>) =>
      isShown(model, node, rows, store.get, test),
    rowsOf,
    branchOf,
    newRowId,
    request,
    checkedRequest,
    draftValues,
    validateAll,
    validateField,

    /** A keystroke or pick: stores the value; re-checks the field if it shows an error. O(1) otherwise. */
    setField(path: StoragePath, value: unknown): void {
      write(fieldName(path), value);
      if (errors.has(path)) validateField(path);
      emitValues();
    },

    /**
     * A widget reports text that is not a value (or undefined once it is again), and the text itself.
     * Listeners of values hear of it: the draft keeps the text, and the form is no longer valid.
     */
    setTextError(path: StoragePath, message: string | undefined, text?: string): void {
      const before = textErrors.get(path);
      const textBefore = typedTexts.get(path);
      if (message === undefined) {
        textErrors.delete(path);
        keptTexts.delete(path);
        typedTexts.delete(path);
      } else {
        textErrors.set(path, message);
        if (text !== undefined) typedTexts.set(path, text);
      }
      if (before === message && textBefore === typedTexts.get(path)) return;
      if (before !== message && errors.has(path)) validateField(path);
      emitValues();
    },

    /** The text behind every text error, by pointer: what onDraftChange passes beside the values. */
    draftTexts(): Record<Pointer, TypedText> {
      const out: Record<Pointer, TypedText> = {};
      for (const [path, message] of textErrors) {
        const text = keptTexts.get(path) ?? typedTexts.get(path);
        if (text !== undefined) out[pointerOf(path, rowsOf)] = { text, message };
      }
      return out;
    },

    /**
     * Puts a draft's texts back before the fields mount: each field shows its text again (keptText)
     * and submit is refused with its message until it is fixed. Returns texts whose pointer is no
     * field of this form (a changed schema), for the unknown-keys notice.
     */
    restoreTexts(texts: DraftTexts): UnknownKey[] {
      const unknown: UnknownKey[] = [];
      for (const [pointer, typed] of Object.entries(texts)) {
        const path = storageOf(pointer, (t) => index.lists.has(t), rowsOf);
        if (path === null || nodeAt(path)?.type !== 'field') {
          unknown.push({ pointer, value: typed.text });
          continue;
        }
        keptTexts.set(path, typed.text);
        textErrors.set(path, typed.message);
      }
      return unknown;
    },

    /**
     * A field's widget unmounted, its input holding `text`. Text that was not a value is kept (with
     * its error) for the widget's return; otherwise the field's text error goes with the widget.
     */
    widgetGone(path: StoragePath, text: string | undefined): void {
      if (text !== undefined && textErrors.has(path)) keptTexts.set(path, text);
      else textErrors.delete(path);
      typedTexts.delete(path);
    },

    /** Text kept for a widget that is not mounted (see widgetGone), else undefined. */
    keptText(path: StoragePath): string | undefined {
      return keptTexts.get(path);
    },

    /** The remounted widget shows the kept text and reports its error again: the copy can go. */
    dropKeptText(path: StoragePath): void {
      keptTexts.delete(path);
    },

    /** Leaving a field: check it and the rules that read it. */
    blurField(path: StoragePath): void {
      validateField(path);
    },

    /** Whether the field/list/choice at `path` differs from its default. O(1). */
    isChanged(path: StoragePath): boolean {
      return changed.has(path) || changed.has(`${path}/~rows`) || changed.has(`${path}/~branch`);
    },

    /** How many stored values within `roots` differ from their defaults. O(changed values). */
    changedCount(roots: readonly StoragePath[]): number {
      let n = 0;
      for (const path of changed) {
        const owner = path.replace(/\/~(rows|branch)$/, '');
        if (roots.some((r) => isWithin(owner, r))) n++;
      }
      return n;
    },

    /** Calls `listener` when the changed-count within any of `roots` may have changed. */
    subscribeChanged(roots: readonly StoragePath[], listener: () => void): () => void {
      for (const root of roots) {
        let set = changedListeners.get(root);
        if (!set) {
          set = new Set();
          changedListeners.set(root, set);
        }
        set.add(listener);
      }
      return () => {
        for (const root of roots) changedListeners.get(root)?.delete(listener);
      };
    },

    /** Calls `listener` when the value stored under `name` changes. O(1) per change. */
    subscribeValue(name: string, listener: () => void): () => void {
      let set = nameListeners.get(name);
      if (!set) {
        set = new Set();
        nameListeners.set(name, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) nameListeners.delete(name);
      };
    },

    /** Calls `listener` after any value change (for onChange; the caller coalesces). */
    subscribeValues(listener: () => void): () => void {
      valueListeners.add(listener);
      return () => valueListeners.delete(listener);
    },

    /** Resets every stored value inside `roots` (fields, rows, branches) to its default. O(form size). */
    resetWithin(roots: readonly StoragePath[]): void {
      for (const root of roots) {
        writeMany(defaults.valuesWithin(root));
      }
      dropKeptTexts(roots);
      errors.dropWhere((p) => roots.some((r) => isWithin(p, r)));
      emitValues();
    },

    selectBranch(choicePath: StoragePath, branchId: string): void {
      const node = nodeAt(choicePath);
      if (node?.type !== 'choice') return;
      const branch = node.branches.find((b) => b.id === branchId);
      if (!branch) throw new Error(`Choice "${choicePath}" has no branch "${branchId}"`);
      write(branchName(choicePath), branchId);
      if (node.discriminator !== undefined) {
        write(
          fieldName(`${choicePath}/${escapePointerSegment(node.discriminator)}`),
          branch.discriminatorValue,
        );
      }
      errors.dropWhere((p) => isWithin(p, choicePath));
      emitValues();
    },

    /** Adds a row with the item's defaults at `at` (default: the end). Returns its id. */
    addRow(listPath: StoragePath, at?: number): string {
      const node = nodeAt(listPath);
      if (node?.type !== 'list') throw new Error(`"${listPath}" is not a list`);
      const ids = rowsOf(listPath);
      const id = newRowId();
      writeMany(flattenNode(node.item, rowPath(listPath, id), '', undefined, newRowId).values);
      const next = [...ids];
      next.splice(at ?? ids.length, 0, id);
      write(rowsName(listPath), next);
      emitValues();
      return id;
    },

    removeRow(listPath: StoragePath, rowId: string): void {
      write(
        rowsName(listPath),
        rowsOf(listPath).filter((id) => id !== rowId),
      );
      const gone = rowPath(listPath, rowId);
      for (const key of [...textErrors.keys()]) if (isWithin(key, gone)) textErrors.delete(key);
      dropKeptTexts([gone]);
      for (const key of [...changed]) if (isWithin(key, gone)) changed.delete(key);
      errors.dropWhere((p) => isWithin(p, gone));
      emitValues();
    },

    /** Copies a row (nested rows included) just below it. O(values in the form) to find its values. */
    duplicateRow(listPath: StoragePath, rowId: string): string {
      const id = newRowId();
      const from = rowPath(listPath, rowId);
      const to = rowPath(listPath, id);
      for (const name of store.names()) {
        const path = pathOfName(name);
        if (isWithin(path, from))
          write(fieldName(to + path.slice(from.length)), structuredClone(store.get(name)));
      }
      const next = [...rowsOf(listPath)];
      next.splice(next.indexOf(rowId) + 1, 0, id);
      write(rowsName(listPath), next);
      emitValues();
      return id;
    },

    /** Moves a row up (-1) or down (+1). O(rows). */
    moveRow(listPath: StoragePath, rowId: string, delta: -1 | 1): void {
      const next = [...rowsOf(listPath)];
      const i = next.indexOf(rowId);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= next.length) return;
      [next[i], next[j]] = [next[j]!, next[i]!];
      write(rowsName(listPath), next);
      emitValues();
    },

    /** Replaces every value with `request` (missing keys get defaults). Returns the keys the schema lacks. */
    importRequest(requestValue: unknown): UnknownKey[] {
      const flat = flattenNode(model.root, '', '', requestValue, newRowId);
      store.replaceAll(flat.values);
      for (const set of nameListeners.values()) for (const l of set) l();
      recomputeChanged();
      errors.replaceAll([]);
      textErrors.clear();
      keptTexts.clear();
      typedTexts.clear();
      emitValues();
      return flat.unknownKeys;
    },

    /** Sets up changed-tracking for values already in the store (after the first render). O(n). */
    recomputeChanged,

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

    /** Opens whatever hides `path` (section, advanced part, lazy block), then scrolls to and focuses it. */
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

    pointerOf: (path: StoragePath) => pointerOf(path, rowsOf),
    storageOf: (pointer: Pointer) => storageOf(pointer, (t) => index.lists.has(t), rowsOf),
  };
}
