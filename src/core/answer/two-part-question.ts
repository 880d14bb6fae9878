/**
 * A question that asks two things ("What is DigitalEES and when was it founded?", "Qu'est-ce que le FNAF
 * et combien de personnes y sont venues ?"): its two asks, each answerable or not on its own. The whole
 * question is judged first (ask.ts); only when the articles do not answer it whole is each part asked
 * apart, so that a member learns what the articles hold and, plainly, which part they do not answer.
 * Split where "and" (in the question's language) comes before an interrogative word, possibly after a
 * preposition ("and in which year", "und seit wann"): "When and where…" asks one thing of one topic.
 */
import { interrogativeWords } from './answer-type.js';
import { nameWords } from './matching.js';
import { normalizeText } from '../text/normalize.js';
import type { Messages } from '../i18n.js';
import type { Answer, Citation, LanguageCode } from '../types.js';

/**
 * "And", as each language the bot detects writes it between two questions (lower case, accents kept:
 * Italian "è" is no "e").
 */
const AND: Record<string, string[]> = {
  en: ['and'],
  fr: ['et'],
  de: ['und'],
  es: ['y', 'e'],
  it: ['e', 'ed'],
  pt: ['e'],
  nl: ['en'],
  pl: ['i', 'a', 'oraz'],
  cs: ['a', 'i'],
  sk: ['a', 'i'],
  sl: ['in'],
  hr: ['i'],
  sv: ['och'],
  da: ['og'],
  fi: ['ja'],
  et: ['ja'],
  hu: ['és'],
  ro: ['și', 'şi', 'si'],
  ca: ['i'],
  lt: ['ir'],
  lv: ['un'],
  el: ['και'],
  bg: ['и'],
};

/**
 * Interrogatives that open a second ask but that interrogativeWords leaves out, since elsewhere they are
 * no topic word either way ("how", "wie", "wat"): what a second ask may start with (folded).
 */
const MORE_INTERROGATIVES: Record<string, string[]> = {
  en: ['how', 'why', 'whose'],
  fr: ['comment', 'pourquoi', 'que', 'qu', 'quoi', 'ou', 'depuis', 'combien'],
  de: ['wie', 'was', 'warum', 'woher', 'wohin', 'seit'],
  es: ['como', 'por', 'desde'],
  it: ['come', 'perche', 'cosa', 'cos', 'da'],
  pt: ['como', 'porque', 'desde'],
  nl: ['hoe', 'wat', 'waarom', 'sinds'],
  pl: ['jak', 'co', 'dlaczego', 'jaki', 'jaka', 'jakie', 'od'],
  cs: ['jak', 'co', 'proc', 'jaky', 'jaka', 'jake', 'od'],
  sk: ['ako', 'co', 'preco', 'kedy', 'kde', 'kto', 'kolko'],
  sv: ['hur', 'vad', 'vilka', 'vilken', 'vilket', 'varfor', 'nar', 'var', 'vem'],
  da: ['hvad', 'hvor', 'hvem', 'hvornar', 'hvordan', 'hvilke', 'hvilken'],
  fi: ['mita', 'mika', 'milloin', 'missa', 'kuka', 'kuinka', 'miten'],
  et: ['mis', 'millal', 'kus', 'kes', 'kui'],
  hu: ['mit', 'mi', 'mikor', 'hol', 'ki', 'hany', 'hogyan'],
  ro: ['ce', 'cand', 'unde', 'cine', 'cati', 'cum'],
  ca: ['que', 'quan', 'on', 'qui', 'quants', 'com'],
  sl: ['kaj', 'kdaj', 'kje', 'kdo', 'koliko', 'kako'],
  hr: ['sto', 'sta', 'kada', 'gdje', 'tko', 'koliko', 'kako'],
  lt: ['kas', 'kada', 'kur', 'kiek', 'kaip'],
  lv: ['kas', 'kad', 'kur', 'cik', 'ka'],
  el: ['τι', 'ποτε', 'που', 'ποιος', 'ποια', 'ποσοι', 'ποσα', 'πως'],
  bg: ['какво', 'кога', 'къде', 'кой', 'колко', 'как'],
};

