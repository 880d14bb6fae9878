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

describe('a founding asked in a phrase', () => {
  it('reads "set up", "who started", "ins Leben gerufen", "puso en marcha" as asking about a founding', async () => {
    const { foundingWordsIn } = await import('../../../src/core/text/founding-words.js');
    expect([...foundingWordsIn('Who set up the Lyon food cooperative?')]).toEqual(['set', 'up']);
    expect([...foundingWordsIn('Who started the Lyon food cooperative?')]).toEqual(['started']);
    expect([...foundingWordsIn('Wer hat die Genossenschaft ins Leben gerufen?')]).toEqual(['leben', 'gerufen']);
    expect([...foundingWordsIn('¿Quién puso en marcha la cooperativa?')]).toEqual(['marcha']);
    expect([...foundingWordsIn('¿Quiénes crearon la cooperativa?')]).toEqual(['crearon']);
    // "start" of an event is no founding, nor "set" without "up".
    expect(foundingWordsIn('When did the Lyon workshop start?').size).toBe(0);
    expect(foundingWordsIn('Who set the agenda of the workshop?').size).toBe(0);
  });

  it('reads "who is behind", "kdo stojí za", "wer steckt hinter" as asking who founded it', async () => {
    const { foundingWordsIn } = await import('../../../src/core/text/founding-words.js');
    expect([...foundingWordsIn('Who is behind the Lyon food cooperative?')]).toEqual(['behind']);
    expect([...foundingWordsIn('Kdo stojí za potravinovým družstvem?')]).toEqual(['stoji']);
    expect([...foundingWordsIn('Wer steckt hinter der Genossenschaft?')]).toEqual(['steckt', 'hinter']);
    expect([...foundingWordsIn('Wie zit er achter de coöperatie?')]).toEqual(['achter']);
    // Standing behind a stall is no founding.
    expect(foundingWordsIn('Where was the stall behind the town hall?').size).toBe(0);
  });
});
