/**
 * An attempt's log, live: virtualised (fixed line height, only the lines in view are in the DOM),
 * follows the tail until the user scrolls up (and again once they scroll back to the end), search
 * shows the matching lines of the whole stored log (useLogSearch asks the service; the page loads
 * only the tail), a click on a match shows the lines around it (read from the service when they are
 * not loaded), stderr lines are marked, and the whole log downloads as text. Earlier lines come page
 * by page on request.
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { findFolded, foldCase } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { serviceReason } from '../service/index';
import type { LogLine } from './SubmissionLive';
import { getLogLines, logTextUrl } from './serviceApi';
import { useLogSearch } from './useLogSearch';

const LINE_PX = 18;
const VIEW_PX = 320;
const OVERSCAN = 20;
/** Earlier lines read per click. */
const EARLIER_PAGE = 5000;
/** Lines shown either side of a match opened from the search. */
const CONTEXT = 50;

/** A match opened in its context: the lines around it, or why they could not be read. */
interface Context {
  readonly seq: number;
  readonly lines: readonly LogLine[] | undefined;
  readonly error?: string;
}

interface JobLogProps {
  readonly jobId: string;
  readonly attempt: number;
  readonly lines: readonly LogLine[];
  /** Lines stored before the first of `lines` (not loaded). */
  readonly earlier: number;
  /** Changes whenever `lines` grew (the array is appended in place). */
  readonly version: number;
  /** Receives earlier lines read from the log route. */
  readonly onEarlier: (lines: readonly LogLine[]) => void;
}

