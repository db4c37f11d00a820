/**
 * The live state of `formulary preview`: analyses the schema, watches every file it read (the schema,
 * its $refs, the config, the examples folder) and re-analyses after each save. While the file on disk
 * does not load, the last good schema is kept and sent with the problems, so the page keeps its form.
 * Reloads run one at a time; a save during a reload triggers one more.
 */
import { dirname, relative, resolve } from 'node:path';
import type { ValidationError } from '../../schemas/index';
import { analyseSchemaFile } from './analyseSchemaFile';
import type { PreviewState } from './PreviewState';
import { listExamples } from './readExamples';
import { watchFiles } from './watchFiles';

export interface PreviewSessionOptions {
  readonly schemaPath: string;
  readonly configPath?: string;
  readonly examplesDir?: string;
  readonly cwd: string;
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

  const analyse = async () => {
    const found = await analyseSchemaFile(options.schemaPath, options.configPath, cwd).catch(
      (error: Error) => ({
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
      }),
    );
    // Files read the last time stay watched while the schema is broken: fixing a $ref'd file reloads.
    watched = found.schema ? found.files : [...new Set([...watched, ...found.files])];
    // While it does not load, any file appearing beside its files counts too: the file a new $ref
    // names may not exist yet, and creating it should load the schema.
    const broken = found.problems.length > 0 ? watched.map((file) => resolve(dirname(file), '*')) : [];
    watcher.watchOnly([...watched, ...broken, ...(examplesDir ? [resolve(examplesDir, '*')] : [])]);
    const revision = (state?.revision ?? 0) + 1;
    if (found.schema) validate = found.validate;
    state = {
      revision,
      schemaFile: options.schemaPath,
      ...(found.schema ? { schema: found.schema } : state?.schema ? { schema: state.schema } : {}),
      schemaRevision: found.schema ? revision : (state?.schemaRevision ?? 0),
      problems: found.problems,
      diagnostics: found.diagnostics,
      watching: watched.map((file) => relative(cwd, file).split('\\').join('/')),
      ...(examplesDir ? { examples: listExamples(examplesDir), examplesDir: options.examplesDir } : {}),
    };
    options.onReload?.(state);
    for (const listener of listeners) listener(state);
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
