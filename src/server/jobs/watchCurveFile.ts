/**
 * Watches the curve file a running attempt writes and says when it changed, so the page reads it again
 * on an event instead of asking every second. It compares size and modification time every `everyMs`
 * rather than using fs.watch: job folders at facilities are often on network file systems (NFS,
 * GPFS) where inotify never hears another host's writes, the file's folder may not exist yet when the
 * job starts, and one stat of one file per half second costs nothing. A change is reported once the
 * file has not moved for one more tick (debounce), so a writer's burst becomes one event.
 */
import { stat } from 'node:fs/promises';

export interface CurveChange {
  readonly bytes: number;
  readonly time: string;
}

/** Starts watching; the returned function stops it and reports a last change not yet reported. */
export function watchCurveFile(
  path: string,
  onChange: (change: CurveChange) => void,
  everyMs = 500,
): () => Promise<void> {
  let reported = '';
  let seen = '';
  let busy: Promise<void> = Promise.resolve();
  const look = async (final: boolean) => {
    let now: string;
    let change: CurveChange | undefined;
    try {
      const s = await stat(path);
      change = { bytes: s.size, time: s.mtime.toISOString() };
      now = `${s.size}:${s.mtimeMs}`;
    } catch {
      return; // not written yet
    }
    // Report a state that held still for a tick, or whatever it is at the end.
    if ((now === seen || final) && now !== reported) {
      reported = now;
      onChange(change);
    }
    seen = now;
  };
  const timer = setInterval(() => {
    busy = busy.then(() => look(false));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await busy;
    await look(true);
  };
}