export function JobLog({ jobId, attempt, lines, earlier, version, onEarlier }: JobLogProps): ReactNode {
  const [loading, setLoading] = useState<string>();
  const t = useT();
  const [query, setQuery] = useState('');
  const [top, setTop] = useState(0);
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const [context, setContext] = useState<Context>();
  // Folded as the store folds (foldCase), so the highlight and the live tail match what the server counts.
  const needle = foldCase(query.trim());
  const search = useLogSearch(jobId, attempt, needle, lines, version);
  const shown = context ? (context.lines ?? []) : needle === '' ? lines : search.shown;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the tail after each growth
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow && !context) {
      el.scrollTop = el.scrollHeight;
      setTop(el.scrollTop);
    }
  }, [shown.length, follow, version, context]);
  // An opened match: its line in the middle of the view; back from it: where the matches were.
  const matchesTop = useRef<number>(undefined);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!context) {
      if (matchesTop.current === undefined) return;
      el.scrollTop = matchesTop.current;
      matchesTop.current = undefined;
      setTop(el.scrollTop);
      return;
    }
    const at = context.lines?.findIndex((l) => l.seq === context.seq) ?? -1;
    if (at >= 0) {
      el.scrollTop = Math.max(0, at * LINE_PX - VIEW_PX / 2);
      setTop(el.scrollTop);
    }
  }, [context]);

  /** Shows the lines around a match: from the loaded ones when all are there, else read them. */
  const open = (seq: number) => {
    matchesTop.current = box.current?.scrollTop ?? 0;
    setFollow(false);
    const from = Math.max(1, seq - CONTEXT);
    const to = seq + CONTEXT;
    if (from > earlier) {
      setContext({ seq, lines: lines.filter((l) => l.seq >= from && l.seq <= to) });
      return;
    }
    setContext({ seq, lines: undefined });
    getLogLines(jobId, attempt, from - 1, to - from + 1)
      .then((read) => setContext((c) => (c?.seq === seq ? { seq, lines: read } : c)))
      .catch((e: unknown) =>
        setContext((c) =>
          c?.seq === seq
            ? { seq, lines: [], error: t('portal.log.contextFailed', { message: serviceReason(t, e) }) }
            : c,
        ),
      );
  };

  const first = Math.max(0, Math.floor(top / LINE_PX) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((top + VIEW_PX) / LINE_PX) + OVERSCAN);
  return (
    <section className="subs-log" aria-label={t('portal.log.label', { attempt })}>
      <div className="subs-log__bar">
        <input
          type="search"
          placeholder={t('portal.log.search')}
          aria-label={t('portal.log.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setContext(undefined);
          }}
        />
        <span role="status" data-testid="log-count">
          {needle === ''
            ? t('portal.log.lines', { count: earlier + lines.length })
            : search.searching
              ? t('portal.log.searching')
              : t('portal.log.matches', { count: search.total, total: earlier + lines.length })}
        </span>
        {search.error !== undefined && needle !== '' && (
          <span role="alert" className="subs-error">
            {t('portal.log.searchFailed', { message: serviceReason(t, search.error) })}
          </span>
        )}
        {context && (
          <span className="subs-log__context" data-testid="log-context">
            {context.error ?? t('portal.log.context', { seq: context.seq })}
          </span>
        )}
        {context && (
          <button type="button" data-testid="log-back" onClick={() => setContext(undefined)}>
            {t('portal.log.backToMatches')}
          </button>
        )}
        {earlier > 0 && (
          <button
            type="button"
            data-testid="log-earlier"
            disabled={loading === 'reading'}
            onClick={() => {
              const from = Math.max(0, earlier - EARLIER_PAGE);
              setLoading('reading');
              getLogLines(jobId, attempt, from, earlier - from)
                .then((page) => {
                  setFollow(false);
                  onEarlier(page);
                  setLoading(undefined);
                })
                .catch((e: unknown) =>
                  setLoading(t('portal.log.earlierFailed', { message: serviceReason(t, e) })),
                );
            }}
          >
            {t('portal.log.earlier', { count: Math.min(EARLIER_PAGE, earlier), hidden: earlier })}
          </button>
        )}
        {loading !== undefined && loading !== 'reading' && (
          <span role="alert" className="subs-error">
            {loading}
          </span>
        )}
        {!follow && (
          <button
            type="button"
            onClick={() => {
              setContext(undefined);
              setFollow(true);
            }}
          >
            {t('portal.log.follow')}
          </button>
        )}
        <a href={logTextUrl(jobId, attempt)} download>
          {t('portal.log.download')}
        </a>
      </div>
      <div
        ref={box}
        className="subs-log__lines"
        style={{ height: VIEW_PX }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        data-testid="log-lines"
        onScroll={(e) => {
          const el = e.currentTarget;
          setTop(el.scrollTop);
          const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - LINE_PX;
          if (!context) setFollow(atEnd);
          // Near the end of the matches read so far: read the next page.
          if (!context && needle !== '' && el.scrollTop + el.clientHeight >= el.scrollHeight - 40 * LINE_PX)
            search.more();
        }}
      >
        <div style={{ height: shown.length * LINE_PX, position: 'relative' }}>
          {shown.slice(first, last).map((line, i) => (
            <div
              key={line.seq}
              className={`subs-log__line subs-log__line--${line.stream}${
                context?.seq === line.seq ? ' subs-log__line--hit' : ''
              }`}
              style={{ top: (first + i) * LINE_PX, height: LINE_PX }}
              data-seq={line.seq}
              title={needle !== '' && !context ? t('portal.log.showContext', { seq: line.seq }) : undefined}
              {...(needle !== '' &&
                !context && {
                  role: 'button',
                  tabIndex: 0,
                  onClick: () => open(line.seq),
                  onKeyDown: (e: { key: string }) => e.key === 'Enter' && open(line.seq),
                })}
            >
              <span className="subs-log__stream">{line.stream === 'stdout' ? '' : line.stream}</span>
              <Highlighted text={line.text} needle={context && context.seq !== line.seq ? '' : needle} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** `needle` is folded; the mark covers the matching characters of `text` itself (ß for "ss"). */
function Highlighted({ text, needle }: { text: string; needle: string }): ReactNode {
  const found = findFolded(text, needle);
  if (found === undefined) return text;
  return (
    <>
      {text.slice(0, found.start)}
      <mark>{text.slice(found.start, found.end)}</mark>
      {text.slice(found.end)}
    </>
  );
}
