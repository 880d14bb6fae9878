/**
 * Language-aware analysis for the lexical index and for matching questions against passages.
 * Stemming uses the Snowball algorithms (snowball-stemmers); stop words come from `stopword`
 * (conservative, used for indexing) and `stopwords-iso` (broad, used only to decide which words of a
 * question carry its topic).
 */
import snowball from 'snowball-stemmers';
import * as stopword from 'stopword';
import isoStopwords from 'stopwords-iso' with { type: 'json' };
import { normalizeText, words } from './normalize.js';
import type { LanguageCode } from '../types.js';

const SNOWBALL: Record<string, string> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  hu: 'hungarian',
  it: 'italian',
  ga: 'irish',
  no: 'norwegian',
  nb: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  es: 'spanish',
  sl: 'slovene',
  sv: 'swedish',
  tr: 'turkish',
};

const STOPWORD_KEYS: Record<string, string> = {
  ar: 'ara',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  nl: 'nld',
  en: 'eng',
  fi: 'fin',
  fr: 'fra',
  de: 'deu',
  el: 'ell',
  hu: 'hun',
  it: 'ita',
  no: 'nob',
  nb: 'nob',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  es: 'spa',
  sv: 'swe',
  tr: 'tur',
  sk: 'slk',
  sl: 'slv',
  bg: 'bul',
  hr: 'hrv',
  lt: 'lit',
  lv: 'lav',
  et: 'est',
};

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer | null>();
const narrowStops = new Map<string, Set<string>>();
const broadStops = new Map<string, Set<string>>();

function stemmerFor(lang: LanguageCode): Stemmer | null {
  if (!stemmers.has(lang)) {
    const algorithm = SNOWBALL[lang];
    stemmers.set(lang, algorithm ? snowball.newStemmer(algorithm) : null);
  }
  return stemmers.get(lang) ?? null;
}

function folded(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => normalizeText(w)));
}

/** Function words that are not indexed (conservative: numbers and ordinary nouns stay). */
export function indexStopwords(lang: LanguageCode): Set<string> {
  let set = narrowStops.get(lang);
  if (!set) {
    const key = STOPWORD_KEYS[lang];
    const list = key ? (stopword[key] ?? []) : [];
    set = folded(list);
    narrowStops.set(lang, set);
  }
  return set;
}

/**
 * Content words that stopwords-iso lists as stopwords (its lists come from web search, where
 * "opening" or "presented" are too common to matter): in a question about a community's events they
 * are what is asked about ("the opening day", "who presented…"). Kept as topic words. Few on purpose:
 * every topic word a passage must cover makes answerability stricter (keeping ~40 such English and
 * Romance words refused two answerable questions of the evaluation sets, e.g. "pessoas").
 */
const TOPIC_CONTENT_WORDS: Record<string, string[]> = { en: ['opening', 'presented'] };

/**
 * Adverbs that say how the member wants the answer, not what about: "Concrètement, qu'est-ce que…",
 * "What exactly…", "Was genau…". stopwords-iso lists some of them ("exactly", "exactement") and not
 * others; a topic word no passage needs to hold only makes a question look less covered than it is.
 * Not the temporal ones ("currently", "aujourd'hui"), which say what is asked about.
 */
const ASKING_ADVERBS: Record<string, string[]> = {
  en: ['concretely', 'precisely', 'basically', 'roughly', 'exactly', 'actually', 'really', 'specifically'],
  fr: ['concretement', 'exactement', 'precisement', 'vraiment', 'reellement', 'finalement', 'justement', 'approximativement', 'brievement'],
  de: ['konkret', 'genau', 'eigentlich', 'wirklich', 'ungefahr'],
  es: ['concretamente', 'exactamente', 'precisamente', 'realmente', 'brevemente', 'aproximadamente'],
  it: ['concretamente', 'esattamente', 'precisamente', 'davvero', 'effettivamente', 'brevemente'],
  pt: ['concretamente', 'exatamente', 'precisamente', 'realmente', 'aproximadamente', 'brevemente'],
  nl: ['concreet', 'precies', 'eigenlijk', 'echt', 'werkelijk', 'ongeveer'],
};

