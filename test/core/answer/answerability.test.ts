import { describe, expect, it } from 'vitest';
import { judgeAnswerability } from '../../../src/core/answer/answerability.js';
import { coverage, weightedTopicTerms } from '../../../src/core/answer/matching.js';
import type { FusedHit } from '../../../src/core/types.js';

const hit = (id: string, coverage: number): FusedHit => ({
  chunk: { id, docId: id, title: id, source: `${id}.md`, lang: 'fr', date: null, position: 0, section: null, text: id },
  score: 1,
  ranks: {},
  signals: {},
  coverage,
});
const lexical = { cosines: new Map<string, number>(), closeness: null };
const options = { minCoverage: 0.5, minVectorAgreement: 0.5 };

describe('whether the passages may answer', () => {
  it('needs one passage that covers enough of the question', () => {
    expect(judgeAnswerability([hit('a', 0.3), hit('b', 0.6)], lexical, options).answerable).toBe(true);
    expect(judgeAnswerability([hit('a', 0.3), hit('b', 0.49)], lexical, options).answerable).toBe(false);
  });
  it('with a trusted model, refuses a covering passage the model places far from the question', () => {
    const closeness = (h: FusedHit) => (h.chunk.id === 'a' ? 1 : 0.1);
    expect(judgeAnswerability([hit('a', 0.2), hit('b', 0.9)], { cosines: new Map(), closeness }, options).answerable).toBe(false);
  });
  it('lets a high cosine lower the coverage needed, never to nothing', () => {
    const cosines = new Map([['a', 0.95]]);
    const vouched = { ...options, minVectorScore: 0.9 };
    expect(judgeAnswerability([hit('a', 0.3)], { cosines, closeness: null }, vouched).answerable).toBe(true);
    expect(judgeAnswerability([hit('a', 0.1)], { cosines, closeness: null }, vouched).answerable).toBe(false);
  });
  it('quotes only passages near the threshold, or the best one when none is', () => {
    expect(judgeAnswerability([hit('a', 0.6), hit('b', 0.41), hit('c', 0.39)], lexical, options).usable.map((h) => h.chunk.id)).toEqual(['a', 'b']);
    expect(judgeAnswerability([hit('a', 0.1), hit('b', 0.05)], lexical, options).usable.map((h) => h.chunk.id)).toEqual(['a']);
  });
});

describe('a counted noun written in another language counts for the gate, not for the ranking', () => {
  const stats = { total: 100, df: (w: string) => ({ forum: 5, lyon: 3, participants: 20, reuni: 10, sommet: 6, madrid: 2 })[w] ?? 0 };
  // One article's passages: a place the question names may stand in another passage of it.
  const passage = (id: string, text: string): FusedHit => ({ ...hit(id, 0), chunk: { ...hit(id, 0).chunk, docId: 'article', text, title: '' } });
  const ask = (question: string, texts: string[]) => {
    const langs = ['de', 'fr'];
    const terms = weightedTopicTerms(question, 'de', langs, stats);
    // As rerank() scores them: without the counted nouns of other languages.
    const hits = texts.map((text, i) => {
      const h = passage(`p${i}`, text);
      h.coverage = coverage(terms, text, langs, { places: true }).coverage;
      return h;
    });
    return { hits, judged: judgeAnswerability(hits, lexical, options, { terms, langs, question, lang: 'de', corpusLangs: ['fr'] }) };
  };
  it('answers "Teilnehmer" from a passage that writes "participants"', () => {
    const { hits, judged } = ask('Wie viele Teilnehmer hatte das Forum?', ['Le forum de Lyon a réuni 300 participants venus de toute la région.']);
    expect(hits[0].coverage).toBeLessThan(options.minCoverage);
    expect(judged.answerable).toBe(true);
  });
  it('still refuses a passage about another event that counts participants too', () => {
    expect(ask('Wie viele Teilnehmer hatte das Forum in Lyon?', ['Le sommet de Madrid a réuni 300 participants.']).judged.answerable).toBe(false);
  });
});

