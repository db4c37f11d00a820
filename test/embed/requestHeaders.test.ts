/** The embed's extra POST headers: the page's own, and Django's CSRF token read from its cookie. */
import { describe, expect, test } from 'vitest';
import { MissingCsrfCookieError, readCookie, requestHeaders } from '../../src/embed/requestHeaders';
import { translate } from '../../src/schemas/index';

describe('requestHeaders', () => {
  test('reads the named cookie (decoded) into X-CSRFToken, or the header csrf-header names', () => {
    const cookies = 'sessionid=abc; csrftoken=t%2Bk3n; theme=dark';
    expect(readCookie(cookies, 'csrftoken')).toBe('t+k3n');
    expect(requestHeaders({ csrfCookie: 'csrftoken' }, cookies)).toEqual({ 'X-CSRFToken': 't+k3n' });
    expect(requestHeaders({ csrfCookie: 'csrftoken', csrfHeader: 'X-CSRF-Token' }, cookies)).toEqual({
      'X-CSRF-Token': 't+k3n',
    });
  });

  test('the page headers come along, from an object or a function read per submit', () => {
    let n = 0;
    expect(requestHeaders({ headers: { Authorization: 'Bearer x' } }, '')).toEqual({
      Authorization: 'Bearer x',
    });
    const headers = () => ({ 'X-Try': String(++n) });
    expect(requestHeaders({ headers }, '')).toEqual({ 'X-Try': '1' });
    expect(requestHeaders({ headers }, '')).toEqual({ 'X-Try': '2' });
  });

  test('a missing cookie is an error naming it; no cookie asked for, none needed', () => {
    expect(() => requestHeaders({ csrfCookie: 'csrftoken' }, 'sessionid=abc')).toThrow(
      /no "csrftoken" cookie on this page \(csrf-cookie\)/,
    );
    expect(requestHeaders({}, '')).toEqual({});
  });
});

test('a missing csrf-cookie is a MissingCsrfCookieError naming the cookie, worded in French by its key', () => {
  let caught: unknown;
  try {
    requestHeaders({ csrfCookie: 'csrftoken' }, 'other=1');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(MissingCsrfCookieError);
  expect((caught as MissingCsrfCookieError).cookie).toBe('csrftoken');
  expect(translate('fr', 'embed.noCsrfCookie', { cookie: 'csrftoken' })).toBe(
    'aucun cookie « csrftoken » sur cette page (csrf-cookie) : le serveur refusera la demande sans son jeton CSRF ; avec Django, rendez la page avec {% csrf_token %} ou @ensure_csrf_cookie',
  );
  expect(translate('en', 'embed.noCsrfCookie', { cookie: 'csrftoken' })).toBe((caught as Error).message);
});
