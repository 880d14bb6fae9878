import { describe, expect, it } from 'vitest';
import { asksFounding, foundingForms } from '../../../src/core/text/founding-words.js';
import { normalizeText } from '../../../src/core/text/normalize.js';

describe('a founding asked in other words than the articles tell it with', () => {
  it('reads "created", "established", "créé", "creó", "ins Leben" nouns and verbs as asking about a founding', () => {
    for (const w of ['created', 'established', 'cree', 'creation', 'creo', 'criado', 'grundung', 'oprichting', 'fondazione']) expect(asksFounding(w)).toBe(true);
    expect(asksFounding('organised')).toBe(false);
  });
  it('reads the founding words of the languages without a dictionary (Polish, Greek, Lithuanian…), folded as questions are', () => {
    for (const w of ['założono', 'grundades', 'perustettiin', 'înființat', 'ιδρύθηκε', 'osnovan', 'основан', 'įkūrė']) expect(asksFounding(normalizeText(w))).toBe(true);
    expect(foundingForms(normalizeText('założono'))).toContain('fonde');
    expect(asksFounding(normalizeText('konferencja'))).toBe(false);
  });
  it('reads a co-founder as asking about a founding ("Mitgründerin", "cofundadora", "medeoprichter")', () => {
    for (const w of ['mitgrunderin', 'cofundadora', 'cofondatore', 'medeoprichter']) expect(foundingForms(w)).toContain('cofondatrice');
  });
  it('searches the verbs and nouns a founding is told with, not words said of anything made', () => {
    const forms = foundingForms('created');
    expect(forms).toEqual(expect.arrayContaining(['fonde', 'founded', 'fondatrice', 'gegrundet']));
    // "créé", "launched" are said of platforms and workshops too; "fondation" is also the name "Fondation de France".
    for (const w of ['cree', 'launched', 'fondation']) expect(forms).not.toContain(w);
    expect(foundingForms('fonde')).not.toContain('fonde');
    expect(foundingForms('summit')).toEqual([]);
  });
});
