/**
 * The FieldModel: one compiled, immutable description of a form, built once per schema by
 * buildFieldModel. The form, the widgets, the linter, the CLI and the search read only this, so nobody
 * walks the raw schema twice. Types only: no React, no DOM (the CLI and Node backends use it).
 */

/** A JSON Pointer (RFC 6901) into the request: "" is the root, "/reduction/Qmin" a field. */
export type Pointer = string;

/**
 * Inside a list, item nodes carry a pointer template with "*" for the row index:
 * "/job/scans/*\/run". instancePointer(template, [2]) gives "/job/scans/2/run".
 */
export type PointerTemplate = string;

/** What kind of value a field holds; picks the widget and the text-to-value coercion. */
export type ValueKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'runList' // text "12345-12350, 12360" <-> sorted unique integers (x-input: run-list)
  | 'numberList' // text "-30, 60" <-> number[] (x-input: number-list, or an array of numbers)
  | 'binning' // [min, step, max]; negative step means logarithmic
  | 'path' // a file path (x-input: path)
  | 'dateTime'
  | 'json'; // free-form object or anything we cannot model: a JSON editor

/** How the stored value relates to what the user types. */
export type Coercion =
  | 'none'
  | 'numberFromText' // "0.1" -> 0.1 (union number | numeric string)
  | 'runList'
  | 'numberList';

/** Where a node came from in the bundled schema, for diagnostics ("#/properties/reduction/..."). */
export interface SchemaLocation {
  /** JSON Pointer into the bundled schema object. */
  schemaPointer: string;
  /** The file it was written in, when loaded from files (before bundling). */
  file?: string;
}

export interface NodeBase {
  /** Pointer (or pointer template, inside lists) of this node's value in the request. */
  readonly pointer: PointerTemplate;
  /** Property name; "" for the root; "*" for a list's item node. */
  readonly key: string;
  /** `title` / `ui:title`, else derived from the key ("1DQbinType" -> "1D Q bin type"). */
  readonly label: string;
  readonly description?: string;
  /** x-advanced, or inside an advanced group. */
  readonly advanced: boolean;
  /** Position among siblings after x-order / ui:order (0-based). */
  readonly order: number;
  /** Index in a depth-first walk of the whole model: the "schema order" used for ties and sorting. */
  readonly schemaIndex: number;
  /** x-group: a named section this node is shown in, if any. */
  readonly group?: string;
  /** Key present in the parent's `required`. */
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Ids of the conditions (in FieldModel.conditions) that decide whether this node is shown. */
  readonly conditionIds: readonly string[];
  readonly location: SchemaLocation;
  /** ui:options and any other x-/ui: hints a widget may read. */
  readonly hints: Readonly<Record<string, unknown>>;
}

export interface FieldNode extends NodeBase {
  readonly type: 'field';
  readonly kind: ValueKind;
  readonly coercion: Coercion;
  /** The schema accepts null: the widget offers an explicit "unset" state. */
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  /** Labels for enum values (oneOf const+title, or enumNames), same order as `enum`. */
  readonly enumLabels?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  /** For list-valued kinds (runList, numberList, binning). */
  readonly minItems?: number;
  readonly maxItems?: number;
  /** x-units, e.g. "Å", "1/Å", "mm". */
  readonly units?: string;
  /** x-widget / ui:widget: a widget name to prefer. */
  readonly widget?: string;
  /** x-placeholder / ui:placeholder. */
  readonly placeholder?: string;
  /** Ids of the rules (in FieldModel.rules) that read this field. */
  readonly ruleIds: readonly string[];
  /**
   * For runList / numberList: what the request holds. "text": the schema says string, the request
   * holds the normalised text ("12345-12347, 12360"); "array": the schema says array, it holds numbers.
   */
  readonly listAs?: 'text' | 'array';
}

export interface GroupNode extends NodeBase {
  readonly type: 'group';
  /** Ordered by `order`. */
  readonly children: readonly ModelNode[];
  readonly nullable: boolean;
  /** The object's own `default`, if the schema gives one (its keys win over the children's defaults). */
  readonly hasDefault?: boolean;
  readonly default?: unknown;
  /**
   * Set for a fixed-position list (draft-07 `items: [...]`, 2020-12 `prefixItems`): the children are
   * the positions, keyed "0", "1", ..., and the value is an array.
   */
  readonly tuple?: true;
  /**
   * An open tuple's items after its positions (`additionalItems` / 2020-12 `items` not false): a list at
   * the tuple's own pointer whose first row is item `children.length` (its `firstIndex`). Absent when
   * nothing may follow the positions.
   */
  readonly rest?: ListNode;
}

