/**
 * translate() remembers formatted messages (a list's rows ask for the same words on every render):
 * the memo must never give one call's text to another, nor outlive a catalogue change.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLocale, registerCatalogue, translate } from '../../../src/schemas/index';

describe('translate memo', () => {
  it('gives each argument value its own text, in each language', () => {
    expect(translate('fr', 'paste.selectRow', { row: 3 })).toBe('Sélectionner la ligne 3');
    expect(translate('fr', 'paste.selectRow', { row: 4 })).toBe('Sélectionner la ligne 4');
    expect(translate('fr', 'paste.selectRow', { row: 3 })).toBe('Sélectionner la ligne 3');
    expect(translate('en', 'paste.selectRow', { row: 3 })).toBe('Select row 3');
    // A number and the string of its digits are different arguments (plural rules differ).
    expect(translate('en', 'paste.copyRows', { count: 1 })).toBe('Copy 1 row');
    expect(translate('en', 'paste.copyRows', { count: 2 })).toBe('Copy 2 rows');
  });

  it('forgets what it remembered when a catalogue changes', () => {
    registerCatalogue('xx', { 'paste.undo': 'one' });
    expect(translate('xx', 'paste.undo')).toBe('one');
    registerCatalogue('xx', { 'paste.undo': 'two' });
    expect(translate('xx', 'paste.undo')).toBe('two');
  });

  it('canonicalises a tag once and still refuses a bad one', () => {
    expect(normalizeLocale('FR-ch')).toBe('fr-CH');
    expect(normalizeLocale('FR-ch')).toBe('fr-CH');
    expect(normalizeLocale('not a tag!')).toBe('en');
    expect(normalizeLocale(undefined)).toBe('en');
  });
});
