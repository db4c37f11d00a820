/**
 * A refusal a page shows a person comes back in the caller's Accept-Language, against a real server
 * process on SQLite: the 403 of a scientist asking for the audit log, the 401 of nobody, the 404 of a
 * submission that is not there. `type` and `code` stay the same in every language (clients compare
 * them, never the words); without a language we have a catalogue for, the words are English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccounts, readServerConfig } from '../../../src/server/index';
import { repoRoot, type ServerProcess, startServerProcess } from '../serverProcess';

interface Problem {
  type: string;
  code?: string;
  title: string;
  detail: string;
  status: number;
}

describe('problem details in the caller’s language', () => {
  let dir: string;
  let server: ServerProcess;
  let scientist: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-problem-lang-'));
    const db = join(dir, 'formulary.sqlite');
    const { auth, close } = await openAccounts(readServerConfig(undefined, { db }, {}, repoRoot));
    await auth.addUser({ username: 'sci', proposals: ['IPTS-31204'] });
    scientist = (
      await auth.issueToken('sci', { label: 'test', scopes: ['read', 'submit'], expiresInDays: 1 })
    ).token;
    await close();
    server = await startServerProcess({ db });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { response, body: (await response.json()) as Problem };
  };
  const asScientist = (language?: string) => ({
    authorization: `Bearer ${scientist}`,
    ...(language === undefined ? {} : { 'accept-language': language }),
  });

  it('403: French with Accept-Language fr, the same type and code', async () => {
    const { response, body } = await ask('/api/audit', asScientist('fr-FR,fr;q=0.9,en;q=0.5'));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('content-language')).toBe('fr-FR');
    expect(response.headers.get('vary')).toContain('Accept-Language');
    expect(body).toMatchObject({
      type: 'https://formulary.dev/problems/forbidden',
      code: 'adminOnly',
      title: 'Non autorisé',
      detail: 'seuls les administrateurs peuvent faire cela',
      status: 403,
    });
  });

  it('403: English without Accept-Language, and for a language without a catalogue', async () => {
    for (const language of [undefined, 'de', 'en-GB']) {
      const { response, body } = await ask('/api/audit', asScientist(language));
      expect(response.status).toBe(403);
      expect(response.headers.get('content-language')).toBe(language === 'en-GB' ? 'en-GB' : 'en');
      expect(body).toMatchObject({
        type: 'https://formulary.dev/problems/forbidden',
        code: 'adminOnly',
        title: 'Not allowed',
        detail: 'only administrators may do this',
      });
    }
  });

  it('401 and 404 in French too; the English is the same sentences as before', async () => {
    const anonymous = await ask('/api/submissions', { 'accept-language': 'fr' });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      code: 'signIn',
      title: 'Connexion requise',
      detail: 'connectez-vous, ou envoyez un jeton d’API (Authorization: Bearer …)',
    });
    const missing = await ask('/api/submissions/nope', asScientist('fr'));
    expect(missing.response.status).toBe(404);
    expect(missing.body).toMatchObject({
      type: 'https://formulary.dev/problems/unknown-submission',
      code: 'unknownSubmission',
      title: 'Soumission inconnue',
      detail: 'aucune soumission « nope »',
    });
    const english = await ask('/api/submissions/nope', asScientist());
    expect(english.body).toMatchObject({ title: 'Unknown submission', detail: 'no submission "nope"' });
  });

  it('a problem without words (a 400 for a developer) stays English and has no code', async () => {
    const { response, body } = await ask('/api/submissions?cursor=garbage', asScientist('fr'));
    expect(response.status).toBe(400);
    expect(body.code).toBeUndefined();
    expect(body.title).toBe('Invalid cursor');
    expect(response.headers.get('content-language')).toBeNull();
  });
});
