/**
 * Builds for Formulary, one per mode:
 *   --mode app    the demo portal (src/app) into dist/app, served by `npm start`;
 *   --mode lib    the library entry points (formulary, /schemas, /sorted, /embed) into dist/lib, packages external;
 *   --mode cli    the `formulary` command (src/cli/main.ts and all of ours it imports) into dist/cli, for Node;
 *   --mode embed  the standalone <formulary-form> bundle, React included, into dist/embed/formulary.js.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = import.meta.dirname;

/**
 * The demo portal loads instrument schemas by URL (so multi-file $refs resolve in the browser, as on a
 * facility's site): this serves src/schemas/instruments/*.json at schemas/ and examples/<id>/*.json at
 * examples/<id>/, in dev and in the build.
 */
function instrumentFiles(): Plugin {
  const files = (): Map<string, string> => {
    const out = new Map<string, string>();
    const schemas = resolve(here, 'src/schemas/instruments');
    for (const name of readdirSync(schemas))
      if (name.endsWith('.json')) out.set(`schemas/${name}`, resolve(schemas, name));
    const examples = resolve(here, 'examples');
    for (const entry of readdirSync(examples, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const id = entry.name;
      for (const name of readdirSync(resolve(examples, id))) {
        if (name.endsWith('.json')) out.set(`examples/${id}/${name}`, resolve(examples, id, name));
      }
    }
    return out;
  };
  return {
    name: 'formulary-instrument-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files().get((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!file) return next();
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of files())
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}

/**
 * The library and the CLI bundle only our own files: every bare import (react, ajv, fastify,
 * better-sqlite3, ...) stays an import, resolved from the installing project's node_modules, so a host
 * app shares its React and native modules are never inlined. Whatever the CLI comes to import is caught
 * by this rule without editing the list.
 */
function isPackageImport(id: string): boolean {
  return !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');
}

/** The RJSF theme (src/widgets/rjsf) is re-exported by the widgets index but no entry point uses it. */
const rjsfTheme = /[\\/]src[\\/]widgets[\\/]rjsf[\\/]/;

/**
 * The demo's modules grouped into chunks a browser caches apart, each under Vite's 500 kB warning:
 * React, the validator (ajv and its helpers), other packages, then our schemas layer and the rest.
 */
const appChunks = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'ajv',
    test: /[\\/]node_modules[\\/](ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)[\\/]/,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
  { name: 'schemas', test: /[\\/]src[\\/](schemas|sorted)[\\/]/ },
];

function appConfig(): UserConfig {
  return {
    root: resolve(here, 'src/app'),
    base: './',
    plugins: [react(), instrumentFiles()],
    build: {
      outDir: resolve(here, 'dist/app'),
      emptyOutDir: true,
      rolldownOptions: { output: { codeSplitting: { groups: appChunks } } },
    },
    server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
  };
}

function libConfig(): UserConfig {
  return {
    plugins: [react()],
    build: {
      outDir: resolve(here, 'dist/lib'),
      emptyOutDir: true,
      // The host app's bundler minifies; unminified names keep a user's stack traces readable.
      minify: false,
      lib: {
        formats: ['es'],
        entry: {
          index: resolve(here, 'src/forms/index.ts'),
          schemas: resolve(here, 'src/schemas/index.ts'),
          sorted: resolve(here, 'src/sorted/index.ts'),
          embed: resolve(here, 'src/embed/index.ts'),
          // Its own entry: an app without react-hook-form can import the form (an optional peer).
          'react-hook-form': resolve(here, 'src/forms/rhf/index.ts'),
        },
      },
      rollupOptions: {
        external: isPackageImport,
        // Without this the widgets index's RJSF theme (a top-level getDefaultRegistry() call) would make
        // every React app that imports the form load @rjsf/core, a package Formulary does not depend on.
        treeshake: { moduleSideEffects: (id: string) => !rjsfTheme.test(id) },
      },
    },
  };
}

