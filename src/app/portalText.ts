/**
 * The portal's own words, from the message catalogues (src/schemas/i18n/messages, keys "portal.…"),
 * in the page's language (<html lang>), English when the catalogue has no such language.
 */
import { type MessageValues, translate } from '../schemas/index';

export function portalText(key: string, values?: MessageValues): string {
  return translate(document.documentElement.lang || 'en', key, values);
}