/** At most this many words (a preposition) between "and" and the interrogative: "and in which year". */
const GAP = 1;

/** Words the first ask needs: an interrogative and a topic ("What is DigitalEES"), not "When" alone. */
const MIN_FIRST_WORDS = 3;
/** Words the second ask needs: "when was it launched", not "where". */
const MIN_SECOND_WORDS = 2;

/**
 * The two asks of a two-part question, as the member wrote them (the first closed with its question mark),
 * or null for a question that asks one thing.
 */
export function twoPartQuestion(question: string, lang: LanguageCode): [string, string] | null {
  const ands = new Set(AND[lang] ?? []);
  if (!ands.size) return null;
  const asking = new Set([...interrogativeWords(lang), ...(MORE_INTERROGATIVES[lang] ?? [])]);
  const tokens = [...question.matchAll(/[\p{L}\p{N}]+/gu)];
  const folded = tokens.map((m) => normalizeText(m[0]));
  for (let i = MIN_FIRST_WORDS; i < tokens.length - MIN_SECOND_WORDS; i++) {
    if (!ands.has(tokens[i][0].toLocaleLowerCase(lang))) continue;
    const opens = folded.slice(i + 1, i + 2 + GAP).some((w) => asking.has(w));
    if (!opens) continue;
    const at = tokens[i].index;
    const first = question.slice(0, at).replace(/[\s,;:–—-]+$/u, '');
    // The first ask names its thing ("What is DigitalEES"); "How many attendees and how many speakers
    // did NEC ESS have?", "In quale città e in che giorno…?" share a topic that only the second writes.
    if (!nameWords(first).size) return null;
    const second = question.slice(at + tokens[i][0].length).trim();
    if (tokens.length - i - 1 < MIN_SECOND_WORDS) return null;
    // The member's closing mark (or none) on both asks: "¿Qué es el FNAF" gets its "?".
    const mark = /[?？;;]\s*$/u.exec(question)?.[0].trim() ?? '';
    return [`${first}${mark && !first.endsWith(mark) ? (lang === 'fr' ? ` ${mark}` : mark) : ''}`, second.charAt(0).toLocaleUpperCase(lang) + second.slice(1)];
  }
  return null;
}

/** What joinPartAnswers needs of each part's answer. */
export interface PartAnswer {
  ask: string;
  answer: Answer;
}

/**
 * One answer from the answers to the two asks, in the member's order: each answered part as it was
 * answered (its citations renumbered after the first part's, a passage both cite keeping one number),
 * each unanswered one said plainly in the member's language with their own words (`partNotFound`).
 * Null when neither part is answered: the whole question's refusal stands.
 */
export function joinPartAnswers(parts: [PartAnswer, PartAnswer], lang: LanguageCode, messages: Pick<Messages, 't'>): Pick<Answer, 'text' | 'citations' | 'direct' | 'mode' | 'retrieved'> | null {
  const answered = parts.filter((p) => p.answer.grounded);
  if (!answered.length) return null;
  const citations: Citation[] = [];
  const texts: string[] = [];
  let direct: string | undefined;
  for (const { ask, answer } of parts) {
    if (!answer.grounded) {
      texts.push(messages.t(lang, 'partNotFound', { part: ask }));
      continue;
    }
    const renumbered = new Map<number, number>();
    for (const c of answer.citations) {
      const same = citations.find((had) => had.chunkId === c.chunkId && had.quote === c.quote);
      const n = same?.n ?? Math.max(0, ...citations.map((had) => had.n), ...renumbered.values()) + 1;
      renumbered.set(c.n, n);
      if (!same) citations.push({ ...c, n });
    }
    const renumber = (text: string) => text.replace(/\[(\d+)\]/g, (all, n: string) => (renumbered.has(Number(n)) ? `[${renumbered.get(Number(n))}]` : all));
    texts.push(renumber(answer.text));
    if (answer.direct && direct === undefined) direct = renumber(answer.direct);
  }
  return { text: texts.join('\n\n'), citations, direct, mode: answered[0].answer.mode, retrieved: answered[0].answer.retrieved };
}
