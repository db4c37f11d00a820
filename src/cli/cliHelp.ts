/**
 * The CLI's help texts, from the message catalogues (keys `help.<command>`) in the CLI's language
 * (cliLocale: --lang, FORMULARY_LANG, LANG). Each help is one message, so a translator sees the whole
 * page with its alignment; literal braces in it are quoted ICU-style ('{...}').
 */
import { translate } from '../schemas/index';
import { cliLocale } from './cliLocale';

/** The commands with a help text: `help.main` is the command list. */
export type HelpName =
  | 'main'
  | 'lint'
  | 'validate'
  | 'defaults'
  | 'inspect'
  | 'preview'
  | 'serve'
  | 'worker'
  | 'users';

/** The help of `name` in `locale` (default: the CLI's language). */
export function helpText(name: HelpName, locale: string = cliLocale()): string {
  return translate(locale, `help.${name}`);
}
