/**
 * The locale of the validation or coercion running now. Validation builds its sentences twenty calls
 * deep (explainAjvErrors, checkField, evaluateRules, messages.ts); threading a locale through each
 * signature would touch every function there. Validation and coercion are synchronous, so the validator
 * sets the locale around its own call (withLocale) and the message code reads it (say): nothing else
 * can run in between. Outside withLocale it is English, as before.
 */
import { type MessageValues, normalizeLocale, translate } from './translate';

let active = 'en';

/** Runs `work` with messages in `locale`; restores the previous locale after, even on throw. */
export function withLocale<T>(locale: string | undefined, work: () => T): T {
  if (locale === undefined) return work();
  const previous = active;
  active = normalizeLocale(locale);
  try {
    return work();
  } finally {
    active = previous;
  }
}

/** The locale messages are built in now. */
export function activeLocale(): string {
  return active;
}

/** A message in the active locale. */
export function say(key: string, values?: MessageValues): string {
  return translate(active, key, values);
}
