/**
 * retrieve() and the answerability gate of ask() with an embedding model: the vector model's closeness
 * in the rerank, the agreement it must give the passage that clears the coverage threshold, the
 * cosine threshold that never answers alone, and answering on BM25 alone when the embedder fails.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant, type AskDeps, type AskOptions } from '../../src/core/ask.js';
import { Messages } from '../../src/core/i18n.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { testAskOptions } from '../fakes/ask-options.js';
import { FakeEmbedder } from '../fakes/fake-embedder.js';
import type { SearchRequest } from '../../src/core/ports.js';
import en from '../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../prompts/locales/fr.json' with { type: 'json' };

const NEC = 'Le NEC ESS 2025 se tiendra du 25 au 27 novembre 2025 à Paris, à la Maison de la Mutualité. Cette édition est co-organisée par HelloAsso et le Social Good Accelerator.';
const CASH = 'Avec la diminution de la circulation des billets, en France, trois distributeurs automatiques ferment chaque jour.';
const COFFEE = 'Dans les bureaux en France, les machines à café servent chaque jour des milliers de tasses : combien de machines faut-il par étage ?';
const ACADEMY = 'La plateforme Social Tech Academy, lancée en 2023, propose des webinaires et des offres d’emploi sur les métiers du numérique social.';

const PASSAGES = [
  { title: 'NEC ESS 2025', date: '2025-11-25', text: NEC },
  { title: 'Dons : les nouvelles manières de donner', date: '2018', text: CASH },
  { title: 'Le café au bureau', date: '2020', text: COFFEE },
  { title: 'Social Tech Academy', date: '2023', text: ACADEMY },
];

const Q_CASH = 'How many cash machines close every day in France?';
const Q_NEC = 'Quand et où se tiendra le NEC ESS 2025 ?';
const Q_TREASURER = 'Who is the treasurer of SOGA?';

/** Vectors as a multilingual model would place them: each question next to the passage that answers it. */
function embedderFor(overrides: Record<string, number[]> = {}) {
  return new FakeEmbedder({
    [NEC]: [1, 0, 0, 0],
    [CASH]: [0, 1, 0, 0],
    [COFFEE]: [0, 0.2, 1, 0],
    [ACADEMY]: [0, 0, 0, 1],
    [Q_CASH]: [0, 1, 0.3, 0],
    [Q_NEC]: [1, 0, 0.1, 0.1],
    [Q_TREASURER]: [0.1, 0, 0, 1],
    ...overrides,
  });
}

function build(embedder: FakeEmbedder | null, options: Partial<AskOptions> = {}, warnings: string[] = []) {
  const store = FakeChunkStore.withPassages(PASSAGES);
  if (embedder) for (const chunk of store.chunks.values()) chunk.vector = embedder.vector(chunk.text);
  const searches: SearchRequest[] = [];
  const search = store.search.bind(store);
  store.search = (req) => {
    searches.push(req);
    return search(req);
  };
  const deps: AskDeps = {
    store,
    embedder,
    chat: null,
    detector: new EldLanguageDetector({ fallback: 'en' }),
    messages: new Messages({ en, fr }),
    prompts: { system: 'rules', answer: '{{passages}}\n{{question}}', condense: '{{history}}\n{{question}}' },
    clock: { now: () => new Date('2026-11-23T12:00:00Z') },
    warn: (m) => warnings.push(m),
  };
  const assistant = createAssistant(deps, testAskOptions(options));
  return { assistant, searches, warnings, deps };
}

describe('retrieve() ranks with the embedding model’s closeness as well as word overlap', () => {
  it('puts the passage the model finds closest first when the question shares more words with another', async () => {
    // (Without the answer-type term, which would also see that only one of the two holds a number.)
    const rerank = { ...testAskOptions().rerank, answerType: 0 };
    const lexical = await build(null, { rerank }).assistant.ask(Q_CASH);
    expect(lexical.retrieved[0].chunk.text).toBe(COFFEE); // "machines", "France", "day": the wrong passage
    const hybrid = await build(embedderFor(), { rerank }).assistant.ask(Q_CASH);
    expect(hybrid.retrieved[0].chunk.text).toBe(CASH);
  });

  it('ranks by word overlap alone when the vector weight is 0', async () => {
    const answer = await build(embedderFor(), { rerank: { fusion: 0.4, coverage: 0.3, passageCoverage: 0.3, vector: 0, answerType: 0, prior: 0 } }).assistant.ask(Q_CASH);
    expect(answer.retrieved[0].chunk.text).toBe(COFFEE);
  });
});

