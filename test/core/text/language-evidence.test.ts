import { describe, expect, it } from 'vitest';
import { languageEvidence } from '../../../src/core/text/language-evidence.js';

describe('the words that tell a question’s language leave out the names it carries', () => {
  it('drops English names of several words, acronyms and years', () => {
    expect(languageEvidence('Kto finansuje Social Tech Academy?')).toBe('Kto finansuje');
    expect(languageEvidence('Gdzie odbędzie się NEC ESS 2026?')).toBe('Gdzie odbędzie się');
  });

  it('drops an English connector inside a name, and only there', () => {
    expect(languageEvidence('O SOGA ainda organiza o Tech for Good?')).toBe('O ainda organiza o');
    expect(languageEvidence('Who paid for the Mannheim trip?')).toBe('Who paid for the Mannheim trip?');
  });

  it('drops a name with an inner capital and a quoted title', () => {
    expect(languageEvidence('Czy HelloAsso wspiera « Libérer les organisations » w Polsce?')).toBe('Czy wspiera w Polsce?');
  });

  it('keeps a lone capitalised word (a German noun as likely as a name) and the first word of a sentence', () => {
    expect(languageEvidence('Wer leitet das Team in Brüssel?')).toBe('Wer leitet das Team in Brüssel?');
    expect(languageEvidence('Mannheim war der erste Gipfel?')).toBe('Mannheim war der erste Gipfel?');
  });

  it('keeps the whole question when too little would be left to read', () => {
    expect(languageEvidence('Deltog SOGA i Web Summit?')).toBe('Deltog SOGA i Web Summit?');
    expect(languageEvidence('NEC ESS 2025?')).toBe('NEC ESS 2025?');
  });
});
