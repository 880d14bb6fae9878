/**
 * Stage 3 of ask(): the passages for a question, best first. The question is embedded (when a model
 * is trusted), its unknown words translated with the dictionaries, the store's three ranked lists
 * (vectors, BM25 on stems, BM25 on trigrams) fused, and the head of the fused list reranked.
 */
import type { ChunkStore } from '../ports.js';
import type { FusedHit, LanguageCode, Timings } from '../types.js';
import { weightedTopicTerms, type TermStats, type WeightedTerm } from '../answer/matching.js';
import { reciprocalRankFusion, type FusionWeights } from './fuse.js';
import { closenessFrom, rerank, type Closeness, type RerankWeights } from './rerank.js';
import type { QueryEmbedder } from './query-embedder.js';
import type { QueryTranslator } from './query-translator.js';
import { definitionOf, nameByInitials, standaloneAcronyms } from '../text/acronyms.js';
import { asksFounding, FOUNDING_FORMS, foundingForms, foundingWordsIn } from '../text/founding-words.js';
import { sameThingWords } from '../text/counted-nouns.js';
import { sectorEquivalents } from '../text/sector-words.js';
import { sameKindWords } from '../events/event-words.js';
import { normalizeText, words } from '../text/normalize.js';

export interface RetrieveOptions {
  retrievalK: number;
  contextPassages: number;
  weights: FusionWeights;
  rerank: RerankWeights;
  /** Off for a model that showed no sense of meaning in the start-up check: nothing would use its vector. */
  embedQuestions: boolean;
}

export interface Retrieved {
  hits: FusedHit[];
  /** The question's topic words, weighted by rarity, with their dictionary translations. */
  terms: WeightedTerm[];
  /** The question's language and the corpus's. */
  langs: LanguageCode[];
  /** Cosine of each passage the vector search returned. */
  cosines: Map<string, number>;
  /** Null without a vector list. */
  closeness: Closeness | null;
  /** Whether the question's vector ranked passages (false: no embedder, it failed, or the index holds no vectors of it). */
  embedded: boolean;
}

export interface RetrieveDeps {
  store: ChunkStore;
  queryEmbedder: QueryEmbedder;
  translator: QueryTranslator;
  /** Id of the model that makes question vectors: the store compares them only with its own. */
  embedModelId: string | undefined;
}

/**
 * Each acronym the question writes alone and a found passage defines, with its name (absent from the
 * question); an acronym the articles never write, with the name of the found passages its initials
 * spell ("SGA" → "Social Good Accelerator", which they abbreviate "SOGA").
 */
function acronymExpansions(question: string, hits: { chunk: { text: string } }[], stats: TermStats): Map<string, string> {
  const out = new Map<string, string>();
  const folded = normalizeText(question);
  for (const acronym of standaloneAcronyms(question)) {
    for (const hit of hits.slice(0, 30)) {
      const name = definitionOf(acronym, hit.chunk.text);
      if (name && !folded.includes(normalizeText(name))) out.set(normalizeText(acronym), name);
      if (name) break;
    }
    if (out.has(normalizeText(acronym)) || stats.df(normalizeText(acronym)) > 0) continue;
    const name = nameByInitials(
      acronym,
      hits.slice(0, 30).map((h) => h.chunk.text),
    );
    if (name && !folded.includes(normalizeText(name))) out.set(normalizeText(acronym), name);
  }
  return out;
}

