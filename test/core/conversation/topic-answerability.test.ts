import { describe, expect, it } from 'vitest';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import { askWeightedTerms, citedFirst, vouchedByTopic } from '../../../src/core/conversation/topic-answerability.js';
import { scoreWindows, selectSentences } from '../../../src/core/answer/extractive.js';
import type { FusedHit, LanguageCode } from '../../../src/core/types.js';

const passage = (docId: string, text: string): FusedHit => ({
  chunk: { id: `${docId}#0`, docId, title: docId, source: `${docId}.md`, lang: 'fr', date: null, position: 0, section: null, text },
  score: 1,
  ranks: {},
  signals: {},
  coverage: 0.3,
});

const FAIR = passage('repair-fair', 'La Foire de la Réparation de Lyon 2022 a rassemblé plus de 1 200 visiteurs, accueillis par l’association Atelier Soudé.');
const FAIR_PROGRAMME = passage('repair-fair', 'La Foire de la Réparation de Lyon 2022 propose des ateliers de couture, de vélo et d’électronique.');
const OTHER = passage('garden', 'Le jardin partagé de Villeurbanne a rassemblé 300 habitants en 2022.');
const passages = [FAIR, FAIR_PROGRAMME, OTHER];

function vouched(topic: string, ask: string, lang: LanguageCode, priorSources: string[] = ['repair-fair']): string[] {
  const terms = weightedTopicTerms(`${topic} — ${ask}`, lang, [lang, 'fr'], null);
  return vouchedByTopic(passages, terms, [lang, 'fr'], { topic, ask, lang, priorSources }).map((h) => h.chunk.text.slice(0, 60));
}

describe('a follow-up whose topic a passage names whole is judged on the kind of thing it asks', () => {
  it.each([
    ['en', 'How many visitors came?'],
    ['de', 'Wie viele Besucher kamen?'],
    ['es', '¿Cuántas personas asistieron?'],
    ['nl', 'Hoeveel bezoekers waren er?'],
  ])('%s: "%s" is answered by the passage on the topic that holds a count', (lang, ask) => {
    expect(vouched('Foire de la Réparation Lyon 2022', ask, lang)).toEqual([FAIR.chunk.text.slice(0, 60)]);
  });

  it('an ask that names no kind of value is answered from the articles the previous answer cited', () => {
    expect(vouched('Foire de la Réparation Lyon 2022', 'E che cosa offre?', 'it')).toHaveLength(2);
    expect(vouched('Foire de la Réparation Lyon 2022', 'E che cosa offre?', 'it', ['garden'])).toEqual([]);
  });

  it('a passage that names only part of the topic does not vouch for it', () => {
    expect(vouched('Foire de la Réparation Lyon 2023', 'How many visitors came?', 'en')).toEqual([]);
  });
});

describe('a follow-up that says more than a short ask is judged by coverage as usual', () => {
  it.each([
    ['en', 'the weather?'],
    ['en', 'How many volunteers repaired bicycles and sewing machines there?'],
    ['fr', 'Combien de visiteurs en 2023 ?'],
  ])('%s: "%s"', (lang, ask) => {
    expect(vouched('Foire de la Réparation Lyon 2022', ask, lang)).toEqual([]);
  });
});

describe('the sentence quoted for a follow-up is the one that says what its ask asks', () => {
  const fair = passage(
    'repair-fair',
    'Toute association qui veut exposer à la Foire de la Réparation de Lyon doit signer une charte. La charte de la Foire de la Réparation de Lyon engage à réparer sans frais. Le public vient surtout le samedi. Les stands accueillent les ateliers vélo, couture et électronique du quartier.',
  );
  const quoted = (topic: string, ask: string, lang: LanguageCode, weigh: boolean) => {
    const all = weightedTopicTerms(`${topic} — ${ask}`, lang, [lang, 'fr'], null);
    return scoreWindows([fair], weigh ? askWeightedTerms(all, { topic, lang }) : all, [lang, 'fr'])[0]?.text ?? '';
  };
  it.each([
    ['fr', 'Quels ateliers accueillent les stands ?'],
    ['en', 'Which ateliers do the stands accueillent?'],
  ])('%s: the topic words weigh less than the ask’s ("%s")', (lang, ask) => {
    const topic = 'exposer Foire Réparation Lyon signer charte';
    expect(quoted(topic, ask, lang, true)).toMatch(/Les stands accueillent/);
    // Weighed as the rest of the query, the topic would choose the sentences that repeat it.
    expect(quoted(topic, ask, lang, false)).not.toMatch(/Les stands accueillent/);
  });
});

describe('a follow-up quotes the articles just cited first, among near-equals', () => {
  const citedAt = (score: number): FusedHit => ({ ...passage('repair-fair', 'Le collectif y a présenté deux projets, la Ressourcerie mobile et le Fab Lab.'), score });
  const cited = citedAt(0.8);
  const elsewhere = passage('garden', 'Entre présentations de nouveaux projets et visites de quartier, le collectif a parcouru la région.');
  const firstQuote = (hits: FusedHit[]) => {
    const topic = 'Foire Réparation Lyon';
    const terms = askWeightedTerms(weightedTopicTerms(`${topic} — Quels projets le collectif y a-t-il présentés ?`, 'fr', ['fr'], null), { topic, lang: 'fr' });
    return selectSentences(hits, terms, ['fr']).quotes[0]?.hit.chunk.docId;
  };

  it('prefers the article the previous answer cited to another that repeats the ask’s words', () => {
    expect(firstQuote([elsewhere, cited])).toBe('garden');
    expect(firstQuote(citedFirst([elsewhere, cited], ['repair-fair']))).toBe('repair-fair');
  });

  it('still quotes another article that retrieval found much more relevant', () => {
    expect(firstQuote(citedFirst([elsewhere, citedAt(0.5)], ['repair-fair']))).toBe('garden');
  });

  it('changes nothing when no passage belongs to the articles cited', () => {
    expect(citedFirst([elsewhere, cited], ['bike-workshop'])).toEqual([elsewhere, cited]);
  });
});

describe('a rare name the topic carries does not choose the quote of a turn that asks about something else', () => {
  it('keeps the ask’s own rare names and drops the topic’s', () => {
    const stats = { total: 200, df: (w: string) => ({ coopolis: 2, pathways: 2, transition: 3, president: 8 })[w] ?? 0 };
    const topic = 'Transition Pathways';
    const terms = askWeightedTerms(weightedTopicTerms(`${topic} — And who is the president of Coopolis?`, 'en', ['en'], stats), { topic, lang: 'en' });
    expect(terms.find((t) => t.word === 'pathways')?.rareName).toBeFalsy();
    expect(terms.find((t) => t.word === 'coopolis')?.rareName).toBe(true);
  });
});
