/**
 * The JSON request beside the form, updated as the user types. It holds the request in a tiny store of
 * its own so that an update re-renders this panel only, never the form. A field whose text is not a
 * value yet ("12350-12345", "1,5") is left out of the JSON and listed under it with its text and
 * message: the store still holds the last value that parsed, often a prefix of the text ("12350"),
 * which nobody meant to send.
 */
import { type ReactNode, useSyncExternalStore } from 'react';
import type { DraftTexts } from '../forms/index';
import { deleteAt, getAt, parsePointer, setAt } from '../schemas/index';
import { useT } from '../widgets/index';

type Listener = () => void;

interface Live {
  readonly request: unknown;
  readonly texts: DraftTexts;
}

function createRequestStore() {
  let current: Live = { request: null, texts: {} };
  const listeners = new Set<Listener>();
  const emit = (next: Live) => {
    current = next;
    for (const l of listeners) l();
  };
  return {
    get: () => current,
    set: (request: unknown) => emit({ ...current, request }),
    /** The fields whose text is not a value (SubmissionForm's onDraftChange's second argument). */
    setTexts: (texts: DraftTexts) => emit({ ...current, texts }),
    subscribe: (l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The request the form last reported (SubmissionForm's onChange writes here). */
export const liveRequest = createRequestStore();

/** The request without the fields in `texts`: an object's key is left out, a list item shown as null. */
function withoutTexts(request: unknown, texts: DraftTexts): unknown {
  const pointers = Object.keys(texts);
  if (pointers.length === 0 || request === null || typeof request !== 'object') return request;
  const out = structuredClone(request);
  for (const pointer of pointers) {
    const keys = parsePointer(pointer);
    const parent = getAt(out, keys.slice(0, -1));
    if (Array.isArray(parent)) setAt(out, pointer, null);
    else deleteAt(out, pointer);
  }
  return out;
}

export function LiveRequest(): ReactNode {
  const { request, texts } = useSyncExternalStore(liveRequest.subscribe, liveRequest.get);
  const pending = Object.entries(texts);
  const t = useT();
  return (
    <section aria-labelledby="live-request-heading">
      <h2 id="live-request-heading">{t('portal.liveRequestHeading')}</h2>
      {request === null ? (
        <p>{t('portal.liveRequestEmpty')}</p>
      ) : (
        <pre className="portal__json" data-testid="live-request">
          {JSON.stringify(withoutTexts(request, texts), null, 2)}
        </pre>
      )}
      {pending.length > 0 && (
        <div data-testid="live-pending">
          <p>{t('portal.liveRequestPending')}</p>
          <ul>
            {pending.map(([pointer, typed]) => (
              <li key={pointer}>
                {t('portal.pendingField', {
                  pointer,
                  text: JSON.stringify(typed.text),
                  message: typed.message,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
