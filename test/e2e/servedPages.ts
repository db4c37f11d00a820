/**
 * One real `formulary serve` and one Chromium for an e2e file about the live pages: a temporary
 * folder with the server's config (and its own instruments, or a portal with an embedding page), the
 * server started on it, the browser sending the seeded tester's headers. Shared so that each file
 * states only what its test is about (tasks, retention, the page), not the start-up around it.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServerFolder } from '../server/serverFolder';
import { repoRoot, type ServerProcess, startServerProcess, testerHeaders } from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';

export interface ServedPagesOptions {
  /** The formulary.config.json to serve with; `dir` is the temporary folder (for jobsDir). */
  readonly config: (dir: string) => object;
  /** Files of src/schemas/instruments copied into the folder's own instruments; omitted: the server's. */
  readonly instruments?: readonly string[];
  /**
   * The body of an embedding page, served as /embed.html from a copy of the built portal with the
   * embed bundle under /embed/ (the page loads it); omitted: the built portal as it is.
   */
  readonly embedBody?: string;
  /** Runs before the server starts, on its config and database (to add users and tokens). */
  readonly beforeStart?: (paths: { config: string; db: string }) => Promise<void>;
  /** What every browser request carries; by default the seeded tester's API token. */
  readonly headers?: (serverUrl: string) => Record<string, string>;
}

/**
 * The folder is made at construction, so a file can name it in its tests; start() fills in the server
 * and the browser as each comes up, so stop() closes whatever started even if start() failed part way.
 */
export class ServedPages {
  readonly dir: string;
  server!: ServerProcess;
  browser!: LaunchedBrowser;

  /** `prefix` starts the temporary folder's name, so a leftover folder says which file made it. */
  constructor(prefix: string) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }

  /** Writes the folder, starts the server on it and launches Chromium; see ServedPagesOptions. */
  async start(options: ServedPagesOptions): Promise<this> {
    const dir = this.dir;
    let portal = join(repoRoot, 'dist/app');
    if (options.embedBody !== undefined) {
      portal = join(dir, 'portal');
      cpSync(join(repoRoot, 'dist/app'), portal, { recursive: true });
      cpSync(join(repoRoot, 'dist/embed'), join(portal, 'embed'), { recursive: true });
      writeFileSync(
        join(portal, 'embed.html'),
        `<!doctype html><html><head><meta charset="utf-8"><script src="/embed/formulary.js" defer></script></head>
<body>${options.embedBody}</body></html>`,
      );
    }
    const { instruments, config, db } = writeServerFolder(dir, options.config(dir), options.instruments);
    await options.beforeStart?.({ config, db });
    this.server = await startServerProcess({ db, instruments, config, portal });
    this.browser = await launchChromium();
    // The pages act as the seeded tester (an API token on every request, WebSocket and stream
    // included): these tests are about the pages, the permission rules have their own (portalAuth,
    // permissions).
    await this.browser.context.setExtraHTTPHeaders((options.headers ?? testerHeaders)(this.server.url));
    return this;
  }

  /**
   * Closes the browser, stops the server and removes the folder; returns the server's exit code (or
   * signal) for the file to check, undefined if it never started.
   */
  async stop(): Promise<number | string | undefined> {
    await this.browser?.close();
    const exit = await this.server?.stop('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
    return exit;
  }
}
