import { describe, expect, it } from 'vitest';
import { answerExtractively } from '../../../src/core/answer/extractive-answer.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import { Messages } from '../../../src/core/i18n.js';
import type { FusedHit } from '../../../src/core/types.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const messages = new Messages({ en, fr });
const TODAY = new Date('2026-12-06T12:00:00Z');

const passage = (docId: string, date: string, text: string): FusedHit => ({
  chunk: { id: `${docId}#0`, docId, title: 'La Ressourcerie du Rhône', source: `${docId}.md`, lang: 'fr', date, position: 0, section: null, text },
  score: 0.03,
  ranks: {},
  signals: {},
  coverage: 1,
});

function answer(question: string, hits: FusedHit[]): string {
  const langs = ['en' as const, 'fr' as const];
  const terms = weightedTopicTerms(question, 'en', langs, null);
  const result = answerExtractively({ messages, question, lang: 'en', usable: hits, passages: hits, terms, langs, today: TODAY });
  return 'notFound' in result ? '' : (result.direct ?? '');
}

describe('two articles that give different years for the same thing', () => {
  const story = passage('story', '2022-03-01', 'La Ressourcerie du Rhône a été fondée en 2016 par des bénévoles de Vénissieux.');

  it('are both quoted, even when one article’s first window gives the month of another of its events', () => {
    const history = passage('history', '2021-06-01', 'La Ressourcerie du Rhône est présentée au salon Récup’ de Lyon en mars 2020. La Ressourcerie du Rhône a été fondée en 2015 à Vénissieux.');
    expect(answer('In which year was the Ressourcerie du Rhône founded?', [story, history])).toMatch(/differ: 2016 \[1\], 2015 \[2\]|differ: 2015 \[\d\], 2016 \[\d\]/);
  });

  it('do not disagree with a year later than the article, which is a plan or a projection', () => {
    const plan = passage('plan', '2022-03-01', 'La Ressourcerie du Rhône, fondée par des bénévoles, vise à doubler ses ateliers en 2030.');
    expect(answer('In which year was the Ressourcerie du Rhône founded?', [story, plan])).not.toMatch(/differ/);
  });
});
