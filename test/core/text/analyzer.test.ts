import { describe, expect, it } from 'vitest';
import { analyzeQuery, stem, topicWords } from '../../../src/core/text/analyzer.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';

describe('the words that carry a question’s topic', () => {
  it('drops function words and keeps names, numbers and content words', () => {
    expect(topicWords('Quand a eu lieu le sommet de Strasbourg en 2022 ?', 'fr')).toEqual(expect.arrayContaining(['sommet', 'strasbourg', '2022']));
    expect(topicWords('Quand a eu lieu le sommet de Strasbourg en 2022 ?', 'fr')).not.toContain('quand');
  });

  it('joins a real compound ("co-financed") but not a verb with its pronoun ("décrit-elle", "a-t-il")', () => {
    expect(topicWords('Which organisation co-financed the forum?', 'en')).toContain('cofinanced');
    const fr = topicWords('Comment Jeanne décrit-elle le projet, et a-t-il réussi ?', 'fr');
    expect(fr).toContain('decrit');
    expect(fr).not.toContain('decritelle');
    expect(fr).not.toContain('atil');
  });

  it('keeps ordinals, which tell "the first round table" from "the next meeting"', () => {
    expect(topicWords('Quand a eu lieu la première table ronde ?', 'fr')).toContain('premiere');
    expect(topicWords('When is the next summit?', 'en')).toContain('next');
    expect(topicWords('Wann war das erste Treffen?', 'de')).toContain('erste');
  });

  it('leaves interrogatives out of the weighted topic terms in every language', () => {
    expect(weightedTopicTerms('Onde decorreu o FNAF 2021 e quantas pessoas reuniu?', 'pt', ['pt', 'fr'], null).map((t) => t.word)).not.toContain('quantas');
    expect(weightedTopicTerms('Hoeveel mensen kwamen naar de top in Straatsburg?', 'nl', ['nl', 'fr'], null).map((t) => t.word)).not.toContain('hoeveel');
    // …but only the interrogative itself: "année" (from "en quelle année") may be the topic elsewhere.
    expect(weightedTopicTerms("Quand commence l'Année européenne du bénévolat ?", 'fr', ['fr'], null).map((t) => t.word)).toContain('annee');
  });
});

describe('stemming across the corpus languages', () => {
  it('meets the French and English forms of one word', () => {
    expect(stem('organisations', 'fr')).toBe(stem('organisation', 'fr'));
    expect(analyzeQuery('organisations', ['en', 'fr'])).toContain(stem('organisation', 'fr'));
  });
});

describe('adverbs that say how to answer are not topic words', () => {
  it.each([
    ['fr', 'Concrètement, que propose la fédération aux bénévoles ?', 'concretement'],
    ['en', 'What precisely does the federation offer volunteers?', 'precisely'],
    ['de', 'Was genau bietet der Verband den Ehrenamtlichen?', 'genau'],
    ['es', '¿Qué ofrece concretamente la federación a los voluntarios?', 'concretamente'],
    ['nl', 'Wat biedt de federatie eigenlijk aan vrijwilligers?', 'eigenlijk'],
  ])('in %s', (lang, question, adverb) => {
    const topic = topicWords(question, lang);
    expect(topic).not.toContain(adverb);
    expect(topic.length).toBeGreaterThan(1);
  });
});

describe('a verb of speaking frames the topic, it is not part of it', () => {
  it.each([
    ['de', 'Worüber spricht die Referentin im Webinar über Genossenschaften?', 'spricht', 'genossenschaften'],
    ['en', 'What does the mayor talk about in the interview on housing?', 'talk', 'housing'],
    ['fr', 'De quoi parle la présidente dans la vidéo sur les tiers-lieux ?', 'parle', 'video'],
    ['es', '¿De qué habla la ponente en el taller de cooperativas?', 'habla', 'cooperativas'],
    ['nl', 'Waarover spreekt de burgemeester in het interview?', 'spreekt', 'interview'],
  ])('in %s', (lang, question, verb, kept) => {
    const topic = weightedTopicTerms(question, lang, [lang], null).map((t) => t.word);
    expect(topic).not.toContain(verb);
    expect(topic).toContain(kept);
  });
  it('keeps the verbs that name an act ("presented", "discuss")', () => {
    expect(weightedTopicTerms('Who presented the atlas and what did they discuss?', 'en', ['en'], null).map((t) => t.word)).toEqual(expect.arrayContaining(['presented', 'discuss']));
  });
});

describe('Dutch words that point back to the topic are not part of it', () => {
  it('leaves out pronominal adverbs', () => {
    expect(topicWords('Hoeveel vrijwilligers werkten eraan?', 'nl')).toEqual(['hoeveel', 'vrijwilligers', 'werkten']);
    expect(topicWords('Wie was daarbij en waarover ging het gesprek?', 'nl')).toEqual(['ging', 'gesprek']);
  });

  it('keeps a word that only begins like one ("ervaring", "meeting")', () => {
    expect(topicWords('Welke ervaring deelde ze tijdens de meeting?', 'nl')).toEqual(['ervaring', 'deelde', 'meeting']);
  });
});
