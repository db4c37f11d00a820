/**
 * The form's logic without React: values live in a flat ValueStore (ValueMap.ts), and this factory
 * composes what a map of values does not know, one part a file: "changed from default"
 * (ChangeTracker), list rows and choice branches (RowsAndBranches), typed text that is not a value
 * (TypedTexts), reveal and focus (RevealFocus), errors (ErrorStore); it keeps validation, import and
 * reset itself.
 * Every per-keystroke operation is O(1) in form size (O(rows) in a list row, whose default is found by
 * its position) except revalidating a field that already shows an error (it may rebuild the request).
 * Hooks adapt it with useSyncExternalStore and hold no logic.
 */
import {
  branchValueNode,
  type FieldModel,
  type FieldNode,
  isValueBranch,
  type JsonValue,
  type ListNode,
  type ModelNode,
  type Pointer,
  type ValidationError,
} from '../../schemas/index';
import { type BuiltRequest, buildRequest, type ConditionTest, isShown } from './buildRequest';
import { createChangeTracker } from './ChangeTracker';
import { ErrorStore, type ShownError } from './ErrorStore';
import { createFormDefaults } from './FormDefaults';
import { flattenNode, type UnknownKey } from './flattenValues';
import { type ImportedValues, importValues } from './importValues';
import { createListReplace } from './ListReplace';
import { nodeIndex } from './nodeIndex';
import { createRevealFocus } from './RevealFocus';
import { createRowsAndBranches } from './RowsAndBranches';
import { sparseRequest } from './sparseRequest';
import {
  branchName,
  fieldName,
  isWithin,
  pathOfName,
  pointerOf,
  rowIdWithin,
  rowPath,
  rowsName,
  type StoragePath,
  storageOf,
  templateOf,
} from './storagePath';
import { createTypedTexts, type DraftTexts, type TypedText } from './TypedTexts';
import { valueMismatch } from './valueMismatch';

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
  /** Settles once the full checks can run (see the schemas layer's Validator); undefined: they can now. */
  whenComplete?(): Promise<void> | undefined;
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

export type { DraftTexts, TypedText };

export { pathOfName };

