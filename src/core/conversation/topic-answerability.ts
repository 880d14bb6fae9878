/**
 * Answerability of a follow-up on a topic the conversation has already found in the articles. "How many
 * people attended?" after "What did SOGA members do at the FNAF 2021?" is searched as "FNAF 2021 — How
 * many people attended?": the passage that names the FNAF 2021 and its 4,500 participants covers the
 * topic whole but not the ask's verbs (the article says "a rassemblé"), and the share of the whole query
 * it covered fell under the threshold, so a short ask was refused where the same ask with the topic
 * spelled out in other words was not. For such a turn the topic counts as matched context: what is left
 * to check is that the passage answers the kind of thing asked (a count, a name, a date…) or, for an ask
 * that names no kind of value ("what does it offer?"), that it belongs to an article the previous
 * answer cited.
 */
import { answerTypeMatch, expectedAnswerTypes } from '../answer/answer-type.js';
import { coverage, type WeightedTerm } from '../answer/matching.js';
import { searchableText } from '../retrieval/passage-text.js';
import { topicWords } from '../text/analyzer.js';
import { isYear, normalizeText } from '../text/normalize.js';
import type { FusedHit, LanguageCode } from '../types.js';
import { QUESTION_WORDS } from './follow-up.js';

/** An ask of more topic words than this says enough of its own to be judged on its own coverage. */
const MAX_ASK_WORDS = 2;
// The second word of "how many" / "how much" / "wie viele": part of the question word, not of the ask.
const QUANTIFIERS = new Set(['many', 'much', 'viele', 'vielen', 'viel']);

export interface FollowUpTopic {
  /** The names the rewrite took from earlier turns ("FNAF 2021"). */
  topic: string;
  /** The new turn's ask ("How many people attended?"). */
  ask: string;
  lang: LanguageCode;
  /** Documents the previous answer cited. */
  priorSources: readonly string[];
}

/** The passages that answer the follow-up on its topic, or none when the ask must be judged as usual. */
export function vouchedByTopic(passages: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[], turn: FollowUpTopic): FusedHit[] {
  const inTopic = new Set(topicWords(turn.topic, turn.lang));
  const topicTerms = terms.filter((t) => inTopic.has(t.word));
  if (!topicTerms.length) return [];
  const askWords = normalizeText(turn.ask).match(/[\p{L}\p{N}]+/gu) ?? [];
  // Only a question ("and the weather?" asks nothing of the topic), short, and without a year of its
  // own (a year is a constraint the passage must meet, judged by coverage as usual).
  if (!askWords.some((w) => QUESTION_WORDS.has(w)) || askWords.some(isYear)) return [];
  if (topicWords(turn.ask, turn.lang).filter((w) => !QUESTION_WORDS.has(w) && !QUANTIFIERS.has(w)).length > MAX_ASK_WORDS) return [];
  const expected = expectedAnswerTypes(turn.ask, turn.lang);
  const known = new Set(terms.map((t) => t.word));
  const prior = new Set(turn.priorSources);
  return passages.filter((h) => {
    // The whole topic, every name whole: half a name ("Summit" of "Web Summit") may be another thing.
    if (!coverage(topicTerms, searchableText(h.chunk), langs, { places: true }).matched.every((m) => m >= 1)) return false;
    return expected.size ? answerTypeMatch(h.chunk.text, expected, known) > 0 : prior.has(h.chunk.docId);
  });
}

/** Share of its weight a topic word keeps when choosing the sentences that answer a follow-up. */
const TOPIC_WEIGHT_IN_ANSWER = 0.3;

/**
 * The query's terms for choosing what to quote in answer to a follow-up: the topic's words weigh less,
 * since the passages retrieved for the turn already name the topic; the sentence to quote is the one
 * that says what the new ask asks, not the one that repeats the topic most ("pacte compétences —
 * quels projets du SOGA s'y inscrivent ?": the sentence naming the projects, not the one on signing
 * the pact's charter).
 */
export function askWeightedTerms(terms: WeightedTerm[], turn: Pick<FollowUpTopic, 'topic' | 'lang'>): WeightedTerm[] {
  const inTopic = new Set(topicWords(turn.topic, turn.lang));
  // A rare name the topic carries does not decide what is quoted either: the conversation found its
  // passages already, and a turn that changes subject ("And who is SOGA's president?") must not be
  // answered from them for holding it (answer/extractive.ts scores down passages without the rare names).
  return terms.map((t) => (inTopic.has(t.word) ? { ...t, weight: t.weight * TOPIC_WEIGHT_IN_ANSWER, rareName: undefined } : t));
}

/** Share of its retrieval score a passage outside the articles just cited keeps when choosing what to quote in a follow-up. */
const UNCITED_IN_ANSWER = 0.8;

/**
 * The passages to quote from in answer to a follow-up, those of the articles the previous answer cited
 * first among near-equals: "And which projects did SOGA present there?" after an answer on the Strasbourg
 * summit asks about that summit, not about another article's "new projects presented". Only the order of
 * confidence changes (a quote's score counts its passage's retrieval score): a much better sentence
 * elsewhere is still quoted.
 */
export function citedFirst(passages: FusedHit[], priorSources: readonly string[]): FusedHit[] {
  const prior = new Set(priorSources);
  if (!passages.some((h) => prior.has(h.chunk.docId))) return passages;
  return passages.map((h) => (prior.has(h.chunk.docId) ? h : { ...h, score: h.score * UNCITED_IN_ANSWER }));
}