export interface ListNode extends NodeBase {
  readonly type: 'list';
  /** The node of one row; its pointer ends in "/*". */
  readonly item: ModelNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  readonly nullable: boolean;
  /**
   * Index in the array of the list's first row: set on a tuple's `rest` (the number of positions
   * before it), whose minItems/maxItems then count the rest rows only. Absent: 0.
   */
  readonly firstIndex?: number;
}

export interface ChoiceBranch {
  /** Stable id: the discriminator value when there is one, else "0", "1", ... */
  readonly id: string;
  readonly label: string;
  /** The branch's own fields, as a group at the same pointer as the choice. */
  readonly node: GroupNode;
  /** The value of the discriminator property that selects this branch, if any. */
  readonly discriminatorValue?: unknown;
}

export interface ChoiceNode extends NodeBase {
  readonly type: 'choice';
  /** oneOf or anyOf in the schema. */
  readonly combinator: 'oneOf' | 'anyOf';
  /** Property whose const/enum tells the branches apart ("kind"), when there is one. */
  readonly discriminator?: string;
  readonly branches: readonly ChoiceBranch[];
  /** Branch id selected by default (from the default value, else the first). */
  readonly defaultBranch: string;
  readonly nullable: boolean;
}

export type ModelNode = FieldNode | GroupNode | ListNode | ChoiceNode;

export type RuleKind = 'lessThan' | 'requires' | 'atMostOneTrue' | 'sameLength' | 'requiredWhen';

/** A cross-field rule declared with an x- keyword, resolved to absolute pointer templates. */
export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  /** The node whose schema declared the rule. */
  readonly owner: PointerTemplate;
  /** Every pointer the rule reads (owner included), absolute. */
  readonly reads: readonly PointerTemplate[];
  /** The keyword's raw value, for messages and the linter. */
  readonly params: unknown;
  /** Custom message from the schema, if any. */
  readonly message?: string;
  readonly location: SchemaLocation;
}

/** A condition that shows or hides nodes: if/then/else, dependencies, dependentSchemas/Required. */
export interface Condition {
  readonly id: string;
  readonly kind: 'ifThenElse' | 'dependency';
  /** Pointers whose values decide it. */
  readonly reads: readonly PointerTemplate[];
  /** Nodes shown when it holds. */
  readonly whenTrue: readonly PointerTemplate[];
  /** Nodes shown when it does not hold (else). */
  readonly whenFalse: readonly PointerTemplate[];
  /** A JSON Schema the parent object is tested against (the `if`), or for dependencies the key present. */
  readonly test: unknown;
  /** Pointer of the object the test applies to. */
  readonly scope: PointerTemplate;
  /** Fields the condition makes required (then.required / dependentRequired), by the side that requires them. */
  readonly requires?: {
    readonly whenTrue: readonly PointerTemplate[];
    readonly whenFalse: readonly PointerTemplate[];
  };
  readonly location: SchemaLocation;
}

export type Dialect = 'draft-07' | '2019-09' | '2020-12';

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the schema (unknown keyword, recursive ref, ...), never about a request. */
export interface SchemaDiagnostic {
  readonly severity: Severity;
  /** Short id, e.g. "unknown-keyword". */
  readonly rule: string;
  readonly message: string;
  readonly location: SchemaLocation;
}

/** Whether `format` refuses values ("assert") or only describes them ("annotate"). */
export type FormatPolicy = 'assert' | 'annotate';

export interface FieldModel {
  readonly root: GroupNode;
  /** The bundled, normalised schema the model was built from (the validator compiles this). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly dialect: Dialect;
  /** What `format` does when validating (formatPolicyOf the dialect unless the loader said otherwise). */
  readonly formats?: FormatPolicy;
  /** The language its text is in (localizeModel sets it): the validator's messages follow it. */
  readonly locale?: string;
  /** Every node by its pointer (templates for list rows). */
  readonly byPointer: ReadonlyMap<PointerTemplate, ModelNode>;
  /** Every leaf field in schema order, branch and list-item fields included. */
  readonly fields: readonly FieldNode[];
  readonly rules: readonly Rule[];
  readonly conditions: readonly Condition[];
  readonly diagnostics: readonly SchemaDiagnostic[];
}

/** One problem with a request, as the form and the CLI show it. */
export interface ValidationError {
  /** Pointer of the field the error belongs to (an instance pointer, with row indexes). */
  readonly pointer: Pointer;
  /** A sentence a scientist understands: "must be at most 10 Å". */
  readonly message: string;
  /** "type", "maximum", ..., or a rule kind such as "lessThan". */
  readonly rule: string;
  /** For cross-field rules, every field involved (the form shows the error on each). */
  readonly related?: readonly Pointer[];
}
