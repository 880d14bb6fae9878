/**
 * Whether a chat turn depends on the conversation, and if so the query to search instead: the topic's
 * names from the earlier user turns plus the new turn's ask ("NEC ESS 2025 — where?").
 *
 * Rules, no model: gluing every turn onto the previous question answered a follow-up with the wrong
 * facet and refused a fresh question asked after an unrelated one. A turn is rewritten only when it
 * carries a sign of depending on what came before (a leading "and"/"what about", "the same for", a
 * pronoun pointing back, a fragment of a few words) and names no topic of its own.
 */
import type { ChatTurn, LanguageCode } from '../types.js';
import { isYear, normalizeText, yearsIn } from '../text/normalize.js';
import { topicWords } from '../text/analyzer.js';

export type FollowUpDecision =
  | { kind: 'standalone'; query: string }
  | { kind: 'follow_up'; query: string; topic: string; signal: FollowUpSignal };

/** What made the turn a follow-up (kept for logs and tests). */
export type FollowUpSignal = 'connective' | 'same_for' | 'pronoun' | 'fragment';

/** A turn this short (in words) and without a name of its own is a fragment ("Where?", "How many participants?"). */
const FRAGMENT_WORDS = 4;

// Leading words that attach the turn to the previous one: "And where?", "Et combien ?", "What about…".
const CONNECTIVE = new RegExp(
  '^[\\s¿¡"«“]*(?:' + [
    'and(?: what about| how about)?', 'what about', 'how about', 'also', 'but', 'then', 'so',
    'et(?: pour| pour ce qui est de| concernant| quant à)?', 'mais', 'aussi', 'alors', 'donc', 'quid de',
    'und(?: was ist mit| wie steht es mit)?', 'aber', 'auch', 'dann', 'also',
    // Not the French "Y a-t-il…?", which asks afresh.
    'y(?! a-t| aura)(?: qué hay de| qué pasa con| en cuanto a)?', 'pero', 'también', 'entonces',
    'e(?: per| quanto a| riguardo a| che dire di)?', 'ed', 'ma', 'anche', 'allora', 'quindi',
    'e sobre', 'e o que dizer de', 'mas', 'também', 'então',
    'en(?: wat met| hoe zit het met| wat dacht je van)?', 'maar', 'ook', 'dan',
  ].join('|') + ')(?=[\\s,?!.]|$)[\\s,]*',
  'iu',
);

// "The same for 2023", "la même chose pour…", "dasselbe für…".
const SAME_FOR = new RegExp(
  '\\b(?:' + [
    'the same (?:for|in|about|question for)', 'same (?:for|in|question)', 'likewise for',
    'la même (?:chose|question) (?:pour|en)', 'pareil (?:pour|en)', 'idem (?:pour|en)', 'de même pour',
    'dasselbe (?:für|in|im)', 'das gleiche (?:für|in|im)', 'genauso (?:für|in|im)', 'gleiche frage (?:für|zu)',
    'lo mismo (?:para|en|con)', 'la misma pregunta (?:para|sobre)', 'igual (?:para|en)',
    'lo stesso (?:per|nel|in)', 'la stessa (?:cosa|domanda) (?:per|nel|in)', 'idem (?:per|nel)',
    'o mesmo (?:para|em|no)', 'a mesma (?:coisa|pergunta) (?:para|em|no)',
    'hetzelfde (?:voor|in)', 'dezelfde vraag (?:voor|over)', 'net zo (?:voor|in)',
  ].join('|') + ')\\b',
  'iu',
);

// Pronouns and demonstratives that point back to something named earlier. Impersonal and existential
// uses ("il y a", "il faut", "es gibt", "is there") are removed before looking.
const POINTING_BACK: Record<string, RegExp> = {
  en: /\b(?:it|its|they|them|their|there|this event|that event|this one|that one|this workshop|that workshop|he|she|him|her)\b/iu,
  fr: /(?:^|[\s'’-])(?:il|elle|ils|elles|lui|leur|leurs|y|là-bas|celui-ci|celle-ci|ce dernier|cette dernière|cet (?:événement|évènement|atelier)|cette (?:rencontre|conférence|édition))(?=[\s?!.,'’-]|$)/iu,
  de: /\b(?:es|er|ihn|ihm|dort|da|dies|dieses|diese veranstaltung|davon|dafür|daran|darüber|dabei|daran|damit)\b|(?:^|\s)(?:sie|ihr|ihre)(?=[\s?!.,]|$)/u,
  es: /(?:^|\s)(?:él|ella|ellos|ellas|allí|allá|ahí|eso|esto|ese evento|este evento|dicho evento|dicha|su|sus)(?=[\s?!.,]|$)/iu,
  it: /(?:^|\s)(?:esso|essa|essi|esse|lì|là|questo|quello|quell'evento|quest'evento|questo evento|tale evento|suo|sua|suoi|loro)(?=[\s?!.,]|$)/iu,
  pt: /(?:^|\s)(?:ele|ela|eles|elas|lá|ali|isso|isto|esse evento|este evento|nele|nela|dele|dela|seu|sua|seus|suas)(?=[\s?!.,]|$)/iu,
  nl: /(?:^|\s)(?:daar|daarvan|daarover|ervan|erover|ze|zij|hij|hem|haar|dat evenement|dit evenement|die bijeenkomst)(?=[\s?!.,]|$)/iu,
};

