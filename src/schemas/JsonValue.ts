/**
 * A value as JSON carries it. A request is one: an object for most schemas, but a list, a text, a
 * number, a boolean or null where the schema's root is one (issue 25), so code that receives a request
 * narrows it instead of assuming an object. Types only.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object: what a request is when its schema's root is an object. */
export interface JsonObject {
  [key: string]: JsonValue;
}
