/**
 * Renders its children only once they come near the viewport (IntersectionObserver), or are revealed
 * (error summary, search, table of contents), or the placeholder takes keyboard focus (then the first
 * input inside is focused, so Tab order is kept). Far-off sections cost a placeholder until then.
 */

import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { useT } from '../../widgets/index';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';

export interface LazyBlockProps {
  readonly eager: boolean;
  readonly roots: readonly StoragePath[];
  /** Estimated height in px of the content, so the page does not jump while scrolling. */
  readonly estimate: number;
  readonly label: string;
  readonly children: ReactNode;
}

const FOCUSABLE = 'input, select, textarea, button, [tabindex]:not([tabindex="-1"])';

export function LazyBlock({ eager, roots, estimate, label, children }: LazyBlockProps): ReactNode {
  const { engine } = useFormContextValue();
  const t = useT();
  const canObserve = typeof IntersectionObserver !== 'undefined';
  const [shown, setShown] = useState(eager || !canObserve);
  const placeholder = useRef<HTMLButtonElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);

  useEffect(() => {
    if (shown) return;
    const offReveal = engine.registerRevealer(roots, () => setShown(true));
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
  }, [engine, roots, shown]);

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