describe('a question asking for an attribute or role of a thing it names', () => {
  const df: Record<string, number> = {
    social: 40,
    tech: 10,
    academy: 5,
    forum: 8,
    lyon: 3,
    webmaster: 2,
    digital: 6,
    commons: 6,
    network: 4,
    dcn: 3,
    tresoriere: 1,
    association: 10,
    coopedia: 2,
    replay: 1,
    personnes: 20,
    regarder: 3,
    2023: 10,
    2024: 5,
    president: 6,
    actuel: 2,
    patron: 1,
    moderator: 2,
    facilitator: 1,
    founded: 3,
    moderated: 2,
    general: 4,
    secretary: 2,
    workshops: 4,
    girleek: 1,
    table: 5,
    round: 5,
  };
  const stats = { total: 100, df: (w: string) => df[w] ?? 0 };
  // One article's passages: a place the question names may stand in another passage of it.
  const passage = (id: string, text: string): FusedHit => ({ ...hit(id, 0), chunk: { ...hit(id, 0).chunk, docId: 'article', text, title: '' } });
  const ask = (question: string, lang: string, texts: string[], translations = new Map<string, string[]>(), synonyms = new Map<string, string[]>()) => {
    const langs = [...new Set([lang, 'fr'])];
    const terms = weightedTopicTerms(question, lang, langs, stats, translations, synonyms);
    const hits = texts.map((text, i) => {
      const h = passage(`p${i}`, text);
      h.coverage = coverage(terms, text, langs, { places: true }).coverage;
      return h;
    });
    return { hits, judged: judgeAnswerability(hits.slice(0, 2), { ...lexical, hits }, options, { terms, langs, question, lang, corpusLangs: ['fr'] }) };
  };
  const academy = ['La Social Tech Academy forme aux métiers du numérique social.', 'Présentée à Lyon, la Social Tech Academy a ouvert sa plateforme.'];

  it('is refused when the passages on that thing never say what is asked, though they cover the rest', () => {
    const { hits, judged } = ask('Who is the webmaster of the Social Tech Academy?', 'en', academy);
    expect(hits[0].coverage).toBeGreaterThanOrEqual(options.minCoverage);
    expect(judged.answerable).toBe(false);
    expect(judged.missingHead).toEqual(['webmaster']);
  });
  it('is refused when only a passage on another thing says it', () => {
    const { judged } = ask('Who is the webmaster of the Social Tech Academy?', 'en', [...academy, 'Le webmaster du forum de Lyon est Paul Martin.']);
    expect(judged.answerable).toBe(false);
  });
  it('is answered from the passage that says it, quoted first wherever retrieval ranked it', () => {
    const { judged } = ask('Who is the webmaster of the Social Tech Academy?', 'en', [...academy, 'Paul Martin, webmaster de la Social Tech Academy, a présenté la plateforme.']);
    expect(judged.answerable).toBe(true);
    expect(judged.missingHead).toBeUndefined();
    expect(judged.usable[0].chunk.id).toBe('p2');
  });
  it('counts a name where the passage writes the acronym another passage defines it by', () => {
    const { judged } = ask('Qui est la trésorière du Digital Commons Network ?', 'fr', [
      'Depuis 2019, le Digital Commons Network (DCN) réunit des associations de toute l’Europe.',
      'Le Digital Commons Network publie chaque année ses données ouvertes.',
      'Marie Dupont, trésorière du DCN, a présenté le bilan de l’année.',
    ]);
    expect(judged.answerable).toBe(true);
    expect(judged.usable[0].chunk.id).toBe('p2');
  });
  it('wants the names of the thing beside the head, its other words anywhere in the passage', () => {
    const { judged } = ask('Who is the webmaster of the Coopedia association?', 'en', [
      'L’association réunit des coopératives de toute l’Europe. Paul Martin, webmaster de Coopedia, a présenté la plateforme.',
      'Coopedia recense des ressources éducatives.',
    ]);
    expect(judged.answerable).toBe(true);
  });
  it('does not want the city the question sets the thing in beside the head: the article gives it elsewhere', () => {
    const { judged } = ask('Who is the webmaster of the Social Tech Academy in Lyon?', 'en', [
      'Présentée à Lyon, la Social Tech Academy a ouvert sa plateforme.',
      'Paul Martin, webmaster de la Social Tech Academy, a présenté la plateforme.',
    ]);
    expect(judged.answerable).toBe(true);
    expect(judged.usable[0].chunk.id).toBe('p1');
  });
  it('is refused when the article never names the place the question sets the thing in', () => {
    const { judged } = ask('Who is the webmaster of the Social Tech Academy in Madrid?', 'en', [
      'Présentée à Lyon, la Social Tech Academy a ouvert sa plateforme.',
      'Paul Martin, webmaster de la Social Tech Academy, a présenté la plateforme.',
    ]);
    expect(judged.answerable).toBe(false);
  });
  it('wants the year of the thing in the passage: a replay of another edition does not answer', () => {
    const forum = ['Le forum de Lyon 2024 a réuni 300 personnes.', 'Le forum de Lyon 2024 se tiendra en mai.'];
    const replay = 'Forum de Lyon 2023 : vous pouvez regarder le replay sur notre chaîne.';
    expect(ask('Where can I watch the replay of the Lyon forum 2024?', 'en', [replay, ...forum]).judged.missingHead).toEqual(['replay']);
    expect(ask('Where can I watch the replay of the Lyon forum 2023?', 'en', [replay, ...forum]).judged.answerable).toBe(true);
  });
  it('reads past a modifier of time: "the current president" is the president', () => {
    const { judged } = ask(
      'Who is the current president of the association?',
      'en',
      ['Le président actuel du forum de Lyon est Paul Martin.', 'L’association recense des ressources éducatives.', 'Marie Dupont, présidente de l’association, a ouvert la séance.'],
      new Map([['current', ['actuel']]]),
    );
    expect(judged.answerable).toBe(true);
    expect(judged.usable[0].chunk.id).toBe('p2');
  });
  it('does not take a thesaurus synonym for the head', () => {
    const texts = ['Paul Martin, patron de Coopedia, a ouvert la séance.', 'Coopedia recense des ressources éducatives.'];
    expect(ask('Who is the sponsor of Coopedia?', 'en', texts, new Map(), new Map([['sponsor', ['patron']]])).judged.missingHead).toEqual(['sponsor']);
  });
  it('holds a head that names an act where a passage tells who did it, in the passage’s own words of the session', () => {
    const forum = [
      'The Lyon forum opened with a round table on digital commons and public data.',
      'Lyon forum: the second workshop, on digital commons, gathered co-ops. Moderated by Paul Martin (Coop Lyon), the exchange was about data.',
    ];
    const { judged } = ask('Who was the facilitator of the round table on digital commons at the Lyon forum?', 'en', forum);
    expect(judged.answerable).toBe(true);
    expect(judged.usable[0].chunk.id).toBe('p1');
  });
  it('refuses a head that names an act no passage on the thing tells', () => {
    const forum = ['The Lyon forum opened with a round table on digital commons and public data.', 'At the Lyon forum, the round table on digital commons drew 300 people.'];
    expect(ask('Who was the moderator of the round table on digital commons at the Lyon forum?', 'en', forum).judged.missingHead).toEqual(['moderator']);
  });
  it('wants a head of several words as one phrase, not its words apart in a sentence', () => {
    const apart = 'Marie Dupont, secretary of state for the transition, praised the general interest of the association.';
    expect(ask('Who is the general secretary of the association?', 'en', [apart, 'The association gathers co-ops.']).judged.answerable).toBe(false);
    const phrase = 'Paul Martin, general secretary of the association, opened the day.';
    expect(ask('Who is the general secretary of the association?', 'en', [apart, phrase]).judged.usable[0].chunk.id).toBe('p1');
  });
  it('wants the act a "who" question asks with a verb told of the thing it names', () => {
    const coopedia = ['Coopedia recense des ressources éducatives pour les coopératives.', 'Coopedia a été présentée au forum de Lyon en 2024.'];
    expect(ask('Who founded Coopedia?', 'en', coopedia).judged.missingHead).toEqual(['founded']);
    // Another thing's founder beside it is no answer either.
    expect(ask('Who founded Coopedia?', 'en', [...coopedia, 'Coopedia a été présentée par Marie Dupont, fondatrice de Girleek.']).judged.missingHead).toEqual(['founded']);
    const told = ask('Who founded Coopedia?', 'en', [...coopedia, 'En 2019, Marie Dupont et Paul Martin ont fondé Coopedia.']).judged;
    expect(told.answerable).toBe(true);
    expect(told.usable[0].chunk.id).toBe('p2');
  });
  it('wants the act told of the edition the question names by its year', () => {
    const forum = ['Coopedia Forum 2023 : des workshops moderated by Paul Martin and Léa Durand.', 'The workshops of the Coopedia Forum 2024 will take place in Lyon in May 2024.'];
    expect(ask('Who moderated the workshops of the Coopedia Forum 2024?', 'en', forum).judged.answerable).toBe(false);
    expect(ask('Who moderated the workshops of the Coopedia Forum 2023?', 'en', forum).judged.answerable).toBe(true);
  });
  it('leaves a "who" question with a verb that names no thing to the coverage alone', () => {
    expect(ask('Who moderated the round table on digital commons?', 'en', ['The round table on digital commons drew 300 people.']).judged.missingHead).toBeUndefined();
  });
  it('leaves questions of another shape to the coverage alone', () => {
    expect(ask('When did the Social Tech Academy open its platform?', 'en', academy).judged.missingHead).toBeUndefined();
  });
});