/** Makes the engine for one mounted form. */
export function createFormEngine(options: FormEngineOptions) {
  const { model, store } = options;
  const test = options.test;
  const index = nodeIndex(model);
  const errors = new ErrorStore();
  let nextRow = 0;
  const newRowId = () => String(nextRow++);
  const valueListeners = new Set<() => void>();
  // One listener set per stored name: each field subscribes to its own value only.
  const nameListeners = new Map<string, Set<() => void>>();
  const texts = createTypedTexts();
  const revealFocus = createRevealFocus();

  const nodeAt = (path: StoragePath): ModelNode | undefined => index.byTemplate.get(templateOf(path));
  // The list whose rows are stored at a path: a list, or an open tuple's rest (at the tuple's path).
  const listAt = (path: StoragePath): ListNode | undefined => index.listAt.get(templateOf(path));
  const firstIndexOf = (listPath: StoragePath): number => listAt(listPath)?.firstIndex ?? 0;
  const pointerAt = (path: StoragePath): Pointer => pointerOf(path, rowsOf, firstIndexOf);
  const rowsOf = (listPath: StoragePath): string[] =>
    (store.get(rowsName(listPath)) as string[] | undefined) ?? [];
  const branchOf = (choicePath: StoragePath): string | undefined =>
    store.get(branchName(choicePath)) as string;
  // The input at a path: a choice's value branch (a number beside an object) shares the choice's path.
  const fieldAt = (path: StoragePath): FieldNode | undefined => {
    const node = nodeAt(path);
    if (node?.type === 'field') return node;
    if (node?.type !== 'choice') return undefined;
    const id = branchOf(path) ?? node.defaultBranch;
    const branch = node.branches.find((b) => b.id === id);
    const value = branch && isValueBranch(branch) ? branchValueNode(branch) : undefined;
    return value?.type === 'field' ? value : undefined;
  };
  const fieldPathOf = (pointer: Pointer): StoragePath | null =>
    storageOf(
      pointer,
      (t) => {
        const list = index.listAt.get(t);
        return list ? (list.firstIndex ?? 0) : undefined;
      },
      rowsOf,
    );

  // Defaults by storage path, default rows of lists by position: see FormDefaults.
  const defaults = createFormDefaults({
    model,
    index,
    root: options.defaults ?? flattenNode(model.root, '', '', undefined, newRowId).values,
    rowsOf,
    nodeAt,
    listAt,
    pointerAt,
    newRowId,
  });
  const changes = createChangeTracker({
    index,
    defaults,
    read: store.get,
    names: store.names,
    nodeAt,
    rowsOf,
    branchOf,
  });

  function emitValues(): void {
    for (const l of valueListeners) l();
  }

  function write(name: string, value: unknown): void {
    store.set(name, value);
    changes.track(pathOfName(name));
    const listeners = nameListeners.get(name);
    if (listeners) for (const l of listeners) l();
  }

  const forgetWithin = (root: StoragePath) => {
    texts.dropAll([root]);
    changes.forgetWithin(root);
    errors.dropWhere((p) => isWithin(p, root));
  };
  // forgetWithin for many rows of one list in one pass over each store (a paste that replaced them).
  const forgetRows = (listPath: StoragePath, ids: readonly string[]) => {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    const inGone = (p: StoragePath) => {
      const id = rowIdWithin(p, listPath);
      return id !== undefined && gone.has(id);
    };
    texts.dropAll(ids.map((id) => rowPath(listPath, id)));
    changes.forgetWhere(inGone);
    errors.dropWhere(inGone);
  };
  const rows = createRowsAndBranches({
    nodeAt,
    listAt,
    rowsOf,
    newRowId,
    read: store.get,
    names: store.names,
    write,
    forgetWithin,
    dropErrorsWithin: (root) => errors.dropWhere((p) => isWithin(p, root)),
    emit: emitValues,
  });
  // A paste or CSV import: a list's rows in one undo-able change (see ListReplace).
  const lists = createListReplace({
    listAt,
    rowsOf,
    newRowId,
    read: store.get,
    write,
    store: store.set,
    trackNewRows: changes.trackNewRows,
    forgetRows,
    overwritten: (path) => {
      texts.dropAll([path]);
      if (errors.has(path)) validateField(path);
    },
    recomputeChanges: () => changes.recompute(),
    emit: emitValues,
  });

  function toShown(error: ValidationError): ShownError {
    const paths = new Set<StoragePath>();
    for (const pointer of [error.pointer, ...(error.related ?? [])]) {
      const path = fieldPathOf(pointer);
      if (path !== null) paths.add(path);
    }
    return { error, paths: [...paths] };
  }

  function request(): BuiltRequest {
    return buildRequest(model, store.get, test);
  }

  /** The request with hidden fields kept: what a draft saves (see BuildOptions.keepHidden). O(fields). */
  function draftValues(): JsonValue | undefined {
    return buildRequest(model, store.get, test, { keepHidden: true }).request;
  }

  /**
   * Validates one field and the rules that read it, on the sparse request holding just what that
   * needs (O(reads)); on the whole request when that set cannot be known (O(fields)).
   */
  function validateField(path: StoragePath): void {
    const pointer = pointerAt(path);
    const node = fieldAt(path);
    const sparse =
      node && node === nodeAt(path) ? sparseRequest(model, index, node, path, store.get, rowsOf) : null;
    const built = sparse ? { request: sparse, problems: [] } : request();
    const problem =
      built.problems.find((p) => p.path === path) ??
      textProblem(path, pointer) ??
      mismatchProblem(path, pointer);
    const validator = options.validator?.() ?? null;
    let found: ValidationError[] = validator ? [...validator.validateField(built.request, pointer)] : [];
    if (problem) {
      found = found.filter((e) => e.pointer !== pointer);
      found.unshift({ pointer, message: problem.message, rule: 'input' });
    }
    errors.replaceAt(path, found.map(toShown));
  }

  /**
   * The request with every input problem that holds it back: text that did not convert, stored or
   * typed. Text errors of fields a condition or branch now hides do not count. O(fields).
   */
  function checkedRequest(): BuiltRequest {
    const built = buildRequest(model, store.get, test, { trackShown: true });
    for (const [path, message] of texts.errors()) {
      if (built.shown?.has(path)) built.problems.push({ pointer: pointerAt(path), path, message });
    }
    return built;
  }

  /** Full validation: every error is shown; returns the request and whether it may be submitted. */
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

  /** A stored value of a type the field cannot take as it is (an import's 42 in a text field). */
  function mismatchProblem(path: StoragePath, pointer: Pointer) {
    const node = fieldAt(path);
    const mismatch = node ? valueMismatch(node, store.get(fieldName(path))) : undefined;
    return mismatch === undefined ? undefined : { pointer, path, message: mismatch.message };
  }

  function textProblem(path: StoragePath, pointer: Pointer) {
    const message = texts.errorAt(path);
    return message === undefined ? undefined : { pointer, path, message };
  }

  return {
    model,
    errors,
    nodeAt,
    /** The list whose rows are stored at `path` (a list, or an open tuple's rest rows). */
    listAt,
    /** A stored value by name (storagePath's fieldName). */
    read: (name: string) => store.get(name),
    /** Whether `node`'s conditions show it, with `rows` bound. O(its conditions' reads). */
    isShown: (node: ModelNode, rowIds: ReadonlyMap<string, string>) =>
      isShown(model, node, rowIds, store.get, test),
    rowsOf,
    branchOf,
    newRowId,
    request,
    checkedRequest,
    draftValues,
    validateAll,
    validateField,
    /** Shows errors found elsewhere (a server's 422) beside their fields, until each field is changed. */
    showErrors: (found: readonly ValidationError[]) => errors.replaceAll(found.map(toShown)),

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
      const { changed, messageChanged } = texts.set(path, message, text);
      if (!changed) return;
      if (messageChanged && errors.has(path)) validateField(path);
      emitValues();
    },

    /** The text behind every text error, by pointer: what onDraftChange passes beside the values. */
    draftTexts: (): Record<Pointer, TypedText> => texts.draftTexts((path) => pointerAt(path)),

    /**
     * Puts a draft's texts back before the fields mount: each field shows its text again (keptText)
     * and submit is refused with its message until it is fixed. Returns texts whose pointer is no
     * field of this form (a changed schema), for the unknown-keys notice.
     */
    restoreTexts: (draft: DraftTexts): UnknownKey[] =>
      texts.restore(draft, (pointer) => {
        const path = fieldPathOf(pointer);
        return path !== null && fieldAt(path) ? path : null;
      }),

    /** A field's widget unmounted, its input holding `text` (see TypedTexts.widgetGone). */
    widgetGone: texts.widgetGone,
    /** Text kept for a widget that is not mounted (see widgetGone), else undefined. */
    keptText: texts.keptText,
    /** The remounted widget shows the kept text and reports its error again: the copy can go. */
    dropKeptText: texts.dropKeptText,

    /** Leaving a field: check it and the rules that read it. */
    blurField(path: StoragePath): void {
      validateField(path);
    },

    isChanged: changes.isChanged,
    changedCount: changes.count,
    subscribeChanged: changes.subscribe,

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
        // The rows reset replaces get fresh ids: their changes go with them, as removeRow's do.
        changes.forgetWithin(root);
        for (const [name, value] of Object.entries(defaults.valuesWithin(root))) write(name, value);
      }
      texts.dropKept(roots);
      errors.dropWhere((p) => roots.some((r) => isWithin(p, r)));
      emitValues();
    },

    selectBranch: rows.selectBranch,
    addRow: rows.addRow,
    setListUnset: rows.setListUnset,
    removeRow: rows.removeRow,
    duplicateRow: rows.duplicateRow,
    moveRow: rows.moveRow,
    replaceList: lists.replaceList,
    undoListReplace: lists.undoListReplace,

    /**
     * Replaces every value with `request` (missing keys get defaults; text read as the typed value
     * its field wants: importValues). Returns the keys the schema lacks, the values not taken as they
     * were (replaced by defaults, or kept with a wrong type) and the text values converted.
     */
    importRequest(requestValue: unknown): Omit<ImportedValues, 'values'> {
      const flat = importValues(model, requestValue, newRowId);
      store.replaceAll(flat.values);
      for (const set of nameListeners.values()) for (const l of set) l();
      changes.recompute();
      errors.replaceAll([]);
      texts.clear();
      emitValues();
      return { unknownKeys: flat.unknownKeys, notTaken: flat.notTaken, converted: flat.converted };
    },

    /** Sets up changed-tracking for values already in the store (after the first render). O(n). */
    recomputeChanged: changes.recompute,

    registerRevealer: revealFocus.registerRevealer,
    registerFocuser: revealFocus.registerFocuser,
    reveal: revealFocus.reveal,

    pointerOf: (path: StoragePath) => pointerAt(path),
    storageOf: fieldPathOf,
  };
}
