/**
 * How well a passage (or one sentence of it) covers the words that carry a question's topic, across
 * languages: a word counts when it appears as is, shares a stem in one of the languages involved, or is
 * a close cognate ("plataforma" ~ "plateforme"). Words are weighted by how rare they are in the corpus,
 * and a word the corpus never uses gets the average weight: it may be another language's word for
 * something the corpus has, or the very thing the corpus lacks ("treasurer").
 */
import { speakingVerbs, stem, topicWords } from '../text/analyzer.js';
import { hasPlace, happeningWords, interrogativePhraseWords, interrogativeWords, isPlaceNoun, roleAskingWords } from './answer-type.js';
import { isYear, normalizeText, wordSimilarity, words } from '../text/normalize.js';
import { sameThingWords } from '../text/counted-nouns.js';
import { priceAskingWords } from '../text/price-words.js';
import type { LanguageCode } from '../types.js';

export interface TermStats {
  /** Number of passages in the index. */
  total: number;
  /** Passages containing the (normalised) word. */
  df(word: string): number;
}

export interface WeightedTerm {
  word: string;
  weight: number;
  stems: Set<string>;
  /**
   * The word's translations into the corpus languages (a bilingual dictionary's, see Lexicon), each
   * as its words' stems: a passage that holds every word of one of them covers the term.
   */
  translations?: Set<string>[][];
  /**
   * Synonyms of a word the corpus never uses (a thesaurus's, see Thesaurus: "attendees" → "participant",
   * "set up" → "found" → "fonder"), each as its words' stems: a weaker match than the word or a translation.
   */
  synonyms?: Set<string>[][];
  /**
   * The same noun in the other languages of the counted-nouns table ("Partner" → "partenaires",
   * "landen" → "pays", "people" → "participants"; text/counted-nouns.ts), each as its words' stems. The
   * dictionaries lack many of these. Counted by the answerability gate only (coverage's `alike`): as a
   * ranking signal it makes every passage that counts participants as good as the one about the event asked.
   * A word the corpus never uses gets them as translations instead (retrieval/retrieve.ts), like the
   * sector's words and the kinds of event: there they are the only way to the articles' word.
   */
  alike?: Set<string>[][];
  /** The name the word belongs to in the question ("web summit" for "Web Summit"), if any. */
  name?: string;
  /** The word names the kind of place asked for ("cities"): a place in a passage ("à Lille") covers it (see coverage()). */
  place?: boolean;
  /** The corpus never uses the word: another language's word for something it has, or the very thing it lacks. */
  unknown?: boolean;
  /**
   * The dictionaries translate the word, and into words that no passage uses ("treasurer" → "trésorier"):
   * the question asks for something the articles lack, where an untranslated word may be a gap of the dictionaries.
   */
  lacking?: boolean;
  /** The question writes the word as a name ("Girleek", "GAFAM") and few passages use it: the question is about that one thing. */
  rareName?: boolean;
}

/**
 * Share of the passages (at most) that may use a word for it to count as a rare name (see
 * WeightedTerm.rareName): 3 of the 134 shipped passages; in a corpus of two passages, none is rare.
 */
export const RARE_NAME_SHARE = 0.025;

const COGNATE_MIN = 0.5;
/** How much a synonym's match counts: a thesaurus mixes senses ("chair" → "professorship", "president"). */
export const SYNONYM_MATCH = 0.7;
/** How far an unknown word leans towards the weight of the rarest word (0: the mean of known words). */
const ABSENT_RARITY = 0.5;

