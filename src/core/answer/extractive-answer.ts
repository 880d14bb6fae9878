/**
 * Stage 5 without a chat model (and the fallback when it fails): the best sentences of the usable
 * passages quoted verbatim, after a lead-in in the asker's language (extractive.ts chooses them).
 */
import type { Messages } from '../i18n.js';
import type { Citation, FusedHit, LanguageCode } from '../types.js';
import { expectedAnswerTypes } from './answer-type.js';
import { articleDateLabel } from './dates.js';
import { renderExtractive, selectSentences } from './extractive.js';
import type { WeightedTerm } from './matching.js';

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

/** Null when no sentence of the passages can be quoted (all of them planted instructions, say). */
export function answerExtractively(messages: Messages, question: string, lang: LanguageCode, usable: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[]): ExtractiveAnswer | null {
  const selection = selectSentences(usable, terms, langs, expectedAnswerTypes(question, lang));
  if (!selection.quotes.length) return null;
  const dateLabel = (date: string | null) => articleDateLabel(date, lang, (key, vars) => messages.t(lang, key, vars));
  return renderExtractive(messages.t(lang, 'leadIn'), selection, dateLabel);
}
