/**
 * Stage 4 of ask(): may the passages answer at all? Answerable when one passage both covers the
 * question's topic words and, with a trusted embedding model, is among the passages the model finds
 * closest. Either signal alone is fooled: coverage by near-cognates ("presidential" ~ "présidence"),
 * cosine by anything on a neighbouring topic. Without a model, coverage decides alone.
 */
import type { FusedHit, LanguageCode } from '../types.js';
import type { Retrieved } from '../retrieval/retrieve.js';
import { ANCHORED_SHARE, anchoredByName } from './name-anchor.js';
import { askedHead, isGenericModifier } from './asked-head.js';
import { actOfHead, askedAct, isActWord, tellsAct } from '../text/act-words.js';
import { coverage, nameWords, type WeightedTerm } from './matching.js';
import { leadOf, searchableText } from '../retrieval/passage-text.js';
import { definitionOf, namesAcronym } from '../text/acronyms.js';
import { isYear, normalizeText, words } from '../text/normalize.js';
import { placeOfWord } from '../text/place-names.js';

export interface AnswerabilityOptions {
  /** Weighted share of the question's topic words a passage must cover to be used. */
  minCoverage: number;
  /**
   * With a trusted model: cosine from which a passage counts as relevant with half the coverage; never
   * enough on its own, since an off-topic question's best cosine can be as high as an answerable one's.
   */
  minVectorScore?: number;
  /** How close to the question (0–1, see closenessFrom) the covering passage must also be; 0: no check. */
  minVectorAgreement: number;
}

export interface Answerability {
  answerable: boolean;
  /**
   * The passages an extractive answer may quote: those that clear most of the threshold and that the
   * model (when trusted) does not place far from the question, since the false friends the gate exists
   * for must not be quoted either. The best passage alone when none does.
   */
  usable: FusedHit[];
  /**
   * Answerable only by a looser reading: a passage holds the rare name asked about (name-anchor.ts), or
   * covers the question with a thesaurus's synonyms. Its sentences are quoted, but no value is stated
   * from them: "Who sponsors Girleek?" got the founder's name ("sponsor" → "champion" → "défendre").
   */
  loose: boolean;
  /**
   * Set when the passages on the thing a question names do not hold what it asks for about it (its
   * head noun, asked-head.ts): the words of that head. The question is then not answerable.
   */
  missingHead?: string[];
}

/**
 * How well a passage must match each word of the head: as written, by stem, by a dictionary's
 * translation or the counted-nouns table, or as a cognate ("secretary" ~ "secrétaire", "missione" ~
 * "mission"); not by a thesaurus's synonym ("budget" → "fund" → "fondé"), nor by a loose resemblance
 * ("Generalsekretär" ~ "générale", 0.52).
 */
export const HEAD_MATCH = 0.6;
/**
 * How much of the question's other words the passage holding the head must cover, as a share of the
 * best passage's: most ("la communication du SOGA" is not Make.org's "affaires européennes"), not all
 * ("le replay de la conférence NEC ESS Europe": the passage says "replay" and "NEC ESS Europe").
 */
export const HEAD_COMMON_SHARE = 0.6;
/**
 * How much of the rest of the question the passage holding the head must cover, as a share of the
 * best passage's: the replay of NEC ESS Europe 2023 does not answer for NEC ESS 2025.
 */
export const HEAD_REST_SHARE = 0.8;

/**
 * `asked`: the question, its language, weighted words and the corpus's languages; with them, a passage
 * about the rare name a question in another language asks about needs less coverage (name-anchor.ts).
 */
