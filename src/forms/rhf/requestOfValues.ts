/**
 * The request SubmissionForm would send for a react-hook-form form's values: the values (nested, as
 * RHF holds them: hidden fields and other branches' keys kept, text where a widget or the host put
 * text) are flattened with the engine's own flattenValues, their text coerced as our widgets do, and
 * built with the engine's buildRequest (selected branches, rows in order, conditions applied). The
 * same pure parts as the form, so the two requests cannot drift. O(fields + rows). No React.
 */
import {
  branchValueNode,
  type ChoiceBranch,
  type ChoiceNode,
  type FieldModel,
  isValueBranch,
  type JsonValue,
  type ModelNode,
  type Pointer,
  templateOf as templateOfPointer,
  type UnknownKey,
} from '../../schemas/index';
import { buildRequest, type InputProblem } from '../engine/buildRequest';
import { fieldStart, flattenValues } from '../engine/flattenValues';
import { nodeIndex } from '../engine/nodeIndex';
import { conditionTest } from '../engine/schemasBridge';
import { pathOfName, pointerOf, rowsName, templateOf } from '../engine/storagePath';
import { coerceFieldText, isEmptiedText } from './coerceFieldText';

export interface ValuesRequest {
  /** The nested request, as SubmissionForm's onSubmit gets it. */
  readonly request: JsonValue | undefined;
  /** Text that is not a value, in fields the request shows, with the widget's message. */
  readonly problems: readonly { readonly pointer: Pointer; readonly message: string }[];
  /**
   * Keys no node of the schema has (a misspelt "Qmx", a key of an older schema): left out of the
   * request, so the resolver names them rather than dropping them silently. Keys of a branch that is
   * not selected are known (the form keeps them so switching back restores them).
   */
  readonly unknownKeys: readonly UnknownKey[];
}

/** The request for `values` (the part of the RHF form the model describes). O(fields + rows). */
export function requestOfValues(model: FieldModel, values: unknown): ValuesRequest {
  let row = 0;
  const flattened = flattenValues(model, values, () => `r${row++}`);
  const flat = flattened.values;
  const { byTemplate } = nodeIndex(model);
  const textProblems = new Map<string, string>();
  for (const name of Object.keys(flat)) {
    const value = flat[name];
    if (typeof value !== 'string') continue;
    const path = pathOfName(name);
    const node = byTemplate.get(templateOf(path));
    if (node?.type !== 'field') continue;
    if (isEmptiedText(node, value, fieldStart(node))) {
      delete flat[name];
      continue;
    }
    const coerced = coerceFieldText(node, value);
    if (coerced === undefined) continue;
    if (coerced.ok) flat[name] = coerced.value;
    else textProblems.set(path, coerced.message);
  }
  const read = (name: string) => flat[name];
  const built = buildRequest(model, read, conditionTest, { trackShown: true });
  const rowsOf = (listPath: string) => (flat[rowsName(listPath)] as string[] | undefined) ?? [];
  const problems: InputProblem[] = [];
  for (const [path, message] of textProblems) {
    if (built.shown?.has(path)) problems.push({ pointer: pointerOf(path, rowsOf), path, message });
  }
  const unknownKeys = flattened.unknownKeys.filter(
    (k) => !model.byPointer.has(templateOfPointer(model, k.pointer)),
  );
  return { request: built.request, problems, unknownKeys };
}

/**
 * The values a react-hook-form form starts with for `model`: every field's default, hidden fields and
 * every branch's discriminator included, as `useForm({ defaultValues: { reduction: … } })` takes them.
 * O(fields).
 */
export function formularyDefaults(model: FieldModel): JsonValue | undefined {
  let row = 0;
  const flat = flattenValues(model, undefined, () => `r${row++}`).values;
  return buildRequest(model, (name) => flat[name], conditionTest, { keepHidden: true }).request;
}

/** The value a new list row (or a branch just picked) starts with: its defaults. O(its fields). */
export function nodeDefault(node: ModelNode): unknown {
  switch (node.type) {
    case 'field':
      return fieldStart(node);
    case 'group': {
      const out: Record<string, unknown> = {};
      for (const child of node.children) {
        const value = nodeDefault(child);
        if (value !== undefined) out[child.key] = value;
      }
      if (node.hasDefault && typeof node.default === 'object' && node.default !== null)
        Object.assign(out, structuredClone(node.default));
      return out;
    }
    case 'list':
      if (node.hasDefault && Array.isArray(node.default)) return structuredClone(node.default);
      return Array.from({ length: node.minItems ?? 0 }, () => nodeDefault(node.item));
    case 'choice': {
      const branch = node.branches.find((b) => b.id === node.defaultBranch) ?? node.branches[0];
      return branch ? branchDefault(node, branch) : {};
    }
  }
}

/** A branch's defaults, with its discriminator value. */
export function branchDefault(choice: ChoiceNode, branch: ChoiceBranch): unknown {
  // A value branch (a number beside an object): its input's default, not an object.
  if (isValueBranch(branch)) return nodeDefault(branchValueNode(branch)) ?? null;
  const out = nodeDefault(branch.node) as Record<string, unknown>;
  if (choice.discriminator !== undefined && branch.discriminatorValue !== undefined)
    out[choice.discriminator] = branch.discriminatorValue;
  return out;
}