/**
 * Function words stopwords-iso lacks: Dutch pronominal adverbs ("er" / "daar" / "hier" / "waar" + a
 * preposition: "Hoeveel jongeren deden eraan mee?", "waarover") point back to or ask about the topic,
 * they are none of it. As untranslatable topic words they weighed as much as a name and refused
 * questions whose topic a passage covers. Not the particle "mee" of "werkte mee" (collaborated): left
 * out, it changed which sentence answered "Welke … organisatie werkte mee aan de app…?" (held-out e38).
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  nl: [
    ...['aan', 'in', 'van', 'over', 'op', 'mee', 'bij', 'voor', 'na', 'uit', 'door', 'om', 'tegen', 'heen', 'achter', 'onder'].flatMap((p) => ['er', 'daar', 'hier', 'waar'].map((r) => `${r}${p}`)),
  ],
};

/**
 * Verbs of speaking a question frames its topic with: "the podcast in which Jeanne talks about AI",
 * "Worüber spricht…", "De quoi parle…". The passage says what was said, not that someone spoke, so
 * such a verb is a word no passage needs to cover ("spricht" meets no dictionary headword, and an
 * untranslated word weighs as much as a name). Not "present"/"discuss"/"announce", which name an act.
 */
const SPEAKING_VERBS: Record<string, string[]> = {
  en: ['speak', 'speaks', 'spoke', 'speaking', 'talk', 'talks', 'talked', 'talking', 'say', 'says', 'said', 'tell', 'tells', 'told'],
  fr: ['parle', 'parlent', 'parlait', 'parler', 'parlé', 'dit', 'disent', 'disait', 'dire', 'raconte', 'racontent'],
  de: ['spricht', 'sprechen', 'sprach', 'sprachen', 'gesprochen', 'redet', 'reden', 'redete', 'sagt', 'sagen', 'sagte', 'gesagt', 'erzählt', 'erzählen'],
  es: ['habla', 'hablan', 'hablar', 'habló', 'hablaba', 'dice', 'dicen', 'dijo', 'decir'],
  it: ['parla', 'parlano', 'parlare', 'parlato', 'parlava', 'dice', 'dicono', 'detto', 'disse', 'racconta'],
  pt: ['fala', 'falam', 'falar', 'falou', 'falava', 'diz', 'dizem', 'disse', 'dizer'],
  nl: ['spreekt', 'spreken', 'sprak', 'gesproken', 'praat', 'praten', 'praatte', 'zegt', 'zeggen', 'zei', 'gezegd', 'vertelt', 'vertellen'],
};

/**
 * The verbs of speaking of a language, folded. Not topic stop words: a follow-up's "wie sprak daar?"
 * keeps "sprak" as its own ask (conversation/follow-up.ts); only coverage leaves them out (matching.ts).
 */
const speaking = new Map<string, Set<string>>();

export function speakingVerbs(lang: LanguageCode): Set<string> {
  let set = speaking.get(lang);
  if (!set) speaking.set(lang, (set = folded(SPEAKING_VERBS[lang] ?? [])));
  return set;
}

/** Words that say nothing about a question's topic: function words, question words, fillers. */
export function topicStopwords(lang: LanguageCode): Set<string> {
  let set = broadStops.get(lang);
  if (!set) {
    const iso = (isoStopwords as Record<string, string[]>)[lang] ?? [];
    const content = new Set(TOPIC_CONTENT_WORDS[lang] ?? []);
    set = new Set([...indexStopwords(lang), ...[...folded(iso)].filter((w) => !content.has(w)), ...(ASKING_ADVERBS[lang] ?? []), ...(FUNCTION_WORDS[lang] ?? [])]);
    broadStops.set(lang, set);
  }
  return set;
}