export function judgeAnswerability(
  passages: FusedHit[],
  retrieved: Pick<Retrieved, 'cosines' | 'closeness'> & Partial<Pick<Retrieved, 'hits'>>,
  options: AnswerabilityOptions,
  asked?: Pick<Retrieved, 'terms' | 'langs'> & { question: string; lang: LanguageCode; corpusLangs: readonly LanguageCode[] },
): Answerability {
  const { cosines, closeness } = retrieved;
  // A counted noun written in another language ("Partner" → "partenaires") counts here, not in the
  // ranking (matching.ts, WeightedTerm.alike).
  const widened = new Map<string, number>();
  const cover = (h: FusedHit) => {
    if (!asked?.terms.some((t) => t.alike)) return h.coverage;
    let c = widened.get(h.chunk.id);
    if (c === undefined) widened.set(h.chunk.id, (c = Math.max(h.coverage, coverage(asked.terms, searchableText(h.chunk), asked.langs, { places: true, alike: true }).coverage)));
    return c;
  };
  const agrees = (h: FusedHit) => !closeness || closeness(h) >= options.minVectorAgreement;
  // A high cosine lowers the coverage needed, never to nothing: the passage must share some of the topic.
  const vectorVouches = (h: FusedHit) => options.minVectorScore !== undefined && (cosines.get(h.chunk.id) ?? -1) >= options.minVectorScore && cover(h) >= options.minCoverage / 2;
  // Only for a question in a language the articles are not written in: its other words may be
  // translations the dictionaries lack, where a word of the articles' own language that they never use
  // is simply absent ("Who sponsors Girleek?").
  const foreign = Boolean(asked) && !asked!.corpusLangs.includes(asked!.lang);
  const anchored = (h: FusedHit) => foreign && cover(h) >= options.minCoverage * ANCHORED_SHARE && agrees(h) && anchoredByName(h.chunk, asked!);
  const covered = passages.some((h) => (cover(h) >= options.minCoverage && agrees(h)) || vectorVouches(h));
  const answerable = covered || passages.some(anchored);
  // Covered without the thesaurus's synonyms (a synonym may be another sense: "sponsors" → "champion" → "défendre").
  const plain = asked?.terms.some((t) => t.synonyms) ? asked.terms.map(({ synonyms: _, ...t }) => t) : null;
  const plainly = !plain
    ? covered
    : passages.some((h) => (coverage(plain, searchableText(h.chunk), asked!.langs, { places: true, alike: true }).coverage >= options.minCoverage && agrees(h)) || vectorVouches(h));
  const quotable = (h: FusedHit) => (cover(h) >= options.minCoverage * 0.8 && agrees(h)) || vectorVouches(h);
  const usable = passages.filter(quotable);
  const fallback = usable.length ? usable : passages.slice(0, 1);
  const head = answerable && asked ? headHolders(retrieved.hits ?? passages, asked, agrees, quotable) : null;
  if (head && !head.holders.length) return { answerable: false, loose: false, usable: fallback, missingHead: head.words };
  // The passages that say what is asked are the ones to quote, wherever retrieval ranked them.
  if (head) return { answerable, loose: answerable && !plainly, usable: [...head.holders, ...fallback.filter((h) => !head.holders.includes(h))] };
  return { answerable, loose: answerable && !plainly, usable: fallback };
}

/**
 * For a question with a head noun ("Who is the <spokesperson> of SOGA?", asked-head.ts), the passages
 * that hold it together with most of what the rest of the question names (none: the articles do not
 * say it); null for a question without one. Among every passage retrieved: "vice-présidente du SOGA"
 * ranks low for a question naming the "Social Good Accelerator". The names of the rest (names, words
 * written as names) are read in the stretch of text that holds the head (a sentence, a list
 * item, a clause between semicolons) with the passage's title, its article's lead and its heading
 * (what the whole passage is about): "• Jeanne Bretécher,
 * présidente du SOGA, • Diana Dovgan, secrétaire générale de la CECOP" does not say who is secretary
 * general of SOGA; its other words anywhere in the passage ("asociación"). A head in the title or
 * heading is what the whole passage is about. A name counts where the text writes the acronym a
 * retrieved passage defines it by ("le Social Good Accelerator (SOGA)").
 */