describe('the answerability gate with an embedding model', () => {
  it('answers when the passage that covers the question is also the one the model finds closest', async () => {
    const answer = await build(embedderFor()).assistant.ask(Q_NEC);
    expect(answer.outcome).toBe('answered');
    expect(answer.citations[0].quote).toContain('25 au 27 novembre 2025');
  });

  it('refuses when the covering passage is the farthest from the question in the model’s view', async () => {
    // The same words, but the model places the question next to another article: the two signals disagree.
    const disagreeing = embedderFor({ [Q_NEC]: [0, 0, 0.1, 1] });
    const answer = await build(disagreeing).assistant.ask(Q_NEC);
    expect(answer.retrieved.some((h) => h.chunk.text === NEC && h.coverage >= 0.52)).toBe(true);
    expect(answer.outcome).toBe('not_found');
    expect(answer.citations).toEqual([]);
    // The check can be turned off, and without a model coverage decides alone.
    expect((await build(disagreeing, { minVectorAgreement: 0 }).assistant.ask(Q_NEC)).outcome).toBe('answered');
    expect((await build(null).assistant.ask(Q_NEC)).outcome).toBe('answered');
  });

  it('does not quote a passage that shares the words but that the model places far from the question', async () => {
    const FAR = 'NEC ESS 2025 : Le NEC ESS 2025 se tiendra sans vous si vous oubliez de vous inscrire au NEC ESS 2025.';
    const store = FakeChunkStore.withPassages([...PASSAGES, { title: 'NEC ESS 2025', date: '2025-11-25', text: FAR }]);
    const embedder = embedderFor({ [FAR]: [0, 0, 0.2, 1] });
    for (const chunk of store.chunks.values()) chunk.vector = embedder.vector(chunk.text);
    const assistant = createAssistant(
      {
        store,
        embedder,
        chat: null,
        detector: new EldLanguageDetector({ fallback: 'en' }),
        messages: new Messages({ en, fr }),
        prompts: { system: 'r', answer: '{{passages}}', condense: '{{question}}' },
        clock: { now: () => new Date('2026-11-23T12:00:00Z') },
      },
      testAskOptions(),
    );
    const answer = await assistant.ask(Q_NEC);
    expect(answer.outcome).toBe('answered');
    expect(answer.retrieved.slice(0, 3).some((h) => h.chunk.text === FAR && h.coverage >= 0.52)).toBe(true);
    expect(answer.citations.map((c) => c.quote).join(' ')).not.toContain('oubliez');
  });

  it('does not answer on a high cosine alone: the passage must share some of the question’s topic', async () => {
    // cosine 0.995 with the Social Tech Academy passage, which says nothing about a treasurer or SOGA
    const answer = await build(embedderFor(), { minVectorScore: 0.8 }).assistant.ask(Q_TREASURER);
    expect(answer.retrieved[0].chunk.text).toBe(ACADEMY);
    expect(answer.retrieved[0].signals.vector).toBeGreaterThan(0.8);
    expect(answer.outcome).toBe('not_found');
  });
});

describe('ask() when the embedder fails at question time', () => {
  it('answers with lexical retrieval, says so once, and marks the answer as made without the model', async () => {
    const embedder = embedderFor();
    const { assistant, searches, warnings } = build(embedder);
    embedder.failure = new Error('EMBEDDING_FAILED: connect ECONNREFUSED 127.0.0.1:8765');

    const first = await assistant.ask(Q_NEC);
    expect(first.outcome).toBe('answered');
    expect(first.mode).toBe('extractive');
    expect(first.text).toContain('25 au 27 novembre 2025');
    expect(first.models.embedder).toBeNull();
    expect(searches.at(-1)).toMatchObject({ vector: undefined, vectorModel: undefined });
    const second = await assistant.ask(Q_CASH);
    expect(second.retrieved.length).toBeGreaterThan(0);
    expect(embedder.queries).toEqual([Q_NEC, Q_CASH]); // it keeps trying, so it recovers by itself
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/embedding the question failed.*ECONNREFUSED/);

    // Back up: vectors again; down again later: a new warning for the new outage.
    embedder.failure = null;
    const recovered = await assistant.ask(Q_NEC);
    expect(recovered.models.embedder).toBe('fake-embedder');
    expect(searches.at(-1)?.vector).toBeInstanceOf(Float32Array);
    embedder.failure = new Error('worker exited');
    await assistant.ask(Q_NEC);
    expect(warnings).toHaveLength(2);
  });
});

