/**
 * The portal's side of instrument defaults edited by staff: reads the overlay and its history from
 * the serving Formulary service, saves and resets (with the CSRF header the cookie session needs).
 * The service decides who may; a refusal comes back with its words.
 */
import { csrfHeaders } from '../auth/index';
import { ServiceError } from '../service/index';

export interface DefaultOverride {
  readonly pointer: string;
  readonly label: string;
  readonly value: unknown;
  readonly schemaDefault?: unknown;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface DefaultsOverlay {
  readonly instrument: string;
  readonly revision: number;
  readonly overrides: readonly DefaultOverride[];
}

export interface DefaultChangeView {
  readonly seq: number;
  readonly pointer: string;
  readonly label: string;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly reset: boolean;
  readonly changedBy: string;
  readonly changedAt: string;
}

const api = (instrument: string, rest = '') =>
  new URL(`api/instruments/${encodeURIComponent(instrument)}/defaults${rest}`, document.baseURI).href;

/** The overlay, or undefined when the page is not served by a Formulary service (a static server). */
export async function fetchDefaults(instrument: string): Promise<DefaultsOverlay | undefined> {
  try {
    const response = await fetch(api(instrument), { headers: { Accept: 'application/json' } });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
    return (await response.json()) as DefaultsOverlay;
  } catch {
    return undefined;
  }
}

export async function fetchDefaultsHistory(instrument: string): Promise<DefaultChangeView[]> {
  const response = await fetch(api(instrument, '/history?limit=500'), {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new ServiceError(response.status, response.statusText);
  return ((await response.json()) as { items: DefaultChangeView[] }).items;
}

/** Sends the change; resolves with the new overlay or rejects with a ServiceError (status and the service's detail). */
export async function saveDefaults(
  instrument: string,
  edit: { set?: Record<string, unknown>; reset?: string[] },
): Promise<DefaultsOverlay> {
  const response = await fetch(api(instrument), {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: JSON.stringify(edit),
  });
  const body = (await response.json().catch(() => ({}))) as { defaults?: DefaultsOverlay; detail?: string };
  if (!response.ok || !body.defaults)
    throw new ServiceError(response.status, body.detail ?? response.statusText);
  return body.defaults;
}