function cliConfig(): UserConfig {
  return {
    build: {
      // An SSR build resolves for Node (no browser shims) and keeps node: built-ins as imports.
      ssr: true,
      target: 'node20',
      outDir: resolve(here, 'dist/cli'),
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: { main: resolve(here, 'src/cli/main.ts') },
        external: isPackageImport,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

/**
 * In the embed bundle every style reaches the page through the shadow root (`?inline` strings in
 * src/embed/embedCss.ts); the plain `import './x.css'` of the widgets and the form would emit a stray
 * stylesheet nobody loads, so they become empty here.
 */
function dropSideEffectCss(): Plugin {
  return {
    name: 'formulary-embed-drop-side-effect-css',
    enforce: 'pre',
    load(id) {
      return /\.css$/.test(id) ? '' : null;
    },
  };
}

/**
 * Third-party modules the embedded form imports but never runs, each replaced in the embed bundle by a
 * stub in src/embed/stubs that throws if called. Why each one is never run is in its stub's header.
 */
const embedStubs: readonly { source: string; importer: RegExp; stub: string }[] = [
  { source: 'fast-uri', importer: /./, stub: 'src/embed/stubs/fastUri.ts' },
  {
    source: './vocabularies/discriminator',
    importer: /[\\/]node_modules[\\/]ajv[\\/]dist[\\/][^\\/]+\.js$/,
    stub: 'src/embed/stubs/ajvDiscriminator.ts',
  },
];

function stubUnusedModules(): Plugin {
  return {
    name: 'formulary-embed-stub-unused-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      const hit = embedStubs.find((s) => s.source === source && s.importer.test(importer ?? ''));
      return hit ? resolve(here, hit.stub) : null;
    },
  };
}

/**
 * ajv's meta-schemas (draft-07, 2019-09, 2020-12 and their vocabularies: 3.5 kB gzip) are only compiled
 * to check a schema itself (`validateSchema`, strict mode: the CLI and the linter, never the embedded
 * form) or when a schema `$ref`s a meta-schema. In the embed each keeps its identity ($id, $schema,
 * anchors) and becomes a `$ref` to a missing URI, so such a use fails loudly ("can't resolve reference
 * formulary-embed:meta-schema-not-bundled") instead of accepting anything.
 */
function identityOnlyMetaSchemas(): Plugin {
  const kept = ['$schema', '$id', 'id', '$anchor', '$dynamicAnchor', '$recursiveAnchor'];
  return {
    name: 'formulary-embed-identity-only-meta-schemas',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]node_modules[\\/]ajv[\\/]dist[\\/]refs[\\/].*\.json$/.test(id)) return null;
      const full = JSON.parse(readFileSync(id, 'utf8')) as Record<string, unknown>;
      const stub: Record<string, unknown> = Object.fromEntries(
        kept.filter((k) => k in full).map((k) => [k, full[k]]),
      );
      stub.$ref = 'formulary-embed:meta-schema-not-bundled';
      return JSON.stringify(stub);
    },
  };
}

/**
 * The entry script leaves ajv out (issue 26: the budget counts what a page loads before the form is
 * interactive): our compileSchema.ts is replaced by deferredCompileSchema.ts, which checks in
 * TypeScript until the second file (src/embed/validatorFile.ts, built below) hands over the real one.
 */
function deferAjv(): Plugin {
  const deferred = resolve(here, 'src/schemas/validate/deferredCompileSchema.ts');
  return {
    name: 'formulary-embed-defer-ajv',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromValidate = /[\\/]src[\\/]schemas[\\/]validate[\\/][^\\/]+\.ts$/.test(importer ?? '');
      return fromValidate && source === './compileSchema' && importer !== deferred ? deferred : null;
    },
  };
}

/**
 * After the entry, the same build writes the second file beside it: dist/embed/formulary-validator.js,
 * a classic script defining `window.FormularyValidator` (ajv, its formats, compileSchema), fetched by
 * the entry (src/embed/loadValidatorFile.ts). Built in the same `vite build --mode embed`, into the
 * same folder, so the two files always come from one build.
 */
function buildValidatorFile(): Plugin {
  let outDir = '';
  return {
    name: 'formulary-embed-validator-file',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const { build } = await import('vite');
      await build({ configFile: false, logLevel: 'warn', ...validatorFileConfig(outDir) });
    },
  };
}

function validatorFileConfig(outDir: string): UserConfig {
  return {
    plugins: [stubUnusedModules(), identityOnlyMetaSchemas()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      lib: {
        formats: ['iife'],
        name: 'FormularyValidator',
        entry: resolve(here, 'src/embed/validatorFile.ts'),
        fileName: () => 'formulary-validator.js',
      },
      rollupOptions: {
        treeshake: {
          moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]jsonc-parser[\\/]/.test(id),
        },
      },
    },
  };
}

function embedConfig(): UserConfig {
  return {
    plugins: [
      react(),
      dropSideEffectCss(),
      stubUnusedModules(),
      identityOnlyMetaSchemas(),
      deferAjv(),
      buildValidatorFile(),
    ],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: resolve(here, 'dist/embed'),
      emptyOutDir: true,
      // A classic script (IIFE): one <script src defer> works in any template; window.Formulary.mount for scripts.
      lib: {
        formats: ['iife'],
        name: 'Formulary',
        entry: resolve(here, 'src/embed/standalone.ts'),
        fileName: () => 'formulary.js',
      },
      rollupOptions: {
        // The RJSF theme (src/widgets/rjsf) is re-exported by the widgets index but unused by the form;
        // its top-level getDefaultRegistry() call would otherwise pull all of @rjsf into the bundle.
        // jsonc-parser is only the linter's now (reached through the schemas index); its top-level enum
        // set-up has no effect outside it, so it goes when unused (1.2 kB gzip). ajv is the second
        // file's (deferAjv): the linter's own ajv import (schemaValid.ts) must not keep it here.
        treeshake: {
          moduleSideEffects: (id: string) =>
            !rjsfTheme.test(id) &&
            !/[\\/]node_modules[\\/](jsonc-parser|ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)[\\/]/.test(
              id,
            ),
        },
      },
    },
  };
}

export default defineConfig(({ mode, command }) => {
  // What we publish is built for production whatever NODE_ENV the caller has: under a test runner
  // (vitest sets "test") the React plugin would emit jsxDEV calls that production React lacks.
  if (command === 'build' && ['lib', 'cli', 'embed'].includes(mode)) process.env.NODE_ENV = 'production';
  if (mode === 'lib') return libConfig();
  if (mode === 'embed') return embedConfig();
  if (mode === 'cli') return cliConfig();
  return appConfig();
});