export function weightedTopicTerms(
  question: string,
  questionLang: LanguageCode,
  langs: LanguageCode[],
  stats: TermStats | null,
  translations: ReadonlyMap<string, string[]> = new Map(),
  synonyms: ReadonlyMap<string, string[]> = new Map(),
): WeightedTerm[] {
  const asking = new Set([
    ...interrogativeWords(questionLang),
    ...interrogativePhraseWords(question, questionLang),
    ...roleAskingWords(question, questionLang),
    ...speakingVerbs(questionLang),
    ...happeningWords(question, questionLang),
    ...priceAskingWords(question, questionLang),
  ]);
  const topic = topicWords(question, questionLang).filter((w) => !asking.has(w));
  if (!topic.length) return [];
  const idf = (df: number) => Math.log(1 + (stats!.total - df + 0.5) / (df + 0.5));
  const present = stats ? topic.filter((w) => stats.df(w) > 0) : [];
  const mean = present.length ? present.reduce((s, w) => s + idf(stats!.df(w)), 0) / present.length : 1;
  // An unknown word weighs between the question's known words and a rare word: enough that a
  // question about something absent ("treasurer") is not answered on its common words alone.
  const unknown = stats && stats.total ? ABSENT_RARITY * idf(1) + (1 - ABSENT_RARITY) * mean : 1;
  const stemsOf = (word: string) => new Set(langs.map((l) => stem(word, l)));
  const written = nameWords(question);
  const terms = topic.map((word): WeightedTerm => {
    const wordsOf = (list: string[]) => list.map((t) => words(t).filter((w) => w.length > 2 || /\d/.test(w))).filter((ws) => ws.length);
    const translated = wordsOf(translations.get(word) ?? []);
    const alike = wordsOf(sameThingWords(word));
    const similar = wordsOf(synonyms.get(word) ?? []);
    // A translated word keeps the weight of a word the corpus lacks: a dictionary's first sense is often
    // not the question's ("cuesta", "costs", is listed under "côte"). Weighed as its translation, it
    // cost the dev set a fact (0.90 → 0.85) and the held-out set hit@5 (0.825 → 0.775).
    const weight = !stats ? 1 : stats.df(word) > 0 ? idf(stats.df(word)) : unknown;
    const df = stats ? stats.df(word) : -1;
    return {
      word,
      weight,
      stems: stemsOf(word),
      ...(df === 0 ? { unknown: true } : {}),
      ...(df === 0 && translated.length && [...translated, ...alike].every((ws) => ws.some((w) => stats!.df(w) === 0)) ? { lacking: true } : {}),
      ...(df > 0 && df <= stats!.total * RARE_NAME_SHARE && written.has(word) ? { rareName: true } : {}),
      ...(translated.length ? { translations: translated.map((ws) => ws.map(stemsOf)) } : {}),
      ...(similar.length ? { synonyms: similar.map((ws) => ws.map(stemsOf)) } : {}),
      ...(alike.length ? { alike: alike.map((ws) => ws.map(stemsOf)) } : {}),
      ...(isPlaceNoun(word, questionLang) ? { place: true } : {}),
    };
  });
  // A name of several words ("Web Summit", "Social Tech Academy") is one thing: its words are marked,
  // and coverage() counts them fully only where the name stands whole.
  // Only names whose every word the corpus uses: a German noun pair ("Projekt Atlas", "Europäische
  // Kommission") is capitalised like a name but stands in no French passage as such.
  const names = stats ? questionNames(question).filter((name) => name.split(' ').every((w) => stats.df(w) > 0)) : [];
  for (const name of names) for (const t of terms) if (name.split(' ').includes(t.word)) t.name ??= name;
  // A year is written alike in every language, so one the corpus never mentions is no translation:
  // the articles are about other years ("NEC ESS 2026" when they tell of 2025). It weighs as much as
  // the rest of the question together, which keeps the best coverage at one half or less.
  const unseenYear = (t: WeightedTerm) => Boolean(stats) && isYear(t.word) && stats!.df(t.word) === 0;
  const rest = terms.filter((t) => !unseenYear(t)).reduce((sum, t) => sum + t.weight, 0);
  return terms.map((t) => (unseenYear(t) ? { ...t, weight: Math.max(t.weight, rest) } : t));
}

/**
 * Runs of two or more capitalised words in a question, folded: "Web Summit", "NEC ESS", "Social Good
 * Week" (a year after a name is left to the year rule of weightedTopicTerms). The question's first word is left out, capitalised
 * by the sentence and not by a name ("Welchen Plan…").
 */
