/**
 * The message catalogues are complete and used: every key the code names (t('…'), say('…'),
 * translate(locale, '…'), the server's problem.* words, dynamic `prefix.${…}` keys by their prefix)
 * is in English; every other
 * language in src/schemas/i18n/messages (each file there, so a language added later is checked too) has
 * every English key, with the same arguments; French is not English left untranslated; every message
 * parses as ICU MessageFormat. A key added to the code without its catalogue entries fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '../../../src/schemas/i18n/messages/en.json';
import fr from '../../../src/schemas/i18n/messages/fr.json';

const english: Record<string, string> = en;
const french: Record<string, string> = fr;

const messagesDir = 'src/schemas/i18n/messages';
/** Every catalogue but English, by language: the files a facility ships, read as they are. */
const otherLanguages: [string, Record<string, string>][] = readdirSync(messagesDir)
  .filter((name) => name.endsWith('.json') && name !== 'en.json')
  .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(messagesDir, name), 'utf8'))]);

/** Key namespaces: a string literal starting with one of these is a message key. */
const namespaces = [
  'coerce',
  'validate',
  'rule',
  'union',
  'limits',
  'widget',
  'form',
  'import',
  'mismatch',
  'search',
  'embed',
  'draft',
  'cli',
  'paste',
  'preview',
  'portal',
  'linter',
  'help',
  'listTable',
  'usage',
  'load',
  'problem',
];

/** Words that are the same in French (technical terms, a bare pattern). */
const sameInFrench = new Set([
  'form.sections',
  'limits.rangeAndSteps',
  'portal.instrument',
  'portal.instrumentOption',
  'portal.roles',
  'portal.sort.instrument',
  'validate.format.date',
  'validate.format.uri',
  'validate.format.uuid',
  'widget.runs.count',
  'portal.audit.action',
  'portal.audit.filter',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Message keys named in the source: literal ones, and the fixed prefix of template ones. */
function keysInCode(): { literal: Map<string, string>; prefixes: Map<string, string> } {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const ns = namespaces.join('|');
  const quoted = new RegExp(`['"]((?:${ns})\\.[A-Za-z0-9.-]+)['"]`, 'g');
  const template = new RegExp(`\`((?:${ns})\\.[A-Za-z0-9.-]*)\\$\\{`, 'g');
  for (const dir of [
    'src/schemas',
    'src/widgets',
    'src/forms',
    'src/embed',
    'src/cli',
    'src/app',
    'src/preview',
    'src/server',
  ]) {
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(quoted)) literal.set(m[1]!, file);
      for (const m of text.matchAll(template)) prefixes.set(m[1]!, file);
    }
  }
  return { literal, prefixes };
}

/** The argument names of an ICU message, sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>): void => {
    for (const e of elements) {
      if (e.type !== TYPE.literal && e.type !== TYPE.pound) names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select)
        for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

describe('message catalogues', () => {
  const { literal, prefixes } = keysInCode();

  it('finds the keys the code uses (the scan itself works)', () => {
    expect(literal.size).toBeGreaterThan(150);
    expect(literal.has('form.submit')).toBe(true);
    expect(prefixes.has('validate.type.')).toBe(true);
  });

  it('has every key the code names in English', () => {
    const missing = [...literal]
      .filter(([key]) => !(key in english))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has English keys under every dynamic prefix the code builds', () => {
    const empty = [...prefixes].filter(([prefix]) => !Object.keys(english).some((k) => k.startsWith(prefix)));
    expect(empty).toEqual([]);
  });

  it('reads every language file (the per-language checks below run on each)', () => {
    expect(otherLanguages.map(([lang]) => lang)).toContain('fr');
  });

  it.each(otherLanguages)('has %s for every English key and nothing else', (_lang, messages) => {
    expect(Object.keys(english).filter((k) => !(k in messages))).toEqual([]);
    expect(Object.keys(messages).filter((k) => !(k in english))).toEqual([]);
  });

  it('has no English left in the French catalogue', () => {
    const untranslated = Object.keys(english).filter((k) => french[k] === english[k] && !sameInFrench.has(k));
    expect(untranslated).toEqual([]);
  });

  it.each(otherLanguages)(
    'parses every %s message as ICU MessageFormat, with the arguments of English',
    (_l, messages) => {
      for (const [key, message] of Object.entries(english)) {
        const want = argumentsOf(message);
        expect({ key, args: argumentsOf(messages[key] ?? '') }).toEqual({ key, args: want });
      }
    },
  );

  it('leaves no English key unused', () => {
    const used = (key: string) => literal.has(key) || [...prefixes.keys()].some((p) => key.startsWith(p));
    expect(Object.keys(english).filter((k) => !used(k))).toEqual([]);
  });
});