function headHolders(
  pool: FusedHit[],
  asked: { question: string; lang: LanguageCode; terms: WeightedTerm[]; langs: LanguageCode[] },
  agrees: (h: FusedHit) => boolean,
  usable: (h: FusedHit) => boolean,
): { words: string[]; holders: FusedHit[] } | null {
  const { terms } = asked;
  // "Who founded <thing>?", "Wer hat <thing> gegründet?": the act's verb is a head as well (its words
  // in the question), held where a passage tells the act of that thing.
  const nounHead = askedHead(asked.question, asked.lang);
  const verbAct = nounHead.length ? null : askedAct(asked.question, asked.lang);
  const head = verbAct ? terms.filter((t) => isActWord(t.word)).map((t) => t.word) : nounHead;
  const at = terms.flatMap((t, i) => (head.includes(t.word) ? [i] : []));
  // Nothing but the head: no thing named to look for it in.
  if (!at.length || at.length === terms.length) return null;
  // A modifier of time or standing ("current") is neither the head nor the thing.
  const rest = terms.flatMap((t, i) => (at.includes(i) || isGenericModifier(t.word) ? [] : [i]));
  const written = nameWords(asked.question);
  // Nor a place the question sets it in ("the round table in Brussels"): the sentence that names the
  // moderators need not repeat the city the article's lead gives.
  const setting = settingWords(asked.question);
  const named = rest.filter((i) => (terms[i].name || terms[i].rareName || (written.has(terms[i].word) && !isYear(terms[i].word))) && placeOfWord(terms[i].word) < 0 && !setting.has(terms[i].word));
  // The thing asked about: its names and years, in the whole passage ("NEC ESS 2025", not the replay of
  // the 2023 edition); a common word of the question ("conférence") need not be there. A year only
  // there: an article gives it once, in its title or lead ("2021" of "Social Economy Awards 2021").
  const things = rest.filter((i) => named.includes(i) || isYear(terms[i].word));
  const acronyms = namedAcronyms(terms, pool);
  const match = (text: string) => coverage(terms, text, asked.langs, { places: true, alike: true }).matched;
  // The head without the thesaurus's synonyms (see HEAD_MATCH); the rest with them.
  const plain = terms.map((t, i) => (at.includes(i) ? { ...t, synonyms: undefined } : t));
  const headMatch = (text: string) => coverage(plain, text, asked.langs, { places: true, alike: true }).matched;
  // A head that names an act ("the moderator of", "the host of the round table") is held where a
  // text tells who did it, in its own words: "Modéré par …", "les modérateurs …", "organisé par …".
  const act = verbAct ?? actOfHead(head, asked.question, asked.lang);
  const known = new Set(words(asked.question));
  // A word of the head that is no topic word ("generale", a stop word of Italian's) is still part of it:
  // some word of the text begins as it does ("générale", "general").
  const untermed = head.filter((w) => !at.some((i) => terms[i].word === w)).map((w) => w.slice(0, 5));
  const whole = (text: string) => at.every((i) => headMatch(text)[i] >= HEAD_MATCH) && (!untermed.length || untermed.every((p) => words(text).some((w) => w.startsWith(p))));
  // A head of several words is one phrase: "secrétaire générale", not "secrétaire d’État … d’intérêt général".
  const phrase = (text: string) => {
    if (!whole(text)) return false;
    const ws = text.split(/\s+/);
    const size = at.length + untermed.length;
    const span = size + HEAD_SLACK;
    if (size < 2 || ws.length <= span) return true;
    for (let k = 0; k + span <= ws.length; k++) if (whole(ws.slice(k, k + span).join(' '))) return true;
    return false;
  };
  const holds = (text: string) => (act ? tellsAct(text, act, known) : phrase(text));
  // Weighted share of those terms the text holds.
  const share = (text: string, of: number[], matched = match(text)) => {
    const abbreviated = new Set([...acronyms].filter(([, acronym]) => namesAcronym(acronym, text)).map(([name]) => name));
    const got = (i: number) => (terms[i].name && abbreviated.has(terms[i].name) ? 1 : matched[i]);
    return of.reduce((s, i) => s + terms[i].weight * got(i), 0) / of.reduce((s, i) => s + terms[i].weight, 0);
  };
  const local = named.length ? named : things.length ? things : rest;
  const thing = things.length ? things : rest;
  const judged = pool.map((h) => {
    const heading = [h.chunk.title, leadOf(h.chunk), h.chunk.section ?? ''].join('\n');
    const whole = searchableText(h.chunk);
    const wholeThing = share(whole, thing);
    const wholeRest = share(whole, rest);
    const wholeLocal = share(whole, local);
    if (holds(heading)) return { h, wholeThing, wholeRest, wholeLocal, own: wholeLocal };
    const stretches = h.chunk.text.split(STRETCH).filter((part) => holds(part));
    return { h, wholeThing, wholeRest, wholeLocal, own: Math.max(-1, ...stretches.map((part) => share(`${heading}\n${part}`, local))) };
  });
  const best = (of: (j: (typeof judged)[number]) => number) => Math.max(...judged.map(of));
  const [bestThing, bestRest, bestLocal] = [best((j) => j.wholeThing), best((j) => j.wholeRest), best((j) => j.wholeLocal)];
  // …but an article that never names that place tells of another ("the round table in Ljubljana" is not
  // the one broadcast from Brussels): some retrieved passage of the holder's article must name it.
  const placed = rest.filter((i) => placeOfWord(terms[i].word) >= 0 || setting.has(terms[i].word));
  const placedDocs = new Set(pool.filter((h) => placed.every((i) => match(searchableText(h.chunk))[i] >= HEAD_MATCH)).map((h) => h.chunk.docId));
  const inPlace = (h: FusedHit) => !placed.length || placedDocs.has(h.chunk.docId);
  // An act is told in the passage's own words of the session ("Le deuxième atelier… Modéré par …" for
  // "the moderator of the round table on digital commons"): the passage telling it must be one the
  // answer may quote, about the thing's names and years when the question gives any, not as close to
  // each of the question's common words as the best passage.
  // Asked with a verb, the act is looked for only of a thing the question names ("HelloAsso", "NEC ESS
  // 2025"), in the stretch that tells it or the passage's heading: "Qui animait la table ronde sur les
  // communs numériques ?" names none, and is left to the coverage and the answer's choice of names.
  if (verbAct && !named.length) return null;
  const holders = verbAct
    ? judged.filter((j) => j.own >= 0 && j.own >= bestLocal * HEAD_REST_SHARE && j.wholeThing >= bestThing * HEAD_REST_SHARE && usable(j.h) && inPlace(j.h) && agrees(j.h))
    : act
      ? judged.filter((j) => j.own >= 0 && usable(j.h) && (!things.length || j.wholeThing >= bestThing * HEAD_REST_SHARE) && inPlace(j.h) && agrees(j.h))
      : judged.filter(
          (j) => j.own >= 0 && j.own >= bestLocal * HEAD_REST_SHARE && j.wholeThing >= bestThing * HEAD_REST_SHARE && j.wholeRest >= bestRest * HEAD_COMMON_SHARE && inPlace(j.h) && agrees(j.h),
        );
  return { words: at.map((i) => terms[i].word), holders: holders.map((j) => j.h) };
}

