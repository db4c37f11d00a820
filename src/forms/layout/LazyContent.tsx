/**
 * Renders its children only once they come near the viewport (IntersectionObserver), are revealed
 * (`registerReveal`: the error summary, search, table of contents), turn `eager` (an error inside), or
 * the placeholder takes keyboard focus (then the first input inside is focused, so Tab order is kept).
 * Far-off content costs a placeholder of its estimated height until then. No form state: SubmissionForm's
 * LazyBlock and <FormularyFields>' sections both use it.
 */
import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { useT } from '../../widgets/index';

export interface LazyContentProps {
  readonly eager: boolean;
  /** Estimated height in px of the content, so the page does not jump while scrolling. */
  readonly estimate: number;
  readonly label: string;
  /** Lets something else show the content (returns how to stop listening). */
  readonly registerReveal?: (show: () => void) => () => void;
  readonly children: ReactNode;
}

const FOCUSABLE = 'input, select, textarea, button, [tabindex]:not([tabindex="-1"])';

export function LazyContent({
  eager,
  estimate,
  label,
  registerReveal,
  children,
}: LazyContentProps): ReactNode {
  const t = useT();
  const canObserve = typeof IntersectionObserver !== 'undefined';
  const [shown, setShown] = useState(eager || !canObserve);
  const placeholder = useRef<HTMLButtonElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);
  if (eager && !shown) setShown(true);

  useEffect(() => {
    if (shown) return;
    const offReveal = registerReveal?.(() => setShown(true)) ?? (() => {});
    const element = placeholder.current;
    if (!element) return offReveal;
    const observer = new IntersectionObserver(
      (entries) => {
        // Scrolled near: render as a transition, so a keystroke or click arriving meanwhile is served
        // first (React yields to it) instead of waiting behind a section's worth of fields.
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setShown(true));
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      offReveal();
    };
  }, [registerReveal, shown]);

  useEffect(() => {
    if (shown && focusFirst.current) {
      focusFirst.current = false;
      content.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  }, [shown]);

  if (!shown) {
    return (
      <button
        type="button"
        ref={placeholder}
        className="formulary-lazy formulary-lazy--placeholder"
        style={{ minHeight: estimate }}
        onFocus={() => {
          focusFirst.current = true;
          setShown(true);
        }}
        onClick={() => setShown(true)}
      >
        {t('form.show', { label })}
      </button>
    );
  }
  return (
    <div ref={content} className="formulary-lazy formulary-lazy--shown">
      {children}
    </div>
  );
}
