/**
 * Extractive answers: the embedded default and the fallback when a chat model fails. The best
 * supporting sentences of the retrieved passages are quoted verbatim, in their original language,
 * with citation numbers, after a lead-in in the asker's language.
 *
 * Candidates are windows of one or two consecutive sentences: the fact a member asks for often sits
 * next to the sentence that matches the question's words ("…Nicolas Schmit. Le sommet a permis au
 * commissaire de présenter la feuille de route…"). A sentence that ends with ":" brings the list
 * that follows it.
 */
import type { Citation, FusedHit, LanguageCode } from '../types.js';
import { coverage, holdsRareName, type WeightedTerm } from './matching.js';
import { searchableText } from '../retrieval/passage-text.js';
import { splitSentences } from './sentences.js';
import { expectedAnswerTypes, type AnswerType } from './answer-type.js';
import { isInstructionLike } from './instructions.js';
import { isYear, normalizeText, words, yearsIn } from '../text/normalize.js';
import { actIn, actOnTopic, countIn, kindMatch, type CountAsk } from './counts.js';
import type { Act } from '../text/act-words.js';
import { isListWindow } from './list-ask.js';

export interface ExtractiveOptions {
  /** Upper bound of the quoted text, in characters. */
  maxChars: number;
  /** A window longer than this scores lower: members want a short answer. */
  windowChars: number;
  maxQuotes: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { maxChars: 700, windowChars: 480, maxQuotes: 2 };

const SAME_PASSAGE_RATIO = 0.65;
/** parts.typed of a window that holds every expected kind of answer (0.4 × a full match). */
const COMPLETE = 0.4;
const OTHER_PASSAGE_RATIO = 0.85;
/** What a list adds to a window's score for a question that asks for several things (list-ask.ts). */
const LIST_BONUS = 0.2;
/** Score factor of a passage about another year than the question's. */
const OTHER_EDITION = 0.75;
/** Score factor of a passage without the question's rare name where another passage holds it: low enough that a value of the kind asked (+0.4) does not make up for it. */
const OTHER_THING = 0.4;

export interface Window {
  hitIndex: number;
  start: number;
  end: number;
  text: string;
  score: number;
  /** The parts of the score, for debugging and tests. */
  parts: Record<string, number>;
}

/**
 * Sentences of a passage, where a lead-in ending with ":" absorbs the list lines after it. Sentences
 * that address the assistant (planted instructions) are left out: a quote relays them verbatim.
 */
function units(text: string, lang: LanguageCode, longChars: number): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const sentences = splitSentences(lines[i], lang)
      .flatMap((s) => listItems(s, longChars))
      .filter((s) => !isInstructionLike(s));
    for (const s of sentences) out.push(s);
    if (/:\s*$/.test(lines[i])) {
      const items: string[] = [];
      // The first line after it is what it announces, whatever its length ("Le thème est :" → the
      // theme); more lines follow while they look like list items.
      while (
        i + 1 < lines.length &&
        !/[:?]\s*$/.test(lines[i + 1]) &&
        (/^•/.test(lines[i + 1]) || lines[i + 1].length < 80 || (!items.length && lines[i + 1].length <= 300)) &&
        items.join(' ').length < 200
      )
        items.push(
          lines[++i]
            .replace(/^•\s*/, '')
            .replace(/\s*[,;.]\s*$/, '')
            .trim(),
        );
      items.splice(0, items.length, ...items.filter((item) => !isInstructionLike(item)));
      if (items.length && out.length) out[out.length - 1] = `${out[out.length - 1]} ${items.join(' ; ')}`;
    }
  }
  return out;
}

/**
 * A sentence too long to quote whole that is a list ("Nous avons eu le plaisir d'accueillir A (…) ;
 * B (…) ; C (…).") is quoted item by item: the item that answers would otherwise be lost in a
 * 700-character quote, or scored down for its length. Each item keeps its ";", so that neighbouring
 * items joined by a space are still the passage's own words.
 */
function listItems(sentence: string, longChars: number): string[] {
  if (sentence.length <= longChars) return [sentence];
  const items = sentence.split(/(?<=;)\s+/);
  return items.length >= 3 ? items : [sentence];
}

/** Names and numbers that the question does not already contain: what an answer usually adds. */
function novelty(text: string, question: Set<string>): number {
  const fresh = (tokens: string[]) => new Set(tokens.map((t) => t.toLowerCase()).filter((t) => !question.has(t))).size;
  const names = fresh(text.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]+/gu) ?? []);
  const numbers = fresh(text.match(/(?<![\p{L}\p{N}])\d[\d.,:h]*/gu) ?? []);
  return 0.5 * (Math.min(names, 4) / 4) + 0.5 * (Math.min(numbers, 2) / 2);
}

