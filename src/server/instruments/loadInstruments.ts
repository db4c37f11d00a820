/**
 * Loads the instruments the service serves from a folder of schemas: every `*.schema.json` is one
 * instrument (its id the file name without `.schema.json`). The shipped catalogue supplies names,
 * kinds and schema versions for the shipped files; any other schema supplies its own (`title`,
 * `description`, `x-schema-version`). Each is bundled, modelled and compiled once, here, with the
 * same code the form uses: a schema that does not load stops the start with its file named.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildFieldModel,
  createValidator,
  type FormularyConfig,
  instrumentCatalogue,
  loadSchema,
} from '../../schemas/index';
import type { Instrument } from './Instrument';

export interface InstrumentsOptions {
  readonly dir: string;
  /** The loader's configuration (keyword aliases, ...), as the CLI reads it. */
  readonly load?: FormularyConfig;
  /** Per instrument id: where its request names the proposal. */
  readonly proposalPointers?: Readonly<Record<string, string>>;
}

const SUFFIX = '.schema.json';

export async function loadInstruments(options: InstrumentsOptions): Promise<Map<string, Instrument>> {
  const dir = resolve(options.dir);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(SUFFIX))
      .sort();
  } catch (error) {
    throw new Error(`instruments folder ${dir}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new Error(`instruments folder ${dir}: no *${SUFFIX} files`);
  const instruments = new Map<string, Instrument>();
  for (const file of names) {
    const id = file.slice(0, -SUFFIX.length);
    let loaded: Awaited<ReturnType<typeof loadSchema>>;
    try {
      loaded = await loadSchema(join(dir, file), options.load ?? {});
    } catch (error) {
      throw new Error(`instrument ${id} (${join(dir, file)}): ${(error as Error).message}`);
    }
    const model = buildFieldModel(loaded, options.load?.acronyms ? { acronyms: options.load.acronyms } : {});
    const validator = createValidator(model);
    if (validator.limitation) throw new Error(`instrument ${id}: ${validator.limitation}`);
    validator.warm();
    const shipped = instrumentCatalogue.find((e) => e.schemaPath.endsWith(`/${file}`));
    const schema = loaded.schema;
    const bundledText = JSON.stringify(schema);
    const version = Number(schema['x-schema-version']);
    instruments.set(id, {
      id,
      name: shipped?.name ?? (typeof schema.title === 'string' ? schema.title : id),
      kind: shipped?.kind ?? (typeof schema.description === 'string' ? schema.description : ''),
      dialect: loaded.dialect,
      schemaVersion: shipped?.schemaVersion ?? (Number.isInteger(version) && version > 0 ? version : 1),
      schemaFile: file,
      model,
      validator,
      bundledText,
      etag: `"${createHash('sha256').update(bundledText).digest('base64url').slice(0, 32)}"`,
      proposalPointer: options.proposalPointers?.[id] ?? '/iptsNumber',
    });
  }
  return instruments;
}
