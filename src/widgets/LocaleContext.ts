/**
 * The language the widgets and the form speak: SubmissionForm's `locale` prop (the embed's `lang`)
 * provides it, every widget reads it for its words (the catalogues in src/schemas/i18n), its number
 * and date display and the messages of what the user typed. English when nothing provides one.
 */
import { createContext, useContext, useMemo } from 'react';
import { type Translator, translator } from '../schemas/index';

export const LocaleContext = createContext<string>('en');

/** The locale in force. */
export function useLocale(): string {
  return useContext(LocaleContext);
}

/** The message lookup of the locale in force: t('form.submit'). */
export function useT(): Translator {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
