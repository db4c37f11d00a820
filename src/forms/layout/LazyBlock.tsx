/**
 * A section body of SubmissionForm rendered lazily (LazyContent), which the engine can also reveal:
 * the error summary, search and the table of contents open what they point into.
 */
import { type ReactNode, useCallback } from 'react';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';
import { LazyContent } from './LazyContent';

export interface LazyBlockProps {
  readonly eager: boolean;
  readonly roots: readonly StoragePath[];
  /** Estimated height in px of the content, so the page does not jump while scrolling. */
  readonly estimate: number;
  readonly label: string;
  readonly children: ReactNode;
}

export function LazyBlock({ eager, roots, estimate, label, children }: LazyBlockProps): ReactNode {
  const { engine } = useFormContextValue();
  const registerReveal = useCallback(
    (show: () => void) => engine.registerRevealer(roots, show),
    [engine, roots],
  );
  return (
    <LazyContent eager={eager} estimate={estimate} label={label} registerReveal={registerReveal}>
      {children}
    </LazyContent>
  );
}
