/**
 * `--open`: asks the desktop to open a URL in the user's browser. The BROWSER environment variable
 * wins when set (the convention of Python's webbrowser, git web--browse and others: a command, `%s`
 * standing for the URL or the URL appended; several separated by ':'), so a headless machine or a
 * test points it at a script; otherwise open on macOS, start on Windows, xdg-open elsewhere.
 */
import { spawn } from 'node:child_process';

/** The command and arguments that open `url` (the first of BROWSER's, else the platform's opener). */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  const chosen = env.BROWSER?.split(process.platform === 'win32' ? ';' : ':')
    .map((entry) => entry.trim())
    .find((entry) => entry !== '');
  if (chosen) {
    const words = chosen.split(/\s+/);
    const args = words.slice(1);
    return words.some((word) => word.includes('%s'))
      ? [words[0]!.replace('%s', url), args.map((word) => word.replace('%s', url))]
      : [words[0]!, [...args, url]];
  }
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/**
 * Starts the opener, detached; resolves true once it runs, false when it could not be started (no
 * such command): the caller then prints the URL to open by hand.
 */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const [command, args] = browserCommand(url, env);
  return new Promise((done) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('spawn', () => {
        child.unref();
        done(true);
      });
      child.once('error', () => done(false));
    } catch {
      done(false);
    }
  });
}