export function questionNames(question: string): string[] {
  const tokens = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    // Hyphens split like words() splits them: "Jean-Marc Ayrault" is "jean marc ayrault".
    if (run.length >= 2)
      names.push(
        normalizeText(run.join(' '))
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .join(' '),
      );
    run = [];
  };
  tokens.forEach((token, i) => {
    const capital = /^\p{Lu}/u.test(token);
    if (i > 0 && capital && !/['’]/.test(token)) run.push(token);
    else flush();
  });
  flush();
  return names;
}

/**
 * The question's words written as names, folded: capitalised past the question's first word
 * ("Coopedia", "Diana Dovgan"), or with a capital after their first letter wherever they stand
 * ("GAFAM", "EurHOPE"). A German noun is capitalised too; it counts only where few passages use it.
 */
export function nameWords(question: string): Set<string> {
  const tokens = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (/['’]/.test(token)) return;
    if ((i > 0 && /^\p{Lu}/u.test(token)) || /^\p{L}+\p{Lu}/u.test(token)) for (const w of words(token)) out.add(w);
  });
  return out;
}

/** Best match (0–1) of one term among a text's words. */
function termMatch(term: WeightedTerm, textWords: string[], langs: LanguageCode[], stemCache: Map<string, Set<string>>, alike: boolean): number {
  const stemsOfText = term.translations?.length || term.synonyms?.length || (alike && term.alike?.length) ? textWords.map((w) => stemsOf(w, langs, stemCache)) : [];
  // Every word of one translation, by stem ("lettre ouverte" in "sa lettre ouverte"): no cognates here,
  // a dictionary's senses are noisy enough.
  const holds = (list: Set<string>[][] | undefined) =>
    Boolean(list?.some((translation) => translation.every((wanted) => stemsOfText.some((have) => [...have].some((s) => s.length >= 3 && wanted.has(s))))));
  if (holds(term.translations) || (alike && holds(term.alike))) return 1;
  let best = holds(term.synonyms) ? SYNONYM_MATCH : 0;
  for (const w of textWords) {
    if (w === term.word) return 1;
    const stems = stemsOf(w, langs, stemCache);
    for (const s of stems) if (term.stems.has(s) && s.length >= 3) return 1;
    // A rare name the articles write as such is matched where it stands, never by resemblance:
    // "DigitalEES" is not "digitale", nor "Coopedia" "coopération".
    if (w.length >= 4 && term.word.length >= 4 && !term.rareName) {
      const sim = wordSimilarity(w, term.word);
      if (sim >= COGNATE_MIN && sim > best) best = sim;
    }
  }
  return best;
}

function stemsOf(word: string, langs: LanguageCode[], cache: Map<string, Set<string>>): Set<string> {
  let stems = cache.get(word);
  if (!stems) {
    stems = new Set(langs.map((l) => stem(word, l)));
    cache.set(word, stems);
  }
  return stems;
}

export interface CoverageResult {
  /** Weighted share of the topic the text covers, 0–1. */
  coverage: number;
  /** Per term, how well it matched. */
  matched: number[];
}

/** "percent", "pourcentage", "percentuale", "Prozent", "porcentaje", "procent"… (accent-folded). */
const PERCENT = /^(?:per|pour|por|pro)[cz]ent/;

/**
 * `places`: a word naming the kind of place asked for is covered by any place the text names. For
 * whole passages (is this the passage about it?), not for the sentence to quote: "en France" is a
 * place, not the cities a member asked for. `alike`: a counted noun is covered by the same noun in
 * another language (WeightedTerm.alike), for the answerability gate.
 */
export function coverage(terms: WeightedTerm[], text: string, langs: LanguageCode[], options: { places?: boolean; alike?: boolean } = {}): CoverageResult {
  if (!terms.length) return { coverage: 0, matched: [] };
  const all = words(deputiesApart(text, terms));
  const textWords = [...new Set(all)];
  const cache = new Map<string, Set<string>>();
  // Words are letters and digits, so "85 %" leaves no word behind: the sign answers "percentage".
  const percent = text.includes('%');
  const folded = terms.some((t) => t.name) ? ` ${all.join(' ')} ` : '';
  // A word of a name that the text uses apart from the name ("Summit" in "Social Economy Summit" for
  // "Web Summit") is half a match: it may be another thing of the same kind.
  const matched = terms.map((t) => {
    const m = (percent && PERCENT.test(t.word)) || (options.places && t.place && hasPlace(text)) ? 1 : termMatch(t, textWords, langs, cache, options.alike ?? false);
    return t.name && m > 0 && !folded.includes(` ${t.name} `) ? m / 2 : m;
  });
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const got = terms.reduce((s, t, i) => s + t.weight * matched[i], 0);
  return { coverage: total ? got / total : 0, matched };
}

/**
 * "vice-présidente", "Vice (Présidente de la SOGA)", "Vize-Präsidentin", "deputy director": a deputy
 * holds another office than the one its noun names, so for a question that does not ask for a deputy
 * the noun is not read ("Qui est la présidente du SOGA ?" is not answered by its vice-présidente).
 * Words written as one ("vicepresidente") are another word already.
 */
function deputiesApart(text: string, terms: WeightedTerm[]): string {
  if (!DEPUTY_TEST.test(text) || terms.some((t) => DEPUTY_WORD.test(t.word))) return text;
  return text.replace(DEPUTY, '$1');
}
const DEPUTY = /(?<![\p{L}])(vice|vize|deputy|stellvertretende[rn]?)[\s-]*\(?\s*\p{L}+/giu;
const DEPUTY_TEST = /(?<![\p{L}])(?:vice|vize|deputy|stellvertretende)/iu;
const DEPUTY_WORD = /^(?:vice|vize|deputy|stellvertret)/;

/**
 * Whether a text holds one of the question's rare names (WeightedTerm.rareName: what the question is
 * about), or null when it has none. Read by the rerank and by the choice of quotes alike.
 */
export function holdsRareName(terms: WeightedTerm[], text: string, langs: LanguageCode[]): boolean | null {
  const rare = terms.filter((t) => t.rareName);
  return rare.length ? coverage(rare, text, langs).coverage > 0 : null;
}