const IMPERSONAL: Record<string, RegExp> = {
  en: /\b(?:is|are|was|were|will) there\b|\bthere (?:is|are|was|were|will)\b/giu,
  fr: /\bil (?:y a|faut|s'agit|s’agit|est possible|existe)\b|\by a-t-il\b|\by aura-t-il\b/giu,
  de: /\b(?:es gibt|gibt es|gab es|es gab|wird es|geht es)\b/giu,
  es: /(?!)/gu,
  it: /(?!)/gu,
  pt: /(?!)/gu,
  nl: /\ber (?:is|zijn|was|waren)\b|\b(?:is|zijn|was|waren) er\b/giu,
};

const QUOTED = /[«“"‘]\s*([^«»“”"‘’]{3,120}?)\s*[»”"’]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * The names a turn carries: quoted titles, acronyms, capitalised words after the first (except in
 * German, where every noun is capitalised) and years. Runs of capitalised words stay together.
 */
export function namesIn(text: string, lang: LanguageCode): { names: string[]; years: string[] } {
  const names: string[] = [];
  for (const m of text.matchAll(QUOTED)) names.push(m[1].trim());
  const unquoted = text.replace(QUOTED, ' ');
  const tokens = [...unquoted.matchAll(WORD)].map((m) => ({ word: m[0].replace(/[.'’-]+$/u, ''), index: m.index ?? 0 }));
  let run: string[] = [];
  const flush = () => { if (run.length) names.push(run.join(' ')); run = []; };
  tokens.forEach(({ word, index }, i) => {
    const acronym = /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(word) && word.length >= 2 && !isYear(word);
    const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
    // The first word, and one after a sentence end, is capitalised by grammar, not because it is a name.
    const sentenceStart = i === 0 || /[.?!¿¡:]\s*$/u.test(unquoted.slice(0, index));
    const mixed = /\p{Ll}\p{Lu}/u.test(word) || (/\p{L}/u.test(word) && /\p{N}/u.test(word));
    const name = acronym || mixed || (capitalised && !sentenceStart && lang !== 'de');
    if (name) run.push(word);
    else flush();
  });
  flush();
  return { names: unique(names), years: [...yearsIn(unquoted)] };
}

/** Decide whether `question` depends on the conversation, and the query to search. */
export function decideFollowUp(question: string, history: ChatTurn[], lang: LanguageCode): FollowUpDecision {
  const trimmed = question.trim();
  const earlier = history.filter((t) => t.role === 'user').map((t) => t.text.trim()).filter(Boolean);
  if (!earlier.length) return { kind: 'standalone', query: trimmed };
  const signal = dependenceSignal(trimmed, lang);
  if (!signal) return { kind: 'standalone', query: trimmed };
  const topic = topicOf(earlier, lang, yearsIn(trimmed).size > 0);
  if (!topic) return { kind: 'standalone', query: trimmed };
  const ask = trimmed.replace(CONNECTIVE, '').trim() || trimmed;
  return { kind: 'follow_up', query: `${topic} — ${ask}`, topic, signal };
}

/** The sign that the turn leans on earlier ones, or null when it stands on its own. */
export function dependenceSignal(question: string, lang: LanguageCode): FollowUpSignal | null {
  const { names } = namesIn(question, lang);
  const wordCount = (question.match(WORD) ?? []).length;
  // A turn naming its own topic is searched as it stands ("And when is NEC ESS 2025?"), unless it is
  // only a few words after "and" ("Et à Bruxelles ?" still asks about the earlier event).
  const connective = CONNECTIVE.test(question);
  if (connective && wordCount <= FRAGMENT_WORDS) return 'connective';
  if (names.length) return null;
  if (SAME_FOR.test(question)) return 'same_for';
  if (connective) return 'connective';
  const base = lang.slice(0, 2);
  const pointer = POINTING_BACK[base];
  const impersonal = IMPERSONAL[base];
  if (pointer && pointer.test(impersonal ? question.replace(impersonal, ' ') : question)) return 'pronoun';
  if (wordCount <= FRAGMENT_WORDS) return 'fragment';
  return null;
}

/**
 * The topic of the conversation: the names of the latest earlier user turn that has any, with the
 * years of the latest turn that names one (unless the new turn brings its own year). Falls back to
 * that turn's topic words when nobody used a name.
 */
function topicOf(earlier: string[], lang: LanguageCode, newTurnHasYear: boolean): string {
  let years: string[] | undefined;
  for (const text of [...earlier].reverse()) {
    const found = namesIn(text, lang);
    if (!years && found.years.length) years = found.years;
    if (found.names.length) return joinTopic(found.names, newTurnHasYear ? [] : years ?? []);
  }
  const last = earlier.at(-1)!;
  const words = topicWords(last, lang).filter((w) => !isYear(w));
  return joinTopic(words.length ? [original(last, words)] : [], newTurnHasYear ? [] : years ?? []);
}

function joinTopic(names: string[], years: string[]): string {
  const text = names.join(' ');
  const missing = years.filter((y) => !text.includes(y));
  return [text, ...missing].filter(Boolean).join(' ');
}

/** The earlier turn's words in their written form (topicWords folds accents and case). */
function original(text: string, folded: string[]): string {
  const wanted = new Set(folded);
  const kept = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => wanted.has(normalizeText(w)));
  return (kept.length ? kept : folded).join(' ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
