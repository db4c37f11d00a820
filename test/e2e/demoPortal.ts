/**
 * The portal as `npm start` serves it, for e2e files about signed-in pages: `formulary serve
 * --demo-users` on a fresh SQLite file with the built portal, and one Chromium. Shared so each file
 * states its test, not the start-up around it (ServedPages is the one for files that write a config).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, type ServerProcess, startServerProcess } from '../server/serverProcess';
import { type LaunchedBrowser, launchChromium } from './chromium';

export class DemoPortal {
  readonly dir: string;
  server!: ServerProcess;
  browser!: LaunchedBrowser;

  /** `prefix` starts the temporary folder's name, so a leftover folder says which file made it. */
  constructor(prefix: string) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }

  /** Starts the server (with `env` added to its environment), then Chromium. */
  async start(env: Record<string, string> = {}): Promise<this> {
    this.server = await startServerProcess({
      db: join(this.dir, 'formulary.sqlite'),
      portal: join(repoRoot, 'dist/app'),
      env,
      args: ['--demo-users'],
    });
    this.browser = await launchChromium();
    return this;
  }

  /** Closes whatever started and removes the folder; the server's exit code (or signal), if it ran. */
  async stop(): Promise<number | string | undefined> {
    await this.browser?.close();
    const exit = await this.server?.stop('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
    return exit;
  }
}
