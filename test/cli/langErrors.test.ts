/**
 * Usage errors and schema load errors under --lang fr, as real processes (`node bin/formulary.js`):
 * a wrong flag, a bad option value, a missing file and a schema that is not JSON read in French, with
 * the places (file:line:col) kept; JSON output stays English for machines.
 */
import { describe, expect, test } from 'vitest';
import { repoRoot, spawnCli, tempProject } from './runCli';

const neutral = { FORMULARY_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

describe('usage and load errors in French (real processes)', { timeout: 180_000 }, () => {
  test('a wrong flag, a bad value and a missing argument are French usage errors (exit 2)', () => {
    const unknown = spawnCli(['--lang', 'fr', 'lint', '--colour', 'x.json'], repoRoot, neutral);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^formulary lint : option inconnue « --colour »|^formulary lint: option inconnue « --colour »/,
    );
    const value = spawnCli(
      ['--lang', 'fr', 'lint', '--max-warnings', 'beaucoup', 'x.json'],
      repoRoot,
      neutral,
    );
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--max-warnings doit être un nombre entier ≥ 0 (reçu « beaucoup »)');
    const missing = spawnCli(['--lang', 'fr', 'validate', 'only-one.json'], repoRoot, neutral);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('donnez exactement un fichier SCHÉMA et un fichier DEMANDE');
    const noMatch = spawnCli(['--lang', 'fr', 'lint', 'nowhere/*.schema.json'], repoRoot, neutral);
    expect(noMatch.code).toBe(2);
    expect(noMatch.stderr).toContain('aucun fichier ne correspond à "nowhere/*.schema.json"');
    for (const run of [unknown, value, missing, noMatch])
      expect(run.stderr).not.toMatch(/\b(must|give|no files|Unknown)\b/);
    // English without --lang.
    const english = spawnCli(['lint', '--colour', 'x.json'], repoRoot, neutral);
    expect(english.stderr).toContain('unknown option "--colour"');
  });

  test('a schema that does not load is a French finding in stylish output, English in JSON', () => {
    const dir = tempProject({ 'broken.schema.json': '{\n  "type": "object",\n  "properties": {,\n}\n' });
    const stylish = spawnCli(['--lang', 'fr', 'lint', 'broken.schema.json'], dir, neutral);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toMatch(
      /broken\.schema\.json n’est pas du JSON valide : \w+ à la ligne 3, colonne \d+/,
    );
    expect(stylish.stdout).not.toContain('is not valid JSON');
    const json = spawnCli(['--lang', 'fr', 'lint', '--format', 'json', 'broken.schema.json'], dir, neutral);
    expect(json.stdout).toContain('is not valid JSON');

    const request = spawnCli(['--lang', 'fr', 'validate', 'broken.schema.json', 'absent.json'], dir, neutral);
    expect(request.code).toBe(1);
    expect(request.stderr).toContain('absent.json : demande introuvable');
    const withRequest = tempProject({ 'request.json': {} });
    const validate = spawnCli(
      ['--lang', 'fr', 'validate', 'absent.schema.json', 'request.json'],
      withRequest,
      neutral,
    );
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('Impossible de lire le schéma');
    expect(validate.stdout + validate.stderr).toContain('fichier introuvable');
  });
});
