/** lessInformativeReason on made-up direct answers: the values of the direct sentence, compared as values. */
import { describe, expect, it } from 'vitest';
import { directValue, lessInformativeReason, type InformativeInput } from '../../../src/core/answer/as-informative.js';
import { Messages } from '../../../src/core/i18n.js';
import de from '../../../prompts/locales/de.json' with { type: 'json' };
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const messages = new Messages({ en, fr, de });
const t: InformativeInput['t'] = (lang, key, vars) => messages.t(lang, key, vars);
const PASSAGE = 'Le troisième CoopFest s’est tenu à Nantes les 14 et 15 juin 2024. Il a accueilli 2 300 participants et 85 exposants venus de 9 régions.';

function reason(question: string, lang: 'en' | 'de' | 'fr', direct: string | null, answer: string, cited = ['a']) {
  return lessInformativeReason({ answer, direct, question, lang, t, passageTexts: [PASSAGE], generatedChunkIds: cited, extractiveFirstChunkId: 'a' });
}

describe('the value of a direct sentence is read through its catalog template', () => {
  it('leaves out the relative time, the article date and the markers', () => {
    expect(directValue(t('en', 'directDate', { value: 'June 14–15, 2024', relative: '2 years ago', n: 1 }), 'en', t)).toBe('June 14–15, 2024');
    expect(directValue(t('fr', 'directAnnounced', { value: '3 mars 2027', relative: 'dans 3 mois', n: 2, article: 'article du 1 décembre 2026' }), 'fr', t)).toBe('3 mars 2027');
    expect(directValue(t('de', 'directValue', { value: '2.300', n: 1 }), 'de', t)).toBe('2.300');
  });

  it('is null for a sentence that is not a direct answer', () => {
    expect(directValue('Something else entirely.', 'en', t)).toBeNull();
  });
});

describe('a generated answer must state every value of the direct answer', () => {
  it('a number it drops makes it less informative', () => {
    expect(reason('How many participants came to the third CoopFest?', 'en', 'In short: 2,300 [1].', 'The third CoopFest gathered 85 exhibitors from 9 regions [1].')).toBe(
      'answer is less informative than the extractive one: it does not state "2,300"',
    );
  });

  it('the same number in German digits is the same value', () => {
    expect(reason('Wie viele Teilnehmer hatte das dritte CoopFest?', 'de', 'Kurz: 2 300 [1].', 'Das dritte CoopFest hatte 2.300 Teilnehmer [1].')).toBeNull();
  });

  it('a place it drops, and the same place in its English spelling', () => {
    expect(reason('Where did the workshop take place?', 'en', 'In short: Lisbonne [1].', 'The workshop took place in Portugal [1].')).toMatch(/does not state "Lisbonne"/);
    expect(reason('Where did the workshop take place?', 'en', 'In short: Lisbonne [1].', 'The workshop took place in Lisbon [1].')).toBeNull();
  });

  it('a year instead of the days is less; the days in another language are the same', () => {
    const direct = 'En bref : les 14 et 15 juin 2024 (il y a 2 ans) [1].';
    expect(reason('Quand a eu lieu le CoopFest ?', 'fr', direct, 'Le CoopFest a eu lieu en 2024 [1].')).toMatch(/does not state the date 14–15\/6\/2024/);
    expect(reason('Wann war das CoopFest?', 'de', direct, 'Das CoopFest war am 14. und 15. Juni 2024 [1].')).toBeNull();
  });

  it('a name may be given in full or as its acronym', () => {
    expect(reason('Who organised the forum?', 'en', 'In short: Social Good Accelerator [1].', 'It was organised by the SOGA [1].')).toBeNull();
    expect(reason('Who organised the forum?', 'en', 'In short: NEC [1].', 'It was organised by the Network of Cooperative Enterprises [1].')).toBeNull();
    expect(reason('Who organised the forum?', 'en', 'In short: Social Good Accelerator [1].', 'It was organised by the ESS France [1].')).toMatch(/does not state "Social Good Accelerator"/);
  });

  it('the question’s own year and names need not be repeated', () => {
    expect(reason('Combien de participants au CoopFest 2024 ?', 'fr', 'En bref : 2 300 participants au CoopFest 2024 [1].', 'Il y en a eu 2 300 [1].')).toBeNull();
  });
});

describe('an open question: the generated answer must cite the passage the extractive answer quotes first', () => {
  it('citing it passes, citing only others does not', () => {
    expect(reason('What does the network plead for?', 'en', null, 'Stable public funding [1].', ['a', 'b'])).toBeNull();
    expect(reason('What does the network plead for?', 'en', null, 'Stable public funding [1].', ['b'])).toMatch(/does not cite the passage that answers best/);
  });

  it('a question that asks for a kind of value is left to the claim checks', () => {
    expect(reason('When did the network plead for it?', 'en', null, 'In 2022 [1].', ['b'])).toBeNull();
  });
});
