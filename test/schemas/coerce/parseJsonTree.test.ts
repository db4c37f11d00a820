/**
 * parseJsonTree against jsonc-parser in strict mode (the library it replaced in the load and coerce
 * paths): the same first error (kind and offset) on broken JSON, the same node offsets on good JSON,
 * and accepting exactly what JSON.parse accepts.
 */
import fc from 'fast-check';
import { type Node, type ParseError, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { type JsonNode, parseJsonTree } from '../../../src/schemas/coerce/parseJsonTree';

const strict = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function jsoncFirstError(text: string): { kind: string; offset: number } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, strict);
  const first = errors[0];
  return first && { kind: printParseErrorCode(first.error), offset: first.offset };
}

/** The fields both trees share, for comparison. */
function shape(node: Node | JsonNode | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type,
    offset: node.offset,
    length: node.type === 'property' ? undefined : node.length,
    value:
      node.type === 'object' || node.type === 'array' || node.type === 'property' ? undefined : node.value,
    children: node.children?.map(shape),
  };
}

const broken = [
  '',
  '   ',
  '{',
  '[',
  '{"a": 1,}',
  '{\n  "a": 1,\n  "b" 2\n}',
  '{\n  "a": 1\n  "b": 2\n}',
  '[1 2]',
  '[1,]',
  '[,1]',
  '[1,,2]',
  '{,}',
  '{"a":1,,}',
  '{"a": }',
  '{"a" }',
  '{a: 1}',
  "{'a': 1}",
  '{"a": 1} {}',
  '{"a": 1} x',
  '// c\n{}',
  '/* c */ {}',
  '{"a": /* c',
  '/',
  '[-]',
  '-abc',
  '[01]',
  '1.',
  '[1.e5]',
  '1e',
  '1e+',
  '.5',
  '+1',
  '"abc',
  '"ab\nc"',
  '"a\tb"',
  '"a\\qb"',
  '"\\u12"',
  '"\\u12G4"',
  '"abc\\',
  '[true, flase]',
  '[nul]',
  'NaN',
  '{"a": [1, 2}',
  '{"a": {"b": 1]',
  '[1, 2',
  '{"a": 1',
  ':',
  ']',
];

describe('parseJsonTree', () => {
  test.each(broken)('first error of %j is the one jsonc-parser reports', (text) => {
    expect(parseJsonTree(text).error).toEqual(jsoncFirstError(text));
    expect(parseJsonTree(text, false).error).toEqual(jsoncFirstError(text));
  });

  const good = [
    '{"a": 1, "b": [true, false, null, "x\\n\\u00e9"], "c": {"d": -1.5e3}}',
    '[]',
    '{}',
    ' 42 ',
    '"just a string"',
    '{\r\n\t"nested": {"deeper": [[1], [2, {"k": "v"}]]}\r\n}',
    '{"__proto__": {"x": 1}, "": 0}',
  ];
  test.each(good)('the tree of %j has jsonc-parser offsets and values', (text) => {
    const ours = parseJsonTree(text);
    expect(ours.error).toBeUndefined();
    expect(shape(ours.tree)).toEqual(shape(parseTree(text, [], strict)));
    for (const child of ours.tree?.children ?? []) expect(child.parent).toBe(ours.tree);
  });

  test('accepts exactly what JSON.parse accepts, and finds no error in any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseJsonTree(text).error).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'{}[],:"\\ \n0123456789.-+eEtrufalsn/*x') }),
        (text) => {
          let ok = true;
          try {
            JSON.parse(text);
          } catch {
            ok = false;
          }
          expect(parseJsonTree(text).error === undefined).toBe(ok);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
