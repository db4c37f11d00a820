/**
 * Why a call to the service failed, in the reader's language: a refusal is worded by its HTTP status
 * from the catalogue; a status with no words of ours shows the server's own detail (which a Formulary
 * service words in the page's language), a 403 adds it when it is in the page's language, and a
 * network failure is "unreachable" rather than the browser's "Failed to fetch".
 */
import type { Translator } from '../../schemas/index';
import { ServiceError } from './ServiceError';

/** The reason a service call failed, as a clause ("it does not exist, or you may not see it"). */
export function serviceReason(t: Translator, cause: unknown): string {
  if (cause instanceof ServiceError) {
    if (cause.status === 401) return t('portal.service.signedOut');
    // The service says why in the page's language (Content-Language): the reason is worth reading.
    if (cause.status === 403)
      return cause.worded
        ? t('portal.service.forbiddenBecause', { detail: cause.detail })
        : t('portal.service.forbidden');
    if (cause.status === 404) return t('portal.service.missing');
    if (cause.status >= 500) return t('portal.service.failed', { status: String(cause.status) });
    return t('portal.service.refused', { status: String(cause.status), detail: cause.detail });
  }
  // fetch rejects with a TypeError when no answer came (server down, network, CORS).
  if (cause instanceof TypeError) return t('portal.service.unreachable');
  // Anything else is a bug's own message: shown as it is, since nothing of ours can word it better.
  return cause instanceof Error ? cause.message : String(cause);
}
