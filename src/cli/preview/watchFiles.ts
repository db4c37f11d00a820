/**
 * Watches a changing set of files for `formulary preview`. It watches their folders, not the files:
 * editors save by writing a new file and renaming it over the old one, which ends a watch on the file
 * itself. Events arriving together (an editor's write, rename and chmod) are coalesced into one call.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface FileWatcher {
  /**
   * Replaces the watched files (absolute paths; "DIR/*" is any file in DIR); folders no longer needed
   * stop being watched.
   */
  watchOnly(files: readonly string[]): void;
  close(): void;
}

/** Calls `onChange` once per burst of changes (`settleMs` after the last event) to any watched file. */
export function watchFiles(onChange: () => void, settleMs = 60): FileWatcher {
  const folders = new Map<string, FSWatcher>();
  let names = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  const open = (folder: string) => {
    try {
      const watcher = watch(folder, (_event, name) => {
        // No name (some platforms): take it as a change to one of ours rather than miss it.
        const wanted = names.get(folder);
        if (name === null || wanted?.has('*') || wanted?.has(name.toString())) fire();
      });
      watcher.on('error', () => {
        // The folder went away (renamed, deleted): forget it; the next watchOnly opens it again.
        watcher.close();
        folders.delete(folder);
      });
      folders.set(folder, watcher);
    } catch {
      // A folder that does not exist yet (a config file's, say) is simply not watched.
    }
  };
  return {
    watchOnly(files) {
      const next = new Map<string, Set<string>>();
      for (const file of files) {
        const folder = dirname(resolve(file));
        if (!next.has(folder)) next.set(folder, new Set());
        next.get(folder)!.add(basename(file));
      }
      names = next;
      for (const [folder, watcher] of folders)
        if (!next.has(folder)) {
          watcher.close();
          folders.delete(folder);
        }
      for (const folder of next.keys()) if (!folders.has(folder)) open(folder);
    },
    close() {
      clearTimeout(timer);
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
