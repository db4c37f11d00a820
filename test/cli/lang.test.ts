/**
 * The CLI in another language, as real processes (`node bin/formulary.js`): --lang fr (anywhere on the
 * line) and LANG=fr_FR.UTF-8 give French help, usage lines and counts; English stays the default; a
 * language without a catalogue is a usage error naming the ones there are.
 */
import { describe, expect, test } from 'vitest';
import { repoRoot, spawnCli, tempProject } from './runCli';

/** An environment that says nothing about the language, so only what a test sets decides it. */
const neutral = { FORMULARY_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

describe('formulary in French (real processes)', { timeout: 180_000 }, () => {
  test('--lang fr before or after the command gives French help; English without it', () => {
    const main = spawnCli(['--lang', 'fr', '--help'], repoRoot, neutral);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Utilisation : formulary <commande> \[options\]/);
    expect(main.stdout).toContain('--lang LANGUE');
    const lint = spawnCli(['lint', '--help', '--lang=fr'], repoRoot, neutral);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^Utilisation : formulary lint/);
    // The ICU-quoted braces come out as they are written.
    expect(lint.stdout).toContain('([{"pointer", "rule"}])');
    const english = spawnCli(['lint', '--help'], repoRoot, neutral);
    expect(english.stdout).toMatch(/^Usage: formulary lint/);
    expect(english.stdout).toContain('([{"pointer", "rule"}])');
  });

  test('LANG=fr_FR.UTF-8 alone makes the usage lines French; --lang en wins over it', () => {
    const french = spawnCli(['nope'], repoRoot, { ...neutral, LANG: 'fr_FR.UTF-8' });
    expect(french.code).toBe(2);
    expect(french.stderr).toMatch(/^formulary : commande inconnue « nope »\n\nUtilisation :/);
    const usage = spawnCli(['lint', '--format', 'xml'], repoRoot, { ...neutral, LANG: 'fr_FR.UTF-8' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Lancez « formulary lint --help » pour l’utilisation.');
    const english = spawnCli(['--lang', 'en', 'nope'], repoRoot, { ...neutral, LANG: 'fr_FR.UTF-8' });
    expect(english.stderr).toMatch(/^formulary: unknown command "nope"\n\nUsage:/);
  });

  test('lint and validate counts in French with --lang fr', () => {
    const run = spawnCli(
      [
        'validate',
        '--lang',
        'fr',
        'src/schemas/instruments/eqsans.schema.json',
        'examples/eqsans/invalid-qrange-slicing-limits.json',
      ],
      repoRoot,
      neutral,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('doit être inférieur à Q max (0,45 1/Å)');
    expect(run.stdout).toMatch(/\n\d+ erreurs?, 0 avertissement\n$/);
  });

  test('lint findings in French in stylish output; JSON stays English for machines', () => {
    const dir = tempProject({
      'tiny.schema.json': {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: {
          a: { type: 'string', title: 'Name', default: '', maxLenght: 3 },
          b: { type: 'string', title: 'Name', default: '' },
        },
      },
    });
    const french = spawnCli(['lint', 'tiny.schema.json', '--lang', 'fr'], dir, neutral);
    expect(french.code).toBe(0);
    expect(french.stdout).toContain('mot-clé inconnu « maxLenght » : vouliez-vous dire « maxLength » ?');
    expect(french.stdout).toContain('le libellé « Name » de /b répète celui de /a dans la même section');
    expect(french.stdout).toMatch(/\n0 erreur, 2 avertissements\n$/);
    const json = spawnCli(['lint', 'tiny.schema.json', '--lang', 'fr', '--format', 'json'], dir, neutral);
    expect(json.stdout).toContain('unknown keyword \\"maxLenght\\": did you mean \\"maxLength\\"?');
    const english = spawnCli(['lint', 'tiny.schema.json'], dir, neutral);
    expect(english.stdout).toContain('unknown keyword "maxLenght": did you mean "maxLength"?');
  });

  test('a language without a catalogue is a usage error that names the known ones', () => {
    const run = spawnCli(['--lang', 'xx', 'lint'], repoRoot, neutral);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('formulary: --lang: no catalogue for "xx"; known: en, fr\n');
    expect(run.stdout).toBe('');
    const missing = spawnCli(['lint', '--lang'], repoRoot, neutral);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--lang needs a language');
  });
});
