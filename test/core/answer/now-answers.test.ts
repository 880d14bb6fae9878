/**
 * Answers to questions asked today about what the articles reported on their date: "can I still
 * register?" of a past date is "no, that date is past", and "is it still so?" is answered with what the
 * articles said and when, never as today's state. The passages below are not from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { answerExtractively } from '../../../src/core/answer/extractive-answer.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import { Messages } from '../../../src/core/i18n.js';
import { normalizeText } from '../../../src/core/text/normalize.js';
import type { FusedHit, LanguageCode } from '../../../src/core/types.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import de from '../../../prompts/locales/de.json' with { type: 'json' };

const messages = new Messages({ en, fr, de });
const TODAY = new Date('2026-12-06T12:00:00Z');

const passage = (docId: string, date: string, title: string, text: string): FusedHit => ({
  chunk: { id: `${docId}#0`, docId, title, source: `${docId}.md`, lang: 'fr', date, position: 0, section: null, text },
  score: 0.03,
  ranks: {},
  signals: {},
  coverage: 1,
});

const FORUM = passage(
  'forum',
  '2024-02-01',
  'Forum Solidaire de Lyon 2024',
  'Le Forum Solidaire de Lyon réunira les acteurs de l’ESS le 12 mars 2024 au Palais de la Mutualité. Les inscriptions sont ouvertes en ligne.',
);
const COOPEDIA = passage('coopedia', '2022-05-06', 'Coopedia, un commun numérique', 'Coopedia recense plus de 1 500 ressources éducatives sur l’entrepreneuriat coopératif, en douze langues.');
const RECENT = passage('recent', '2026-11-20', 'Coopedia en 2026', 'Coopedia recense désormais plus de 3 000 ressources éducatives sur l’entrepreneuriat coopératif.');

function answer(question: string, lang: LanguageCode, hits: FusedHit[]) {
  const langs: LanguageCode[] = [lang, 'fr'];
  const texts = hits.map((h) => normalizeText(`${h.chunk.title} ${h.chunk.text}`));
  const stats = { total: texts.length + 40, df: (w: string) => texts.filter((t) => t.split(/[^\p{L}\p{N}]+/u).includes(w)).length };
  const terms = weightedTopicTerms(question, lang, langs, stats);
  const result = answerExtractively({ messages, question, lang, usable: hits, passages: hits, terms, langs, today: TODAY });
  if ('notFound' in result) throw new Error(result.reason);
  return result;
}

describe('"can I still register?" of a date now past', () => {
  it('says that the date is past, with how long ago, in the member’s language', () => {
    expect(answer('Can I still register for the Forum Solidaire de Lyon?', 'en', [FORUM]).direct).toBe('No: that date is past — March 12, 2024 (2 years ago) [1].');
    expect(answer('Kann ich mich noch für das Forum Solidaire de Lyon anmelden?', 'de', [FORUM]).direct).toBe('Nein: dieser Termin ist vorbei — 12. März 2024 (vor 2 Jahren) [1].');
  });

  it('states the date as usual when the question asks when, not whether it is too late', () => {
    expect(answer('When is the Forum Solidaire de Lyon?', 'en', [FORUM]).direct).toBe('In short: March 12, 2024 (2 years ago) [1].');
  });
});

describe('"is it still so?" answered from articles written before', () => {
  it('says the articles do not tell whether it still is today, and quotes them with their date', () => {
    const still = answer('Does Coopedia still list more than 1,500 resources?', 'en', [COOPEDIA]);
    expect(still.text).toMatch(
      /^.*The SOGA articles do not say whether this is still so today \(December 6, 2026\); here is what they said at the time: \(article of May 6, 2022\)\n« Coopedia recense plus de 1 500 ressources/m,
    );
    const fr = answer('Combien de ressources Coopedia recense-t-il aujourd’hui ?', 'fr', [COOPEDIA]);
    expect(fr.text).toContain("Les articles du SOGA ne disent pas si c'est toujours le cas aujourd'hui (6 décembre 2026) ; voici ce qu'ils disaient à l'époque : (article du 6 mai 2022)");
  });

  it('quotes a recent article as it is, and a question with no "now" as before', () => {
    expect(answer('How many resources does Coopedia list today?', 'en', [RECENT]).text).toMatch(/Here is what the SOGA articles say: \(article of November 20, 2026\)/);
    expect(answer('How many resources does Coopedia list?', 'en', [COOPEDIA]).text).toMatch(/Here is what the SOGA articles say: \(article of May 6, 2022\)/);
  });
});