/** "Qu'est-ce que…", "What is…", "Was ist…": a question that asks what something is, folded. */
const DEFINING =
  /^(?:qu est ce (?:que|qui|qu)|que represente|que sont|qu appelle t on|what is|what are|was ist|was sind|que es|que son|che cos e|cos e|che cosa e|o que e|o que sao|wat is|wat zijn)(?: |$)/;

/** Whether a section heading asks what something is (an FAQ's definition). */
export function definesSomething(section: string): boolean {
  return DEFINING.test(
    normalizeText(section)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

export interface ExtractiveResult {
  quotes: { text: string; hit: FusedHit }[];
}

/**
 * Every candidate window of every passage, scored; best first. `count`: the noun a "how many" question
 * counts; where a passage holds a number of it, only such a number is the kind of value asked for.
 * `act`: what a "who" question asks who did (askedAct); where a passage names who did it, only such a
 * name is.
 */
export function scoreWindows(
  hits: FusedHit[],
  terms: WeightedTerm[],
  langs: LanguageCode[],
  expected: Set<AnswerType> = new Set(),
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  count: CountAsk | null = null,
  act: Act | null = null,
  asksList = false,
  head: string[] = [],
): Window[] {
  const questionWords = new Set(terms.map((t) => t.word));
  const roleHead = head.length > 0 && expected.has('person');
  const askedYears = [...questionWords].filter(isYear);
  const windows: Window[] = [];
  // Where a passage counts the noun a "how many" question counts, only that count is the number asked for.
  const counting = countIn(
    hits.map((h) => ({ text: h.chunk.text, lang: h.chunk.lang })),
    expected,
    count,
    questionWords,
  );
  // The rare names of the question ("Coopedia": few passages use it) say what it is about: where some
  // passage holds one, a passage that holds none tells of something else, however well its dates or
  // counts fit the kind of thing asked ("Quand Coopedia a-t-il été créé ?" is not "Créer ensemble…, 25 novembre").
  const holding = hits.map((h) => holdsRareName(terms, searchableText(h.chunk), langs));
  const rareHeld = holding.includes(true);
  // Where a passage names who did the act a "who" question asks about (askedAct), only such a name is the person asked for.
  const acting = actIn(
    hits.map((h) => ({ text: h.chunk.text })),
    expected,
    act,
    questionWords,
  );
  const inPlace = actOnTopic(terms, langs);
  hits.forEach((hit, hitIndex) => {
    // The section heading is context (scored below), not a sentence to quote.
    const body = hit.chunk.section && hit.chunk.text.startsWith(hit.chunk.section) ? hit.chunk.text.slice(hit.chunk.section.length).trim() : hit.chunk.text;
    const list = units(body || hit.chunk.text, hit.chunk.lang, options.windowChars);
    // The article's lead counts as heading: it names the event and year the passage is about.
    const heading = `${hit.chunk.title}\n${hit.chunk.context ?? ''}\n${hit.chunk.section ?? ''}`;
    // How much of the question the passage as a whole covers: the sentence that answers need not
    // repeat the topic the rest of its passage has set ("cofinancé par…" under "NEC ESS Europe 2023").
    const context = 0.5 * coverage(terms, heading, langs).coverage + 0.5 * coverage(terms, `${heading}\n${hit.chunk.text}`, langs).coverage;
    // A passage that names other years than the question's, and not its own, tells of another
    // edition ("NEC ESS 2025" for a question about the 2023 one): its names are not the answer.
    const years = yearsIn(`${heading}\n${hit.chunk.text}`);
    const otherEdition = askedYears.length > 0 && years.size > 0 && !askedYears.some((y) => years.has(y)) ? OTHER_EDITION : 1;
    const otherThing = rareHeld && !holding[hitIndex] ? OTHER_THING : 1;
    // The answer to an FAQ's "Qu'est-ce que le FNAF ?" tells what the event is every year ("Il réunit
    // plus de 4 000 participants"), not what the edition a question names by its year did ("qui a
    // rassemblé plus de 4 500 participants"): unless it writes that year, it counts as another edition.
    const generic = askedYears.length > 0 && hit.chunk.section !== null && definesSomething(hit.chunk.section);
    // Retrieval's confidence, not the bare position: passages of one article often tie.
    const rankPrior = 0.6 + 0.4 * (hit.score / (hits[0]?.score || 1));
    // An FAQ question asking the same kind of thing ("Où et quand…?" for "When and where…?").
    const asked = hit.chunk.section ? expectedAnswerTypes(hit.chunk.section, hit.chunk.lang) : new Set<AnswerType>();
    const sameKind = [...expected].filter((t) => asked.has(t)).length / Math.max(expected.size, 1);
    for (let start = 0; start < list.length; start++) {
      for (let end = start + 1; end <= Math.min(start + 2, list.length); end++) {
        const parts = list.slice(start, end);
        // A window never ends on a question or a dangling lead-in ("…est :"): what answers it is elsewhere.
        if (/[?:]$/.test(parts[parts.length - 1])) continue;
        // A window that ends inside a list ends on its item's ";", which the quote leaves out.
        const text = parts.join(' ').replace(/\s*;$/, '');
        // What the heading already says need not be repeated by the sentence: half the credit goes
        // to the sentence read under its title and section.
        // "Who is the <role> of <thing>?": the role and the thing must be said of one person, in one
        // stretch of the window (a list item, a clause between ";"): "Gabriela Martin, Vice (Présidente
        // de la SOGA) ; Adrien Duguet (Président de ACTE)" holds a president and SOGA, not SOGA's president.
        const said = roleHead ? bestStretch(text, terms, langs) : text;
        const own = 0.5 * coverage(terms, said, langs).coverage + 0.5 * coverage(terms, `${heading}\n${said}`, langs).coverage;
        const length = text.length > options.windowChars ? options.windowChars / text.length : 1;
        const short = text.length < 30 ? 0.6 : 1;
        // The kind of thing asked for (a date for "when", a place for "where"…) is the strongest clue
        // once the topic words are covered.
        const typed = 0.4 * kindMatch(text, hit.chunk.lang, expected, questionWords, counting, inPlace(hit) ? acting : null);
        const fresh = novelty(text, questionWords);
        const edition = generic && !askedYears.some((y) => text.includes(y)) ? OTHER_EDITION : otherEdition;
        // "Quels sont les projets…?": the passage's list answers, not the sentence that names one item.
        const listed = asksList && isListWindow(text) ? LIST_BONUS : 0;
        const score = (own + 0.3 * context + 0.15 * fresh + typed + 0.2 * sameKind + listed) * rankPrior * length * short * edition * otherThing;
        windows.push({ hitIndex, start, end, text, score, parts: { own, context, novelty: fresh, typed, sameKind, rankPrior, length, short, listed } });
      }
    }
  });
  // Ties go to the two-sentence window: the neighbour often holds the fact the words point at.
  return windows.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
}

/** The stretch of a window (a sentence, a list item, a clause between ";") that covers most of the question. */
function bestStretch(text: string, terms: WeightedTerm[], langs: LanguageCode[]): string {
  const stretches = text.split(/(?<=[.!?])\s+|[\n;•]+/u).filter((p) => p.trim());
  if (stretches.length < 2) return text;
  return stretches.map((p) => ({ p, c: coverage(terms, p, langs).coverage })).reduce((a, b) => (b.c > a.c ? b : a)).p;
}

export function selectSentences(
  hits: FusedHit[],
  terms: WeightedTerm[],
  langs: LanguageCode[],
  expected: Set<AnswerType> = new Set(),
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  count: CountAsk | null = null,
  act: Act | null = null,
  asksList = false,
  head: string[] = [],
): ExtractiveResult {
  const windows = scoreWindows(hits, terms, langs, expected, options, count, act, asksList, head);
  // Within the best passage, the kind of thing asked for decides between near-equals: a window nearly
  // as good as the best that holds all of it (the date and the place of a "when and where") goes first,
  // rather than the neighbouring FAQ answer that repeats the event's name ("Quel est le thème…").
  if (expected.size && windows.length && windows[0].parts.typed < COMPLETE) {
    const typed = windows.findIndex((w) => w.hitIndex === windows[0].hitIndex && w.parts.typed >= COMPLETE && w.score >= windows[0].score * OTHER_PASSAGE_RATIO);
    if (typed > 0) windows.unshift(...windows.splice(typed, 1));
  }
  const chosen: Window[] = [];
  let size = 0;
  // "Où … et combien de participants … ?": when the best window gives only part of what is asked, the
  // second quote is the best window of the same article that gives what it lacks (the count in the
  // article's lead, the place in its FAQ), ahead of one that repeats the part already given.
  const completing = windows.length && expected.size > 1 && windows[0].parts.typed < COMPLETE ? completingWindow(windows, hits, expected, terms, count) : null;
  if (completing && windows[0].text.length + completing.text.length <= options.maxChars) {
    chosen.push(windows[0], completing);
    size = windows[0].text.length + completing.text.length;
  }
  for (const w of windows) {
    if (chosen.length >= options.maxQuotes) break;
    // A second quote from the same passage continues the same story; one from another passage must
    // be nearly as good to earn its place.
    const sameHit = chosen.length && w.hitIndex === chosen[0].hitIndex;
    // When the first quote already holds every kind of thing asked for (the date and the place of a
    // "when and where"), a second one must hold them too: it is no longer needed to complete the answer,
    // and a neighbouring FAQ answer on the same event ("Quel est le thème…") would only add noise.
    if (chosen.length && expected.size && chosen[0].parts.typed >= COMPLETE && w.parts.typed < COMPLETE) continue;
    if (chosen.length && w.score < chosen[0].score * (sameHit ? SAME_PASSAGE_RATIO : OTHER_PASSAGE_RATIO)) continue;
    // Two passages may hold the same sentence (an article's overlapping chunks, a copy the dedupe kept
    // apart): quoted once.
    const overlaps = chosen.some((c) => (c.hitIndex === w.hitIndex && w.start < c.end && c.start < w.end) || sameWords(c.text, w.text));
    if (overlaps || (chosen.length && size + w.text.length > options.maxChars)) continue;
    chosen.push(w);
    size += w.text.length;
  }
  // Best quote first; two quotes of one passage keep their reading order, but for "who is the <role> of
  // <thing>?" the one that says it comes first: the name is stated from the first quote.
  const byRole = head.length > 0 && expected.has('person');
  chosen.sort((a, b) => (a.hitIndex === b.hitIndex && !byRole ? a.start - b.start : b.score - a.score));
  return {
    quotes: chosen.map((c) => ({
      text: c.text.length > options.maxChars ? `${c.text.slice(0, options.maxChars).replace(/\s+\S*$/, '')}…` : c.text,
      hit: hits[c.hitIndex],
    })),
  };
}

/** The quoted window `a` already says all of `b`, word for word (case, accents and punctuation aside). */
function sameWords(a: string, b: string): boolean {
  const [x, y] = [a, b].map((t) => words(t).join(' '));
  return x === y || (y.length > 40 && x.includes(y));
}

/** Share of the best window's score from which a window that completes it may be quoted. */
const COMPLETING_RATIO = 0.6;

/** The best window of the first one's article, not overlapping it, that holds a kind of value asked that the first lacks. */
function completingWindow(windows: Window[], hits: FusedHit[], expected: Set<AnswerType>, terms: WeightedTerm[], count: CountAsk | null): Window | null {
  const [first] = windows;
  const known = new Set(terms.map((t) => t.word));
  const lang = hits[first.hitIndex].chunk.lang;
  const counting = countIn(
    hits.map((h) => ({ text: h.chunk.text, lang: h.chunk.lang })),
    expected,
    count,
    known,
  );
  const holds = (text: string, kind: AnswerType) => kindMatch(text, lang, new Set([kind]), known, kind === 'number' ? counting : null) > 0;
  const missing = [...expected].filter((kind) => !holds(first.text, kind));
  if (!missing.length) return null;
  const doc = hits[first.hitIndex].chunk.docId;
  return (
    windows.find(
      (w) =>
        w !== first &&
        hits[w.hitIndex].chunk.docId === doc &&
        !(w.hitIndex === first.hitIndex && w.start < first.end && first.start < w.end) &&
        !sameWords(first.text, w.text) &&
        w.score >= first.score * COMPLETING_RATIO &&
        missing.some((kind) => holds(w.text, kind)),
    ) ?? null
  );
}

/** Numbers citations by first appearance and renders the answer text. */
export function renderExtractive(leadIn: string, result: ExtractiveResult, dateLabel: (date: string | null) => string): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const lines = result.quotes.map((q) => {
    const quote = q.text.replace(/…$/, '');
    let citation = citations.find((c) => c.chunkId === q.hit.chunk.id);
    if (!citation) {
      citation = {
        n: citations.length + 1,
        chunkId: q.hit.chunk.id,
        docId: q.hit.chunk.docId,
        title: q.hit.chunk.title,
        source: q.hit.chunk.source,
        ...(q.hit.chunk.url ? { url: q.hit.chunk.url } : {}),
        quote,
        date: q.hit.chunk.date,
        lang: q.hit.chunk.lang,
        score: q.hit.score,
      };
      citations.push(citation);
    } else {
      citation.quote = `${citation.quote} ${quote}`;
    }
    return `« ${q.text} » [${citation.n}]`;
  });
  const dates = new Set(citations.map((c) => c.date));
  const dated = dates.size === 1 && citations[0]?.date ? ` (${dateLabel(citations[0].date)})` : '';
  return { text: `${leadIn}${dated}\n${lines.join('\n')}`, citations };
}
