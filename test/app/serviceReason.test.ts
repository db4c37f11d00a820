/**
 * serviceReason: a refused call in the reader's words. A 403 the service worded in the page's
 * language (its Content-Language matched) says why, in English and French; one it did not (another
 * service, another language) keeps the portal's own words; a 409's detail is shown as the server wrote it.
 */
import { describe, expect, it } from 'vitest';
import { ServiceError, serviceReason } from '../../src/app/service/index';
import { translator } from '../../src/schemas/index';

describe('serviceReason', () => {
  it('a worded 403 says why, in English and French', () => {
    expect(
      serviceReason(translator('en'), new ServiceError(403, 'only administrators may do this', true)),
    ).toBe('your account may not do this: only administrators may do this');
    expect(
      serviceReason(
        translator('fr'),
        new ServiceError(403, 'seuls les administrateurs peuvent faire cela', true),
      ),
    ).toBe('votre compte n’a pas le droit de le faire : seuls les administrateurs peuvent faire cela');
  });

  it('a 403 whose detail is not in the page’s language keeps the portal’s words', () => {
    expect(serviceReason(translator('fr'), new ServiceError(403, 'only administrators may do this'))).toBe(
      'votre compte n’a pas le droit de le faire',
    );
  });

  it('a 409 shows the server’s detail inside the page’s sentence', () => {
    expect(serviceReason(translator('fr'), new ServiceError(409, 'la tâche j1 est réussie', true))).toBe(
      translator('fr')('portal.service.refused', { status: '409', detail: 'la tâche j1 est réussie' }),
    );
  });
});
