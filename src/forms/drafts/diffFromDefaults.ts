/**
 * Which fields of a request differ from the defaults, as JSON Pointers: the history shows these so a
 * scientist sees at a glance what they changed. Objects are compared key by key, arrays (run lists,
 * scan tables) as whole values. Keys the request leaves out (hidden fields) are not changes. Pure.
 */
import { childPointer, isPlainObject, jsonEquals } from '../../schemas/index';

/**
 * Pointers of values in `request` that differ from `defaults`, in the request's key order.
 * O(size of request). Example: diffFromDefaults({a: 1, b: {c: 2}}, {a: 1, b: {c: 3}}) -> ["/b/c"].
 */
export function diffFromDefaults(request: unknown, defaults: unknown, pointer = ''): string[] {
  if (isPlainObject(request) && isPlainObject(defaults)) {
    const changed: string[] = [];
    for (const [key, value] of Object.entries(request)) {
      const here = childPointer(pointer, key);
      if (!Object.hasOwn(defaults, key)) {
        if (value !== null && value !== undefined) changed.push(here);
        continue;
      }
      changed.push(...diffFromDefaults(value, defaults[key], here));
    }
    return changed;
  }
  return jsonEquals(request, defaults) ? [] : [pointer];
}
