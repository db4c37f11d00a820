/**
 * The ranked widget registry: each entry's tester scores a field (-1 = not mine) and the highest score
 * wins, so a facility adds or replaces a widget by registering an entry, without touching ours. A field
 * that names a widget (x-widget / ui:widget) gets that entry. Plain TypeScript, no JSX.
 */
import type { FieldNode } from '../schemas/index';
import type { WidgetComponent } from './WidgetProps';
import { withNullable } from './withNullable';

/** What a tester may know besides the field. */
export interface WidgetTesterContext {
  /** The field is shown in a compact place (a table cell of a list). */
  readonly compact?: boolean;
}

/** Scores how well a widget fits a field: -1 for "not mine", higher is better (ours use 1-10). */
export type WidgetTester = (field: FieldNode, ctx: WidgetTesterContext) => number;

export interface WidgetEntry {
  /** Unique name; x-widget / ui:widget refer to it. Registering the same name replaces the entry. */
  readonly name: string;
  readonly tester: WidgetTester;
  readonly component: WidgetComponent;
  /** The widget shows null itself; otherwise nullable fields get the "Unset" wrapper. */
  readonly handlesNull?: boolean;
}

/** Why a widget was picked: for diagnostics ("x-widget 'slider' is not registered"). */
export interface WidgetResolution {
  readonly entry: WidgetEntry;
  /** The tester's score, or Infinity when picked by name. */
  readonly rank: number;
  /** A widget name the field asked for that no entry has (the ranked pick was used instead). */
  readonly unknownWidget?: string;
}

export interface WidgetRegistry {
  /** Add or replace (same name) an entry; clears the pick cache. Throws on a frozen registry. */
  register(entry: WidgetEntry): this;
  /** Remove an entry by name; true when it existed. */
  unregister(name: string): boolean;
  /** The entry registered under a name. */
  get(name: string): WidgetEntry | undefined;
  /** Every entry, in registration order. */
  entries(): readonly WidgetEntry[];
  /** The best entry for a field and how it was chosen. O(entries) the first time, then O(1) per field. */
  resolve(field: FieldNode, ctx?: WidgetTesterContext): WidgetResolution;
  /** The component to render for a field, wrapped for "Unset" when the field is nullable. */
  pick(field: FieldNode, ctx?: WidgetTesterContext): WidgetComponent;
  /** A new, unfrozen registry with these entries plus `more` (same name replaces). */
  extend(more?: readonly WidgetEntry[]): WidgetRegistry;
}

function validate(entry: WidgetEntry): void {
  if (typeof entry.name !== 'string' || entry.name === '')
    throw new TypeError('A widget entry needs a name.');
  if (typeof entry.tester !== 'function')
    throw new TypeError(`Widget '${entry.name}' needs a tester function.`);
  if (entry.component === undefined || entry.component === null) {
    throw new TypeError(`Widget '${entry.name}' needs a component.`);
  }
}

/**
 * Create a registry from entries (later entries with the same name replace earlier ones).
 * @example createWidgetRegistry(defaultWidgetEntries).register({name: 'slider', tester, component})
 */
export function createWidgetRegistry(
  initial: readonly WidgetEntry[] = [],
  options: { frozen?: boolean } = {},
): WidgetRegistry {
  const byName = new Map<string, WidgetEntry>();
  for (const entry of initial) {
    validate(entry);
    byName.set(entry.name, entry);
  }
  // Field nodes are immutable, so a pick can be cached per node; contexts are few (compact or not).
  let cache = new WeakMap<FieldNode, WidgetResolution>();
  let compactCache = new WeakMap<FieldNode, WidgetResolution>();

  function rank(field: FieldNode, ctx: WidgetTesterContext): WidgetResolution {
    let best: WidgetEntry | undefined;
    let bestRank = -1;
    for (const entry of byName.values()) {
      const r = entry.tester(field, ctx);
      // ">" keeps the earlier entry on ties; a facility outranks ours by scoring higher.
      if (r > bestRank) {
        best = entry;
        bestRank = r;
      }
    }
    if (best === undefined) {
      throw new Error(
        `No widget accepts the field at '${field.pointer}' (kind '${field.kind}'); register a fallback.`,
      );
    }
    return { entry: best, rank: bestRank };
  }

  const registry: WidgetRegistry = {
    register(entry) {
      if (options.frozen === true) {
        throw new Error(
          'This widget registry is shared and frozen: use registry.extend([...]) to make your own.',
        );
      }
      validate(entry);
      byName.delete(entry.name); // re-registering moves the entry to the end of the order
      byName.set(entry.name, entry);
      cache = new WeakMap();
      compactCache = new WeakMap();
      return this;
    },
    unregister(name) {
      if (options.frozen === true) throw new Error('This widget registry is shared and frozen.');
      cache = new WeakMap();
      compactCache = new WeakMap();
      return byName.delete(name);
    },
    get: (name) => byName.get(name),
    entries: () => [...byName.values()],
    resolve(field, ctx = {}) {
      const store = ctx.compact === true ? compactCache : cache;
      let resolution = store.get(field);
      if (resolution === undefined) {
        const named = field.widget === undefined ? undefined : byName.get(field.widget);
        if (named !== undefined) resolution = { entry: named, rank: Number.POSITIVE_INFINITY };
        else {
          resolution = rank(field, ctx);
          if (field.widget !== undefined) resolution = { ...resolution, unknownWidget: field.widget };
        }
        store.set(field, resolution);
      }
      return resolution;
    },
    pick(field, ctx) {
      const { entry } = registry.resolve(field, ctx);
      return field.nullable && entry.handlesNull !== true ? withNullable(entry.component) : entry.component;
    },
    extend(more = []) {
      return createWidgetRegistry([...byName.values(), ...more]);
    },
  };
  return registry;
}
