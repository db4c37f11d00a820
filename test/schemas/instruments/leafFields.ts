/**
 * Lists the leaf fields of a bundled instrument schema by walking it the way a form would: objects are
 * groups, arrays of objects are lists, oneOf/anyOf of objects are choices (every branch walked),
 * if/then/else and allOf add fields to their object; everything else is one field. Test-only: the real
 * FieldModel builder lives in src/schemas; this independent walk keeps the ">= 100 fields" check honest.
 */

type Schema = Record<string, unknown>;

export interface LeafField {
  /** Pointer template of the value in a request ("/job/scans/*\/runNumber"). */
  readonly pointer: string;
  /** Its schema with the $ref chain merged in. */
  readonly schema: Schema;
  /** Listed in its object's `required` (in the same subschema that declares it). */
  readonly required: boolean;
  /** x-advanced on it or on an enclosing object. */
  readonly advanced: boolean;
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resolve an internal "#/..." pointer in the bundled document. */
function lookUp(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) throw new Error(`external $ref left after bundling: ${ref}`);
  let node: unknown = root;
  for (const raw of ref
    .slice(2)
    .split('/')
    .filter((s) => s !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  if (!isObject(node)) throw new Error(`$ref ${ref} does not resolve to a schema`);
  return node;
}

/** Two schemas as one: the second's keywords win, `properties` and `required` are united. */
function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  if (isObject(a.properties) && isObject(b.properties)) out.properties = { ...a.properties, ...b.properties };
  if (Array.isArray(a.required) && Array.isArray(b.required)) out.required = [...a.required, ...b.required];
  return out;
}

/**
 * A schema with its $ref chain merged in (siblings win over the target), and `allOf` members that are
 * plain $refs folded in too: a loader turns `{$ref, default}` into `{allOf: [{$ref}], default}`.
 */
export function resolved(root: Schema, schema: Schema, depth = 0): Schema {
  if (depth > 50) throw new Error('$ref chain too deep');
  let s = schema;
  if (typeof s.$ref === 'string') {
    const { $ref, ...siblings } = s;
    s = merge(resolved(root, lookUp(root, $ref as string), depth + 1), siblings);
  }
  if (!Array.isArray(s.allOf)) return s;
  const refs = s.allOf.filter((m): m is Schema => isObject(m) && typeof m.$ref === 'string');
  if (refs.length === 0) return s;
  const rest = s.allOf.filter((m) => !refs.includes(m as Schema));
  const { allOf: _, ...own } = s;
  let folded: Schema = {};
  for (const ref of refs) folded = merge(folded, resolved(root, ref, depth + 1));
  const out = merge(folded, own);
  const conditions = [...(Array.isArray(folded.allOf) ? folded.allOf : []), ...rest];
  if (conditions.length > 0) out.allOf = conditions;
  else delete out.allOf;
  return out;
}

const branchesOf = (s: Schema): Schema[] =>
  [s.oneOf, s.anyOf].flatMap((b) => (Array.isArray(b) ? b.filter(isObject) : []));

const isObjectSchema = (s: Schema): boolean => s.type === 'object' || isObject(s.properties);

class Walker {
  readonly leaves = new Map<string, LeafField>();
  constructor(private readonly root: Schema) {}

  node(raw: Schema, pointer: string, required: boolean, advanced: boolean): void {
    const s = resolved(this.root, raw);
    const adv = advanced || s['x-advanced'] === true;
    const objectBranches = branchesOf(s)
      .map((b) => resolved(this.root, b))
      .filter(isObjectSchema);
    if (isObjectSchema(s) || objectBranches.length > 0) {
      this.object(s, pointer, adv);
      for (const b of objectBranches) this.object(b, pointer, adv);
      return;
    }
    if (s.type === 'array' && isObject(s.items)) {
      const item = resolved(this.root, s.items);
      if (isObjectSchema(item)) {
        this.node(item, `${pointer}/*`, true, adv);
        return;
      }
    }
    if (!this.leaves.has(pointer)) this.leaves.set(pointer, { pointer, schema: s, required, advanced: adv });
  }

  object(s: Schema, pointer: string, advanced: boolean): void {
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    if (isObject(s.properties)) {
      for (const [key, child] of Object.entries(s.properties)) {
        if (isObject(child)) this.node(child, `${pointer}/${key}`, required.has(key), advanced);
      }
    }
    const parts = [...(Array.isArray(s.allOf) ? s.allOf : []), s.then, s.else].filter(isObject);
    for (const part of parts) this.object(resolved(this.root, part), pointer, advanced);
  }
}

/** Every leaf field of a bundled schema, by pointer template, sorted. */
export function leafFields(schema: Schema): LeafField[] {
  const walker = new Walker(schema);
  walker.node(schema, '', true, false);
  return [...walker.leaves.values()].sort((a, b) => a.pointer.localeCompare(b.pointer));
}
