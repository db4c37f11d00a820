/**
 * The log's search, over the whole stored log: the page holds only the tail of a long log, so the
 * service searches (GET /api/jobs/:id/log/search) and counts every match up to the line it had when
 * asked (`through`); the lines that arrive live after it are matched here, so the count and the list
 * keep following the tail. Matches come 500 at a time, the next page when the list nears its end.
 * Case is ignored and the text is taken literally, as the service does.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { foldCase } from '../../schemas/index';
import type { LogLine } from './SubmissionLive';
import { searchLogLines } from './serviceApi';

export interface LogSearchState {
  /** Matches in the whole log: the service's total plus the live lines after `through`. */
  readonly total: number;
  /** The matches to show, in order (the live ones only once every stored page is read). */
  readonly shown: readonly LogLine[];
  readonly searching: boolean;
  /** Why the search failed (the service's error; the page words it with serviceReason). */
  readonly error: unknown;
  /** Reads the next page of matches, when there is one and none is being read. */
  more(): void;
}

interface Found {
  readonly needle: string;
  readonly through: number;
  readonly total: number;
  readonly lines: LogLine[];
  readonly next: number | null;
}

export function useLogSearch(
  jobId: string,
  attempt: number,
  needle: string,
  lines: readonly LogLine[],
  version: number,
): LogSearchState {
  const [found, setFound] = useState<Found>();
  const [error, setError] = useState<unknown>();
  const reading = useRef(false);

  useEffect(() => {
    setError(undefined);
    if (needle === '') {
      setFound(undefined);
      return;
    }
    let gone = false;
    // Typing: ask once the user pauses, not for every letter.
    const timer = setTimeout(() => {
      searchLogLines(jobId, attempt, needle)
        .then((page) => {
          if (!gone) setFound({ needle, ...page, lines: [...page.lines] });
        })
        .catch((e: unknown) => !gone && setError(e));
    }, 250);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [jobId, attempt, needle]);

  const current = found?.needle === needle ? found : undefined;
  const more = useCallback(() => {
    if (!current || current.next === null || reading.current) return;
    reading.current = true;
    searchLogLines(jobId, attempt, needle, current.next, current.through)
      .then((page) =>
        setFound((was) =>
          was === current ? { ...was, lines: [...was.lines, ...page.lines], next: page.next } : was,
        ),
      )
      .catch((e: unknown) => setError(e))
      .finally(() => {
        reading.current = false;
      });
  }, [current, jobId, attempt, needle]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version says the lines array grew
  const live = useMemo(() => {
    if (!current) return [];
    // Folded as the store folds, so a line arriving after the search matches exactly when the
    // server's search would have matched it (lower-casing disagreed on ß, ς, µ, İ).
    const folded = foldCase(needle);
    const after: LogLine[] = [];
    // The loaded lines are in seq order: walk back from the end to the first one after `through`.
    for (let i = lines.length - 1; i >= 0 && lines[i]!.seq > current.through; i--)
      if (foldCase(lines[i]!.text).includes(folded)) after.push(lines[i]!);
    return after.reverse();
  }, [current, lines, needle, version]);

  const shown = useMemo(
    () => (current ? (current.next === null ? [...current.lines, ...live] : current.lines) : []),
    [current, live],
  );
  return {
    total: (current?.total ?? 0) + live.length,
    shown,
    searching: needle !== '' && !current && error === undefined,
    error,
    more,
  };
}