/** How many other words a head of several words may have between its own ("secrétaire générale adjointe"). */
const HEAD_SLACK = 2;

/** Prepositions that set a thing in a place ("in Brussels", "à Lyon", "em Lisboa"), in the bot's languages. */
const LOCATIVE = new Set(['in', 'at', 'a', 'en', 'im', 'em', 'no', 'na', 'nel', 'nella', 'te', 'w', 'v', 'i', 'u', 've']);

/** The (folded) capitalised words a locative preposition introduces: the place a question sets its thing in. */
function settingWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/(?<![\p{L}])(\p{L}+)\s+(\p{Lu}[\p{L}-]+)/gu)) if (LOCATIVE.has(normalizeText(m[1]))) out.add(normalizeText(m[2]));
  return out;
}

/** Where a stretch of a passage ends: a sentence, a line, a list item, a clause between semicolons. */
const STRETCH = /(?<=[.!?])\s+|[\n;•]+/u;

/** The question's names of several words that a passage defines an acronym for: name → acronym. */
function namedAcronyms(terms: WeightedTerm[], pool: FusedHit[]): Map<string, string> {
  const names = new Set(terms.flatMap((t) => (t.name ? [t.name] : [])));
  const out = new Map<string, string>();
  for (const h of pool) {
    for (const acronym of new Set(h.chunk.text.match(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu) ?? [])) {
      const name = definitionOf(acronym, h.chunk.text);
      const folded = name && words(name).join(' ');
      if (folded && names.has(folded) && !out.has(folded)) out.set(folded, acronym);
    }
  }
  return out;
}
