/**
 * The portal header's language picker: every language with a catalogue, each named in its own
 * language ("English", "français"), so a user who cannot read the current one still finds theirs.
 */
import { type ReactNode, useId } from 'react';
import { catalogueLanguages } from '../schemas/index';
import { useT } from '../widgets/index';
import { setPortalLocale, usePortalLocale } from './portalLocale';

function ownName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

export function LanguagePicker(): ReactNode {
  const id = useId();
  const t = useT();
  const locale = usePortalLocale();
  return (
    <span className="portal__language">
      <label htmlFor={id}>{t('portal.language')}</label>{' '}
      <select id={id} value={locale} onChange={(e) => setPortalLocale(e.currentTarget.value)}>
        {catalogueLanguages().map((l) => (
          <option key={l} value={l} lang={l}>
            {ownName(l)}
          </option>
        ))}
      </select>
    </span>
  );
}
