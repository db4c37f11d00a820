/**
 * Rule duplicate-label: two inputs with the same label in one section (same object, same x-group) leave
 * the scientist guessing which is which, and screen readers announce them identically.
 */
import type { GroupNode, ModelNode } from '../../FieldModel';
import { say } from '../../i18n/index';
import type { LintRule, RuleFinding } from '../LintDiagnostic';

function childrenGroups(node: ModelNode): GroupNode[] {
  if (node.type === 'group') return [node];
  if (node.type === 'list') return childrenGroups(node.item);
  if (node.type === 'choice') return node.branches.map((b) => b.node);
  return [];
}

export const duplicateLabel: LintRule = {
  id: 'duplicate-label',
  severity: 'warning',
  description: 'Labels (title, or derived from the key) must be unique within one section.',
  needsModel: true,
  check({ model }) {
    const findings: RuleFinding[] = [];
    if (!model) return findings;
    const pending: GroupNode[] = [model.root];
    while (pending.length > 0) {
      const group = pending.pop()!;
      const seen = new Map<string, ModelNode>();
      for (const child of group.children) {
        pending.push(...childrenGroups(child));
        const key = `${child.group ?? ''}\u0000${child.label.trim().toLowerCase()}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, child);
          continue;
        }
        findings.push({
          schemaPointer: child.location.schemaPointer,
          message: child.group
            ? say('linter.duplicateLabelGroup', {
                label: child.label,
                pointer: child.pointer,
                first: first.pointer,
                group: child.group,
              })
            : say('linter.duplicateLabel', {
                label: child.label,
                pointer: child.pointer,
                first: first.pointer,
              }),
        });
      }
    }
    return findings;
  },
};
