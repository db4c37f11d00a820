/**
 * A schema's text in another language: one JSON file beside the schema, keyed by the JSON Pointer of
 * the field in the request (the FieldModel's pointer, "*" for list rows), so a multi-file schema is
 * translated field by field wherever its definitions live. Each entry may give the field's title,
 * description, placeholder, enum labels (by value), x-messages (by keyword) and a choice's branch
 * labels (by branch id). readSchemaTranslation checks the file's shape and names what is wrong.
 * Framework-free: the form, the embed and the linter read the same file.
 */

/** The texts of one node. */
export interface NodeTranslation {
  readonly title?: string;
  readonly description?: string;
  readonly placeholder?: string;
  /** Enum value (as text: String(value)) -> label. */
  readonly enum?: Readonly<Record<string, string>>;
  /** x-messages keyword or rule kind -> message. */
  readonly messages?: Readonly<Record<string, string>>;
  /** Choice branch id -> label. */
  readonly branches?: Readonly<Record<string, string>>;
}

/** A translation file: {"locale": "fr", "texts": {"/sample/thickness": {"title": "Épaisseur"}}}. */
export interface SchemaTranslation {
  /** BCP 47 language tag. */
  readonly locale: string;
  /** Pointer template -> texts. */
  readonly texts: Readonly<Record<string, NodeTranslation>>;
}

/** A translation file that is not shaped as one: names the JSON Pointer of the bad part. */
export class SchemaTranslationError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
    this.name = 'SchemaTranslationError';
  }
}

const textKeys = new Set(['title', 'description', 'placeholder']);
const mapKeys = new Set(['enum', 'messages', 'branches']);

const escapeKey = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks a parsed translation file. Throws SchemaTranslationError naming the first bad pointer. */
export function readSchemaTranslation(value: unknown): SchemaTranslation {
  const fail = (pointer: string, message: string): never => {
    throw new SchemaTranslationError(message, pointer);
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) return fail('', 'a translation must be a JSON object with "locale" and "texts"');
  if (typeof value.locale !== 'string' || value.locale === '')
    fail('/locale', '"locale" must be a language tag such as "fr"');
  try {
    Intl.getCanonicalLocales(value.locale as string);
  } catch {
    fail('/locale', `"locale" ${JSON.stringify(value.locale)} is not a language tag`);
  }
  if (!isObject(value.texts)) return fail('/texts', '"texts" must be an object keyed by field pointer');
  for (const [pointer, entry] of Object.entries(value.texts)) {
    const at = `/texts/${escapeKey(pointer)}`;
    if (pointer !== '' && !pointer.startsWith('/'))
      fail(at, `"${pointer}" is not a JSON Pointer (it must start with "/", or be "" for the form)`);
    if (!isObject(entry)) fail(at, 'each entry must be an object such as {"title": "..."}');
    for (const [key, text] of Object.entries(entry as Record<string, unknown>)) {
      if (textKeys.has(key)) {
        if (typeof text !== 'string') fail(`${at}/${key}`, `"${key}" must be text`);
      } else if (mapKeys.has(key)) {
        if (!isObject(text)) fail(`${at}/${key}`, `"${key}" must be an object of texts`);
        for (const [k, t] of Object.entries(text as Record<string, unknown>))
          if (typeof t !== 'string') fail(`${at}/${key}/${escapeKey(k)}`, `"${key}.${k}" must be text`);
      } else {
        fail(
          `${at}/${escapeKey(key)}`,
          `unknown key "${key}" (known: ${[...textKeys, ...mapKeys].join(', ')})`,
        );
      }
    }
  }
  return value as unknown as SchemaTranslation;
}
