/**
 * The URI resolver ajv uses for `$id` and `$ref` (its `uriResolver` option): RFC 3986 parse, recompose
 * and reference resolution with the usual normalisation (scheme and host lower case, default port
 * dropped, unreserved escapes decoded, other characters escaped). Ours, not ajv's default fast-uri:
 * fast-uri's scheme handlers (urn, mailto, ws) cost the embed bundle 5.7 kB gzip for URIs a schema's
 * $id and $ref never need. No DOM (no URL object, which rejects relative bases ajv passes).
 */

/** The parts of a URI reference, in ajv's (and fast-uri's) field names. */
export interface UriParts {
  scheme?: string;
  userinfo?: string;
  host?: string;
  port?: number | string;
  path?: string;
  query?: string;
  fragment?: string;
}

// RFC 3986 appendix B, with the authority split into userinfo@host:port.
const uriPattern = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
const authorityPattern = /^(?:([^@]*)@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;
const defaultPorts: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/** Escapes what a path, query or fragment may not hold, decodes escaped unreserved characters. O(length). */
function normalisePart(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]+/g, (match, hex?: string) => {
    if (hex === undefined) {
      try {
        return encodeURIComponent(match);
      } catch {
        return match; // a lone surrogate: kept as written rather than refused
      }
    }
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Splits a URI reference into its parts (normalised). O(length). */
export function parseUri(uri: string): UriParts {
  const m = uriPattern.exec(uri) ?? [];
  const parts: UriParts = { path: normalisePart(m[3] ?? '') };
  if (m[1] !== undefined) parts.scheme = m[1].toLowerCase();
  if (m[2] !== undefined) {
    const a = authorityPattern.exec(m[2]);
    parts.host = (a ? (a[2] ?? '') : m[2]).toLowerCase();
    if (a?.[1] !== undefined) parts.userinfo = a[1];
    if (a?.[3]) parts.port = Number(a[3]);
  }
  if (m[4] !== undefined) parts.query = normalisePart(m[4]);
  if (m[5] !== undefined) parts.fragment = normalisePart(m[5]);
  return parts;
}

/** RFC 3986 5.2.4: "a/./b/../c" -> "a/c". O(path length). */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && out.length > (path.startsWith('/') ? 1 : 0)) out.pop();
      if (last) out.push('');
    } else out.push(segment);
  });
  const joined = out.join('/');
  return path.startsWith('/') && !joined.startsWith('/') ? `/${joined}` : joined;
}

/** Recomposes a URI from its parts (RFC 3986 5.3), dot segments removed. O(length). */
export function serializeUri(parts: UriParts): string {
  let out = parts.scheme !== undefined ? `${parts.scheme}:` : '';
  if (parts.host !== undefined) {
    out += `//${parts.userinfo !== undefined ? `${parts.userinfo}@` : ''}${parts.host}`;
    const port = parts.port === undefined || parts.port === '' ? undefined : String(parts.port);
    if (port !== undefined && defaultPorts[parts.scheme ?? ''] !== port) out += `:${port}`;
  }
  let path = removeDotSegments(parts.path ?? '');
  if (parts.host !== undefined && path !== '' && !path.startsWith('/')) path = `/${path}`;
  if (parts.host !== undefined && path === '' && parts.scheme !== undefined && defaultPorts[parts.scheme])
    path = '/';
  out += path;
  if (parts.query !== undefined) out += `?${parts.query}`;
  if (parts.fragment !== undefined) out += `#${parts.fragment}`;
  return out;
}

/** RFC 3986 5.2.3: the reference's path merged onto the base's directory. */
function mergePaths(base: UriParts, path: string): string {
  if (base.host !== undefined && (base.path ?? '') === '') return `/${path}`;
  const basePath = base.path ?? '';
  return basePath.slice(0, basePath.lastIndexOf('/') + 1) + path;
}

/**
 * `reference` resolved against `base` (RFC 3986 5.2.2), both possibly relative, as ajv needs for
 * nested `$id`s. O(length).
 * @example resolveUri('http://x.org/a/b.json', '../c.json#/d') // 'http://x.org/c.json#/d'
 */
export function resolveUri(base: string, reference: string): string {
  const b = parseUri(base);
  const r = parseUri(reference);
  const t: UriParts = {};
  if (r.scheme !== undefined) Object.assign(t, r);
  else if (r.host !== undefined) Object.assign(t, r, { scheme: b.scheme });
  else {
    Object.assign(t, { scheme: b.scheme, userinfo: b.userinfo, host: b.host, port: b.port });
    if ((r.path ?? '') === '') {
      t.path = b.path;
      t.query = r.query ?? b.query;
    } else {
      t.path = r.path?.startsWith('/') ? r.path : mergePaths(b, r.path ?? '');
      t.query = r.query;
    }
  }
  t.fragment = r.fragment;
  for (const key of Object.keys(t) as (keyof UriParts)[]) if (t[key] === undefined) delete t[key];
  return serializeUri(t);
}

/** The object for ajv's `uriResolver` option. */
export const uriResolver = { parse: parseUri, serialize: serializeUri, resolve: resolveUri };
