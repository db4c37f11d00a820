/**
 * jobStateWord: every job state in the catalogue's words of the reader's language (the portal's chips,
 * its state filter and the embed's live status all ask it), and a state this page does not know kept
 * as the server names it.
 */
import { describe, expect, it } from 'vitest';
import { JOB_STATES, jobStateWord } from '../../../src/forms/index';
import { translator } from '../../../src/schemas/index';

describe('jobStateWord', () => {
  it('words each state in English', () => {
    const t = translator('en');
    expect(JOB_STATES.map((s) => jobStateWord(t, s))).toEqual([
      'queued',
      'running',
      'succeeded',
      'failed',
      'cancelled',
      'timed out',
      'interrupted',
    ]);
  });

  it('words each state in French', () => {
    const t = translator('fr');
    expect(JOB_STATES.map((s) => jobStateWord(t, s))).toEqual([
      'en file',
      'en cours',
      'réussie',
      'échouée',
      'annulée',
      'délai dépassé',
      'interrompue',
    ]);
  });

  it('keeps a state it does not know as the server sent it', () => {
    expect(jobStateWord(translator('fr'), 'paused')).toBe('paused');
  });
});
