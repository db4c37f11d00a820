/** Hand-built FieldNode fixtures for widget tests (the FieldModel types, without building a schema). */
import type { FieldNode } from '../../src/schemas/index';

/** A field with sensible defaults; override what a test is about. */
export function fieldFixture(overrides: Partial<FieldNode> & Pick<FieldNode, 'kind'>): FieldNode {
  const key = overrides.key ?? 'value';
  return {
    type: 'field',
    pointer: `/${key}`,
    key,
    label: 'Value',
    advanced: false,
    order: 0,
    schemaIndex: 0,
    required: true,
    readOnly: false,
    conditionIds: [],
    location: { schemaPointer: `#/properties/${key}` },
    hints: {},
    coercion: 'none',
    nullable: false,
    hasDefault: false,
    ruleIds: [],
    ...overrides,
  };
}
