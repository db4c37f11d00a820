/**
 * The language of the CLI's human output (help, stylish counts, "valid", lint and validation
 * messages): the global --lang option, else FORMULARY_LANG, else the POSIX locale (LC_ALL,
 * LC_MESSAGES, LANG: "fr_FR.UTF-8" is French), else English. JSON, SARIF and GitHub output keep the
 * rule ids and stay as they are for machines.
 */
import { catalogueLanguages } from '../schemas/index';
import { UsageError } from './UsageError';

let chosen: string | undefined;

/** A BCP 47 tag from the environment, or 'en' ("C" and "POSIX" are English). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): string {
  if (chosen !== undefined) return chosen;
  const raw = env.FORMULARY_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = raw.split('.')[0]!.split('@')[0]!.replace('_', '-');
  if (tag === '' || tag === 'C' || tag === 'POSIX') return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Takes --lang TAG / --lang=TAG out of the arguments (it may stand anywhere, for every command) and
 * makes TAG the CLI's language. A language without a catalogue is a usage error naming the ones there
 * are: asked for by name, it should not silently fall back to English (LANG may, it is set for
 * everything on the machine).
 */
export function takeLangOption(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--lang') {
      value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw new UsageError('usage.langMissing');
    } else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      rest.push(arg);
      continue;
    }
    const known = catalogueLanguages();
    const language = value.toLowerCase().replace('_', '-');
    if (!known.includes(language) && !known.includes(language.split('-')[0]!))
      throw new UsageError('usage.langUnknown', { value, known: known.join(', ') });
    chosen = Intl.getCanonicalLocales(language)[0] ?? 'en';
  }
  return rest;
}
