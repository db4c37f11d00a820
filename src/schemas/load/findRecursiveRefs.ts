/**
 * Finds $ref recursion in a bundled schema (all refs local, "#/..."), without following refs at run
 * time: a graph whose nodes are $ref sites, with an edge from a site to every site inside its target.
 * A strongly connected component (or a site inside its own target) is recursion. Reported, never
 * expanded: a tree-shaped schema is legal, the model builder stops at the cycle, and nothing here can hang.
 */
import type { SchemaDiagnostic } from '../FieldModel';
import { formatPointer, parsePointer } from '../pointer';
import { forEachSubschema } from './forEachSubschema';

interface Site {
  /** Pointer of the object holding the $ref. */
  readonly at: string;
  /** Pointer the $ref names. */
  readonly target: string;
}

/**
 * One diagnostic per recursive cycle: a warning naming the chain of pointers, or an error when the
 * refs only point at each other and never reach a schema (`a -> b -> a`). O(sites log sites + edges).
 */
export function findRecursiveRefs(schema: unknown): SchemaDiagnostic[] {
  const sites: Site[] = [];
  forEachSubschema(schema, (node, at) => {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return;
    let target: string;
    try {
      target = formatPointer(parsePointer(ref));
    } catch {
      return; // a plain-name fragment: the loader rewrote all of ours, so this one is not ours to judge
    }
    sites.push({ at, target });
  });
  sites.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const pointers = sites.map((s) => s.at);

  // Sites inside a target form one contiguous run of the sorted pointers: bisect for its start.
  const successors = (i: number): number[] => {
    const target = sites[i]!.target;
    const out: number[] = [];
    let lo = lowerBound(pointers, target);
    if (pointers[lo] === target) out.push(lo++);
    const prefix = target === '' ? '' : `${target}/`;
    for (let j = lowerBound(pointers, prefix); j < pointers.length && pointers[j]!.startsWith(prefix); j++) {
      out.push(j);
    }
    return out;
  };

  const diagnostics: SchemaDiagnostic[] = [];
  for (const component of stronglyConnected(sites.length, successors)) {
    const first = component[0]!;
    const selfLoop = component.length === 1 && successors(first).includes(first);
    if (component.length === 1 && !selfLoop) continue;
    const members = component.map((i) => sites[i]!).sort((a, b) => (a.at < b.at ? -1 : 1));
    const memberAt = new Set(members.map((s) => s.at));
    const pureLoop = members.every((s) => memberAt.has(s.target));
    const chain = members.map((s) => `#${s.at} -> #${s.target}`).join(', ');
    diagnostics.push({
      severity: pureLoop ? 'error' : 'warning',
      rule: pureLoop ? 'ref-loop' : 'recursive-ref',
      message: pureLoop
        ? `$refs point only at each other and never reach a schema: ${chain}`
        : `Recursive $ref (the form stops expanding it at the first repeat): ${chain}`,
      location: { schemaPointer: `#${members[0]!.at}` },
    });
  }
  return diagnostics;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tarjan's algorithm, iterative (a long ref chain must not overflow the stack). O(nodes + edges). */
function stronglyConnected(count: number, successors: (i: number) => number[]): number[][] {
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number[], number][] = [[start, successors(start), 0]];
    index[start] = low[start] = next++;
    stack.push(start);
    onStack[start] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, succ] = frame;
      if (frame[2] < succ.length) {
        const w = succ[frame[2]++]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, successors(w), 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}
