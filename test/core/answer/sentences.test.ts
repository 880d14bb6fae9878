import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/answer/sentences.js';
import { answerTypeMatch } from '../../../src/core/answer/answer-type.js';

describe('sentences keep a title of address with the name it introduces', () => {
  it('does not end a sentence at "M." before a name, and keeps the text as written', () => {
    const text = 'Le guide a été écrit avec nos partenaires, en particulier M. Paul Lemoine, qui nous a accordé un entretien. Le comité a suivi ses conseils.';
    expect(splitSentences(text, 'fr')).toEqual(['Le guide a été écrit avec nos partenaires, en particulier M. Paul Lemoine, qui nous a accordé un entretien.', 'Le comité a suivi ses conseils.']);
  });
  it('still ends a sentence at a full stop after an ordinary word', () => {
    expect(splitSentences('Le forum a eu lieu à Lyon. Marie Dupont l’a ouvert.', 'fr')).toEqual(['Le forum a eu lieu à Lyon.', 'Marie Dupont l’a ouvert.']);
  });
  it('reads the name after the title as a person for a "who" question', () => {
    expect(answerTypeMatch('en particulier M. Paul Lemoine, qui nous a accordé un entretien', new Set(['person']))).toBe(1);
  });
});