describe('retrieve() keeps each retriever’s best passage among the candidates', () => {
  it('reranks the passage only the vector model found, even when 20 others share the question’s words', async () => {
    const fillers = Array.from({ length: 24 }, (_, i) => ({
      title: `Programme ${i + 1}`,
      date: null,
      text: `Atelier ${i + 1} : combien de participants pour le programme NEC ESS de la journée ${i + 1} ?`,
    }));
    const target = { title: 'Strasbourg', date: '2022', text: 'Près de 2 000 personnes venues de 14 pays ont assisté aux débats.' };
    const question = '¿Cuántos participantes asistieron al programa del NEC ESS?';
    const embedder = new FakeEmbedder({ [question]: [1, 0], [target.text]: [1, 0.05], ...Object.fromEntries(fillers.map((f) => [f.text, [0.2, 1]])) });
    const store = FakeChunkStore.withPassages([...fillers, target]);
    for (const chunk of store.chunks.values()) chunk.vector = embedder.vector(chunk.text);
    const lists = await store.search({ text: question, vector: embedder.vector(question), k: 30, analyzeAs: ['es', 'fr'] });
    expect(lists.vector[0].chunk.text).toBe(target.text);
    expect(lists.lexical.length + lists.ngram.length).toBeGreaterThan(40); // the fillers crowd the fused head
    const assistant = createAssistant(
      {
        store,
        embedder,
        chat: null,
        detector: new EldLanguageDetector({ fallback: 'en' }),
        messages: new Messages({ en, fr }),
        prompts: { system: 's', answer: 'a', condense: 'c' },
        clock: { now: () => new Date('2026-11-23') },
      },
      testAskOptions({ retrievalK: 30 }),
    );
    const answer = await assistant.ask(question);
    expect(answer.retrieved.slice(0, 3).map((h) => h.chunk.text)).toContain(target.text);
  });
});

describe('retrieve() prefers, among passages that cover the topic alike, the one that holds what is asked for', () => {
  const WHY = 'Pourquoi participer au NEC ESS 2025 ? Parce que le NEC ESS 2025 est plus qu’un événement : une communauté.';
  const WHEN = 'Le NEC ESS 2025 aura lieu du 25 au 27 novembre 2025 à Paris.';
  const Q = 'When and where does NEC ESS 2025 take place?';
  const store = () =>
    FakeChunkStore.withPassages([
      { title: 'NEC ESS 2025', text: WHY },
      { title: 'NEC ESS 2025', text: WHEN },
    ]);
  const rerank = { fusion: 0.4, coverage: 0.3, passageCoverage: 0.3, vector: 0, prior: 0 };
  const ask = (answerType: number) => {
    const deps = { ...build(null).deps, store: store() };
    return createAssistant(deps, testAskOptions({ rerank: { ...rerank, answerType } })).ask(Q);
  };

  it('puts the passage with the date and the place first for a "when and where" question', async () => {
    expect((await ask(0)).retrieved[0].chunk.text).toBe(WHY); // word overlap alone: the FAQ answer that repeats the name
    expect((await ask(0.15)).retrieved[0].chunk.text).toBe(WHEN);
  });
});

describe('a model that showed no sense of meaning', () => {
  it('is not asked to embed the question', async () => {
    const embedder = embedderFor();
    const { assistant } = build(embedder, { embedQuestions: false, weights: { vector: 0, lexical: 1, ngram: 0.6 } });
    const answer = await assistant.ask(Q_CASH);
    expect(embedder.queries).toEqual([]);
    expect(answer.retrieved.every((h) => h.ranks.vector === undefined)).toBe(true);
    expect(answer.models.embedder).toBeNull();
  });
});

describe('a trusted model whose list is not fused (SOGA_WEIGHT_VECTOR=0)', () => {
  it('still embeds the question and reranks by closeness', async () => {
    const embedder = embedderFor();
    const { assistant } = build(embedder, { weights: { vector: 0, lexical: 1, ngram: 0.6 }, rerank: { ...testAskOptions().rerank, answerType: 0 } });
    const answer = await assistant.ask(Q_CASH);
    expect(embedder.queries).toEqual([Q_CASH]);
    expect(answer.retrieved[0].chunk.text).toBe(CASH);
  });
});

describe('the answer says which model found its passages', () => {
  it('names no embedder when the index holds no vectors the question could be compared with', async () => {
    // The index was built without this model (lexical, or by another model before a re-ingest).
    const embedder = embedderFor();
    const { assistant, deps } = build(null);
    const answer = await createAssistant({ ...deps, embedder }, testAskOptions()).ask(Q_CASH);
    expect(embedder.queries).toEqual([Q_CASH]);
    expect(answer.retrieved.every((h) => h.ranks.vector === undefined)).toBe(true);
    expect(answer.models.embedder).toBeNull();
    expect((await assistant.ask(Q_CASH)).models.embedder).toBeNull();
  });

  it('names the embedder when its vectors ranked the passages', async () => {
    const embedder = embedderFor();
    const answer = await build(embedder).assistant.ask(Q_CASH);
    expect(answer.retrieved.some((h) => h.ranks.vector !== undefined)).toBe(true);
    expect(answer.models.embedder).toBe(embedder.modelId);
  });
});
