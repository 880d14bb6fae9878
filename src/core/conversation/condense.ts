/**
 * Stage 2 of ask(): the query that is searched. Whether a turn depends on the conversation is
 * decided by rules (conversation/follow-up): a self-contained question is searched as it stands;
 * a follow-up ("And where?") becomes the topic plus the new ask ("NEC ESS 2025 — where?"), worded by
 * the chat model when there is one.
 */
import { describeError } from '../errors.js';
import type { ChatModel, TermStats } from '../ports.js';
import { normalizeText, yearsIn } from '../text/normalize.js';
import { placeSpellings } from '../text/place-names.js';
import { deadline, fill } from '../text/template.js';
import type { ChatTurn, LanguageCode } from '../types.js';
import { decideFollowUp } from './follow-up.js';
import { editionNamer } from './edition-name.js';
import type { EventRecord } from '../events/types.js';

/** Below this many indexed passages, how many mention a name says nothing about the name. */
const MIN_PASSAGES_FOR_SHARES = 50;

export interface CondenseDeps {
  chat: ChatModel | null;
  /** The condense prompt template ({{history}}, {{question}}). */
  prompt: string;
  warn: (message: string) => void;
  llmTimeoutMs: number;
  maxQuestionChars: number;
  /** The index's word counts: a name most passages use (the organisation's own) is no topic. */
  termStats?: () => Promise<TermStats>;
  /** The events index: the names each edition of a series goes by ("and for the 2025 edition?"). */
  events?: () => Promise<EventRecord[]>;
}

/** The query to search and, for a turn that leans on the conversation, the documents the previous answer cited. */
export interface Condensed {
  query: string;
  dependent: boolean;
  /** Document ids cited by the latest answer, when the turn depends on the conversation (a retrieval prior, never a filter). */
  priorSources: string[];
  /** For a rewrite of the earlier turns' names and the new ask ("NEC ESS 2025 — where?"): both parts, for answerability. */
  topic?: { topic: string; ask: string };
}

/** Each place of `topic` in the spelling the articles use most, when they never use the one written. */
function inArticlesSpelling(topic: string, shareOf: (name: string) => number): string {
  return topic.replace(/[\p{L}][\p{L}'’-]*/gu, (word) => {
    const spellings = placeSpellings(word);
    if (!spellings.length || shareOf(word) > 0) return word;
    const best = spellings.reduce((a, b) => (shareOf(b) > shareOf(a) ? b : a));
    return shareOf(best) > 0 ? best : word;
  });
}

export async function condenseFollowUp(deps: CondenseDeps, question: string, history: ChatTurn[], lang: LanguageCode, signal?: AbortSignal): Promise<Condensed> {
  const standalone = (query: string): Condensed => ({ query, dependent: false, priorSources: [] });
  if (!history.some((t) => t.role === 'user')) return standalone(question);
  const stats = deps.termStats ? await deps.termStats() : undefined;
  // The share of passages holding a name's rarest word (see FollowUpOptions.nameShare).
  // In a handful of passages every name looks common: the share says something only in a real corpus.
  const shareOf = (name: string) => {
    const words = normalizeText(name).match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.length ? Math.min(...words.map((w) => stats!.df(w))) / stats!.total : 0;
  };
  // A place is as common as its most common spelling: "Straßburg" is the articles' "Strasbourg".
  const nameShare = stats && stats.total >= MIN_PASSAGES_FOR_SHARES ? (name: string) => Math.max(shareOf(name), ...placeSpellings(name).map(shareOf)) : undefined;
  const editionName = deps.events ? editionNamer(await deps.events()) : undefined;
  const decision = decideFollowUp(question, history, lang, { nameShare, editionName });
  if (decision.kind === 'standalone') return standalone(decision.query);
  // The topic's places as the articles spell them, which is what the search matches ("Straßburg" → "Strasbourg").
  if (nameShare) {
    const respelled = inArticlesSpelling(decision.topic, shareOf);
    if (respelled !== decision.topic && decision.query.startsWith(`${decision.topic} — `)) {
      decision.query = `${respelled}${decision.query.slice(decision.topic.length)}`;
      decision.topic = respelled;
    }
  }
  // "And where?" asks about what the bot just answered: the passages of the documents it cited.
  // …unless the turn moves to another year ("and for 2025?"): the documents just cited are about the other edition.
  const otherYear = [...yearsIn(question)].some((y) => !yearsIn(decision.topic).has(y));
  const prior = otherYear ? [] : (history.findLast((t) => t.role === 'assistant')?.sources ?? []);
  const prefix = `${decision.topic} — `;
  const parts = decision.query.startsWith(prefix) ? { topic: { topic: decision.topic, ask: decision.query.slice(prefix.length) } } : {};
  const followUp = (query: string): Condensed => ({ query, dependent: true, priorSources: prior, ...parts });
  // The model only words a rewrite the rules asked for: asked to rewrite every turn, it also glued a
  // fresh question onto an unrelated earlier one.
  if (!deps.chat) return followUp(decision.query);
  try {
    const transcript = history
      .slice(-6)
      .map((t) => `${t.role === 'user' ? 'Member' : 'Assistant'}: ${t.text.slice(0, 600)}`)
      .join('\n');
    const rewritten = await deps.chat.generate([{ role: 'user', content: fill(deps.prompt, { history: transcript, question }) }], {
      signal: deadline(Math.min(deps.llmTimeoutMs, 8000), signal),
    });
    const line = rewritten.trim().split('\n')[0]?.trim();
    if (line && line.length <= deps.maxQuestionChars) return followUp(line);
  } catch (error) {
    deps.warn(`condensing the follow-up failed, searching the topic and the new question instead: ${describeError(error)}`);
  }
  return followUp(decision.query);
}
