/**
 * The language of the CLI's human output (stylish counts, "valid", validation messages): FORMULARY_LANG,
 * else the POSIX locale (LC_ALL, LC_MESSAGES, LANG: "fr_FR.UTF-8" is French), else English. JSON,
 * SARIF and GitHub output keep the rule ids and stay as they are for machines.
 */

/** A BCP 47 tag from the environment, or 'en' ("C" and "POSIX" are English). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.FORMULARY_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = raw.split('.')[0]!.split('@')[0]!.replace('_', '-');
  if (tag === '' || tag === 'C' || tag === 'POSIX') return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