/** `priorSources`: documents the previous answer cited, boosted for a follow-up that leans on it. */
export async function retrieve(deps: RetrieveDeps, options: RetrieveOptions, text: string, lang: LanguageCode, timings: Timings, priorSources: readonly string[] = []): Promise<Retrieved> {
  const { store } = deps;
  const t0 = performance.now();
  const vector = options.embedQuestions ? await deps.queryEmbedder.embed(text) : undefined;
  timings.embedMs = performance.now() - t0;
  const t1 = performance.now();
  const langs = [...new Set([lang, ...(await store.corpusLanguages())])];
  const stats = await store.termStats();
  const untranslated = weightedTopicTerms(text, lang, langs, stats);
  const translations = await deps.translator.translateUnknown(untranslated, lang, langs, stats);
  const { byWord: synonyms, inPhrases } = await deps.translator.synonymsOfUnknown(text, untranslated, lang, langs, stats);
  for (const word of inPhrases) translations.delete(word);
  // A founding is told in few words, asked in many ("créé", "established", "creó" for "fondé"): the
  // forms the articles use join the question's word as its translations do.
  const founding = foundingWordsIn(text);
  for (const t of untranslated) {
    // "Who set up…?", "ins Leben gerufen": words that ask about a founding only in their phrase.
    const forms = (founding.has(t.word) && !asksFounding(t.word) ? FOUNDING_FORMS.filter((w) => w !== t.word) : foundingForms(t.word)).filter((w) => stats.df(w) > 0);
    if (forms.length) translations.set(t.word, [...new Set([...(translations.get(t.word) ?? []), ...forms])]);
  }
  // A counted noun, a word of the sector or a kind of event the corpus never uses ("Ehrenamtliche",
  // "adhérents", "reembolso", "cumbre") is searched as the articles write it ("bénévoles", "membres",
  // "défraiement"): the dictionaries lack most of these. Only for a word the corpus lacks, as a
  // dictionary's translation: "personnes" in a question is matched as it stands. The term keeps the
  // weight of a word the corpus lacks (weightedTopicTerms), never a rare word's or a name's.
  for (const t of untranslated) {
    if (stats.df(t.word) > 0) continue;
    const forms = [...sameThingWords(t.word), ...sectorEquivalents(t.word, text, lang), ...sameKindWords(t.word)].filter((w) => words(w).every((part) => stats.df(part) > 0));
    if (forms.length) translations.set(t.word, [...new Set([...(translations.get(t.word) ?? []), ...forms])]);
  }
  // The translations join the query: BM25 then finds the French passage for "Mitglieder" ("membres").
  // Synonyms do not: in the query they moved evidence down in four English questions (a thesaurus's
  // senses weigh there as much as the question's words); they count in coverage, below a match.
  const search = () => {
    const query = translations.size ? `${text}\n${[...new Set([...translations.values()].flat())].join(' ')}` : text;
    return store.search({ text: query, vector, vectorModel: vector ? deps.embedModelId : undefined, k: options.retrievalK, analyzeAs: langs });
  };
  let lists = await search();
  // "When was SOGA founded?" must also find "En 2018, … ont fondé le Social Good Accelerator": an
  // acronym the question writes, defined in a passage found ("le Social Good Accelerator (SOGA)"), is
  // searched with its name too, and counts as written wherever a passage writes the name (as a
  // translation does). Measured on the evaluation sets: the founding conflict (2017 / 2018) is found
  // for "SOGA" as for "Social Good Accelerator"; one follow-up quoted one project of three fewer.
  const expansions = acronymExpansions(text, [...lists.lexical, ...lists.ngram, ...lists.vector], stats);
  if (expansions.size) {
    for (const [acronym, name] of expansions) translations.set(acronym, [...(translations.get(acronym) ?? []), name]);
    lists = await search();
  }
  // Only the head of the fused list is reranked, but each retriever's best passage always gets there:
  // a passage that only the vector model finds (a Spanish question, a French passage) would otherwise
  // lose the cut to passages that BM25 and n-grams both rank in the middle.
  const pool = Math.max(options.contextPassages * 4, 20);
  const leaders = new Set((['vector', 'lexical', 'ngram'] as const).filter((name) => options.weights[name]).map((name) => lists[name][0]?.chunk.id));
  const fused = reciprocalRankFusion(lists, options.weights).filter((h, i) => i < pool || leaders.has(h.chunk.id));
  const terms = translations.size || synonyms.size ? weightedTopicTerms(text, lang, langs, stats, translations, synonyms) : untranslated;
  const { cosines, closeness } = closenessFrom(lists.vector);
  rerank(fused, text, lang, terms, langs, closeness, options.rerank, new Set(priorSources));
  timings.retrieveMs = performance.now() - t1;
  return { hits: fused, terms, langs, cosines, closeness, embedded: lists.vector.length > 0 };
}
