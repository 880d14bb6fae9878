import { describe, expect, it } from 'vitest';
import { infinitiveCandidates, splitCompound } from '../../../src/core/text/word-forms.js';

describe('infinitives of German and Dutch participles and past tenses', () => {
  it('undoes the "ge" of a participle, after a separable particle too', () => {
    expect(infinitiveCandidates('eingeladen', 'de')[0]).toBe('einladen');
    expect(infinitiveCandidates('gegrundet', 'de')).toContain('grunden');
    expect(infinitiveCandidates('opgericht', 'nl')).toContain('oprichten');
  });

  it('reads a weak past tense and an -iert participle back to the infinitive', () => {
    expect(infinitiveCandidates('diskutierte', 'de')).toContain('diskutieren');
    expect(infinitiveCandidates('finanziert', 'de')).toContain('finanzieren');
  });

  it('writes a doubled Dutch vowel single again before "en"', () => {
    expect(infinitiveCandidates('speelde', 'nl')).toContain('spelen');
    expect(infinitiveCandidates('georganiseerd', 'nl')).toContain('organiseren');
  });

  it('proposes nothing for other languages', () => {
    expect(infinitiveCandidates('presentato', 'it')).toEqual([]);
    expect(infinitiveCandidates('organised', 'en')).toEqual([]);
  });
});

describe('splitting a compound into words a dictionary knows', () => {
  const known = (words: string[]) => (w: string) => words.includes(w);

  it('finds the modifier and the head, across a linking "s"', () => {
    expect(splitCompound('arbeitsmarkt', 'de', known(['arbeit', 'markt']))).toEqual(['arbeit', 'markt']);
    expect(splitCompound('jahresbericht', 'de', known(['jahr', 'bericht']))).toEqual(['jahr', 'bericht']);
    expect(splitCompound('boekenkast', 'nl', known(['boek', 'kast']))).toEqual(['boek', 'kast']);
  });

  it('prefers the longest head', () => {
    expect(splitCompound('wasserkraftwerk', 'de', known(['wasser', 'kraftwerk', 'wasserkraft', 'werk']))).toEqual(['wasser', 'kraftwerk']);
  });

  it('leaves alone a word no split explains, short parts, and languages without such compounds', () => {
    expect(splitCompound('xylophonbau', 'de', known(['bau']))).toBeNull();
    expect(splitCompound('abcdefg', 'de', known(['abc', 'defg']))).toBeNull();
    expect(splitCompound('arbeitsmarkt', 'fr', known(['arbeit', 'markt']))).toBeNull();
  });
});
