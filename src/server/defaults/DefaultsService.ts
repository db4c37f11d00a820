/**
 * Instrument defaults edited by staff, HTTP-free: the effective defaults of an instrument (the
 * schema's, overlaid by what its staff saved), changes checked against each field's own schema with
 * the form's validator (so a default a scientist could never submit is refused, naming the field),
 * resets to the schema's default, and the history. Who may change them is the routes' question
 * (permissions.ts); this never sees a request.
 */
import { defaultsOf, type FieldNode, setAt } from '../../schemas/index';
import type { Instrument } from '../instruments/index';
import type { DefaultChange, DefaultEdit, DefaultsStore } from '../store/index';

/** One field whose default differs from the schema's, as the API shows it. */
export interface EffectiveDefault {
  readonly pointer: string;
  readonly label: string;
  readonly value: unknown;
  /** The schema's own default; absent when it has none. */
  readonly schemaDefault?: unknown;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface EffectiveDefaults {
  readonly instrument: string;
  readonly revision: number;
  readonly overrides: readonly EffectiveDefault[];
}

export interface DefaultsEdit {
  /** Pointer -> new default. */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Pointers to put back to the schema's default. */
  readonly reset?: readonly string[];
}

export interface FieldRefusal {
  readonly pointer: string;
  readonly label?: string;
  readonly message: string;
}

/** A change refused before anything was written: every field problem, each naming its field. */
export class DefaultsError extends Error {
  constructor(readonly problems: readonly FieldRefusal[]) {
    super(
      problems.map((p) => `${p.label ? `${p.label} (${p.pointer})` : p.pointer}: ${p.message}`).join('; '),
    );
    this.name = 'DefaultsError';
  }
}

export class DefaultsService {
  constructor(
    private readonly store: DefaultsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The overlay as pointer -> value, for the staff-only check of a submission. O(changed fields). */
  async overlayOf(instrument: Instrument): Promise<ReadonlyMap<string, unknown>> {
    const { values } = await this.store.overlay(instrument.id);
    return new Map(values.map((v) => [v.pointer, v.value]));
  }

  async effective(instrument: Instrument): Promise<EffectiveDefaults> {
    const { revision, values } = await this.store.overlay(instrument.id);
    return {
      instrument: instrument.id,
      revision,
      overrides: values.map((v) => {
        const field = this.fieldAt(instrument, v.pointer);
        return {
          pointer: v.pointer,
          label: field?.label ?? v.pointer,
          value: v.value,
          ...(field?.hasDefault && { schemaDefault: field.default }),
          changedBy: v.changedBy,
          changedAt: v.changedAt,
        };
      }),
    };
  }

  /**
   * Checks every edit first (an unknown field, a field inside a list, a value its schema refuses:
   * DefaultsError naming each), then writes them all, with one audit entry per field changed, in one
   * transaction. Returns the changes made.
   */
  async change(
    instrument: Instrument,
    edit: DefaultsEdit,
    by: string,
    address: string | null = null,
  ): Promise<DefaultChange[]> {
    const set = Object.entries(edit.set ?? {});
    const reset = edit.reset ?? [];
    const problems: FieldRefusal[] = [];
    const edits: DefaultEdit[] = [];
    for (const pointer of [...set.map(([p]) => p), ...reset]) {
      const field = this.fieldAt(instrument, pointer);
      if (!field) problems.push({ pointer, message: `not a field of the ${instrument.name} schema` });
      else if (pointer.includes('/*'))
        problems.push({
          pointer,
          label: field.label,
          message: 'a field inside a list: its rows take the default of the schema',
        });
    }
    if (problems.length > 0) throw new DefaultsError(problems);
    // The request new forms would start from, with these values in: cross-field rules see them too.
    const request = defaultsOf(instrument.model, { includeHidden: true });
    for (const [pointer, value] of await this.overlayOf(instrument)) setAt(request, pointer, value);
    for (const [pointer, value] of set) setAt(request, pointer, value);
    for (const [pointer, value] of set) {
      const field = this.fieldAt(instrument, pointer)!;
      for (const error of instrument.validator.validateField(pointer, value, request))
        problems.push({ pointer: error.pointer, label: field.label, message: error.message });
      if (value === undefined) problems.push({ pointer, label: field.label, message: 'a value is needed' });
    }
    if (problems.length > 0) throw new DefaultsError(problems);
    for (const [pointer, value] of set)
      edits.push({ pointer, value, schemaDefault: this.schemaDefaultOf(instrument, pointer) });
    for (const pointer of reset)
      edits.push({ pointer, value: undefined, schemaDefault: this.schemaDefaultOf(instrument, pointer) });
    const at = this.now().toISOString();
    return this.store.change(instrument.id, edits, by, at, (c) => ({
      time: at,
      actor: by,
      action: c.reset ? 'default-reset' : 'default-change',
      target: `${instrument.id}:${c.pointer}`,
      address,
      outcome: 'ok',
      detail: JSON.stringify({
        instrument: instrument.id,
        pointer: c.pointer,
        old: c.oldValue ?? null,
        new: c.newValue ?? null,
      }),
    }));
  }

  history(instrument: Instrument, limit: number, beforeSeq?: number): Promise<DefaultChange[]> {
    return this.store.history(instrument.id, { limit, ...(beforeSeq !== undefined && { beforeSeq }) });
  }

  /** A leaf field of the instrument's model at `pointer`, or undefined. */
  fieldAt(instrument: Instrument, pointer: string): FieldNode | undefined {
    const node = instrument.model.byPointer.get(pointer);
    return node?.type === 'field' ? node : undefined;
  }

  private schemaDefaultOf(instrument: Instrument, pointer: string): unknown {
    const field = this.fieldAt(instrument, pointer);
    return field?.hasDefault ? field.default : undefined;
  }
}
