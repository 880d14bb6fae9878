import { describe, expect, it } from 'vitest';
import { answerExtractively } from '../../../src/core/answer/extractive-answer.js';
import { definesSomething } from '../../../src/core/answer/extractive.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import { Messages } from '../../../src/core/i18n.js';
import { normalizeText } from '../../../src/core/text/normalize.js';
import type { FusedHit, LanguageCode } from '../../../src/core/types.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import pt from '../../../prompts/locales/pt.json' with { type: 'json' };

const messages = new Messages({ en, fr, pt });
const TODAY = new Date('2026-12-06T12:00:00Z');
const TITLE = 'Salon des Coopératives : retour sur l’édition 2023';

const passage = (id: string, section: string, body: string): FusedHit => ({
  chunk: { id: `salon#${id}`, docId: 'salon', title: TITLE, source: 'salon.md', lang: 'fr', date: '2023-06-10', position: 0, section, text: `${section}\n${body}` },
  score: 0.03,
  ranks: {},
  signals: {},
  coverage: 1,
});

// What the fair is every year (an FAQ's answer), and what its 2023 edition did.
const FAQ = passage(
  'faq',
  'Qu’est-ce que le Salon des Coopératives (SALCO) ?',
  'Le Salon des Coopératives (SALCO) est le grand rendez-vous annuel des coopératives de l’Ouest. Il réunit plus de 3 000 visiteurs : coopérateurs, élus et étudiants.',
);
const EDITION = passage(
  'edition',
  'Le Salon des Coopératives 2023',
  'Le 4 juin 2023, trois membres du réseau étaient présents au Salon des Coopératives (SALCO), au Parc des Expositions de Rennes. L’événement, qui a rassemblé plus de 3 600 visiteurs, a fait la part belle aux jeunes coopératives.',
);

function answer(question: string, lang: LanguageCode, usable: FusedHit[], passages: FusedHit[]) {
  const langs: LanguageCode[] = [lang, 'fr'];
  const texts = [...new Set([...passages, FAQ, EDITION])].map((h) => normalizeText(`${h.chunk.title} ${h.chunk.text}`));
  const stats = { total: 60, df: (w: string) => texts.filter((t) => t.split(/[^\p{L}\p{N}]+/u).includes(w)).length };
  const terms = weightedTopicTerms(question, lang, langs, stats);
  const result = answerExtractively({ messages, question, lang, usable, passages, terms, langs, today: TODAY });
  return 'notFound' in result ? null : result;
}

describe('a value of the edition asked, over what the event is every year', () => {
  it('reads an FAQ heading that asks what something is', () => {
    expect(definesSomething('Qu’est-ce que le FNAF ?')).toBe(true);
    expect(definesSomething('What is the Social Tech Atlas?')).toBe(true);
    expect(definesSomething('Quand a lieu le salon ?')).toBe(false);
  });
  it('quotes and states the count of the year asked, not the yearly one of the FAQ', () => {
    const result = answer('How many visitors did the SALCO 2023 bring together?', 'en', [FAQ, EDITION], [FAQ, EDITION]);
    expect(result?.direct).toBe('In short: more than 3 600 [1].');
    // The edition's sentence is the first quote (the lead-in line comes before it).
    expect(result?.text.split('\n')[2]).toMatch(/^« Le 4 juin 2023/);
  });
  it('quotes the article’s passage of that year even where only the FAQ covers enough of the question, and answers both parts', () => {
    const result = answer('Onde decorreu o SALCO 2023 e quantas pessoas reuniu?', 'pt', [FAQ], [FAQ, EDITION]);
    expect(result?.direct).toBe('Em resumo: Parc des Expositions de Rennes, mais de 3 600 [1].');
  });
  it('states no yearly value for a year the FAQ does not write', () => {
    const result = answer('How many visitors did the SALCO 2023 bring together?', 'en', [FAQ], [FAQ]);
    expect(result?.direct ?? null).toBeNull();
  });
  it('still answers from the FAQ a question that names no year', () => {
    expect(answer('How many visitors does the SALCO bring together?', 'en', [FAQ, EDITION], [FAQ, EDITION])?.direct).toMatch(/3 000/);
  });
});

describe('"where … and how many …?" answered by two sentences of one article', () => {
  const WHERE = passage('where', 'Le salon 2023', 'Le salon des coopératives s’est tenu les 3 et 4 juin 2023 à Rennes, avec le soutien de la Région Bretagne.');
  const LEAD = passage(
    'lead',
    'Le Salon des Coopératives 2023',
    'Pendant deux jours, près de 3 000 participants venus de 12 pays ont assisté à des ateliers et des débats. Le réseau y a animé deux ateliers sur la coopération.',
  );
  it('quotes the sentence that gives the count after the one that gives the place, and states both, each cited', () => {
    const result = answer('Where was the cooperatives fair of 2023 held and how many participants came?', 'en', [WHERE, LEAD], [WHERE, LEAD]);
    // The count's sentence scores first here: the values are said in the order of their citations.
    expect(result?.direct).toMatch(/^In short: (Rennes \[\d\], nearly 3 000|nearly 3 000 \[\d\], Rennes) \[\d\]\.$/);
    expect(result?.text).toContain('« Pendant deux jours, près de 3 000 participants');
  });
});
