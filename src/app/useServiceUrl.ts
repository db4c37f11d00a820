/**
 * Where the portal posts when the user never set a backend URL: the Formulary service that served this
 * page, if it did (`formulary serve`, `npm start`). Asked once, by fetching its instrument catalogue;
 * under a plain static server the answer is '' and the portal only shows the request, as before.
 */
import { useEffect, useState } from 'react';

/** The submissions URL template of the serving Formulary service ('{instrument}' in it), or ''. */
export function useServiceUrl(): string {
  const [url, setUrl] = useState('');
  useEffect(() => {
    let live = true;
    const api = new URL('api/', document.baseURI).href;
    fetch(`${api}instruments`, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const list: unknown = response.ok ? await response.json() : undefined;
        if (live && Array.isArray(list)) setUrl(`${api}instruments/{instrument}/submissions`);
      })
      .catch(() => {
        // not served by Formulary: keep ''
      });
    return () => {
      live = false;
    };
  }, []);
  return url;
}
