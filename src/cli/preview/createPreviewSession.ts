/**
 * The live state of `formulary preview`: analyses the schema, watches every file it read (the schema,
 * its $refs, the config, the examples folder) and re-analyses after each save. While the file on disk
 * does not load, the last good schema is kept and sent with the problems, so the page keeps its form.
 * Reloads run one at a time; a save during a reload triggers one more. A schema that loads is sent
 * at once and its lint findings in a second state: on a 1,000-field schema the lint (and locating
 * each finding's field) takes most of a reload, and the author is waiting for the form.
 */
import { dirname, relative, resolve } from 'node:path';
import type { ValidationError } from '../../schemas/index';
import { analyseSchemaFile, type LoadedForPreview } from './analyseSchemaFile';
import type { PreviewState } from './PreviewState';
import { listExamples } from './readExamples';
import { watchFiles } from './watchFiles';

export interface PreviewSessionOptions {
  readonly schemaPath: string;
  readonly configPath?: string;
  readonly examplesDir?: string;
  readonly cwd: string;
  /** --lang: sent to the page with every state. */
  readonly locale?: string;
  /** Told after every reload (the command logs it). */
  readonly onReload?: (state: PreviewState) => void;
}

export interface PreviewSession {
  current(): PreviewState;
  /** The validator of the last good schema (examples are checked against it). */
  validate(): ((request: unknown) => readonly ValidationError[]) | undefined;
  /** Calls `listener` with every new state; returns the unsubscribe. */
  subscribe(listener: (state: PreviewState) => void): () => void;
  close(): void;
}

/** Analyses once, then watches; resolves when the first state is ready. */
export async function createPreviewSession(options: PreviewSessionOptions): Promise<PreviewSession> {
  const { cwd } = options;
  const listeners = new Set<(state: PreviewState) => void>();
  const examplesDir = options.examplesDir === undefined ? undefined : resolve(cwd, options.examplesDir);
  let state: PreviewState | undefined;
  let validate: ((request: unknown) => readonly ValidationError[]) | undefined;
  let watched: string[] = [];
  let running: Promise<void> | undefined;
  let again = false;

  const publish = (next: PreviewState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const base = () => ({
    schemaFile: options.schemaPath,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(examplesDir ? { examples: listExamples(examplesDir), examplesDir: options.examplesDir } : {}),
  });
  // The new form first, with the previous findings marked as being redone.
  const loaded = async (found: LoadedForPreview) => {
    validate = found.validate;
    const revision = (state?.revision ?? 0) + 1;
    publish({
      ...base(),
      revision,
      schema: found.schema,
      schemaRevision: revision,
      problems: [],
      diagnostics: state?.problems.length ? [] : (state?.diagnostics ?? []),
      linting: true,
      watching: found.files.map((file) => relative(cwd, file).split('\\').join('/')),
    });
    // Let the event go out before the lint holds the thread.
    await new Promise((done) => setImmediate(done));
  };
  const analyse = async () => {
    const schemaBefore = state?.schemaRevision;
    const found = await analyseSchemaFile(options.schemaPath, options.configPath, cwd, (l) =>
      // The first analysis (no page yet) skips the early state: start-up sends one complete state.
      state ? loaded(l) : undefined,
    ).catch((error: Error) => ({
      // A bug of ours must not stop the preview: it is shown like any problem, and the next save retries.
      problems: [
        {
          file: options.schemaPath,
          pointer: '',
          rule: 'load-error',
          severity: 'error' as const,
          message: `formulary could not analyse the schema: ${error.message}`,
        },
      ],
      diagnostics: [],
      files: watched,
      schema: undefined,
      validate: undefined,
    }));
    // Files read the last time stay watched while the schema is broken: fixing a $ref'd file reloads.
    watched = found.schema ? found.files : [...new Set([...watched, ...found.files])];
    // While it does not load, any file appearing beside its files counts too: the file a new $ref
    // names may not exist yet, and creating it should load the schema.
    const broken = found.problems.length > 0 ? watched.map((file) => resolve(dirname(file), '*')) : [];
    watcher.watchOnly([...watched, ...broken, ...(examplesDir ? [resolve(examplesDir, '*')] : [])]);
    const revision = (state?.revision ?? 0) + 1;
    if (found.schema) validate = found.validate;
    // The early state already carried this schema: keep its revision, so the page does not rebuild.
    const sentEarly = found.schema && state?.linting === true && state.schemaRevision !== schemaBefore;
    const next: PreviewState = {
      ...base(),
      revision,
      ...(found.schema ? { schema: found.schema } : state?.schema ? { schema: state.schema } : {}),
      schemaRevision: sentEarly
        ? state!.schemaRevision
        : found.schema
          ? revision
          : (state?.schemaRevision ?? 0),
      problems: found.problems,
      diagnostics: found.diagnostics,
      watching: watched.map((file) => relative(cwd, file).split('\\').join('/')),
    };
    publish(next);
    options.onReload?.(next);
  };
  const reload = () => {
    if (running) {
      again = true;
      return;
    }
    running = analyse().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        reload();
      }
    });
  };
  const watcher = watchFiles(reload);
  await analyse();
  return {
    current: () => state!,
    validate: () => validate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      watcher.close();
      listeners.clear();
    },
  };
}
