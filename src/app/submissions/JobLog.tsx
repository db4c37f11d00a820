/**
 * An attempt's log, live: virtualised (fixed line height, only the lines in view are in the DOM),
 * follows the tail until the user scrolls up (and again once they scroll back to the end), search
 * shows the matching lines only, stderr lines are marked, and the whole log downloads as text.
 */
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../widgets/index';
import type { LogLine } from './SubmissionLive';
import { logTextUrl } from './serviceApi';

const LINE_PX = 18;
const VIEW_PX = 320;
const OVERSCAN = 20;

interface JobLogProps {
  readonly jobId: string;
  readonly attempt: number;
  readonly lines: readonly LogLine[];
  /** Changes whenever `lines` grew (the array is appended in place). */
  readonly version: number;
}

export function JobLog({ jobId, attempt, lines, version }: JobLogProps): ReactNode {
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
            ? t('portal.log.lines', { count: lines.length })
            : t('portal.log.matches', { count: shown.length, total: lines.length })}
        </span>
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
