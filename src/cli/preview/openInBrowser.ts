/**
 * `--open`: asks the desktop to open a URL in the user's browser (open on macOS, start on Windows,
 * xdg-open elsewhere). Detached and best effort: without a desktop the URL printed is enough.
 */
import { spawn } from 'node:child_process';

/** Starts the opener and returns at once; false when it could not be started. */
export function openInBrowser(url: string): boolean {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
