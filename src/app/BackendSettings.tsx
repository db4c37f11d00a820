/**
 * Where submitted requests are POSTed: a URL kept in localStorage; empty means "only show it", never
 * set (null) means the Formulary service that served the page, when there is one. "{instrument}" in
 * the URL is replaced by the form's instrument id.
 */
import { type ReactNode, useState } from 'react';
import { useT } from '../widgets/index';

const KEY = 'formulary.portal.backendUrl';

/** [url, setUrl], persisted; url is null until the user saves one. */
export function useBackendUrl(): [string | null, (url: string) => void] {
  const [url, setUrl] = useState<string | null>(() => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  });
  return [
    url,
    (next) => {
      setUrl(next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // private mode: the URL lasts for this page only
      }
    },
  ];
}

export function BackendSettings({
  url,
  onChange,
}: {
  url: string;
  onChange: (url: string) => void;
}): ReactNode {
  const [text, setText] = useState(url);
  const t = useT();
  return (
    <form
      className="portal__backend"
      aria-label={t('portal.backend')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange(text.trim());
      }}
    >
      <label htmlFor="backend-url">{t('portal.backendUrl')}</label>
      <input
        id="backend-url"
        type="url"
        placeholder="https://facility.example/api/instruments/{instrument}/submissions"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">{t('portal.save')}</button>
    </form>
  );
}
