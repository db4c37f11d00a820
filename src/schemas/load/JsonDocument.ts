/**
 * One schema file as read: its text, its value, and positions of its nodes. Values come from
 * JSON.parse (keys like "__proto__" become own properties, never prototypes); the node tree (our
 * parseJsonTree) is built only when a position is asked for, so a 10 MB schema pays for it only if the
 * linter asks.
 */
import { type JsonNode as Node, parseJsonTree } from '../coerce/parseJsonTree';
import { formatPointer, parsePointer } from '../pointer';
import { SchemaLoadError } from './SchemaLoadError';

export interface TextPosition {
  /** The pointer actually found: the asked one, or its nearest ancestor present in the file. */
  readonly pointer: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

export class JsonDocument {
  readonly value: unknown;
  private readonly source: string;
  private tree: Node | undefined;
  private lineStarts: number[] | undefined;

  /** Parses `text`; throws SchemaLoadError naming `name`, line and column when it is not JSON. */
  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    // A byte-order mark (Windows editors write one) is not JSON, but no reason to refuse a file: it is
    // parsed as a space, so offsets (and columns) stay those of the text as read.
    this.source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    try {
      this.value = JSON.parse(this.source);
    } catch (cause) {
      const first = parseJsonTree(this.source, false).error;
      const at = first ? this.positionOfOffset(first.offset) : undefined;
      const what = first ? first.kind : 'Invalid JSON';
      throw new SchemaLoadError(
        `${name} is not valid JSON: ${what}${at ? ` at line ${at.line}, column ${at.column}` : ''}`,
        { file: name, ...(at ? { line: at.line, column: at.column } : {}) },
        {
          cause,
          words: at
            ? { key: 'load.invalidJsonAt', values: { file: name, what, line: at.line, column: at.column } }
            : { key: 'load.invalidJson', values: { file: name, what } },
        },
      );
    }
  }

  /**
   * Line and column where the node at `pointer` is written: the start of its `"key":` when it is a
   * property, else of the value. Falls back to the nearest ancestor present. O(depth * width) after
   * a one-time parseTree of the file.
   */
  position(pointer: string): TextPosition | undefined {
    this.tree ??= parseJsonTree(this.source).tree;
    if (!this.tree) return undefined;
    let keys = parsePointer(pointer);
    for (;;) {
      const node = findNode(this.tree, keys);
      if (node) {
        const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
        const { line, column } = this.positionOfOffset(start);
        return { pointer: formatPointer(keys), line, column };
      }
      if (keys.length === 0) return undefined;
      keys = keys.slice(0, -1);
    }
  }

  /** 1-based line and column of a character offset. O(log lines) after a one-time scan. */
  positionOfOffset(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

/** The node at `keys` (array indexes given as strings, "0"), or undefined. */
function findNode(root: Node, keys: readonly string[]): Node | undefined {
  let node: Node | undefined = root;
  for (const key of keys) {
    if (!node?.children) return undefined;
    if (node.type === 'object') {
      let next: Node | undefined;
      for (const prop of node.children) {
        if (prop.children?.[0]?.value === key) next = prop.children[1];
      }
      node = next;
    } else if (node.type === 'array') {
      node = /^(0|[1-9][0-9]*)$/.test(key) ? node.children[Number(key)] : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}