// Stems are memoised per language: matching a question stems the same passage words again and again
// (in every corpus language), which was a fifth of ask()'s time at 100k passages. Bounded: cleared when full.
const stemCache = new Map<string, Map<string, string>>();
const STEM_CACHE_LIMIT = 100_000;

export function stem(word: string, lang: LanguageCode): string {
  if (/^\d/.test(word)) return word;
  let cache = stemCache.get(lang);
  if (!cache) stemCache.set(lang, (cache = new Map<string, string>()));
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    const stemmer = stemmerFor(lang);
    // Snowball works on accented input; our tokens are already accent-folded, which the algorithms
    // tolerate (they then miss a few accented suffixes, consistently on both index and query sides).
    stemmed = stemmer ? stemmer.stem(word) : word;
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Index-side analysis of a passage written in `lang`. */
export function analyzePassage(text: string, lang: LanguageCode): string[] {
  const stops = indexStopwords(lang);
  const out: string[] = [];
  for (const w of words(text)) {
    if (stops.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    out.push(stem(w, lang));
  }
  return out;
}

/**
 * Query-side analysis: the question is stemmed as each language it may be matched in (its own and the
 * corpus's), and the union of stems is searched, so "organisations" finds "organisation" in French and
 * English articles alike.
 */
export function analyzeQuery(text: string, langs: LanguageCode[]): string[] {
  const unique = [...new Set(langs)];
  const stops = new Set(unique.flatMap((l) => [...indexStopwords(l)]));
  const out = new Set<string>();
  for (const w of words(text)) {
    if (stops.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    for (const lang of unique) out.add(stem(w, lang));
  }
  return [...out];
}

/**
 * Ordinals and their kin are in the broad stop-word lists, yet "the first round table" and "the next
 * meeting" are different events: in a question they carry the topic. (Accent-folded.)
 */
const ORDINALS = new Set([
  'first',
  'second',
  'third',
  'last',
  'next',
  'previous',
  'premier',
  'premiere',
  'premiers',
  'premieres',
  'deuxieme',
  'seconde',
  'troisieme',
  'dernier',
  'derniere',
  'prochain',
  'prochaine',
  'precedent',
  'precedente',
  'primero',
  'primera',
  'segundo',
  'segunda',
  'tercero',
  'tercera',
  'ultimo',
  'ultima',
  'proximo',
  'proxima',
  'anterior',
  'erste',
  'ersten',
  'erster',
  'zweite',
  'zweiten',
  'dritte',
  'letzte',
  'letzten',
  'nachste',
  'nachsten',
  'vorige',
  // (Not "secondo": in a question it is mostly "according to". Words two languages share are listed once.)
  'primo',
  'prima',
  'terzo',
  'terza',
  'prossimo',
  'prossima',
  'primeiro',
  'primeira',
  'terceiro',
  'terceira',
  'eerste',
  'tweede',
  'derde',
  'laatste',
  'volgende',
]);

/** The words of a question that carry its topic, for answerability and sentence selection. */
export function topicWords(text: string, lang: LanguageCode): string[] {
  const stops = topicStopwords(lang);
  // A hyphenated form ending in a function word is grammar, not a compound: "décrit-elle", "a-t-il",
  // "dis-moi" must not become the topic words "decritelle", "atil", "dismoi" ("co-financed" stays).
  const grammatical = new Set(
    (normalizeText(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])
      .filter((c) => {
        const last = c.split('-').at(-1)!;
        return stops.has(last) || last.length === 1;
      })
      .map((c) => c.replace(/-/g, '')),
  );
  const seen = new Set<string>();
  for (const w of words(text)) {
    if ((stops.has(w) && !ORDINALS.has(w)) || grammatical.has(w)) continue;
    if (w.length < 3 && !/\d/.test(w)) continue;
    seen.add(w);
  }
  return [...seen];
}
