/**
 * The linter's own sentences under --lang fr, as real processes (`node bin/formulary.js`): a default
 * that fails its field (default-invalid's value checker), an example whose schema cannot be found, a
 * translation that cannot be read and an expected-errors file of the wrong shape read in French with
 * no English left; `--format json` keeps them English for machines.
 */
import { describe, expect, test } from 'vitest';
import { spawnCli, tempProject } from './runCli';

const neutral = { FORMULARY_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };

/** English words of the linter's value checker and example messages; none may be left in French output. */
const english =
  /\b(is below|is above|is not one of|is not of type|shorter than|fewer than|is missing|no schema for|looked for|cannot read|expected errors|must be an array|invalid translation)\b/;

describe('linter findings in French (real processes)', { timeout: 180_000 }, () => {
  test('default-invalid names why a default fails, in French stylish output and English JSON', () => {
    const dir = tempProject({
      'bad.schema.json': {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          thickness: { type: 'number', minimum: 0.1, 'x-units': 'cm', default: 0.05 },
          mode: { type: 'string', enum: ['linear', 'log'], default: 'cubic' },
          name: { type: 'string', minLength: 3, default: 'ab' },
          runs: { type: 'array', items: { type: 'integer' }, minItems: 2, default: [1] },
          sample: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string' } },
            default: {},
          },
        },
      },
    });
    const french = spawnCli(['--lang', 'fr', 'lint', 'bad.schema.json'], dir, neutral);
    expect(french.code).toBe(1);
    const out = french.stdout;
    expect(out).toContain(
      'la valeur par défaut échoue à son propre champ : 0.05 est en dessous du minimum 0.1',
    );
    expect(out).toContain('"cubic" ne fait pas partie de "linear", "log"');
    expect(out).toContain('"ab" fait moins de 3 caractères');
    expect(out).toContain('[1] a moins de 2 éléments');
    expect(out).toContain('la propriété obligatoire « id » manque');
    expect(out).not.toMatch(english);
    const json = spawnCli(['--lang', 'fr', 'lint', '--format', 'json', 'bad.schema.json'], dir, neutral);
    expect(json.stdout).toContain('0.05 is below the minimum 0.1');
    expect(json.stdout).toContain('\\"ab\\" is shorter than 3 characters');
  });

  test('an example without its schema and a misshapen expected-errors file are French', () => {
    const dir = tempProject({
      'examples/nowhere/request.json': { a: 1 },
      'examples/tiny/invalid-x.json': { a: 1 },
      'examples/tiny/invalid-x.expected.json': { pointer: '/a' },
      'examples/tiny.schema.json': { type: 'object', properties: { a: { type: 'number' } } },
    });
    const run = spawnCli(
      ['--lang', 'fr', 'lint', 'examples/nowhere/request.json', 'examples/tiny/invalid-x.json'],
      dir,
      neutral,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('aucun schéma pour cet exemple : cherché ');
    expect(run.stdout).toContain('src/schemas/instruments/nowhere.schema.json');
    expect(run.stdout).toContain('erreurs attendues : doit être une liste de {pointer, rule}');
    expect(run.stdout).not.toMatch(english);
    const inEnglish = spawnCli(['lint', 'examples/nowhere/request.json'], dir, neutral);
    expect(inEnglish.stdout).toContain('no schema for this example: looked for ');
  });

  test('a translation that cannot be read is a French load-error finding', () => {
    const dir = tempProject({
      'tiny.schema.json': { type: 'object', properties: { a: { type: 'number', 'x-units': 'mm' } } },
      'formulary.config.json': { translations: { 'tiny.schema.json': ['tiny.de.json'] } },
    });
    const run = spawnCli(['--lang', 'fr', 'lint', 'tiny.schema.json'], dir, neutral);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/tiny\.de\.json.*impossible de lire la traduction : /);
    expect(run.stdout).not.toMatch(english);
  });
});
