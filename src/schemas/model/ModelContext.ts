/**
 * The mutable state of one buildFieldModel run: counters, the pointer index, collected rule sources and
 * conditions, diagnostics. Lives only while the model is built; the result is frozen. No schema walking
 * here, only bookkeeping shared by the node builders.
 */
import type { Condition, FieldNode, ModelNode, PointerTemplate, SchemaDiagnostic } from '../FieldModel';
import type { RawSchema, ResolveContext, RuleSource } from './resolveSchema';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface OwnedRuleSource extends RuleSource {
  readonly owner: PointerTemplate;
  readonly messages?: Readonly<Record<string, string>>;
}

export interface ModelContext extends ResolveContext {
  readonly root: RawSchema;
  readonly acronyms?: readonly string[];
  readonly diagnostics: SchemaDiagnostic[];
  readonly byPointer: Map<PointerTemplate, ModelNode>;
  readonly fields: FieldNode[];
  readonly ruleSources: OwnedRuleSource[];
  readonly conditions: Mutable<Condition>[];
  schemaIndex: number;
}

/** What a child inherits from the node that contains it. */
export interface ParentInfo {
  readonly advanced: boolean;
  readonly required: boolean;
  /** Label of the containing list, for its item node. */
  readonly label: string;
  /** Conditions that must allow this node (inherited by every descendant). */
  readonly conditionIds: readonly string[];
  readonly chain: ReadonlySet<string>;
}

/** Registers a node under its pointer; the first node wins (choice branches share pointers). */
export function register(ctx: ModelContext, node: ModelNode): void {
  if (!ctx.byPointer.has(node.pointer)) ctx.byPointer.set(node.pointer, node);
}
