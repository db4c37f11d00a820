/**
 * An attempt's log, live: virtualised (fixed line height, only the lines in view are in the DOM),
 * follows the tail until the user scrolls up (and again once they scroll back to the end), search
 * shows the matching lines only, stderr lines are marked, and the whole log downloads as text. The
 * page loads only the tail of a long log; earlier lines come page by page on request (search covers
 * the loaded lines; the download has them all).
 */
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../widgets/index';
import type { LogLine } from './SubmissionLive';
import { getLogLines, logTextUrl } from './serviceApi';

const LINE_PX = 18;
const VIEW_PX = 320;
const OVERSCAN = 20;
/** Earlier lines read per click. */
const EARLIER_PAGE = 5000;

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
  const needle = query.trim().toLowerCase();
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says the array grew
  const shown = useMemo(
    () => (needle === '' ? lines : lines.filter((l) => l.text.toLowerCase().includes(needle))),
    [lines, needle, version],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the tail after each growth
  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow) {
      el.scrollTop = el.scrollHeight;
      setTop(el.scrollTop);
    }
  }, [shown.length, follow, version]);
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
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <span role="status" data-testid="log-count">
          {needle === ''
            ? t('portal.log.lines', { count: earlier + lines.length })
            : t('portal.log.matches', { count: shown.length, total: lines.length })}
        </span>
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
                .catch((e: Error) => setLoading(t('portal.log.earlierFailed', { message: e.message })));
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
          <button type="button" onClick={() => setFollow(true)}>
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
          setFollow(el.scrollTop + el.clientHeight >= el.scrollHeight - LINE_PX);
        }}
      >
        <div style={{ height: shown.length * LINE_PX, position: 'relative' }}>
          {shown.slice(first, last).map((line, i) => (
            <div
              key={line.seq}
              className={`subs-log__line subs-log__line--${line.stream}`}
              style={{ top: (first + i) * LINE_PX, height: LINE_PX }}
              data-seq={line.seq}
            >
              <span className="subs-log__stream">{line.stream === 'stdout' ? '' : line.stream}</span>
              <Highlighted text={line.text} needle={needle} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function Highlighted({ text, needle }: { text: string; needle: string }): ReactNode {
  if (needle === '') return text;
  const at = text.toLowerCase().indexOf(needle);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
