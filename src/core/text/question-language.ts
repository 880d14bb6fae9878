/**
 * Stage 1 of ask(): the language the member wrote in, which is the language of the answer. When the
 * text is too short or mixed for the detector to be sure ("¿Dónde?", "En waar?"), the conversation
 * decides first (a member keeps their language across a thread), then the platform locale.
 */
import type { LanguageDetector } from '../ports.js';
import type { ChatTurn, LanguageCode } from '../types.js';
import { ownWords } from './language-evidence.js';
import { indexStopwords } from './analyzer.js';
import { normalizeText } from './normalize.js';
import { languagesAskingWith } from '../answer/answer-type.js';

/** Below this the detector's guess is a coin toss on a two-word follow-up. */
const SURE = 0.25;
/** From this many words of the member's own (names aside), an unsure guess is still read from the text. */
const READABLE_WORDS = 3;

export interface LanguageHints {
  locale?: string | undefined;
  /** Earlier turns, oldest first: the member's latest confidently detected turn wins over the locale. */
  history?: readonly ChatTurn[] | undefined;
  defaultLanguage: LanguageCode;
}

export function pickLanguage(detector: LanguageDetector, text: string, hints: LanguageHints): LanguageCode {
  // Only Spanish opens a question or exclamation with ¿ / ¡; n-grams alone read "¿Qué es Coopedia?" as Catalan.
  if (opensSpanish(text)) return 'es';
  // An interrogative only one language has, opening the question, is the member's own word: it decides
  // before any hint (n-grams read "Wann endet NEC ESS 2025?" as Danish; an English locale made it English)
  // and before the detector, whom the names of a short question can sway ("Worüber sprach Gabriela
  // Martin in Ljubljana?" read as Slovenian).
  const asking = languagesAskingWith(text);
  if (asking.length === 1) return asking[0];
  const guess = detector.detect(text);
  if (guess.confidence >= SURE) return guess.lang;
  // Unsure between close languages ("Qui va organitzar la Social Good Week?": Catalan or Spanish) on a
  // question with words enough to read, a hint settles the tie but does not overrule the text: an
  // English Discord client or Matrix's default language does not make a Catalan question English.
  // A one-letter word counts when it is a function word of the guessed language: the "O" of "O SOGA
  // participou no Web Summit?" is as Portuguese as "no", and an English locale must not make it English.
  const stops = indexStopwords(guess.lang);
  const readable = ownWords(text).filter((w) => /\p{L}{2,}/u.test(w) || stops.has(normalizeText(w).replace(/[^\p{L}]/gu, ''))).length >= READABLE_WORDS;
  const fits = (lang: LanguageCode) => !readable || lang === guess.lang || (guess.alternatives ?? []).includes(lang);
  const earlier = fromConversation(detector, hints.history ?? []);
  if (earlier && fits(earlier)) return earlier;
  const fromLocale = hints.locale?.slice(0, 2).toLowerCase();
  if (fromLocale && fits(fromLocale)) return fromLocale;
  return guess.confidence > 0 ? guess.lang : hints.defaultLanguage;
}

function fromConversation(detector: LanguageDetector, history: readonly ChatTurn[]): LanguageCode | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i];
    if (turn.role !== 'user') continue;
    if (opensSpanish(turn.text)) return 'es';
    const guess = detector.detect(turn.text.slice(0, 2000));
    if (guess.confidence >= SURE) return guess.lang;
  }
  return null;
}

/**
 * ¿ / ¡ in the member's own words, not in a title they quote: 'What did the talk “¿Qué IA queremos?”
 * say about cooperatives?' is an English question.
 */
function opensSpanish(text: string): boolean {
  return /[¿¡]/.test(text.replace(/«[^»]*»|“[^”]*”|„[^“”]*[“”]|"[^"]*"/g, ' '));
}
