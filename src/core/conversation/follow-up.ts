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
import { relativePhrases } from '../text/relative-periods.js';
import { indexStopwords, topicStopwords, topicWords } from '../text/analyzer.js';
import { expectedAnswerTypes } from '../answer/answer-type.js';
import { foldPlace } from '../text/place-names.js';

export type FollowUpDecision = { kind: 'standalone'; query: string } | { kind: 'follow_up'; query: string; topic: string; signal: FollowUpSignal };

/** What made the turn a follow-up (kept for logs and tests). */
export type FollowUpSignal = 'connective' | 'same_for' | 'pronoun' | 'fragment';

/** A turn this short (in words) and without a name of its own is a fragment ("Where?", "How many participants?"). */
const FRAGMENT_WORDS = 4;

// Leading words that attach the turn to the previous one: "And where?", "Et combien ?", "What about…".
const CONNECTIVE = new RegExp(
  '^[\\s¿¡"«“]*(?:' +
    [
      'and(?: what about| how about)?',
      'what about',
      'how about',
      'also',
      'but',
      'then',
      'so',
      'et(?: pour| pour ce qui est de| concernant| quant à)?',
      'mais',
      'aussi',
      'alors',
      'donc',
      'quid de',
      'und(?: was ist mit| wie steht es mit)?',
      'aber',
      'auch',
      'dann',
      'also',
      // Not the French "Y a-t-il…?", which asks afresh.
      'y(?! a-t| aura)(?: qué hay de| qué pasa con| en cuanto a)?',
      'pero',
      'también',
      'entonces',
      'e(?: per| quanto a| riguardo a| che dire di)?',
      'ed',
      'ma',
      'anche',
      'allora',
      'quindi',
      'e sobre',
      'e o que dizer de',
      'mas',
      'também',
      'então',
      'en(?: wat met| hoe zit het met| wat dacht je van)?',
      'maar',
      'ook',
      'dan',
    ].join('|') +
    ')(?=[\\s,?!.]|$)[\\s,]*',
  'iu',
);

// "The same for 2023", "la même chose pour…", "dasselbe für…".
const SAME_FOR = new RegExp(
  '\\b(?:' +
    [
      'the same (?:for|in|about|question for)',
      'same (?:for|in|question)',
      'likewise for',
      'la même (?:chose|question) (?:pour|en)',
      'pareil (?:pour|en)',
      'idem (?:pour|en)',
      'de même pour',
      'dasselbe (?:für|in|im)',
      'das gleiche (?:für|in|im)',
      'genauso (?:für|in|im)',
      'gleiche frage (?:für|zu)',
      'lo mismo (?:para|en|con)',
      'la misma pregunta (?:para|sobre)',
      'igual (?:para|en)',
      'lo stesso (?:per|nel|in)',
      'la stessa (?:cosa|domanda) (?:per|nel|in)',
      'idem (?:per|nel)',
      'o mesmo (?:para|em|no)',
      'a mesma (?:coisa|pergunta) (?:para|em|no)',
      'hetzelfde (?:voor|in)',
      'dezelfde vraag (?:voor|over)',
      'net zo (?:voor|in)',
    ].join('|') +
    ')\\b',
  'iu',
);

// Pronouns and demonstratives that point back to something named earlier. Impersonal and existential
// uses ("il y a", "il faut", "es gibt", "is there") are removed before looking.
const POINTING_BACK: Record<string, RegExp> = {
  en: /\b(?:it|its|they|them|their|there|this event|that event|this one|that one|this workshop|that workshop|he|she|him|her)\b/iu,
  fr: /(?:^|[\s'’-])(?:il|elle|ils|elles|lui|leur|leurs|y|là-bas|celui-ci|celle-ci|ce dernier|cette dernière|cet (?:événement|évènement|atelier)|cette (?:rencontre|conférence|édition))(?=[\s?!.,'’-]|$)/iu,
  de: /\b(?:es|er|ihn|ihm|dort|da|dies|dieses|diese veranstaltung|davon|dafür|daran|darüber|dabei|daran|damit)\b|(?:^|\s)(?:sie|ihr|ihre)(?=[\s?!.,]|$)/u,
  es: /(?:^|\s)(?:él|ella|ellos|ellas|lo|le|les|allí|allá|ahí|eso|esto|ese evento|este evento|dicho evento|dicha|su|sus)(?=[\s?!.,]|$)/iu,
  it: /(?:^|\s)(?:esso|essa|essi|esse|lì|là|questo|quello|quell'evento|quest'evento|questo evento|tale evento|suo|sua|suoi|loro)(?=[\s?!.,]|$)/iu,
  pt: /(?:^|\s)(?:ele|ela|eles|elas|lá|ali|isso|isto|esse evento|este evento|nele|nela|dele|dela|seu|sua|seus|suas)(?=[\s?!.,]|$)/iu,
  nl: /(?:^|\s)(?:daar|daarvan|daarover|ervan|erover|ze|zij|hij|hem|haar|dat evenement|dit evenement|die bijeenkomst)(?=[\s?!.,]|$)/iu,
};

// A definite article before a kind of event ("the event", "die Konferenz", "l'atelier") in a turn that
// names no topic: the event the conversation is about ("How far from the event must the headquarters
// be?"). Not when the noun is qualified as another one ("the next event", "l'événement suivant", "the
// conference on AI"): the qualifier sits between or after.
const OTHER_ONE = `(?![\\s-]+(?:of|on|about|for|in|at|with|after|before|suivante?s?|précédente?s?|sur|de|du|des|pour|à|au|en|avec|über|für|zum|zur|von|im|bei|mit|sobre|del|para|con|su|di|per|do|da|em|no|na|com|over|van|voor|op|met)(?=[\\s,?!.]|$))`;
const DEFINITE_EVENT: Record<string, RegExp> = {
  en: new RegExp(`\\bthe (?:event|conference|summit|workshop|forum|meeting|ceremony|round ?table|webinar|festival|gathering|session)s?\\b${OTHER_ONE}`, 'iu'),
  fr: new RegExp(
    `(?:^|[\\s'’])(?:l['’](?:événement|évènement|atelier|édition)|la (?:conférence|rencontre|cérémonie|table ronde|session|journée)|(?:le|au|du) (?:sommet|forum|colloque|webinaire|festival))(?=[\\s?!.,]|$)${OTHER_ONE}`,
    'iu',
  ),
  de: new RegExp(
    `(?:^|\\s)(?:(?:[Dd]ie|[Dd]er|[Zz]ur) (?:Veranstaltung|Konferenz|Tagung|Zeremonie|Sitzung)|(?:der|den) (?:Gipfel|Workshop)|(?:dem|zum|beim|im|am) (?:Gipfel|Workshop|Treffen|Event|Forum)|des (?:Gipfels|Workshops|Treffens|Events|Forums)|das (?:Treffen|Event|Forum))(?=[\\s?!.,]|$)${OTHER_ONE}`,
    'u',
  ),
  es: new RegExp(`(?:^|\\s)(?:(?:el|al|del) (?:evento|taller|foro|encuentro|congreso)|la (?:conferencia|cumbre|ceremonia|jornada|mesa redonda|sesión))(?=[\\s?!.,]|$)${OTHER_ONE}`, 'iu'),
  it: new RegExp(
    `(?:^|[\\s'’])(?:(?:l|all|dell|nell)['’](?:evento|incontro|edizione)|(?:la|alla|della|nella) (?:conferenza|cerimonia|giornata|tavola rotonda|sessione)|(?:il|al|del|nel) (?:vertice|summit|workshop|laboratorio|forum|convegno))(?=[\\s?!.,]|$)${OTHER_ONE}`,
    'iu',
  ),
  pt: new RegExp(
    `(?:^|\\s)(?:(?:o|ao|do|no) (?:evento|workshop|fórum|encontro|congresso)|(?:a|à|da|na) (?:conferência|cimeira|cúpula|cerimónia|cerimônia|oficina|sessão|mesa redonda))(?=[\\s?!.,]|$)${OTHER_ONE}`,
    'iu',
  ),
  nl: new RegExp(`(?:^|\\s)(?:het (?:evenement|forum|congres)|de (?:conferentie|top|workshop|bijeenkomst|ceremonie|sessie|rondetafel))(?=[\\s?!.,]|$)${OTHER_ONE}`, 'iu'),
};

// Object clitics after a question word, followed by a verb in lower case: the same little word before a
// noun or a name is an article ("Quem a Comissão nomeou?"), so these are case-sensitive.
const CLITIC: Record<string, RegExp> = {
  fr: /(?:^|\s)[Qq]ui (?:l['’]|le |la |les )(?=\p{Ll})/u,
  es: /(?:^|[\s¿])(?:[Qq]uién|[Qq]uiénes|[Qq]ué|[Dd]ónde|[Cc]uándo|[Cc]ómo|[Pp]or qué) (?:la|las|los) (?=\p{Ll})/u,
  it: /(?:^|\s)(?:[Cc]hi|[Dd]ove|[Qq]uando|[Cc]ome) (?:l['’]|lo |la |li |le )(?=\p{Ll})/u,
  pt: /(?:^|\s)[Qq]uem (?:a|o|as|os) (?=\p{Ll})|\p{Ll}-(?:a|o|as|os|la|lo|las|los)(?=[\s?!.,]|$)/u,
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
 * The names a turn carries, in order: quoted titles, acronyms, capitalised words after the first
 * (in German, see below) and years. Runs of capitalised words stay together.
 */
export function namesIn(text: string, lang: LanguageCode, options: FollowUpOptions = {}): { names: string[]; years: string[] } {
  const names: string[] = [];
  for (const m of text.matchAll(QUOTED)) names.push(m[1].trim());
  const unquoted = text.replace(QUOTED, ' ');
  // An elided article is not part of the name: "l’ActSE", "dell’ActSE", "d'IA".
  const tokens = [...unquoted.matchAll(WORD)].map((m) => ({ word: m[0].replace(/[.'’-]+$/u, '').replace(/^\p{L}{1,4}['’](?=\p{Lu})/u, ''), index: m.index ?? 0 }));
  let run: string[] = [];
  const flush = () => {
    if (run.length) names.push(run.join(' '));
    run = [];
  };
  tokens.forEach(({ word, index }, i) => {
    const acronym = /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(word) && word.length >= 2 && !isYear(word);
    const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
    // The first word, and one after a sentence end, is capitalised by grammar, not because it is a name.
    const sentenceStart = i === 0 || /[.?!¿¡:]\s*$/u.test(unquoted.slice(0, index));
    const mixed = /\p{Ll}\p{Lu}/u.test(word) || (/\p{L}/u.test(word) && /\p{N}/u.test(word));
    // …unless it opens a run of capitalised words and is no function word ("Social Good Week — where?").
    const next = tokens[i + 1]?.word ?? '';
    const opensRun = sentenceStart && /^\p{Lu}\p{Ll}/u.test(next) && !topicStopwords(lang).has(normalizeText(word));
    // In German every noun is capitalised: a capitalised word is a name when it continues one ("NEC
    // ESS Europe") or when the articles (in other languages) use it too ("Social Innovation Village").
    const german = lang.startsWith('de');
    const germanName = !sentenceStart && (run.length > 0 || (options.nameShare ? options.nameShare(word) > 0 : false));
    const name = acronym || mixed || (capitalised && (german ? germanName : !sentenceStart || opensRun));
    if (name) run.push(word);
    else flush();
  });
  flush();
  return { names: unique(names), years: [...yearsIn(unquoted)] };
}

/** What the corpus says about a name, so that the organisation's own name is not taken for a topic. */
export interface FollowUpOptions {
  /**
   * Share of indexed passages that contain the name's rarest word (0 = the corpus never uses it). A
   * name most passages mention ("SOGA", "Social Good Accelerator") says nothing about which topic a
   * turn is on; one the corpus never uses cannot help to find the earlier topic. Without it every
   * name counts.
   */
  nameShare?: (name: string) => number;
  /**
   * How the articles name a series' edition of a year, when not as the member's earlier turn did
   * ("NEC ESS Europe" → "NEC ESS" for 2025; conversation/edition-name). Without it names are kept.
   */
  editionName?: (name: string, year: string) => string | undefined;
}

/** From this share of passages on, a name is the corpus's own (the organisation), not a topic. */
const COMMON_NAME_SHARE = 0.25;
/** A topic is its first names up to this many words: the subject, not every name the turn held. */
const TOPIC_WORDS = 4;

interface ResolvedTurn {
  query: string;
  /** The topic a follow-up was given, carried on to the next follow-up. */
  topic?: string;
  /** The sentence of the answer to this turn that stated what was asked ("Kort gezegd: Mannheim [1]."). */
  stated?: string;
}

/** Decide whether `question` depends on the conversation, and the query to search. */
export function decideFollowUp(question: string, history: ChatTurn[], lang: LanguageCode, options: FollowUpOptions = {}): FollowUpDecision {
  // Earlier turns are resolved in order first, so that a chain of follow-ups ("And where?", then
  // "And the same for 2023?") keeps the topic and the ask of the turns it leans on.
  const resolved: ResolvedTurn[] = [];
  for (const turn of history) {
    if (turn.role === 'assistant') {
      const last = resolved.at(-1);
      if (last && turn.stated) last.stated = turn.stated;
      continue;
    }
    const text = turn.text.trim();
    if (!text) continue;
    const decision = decideTurn(text, resolved, lang, options);
    resolved.push(
      decision.kind === 'follow_up' && decision.signal !== 'same_for' && decision.query.startsWith(`${decision.topic} — `)
        ? { query: decision.query, topic: decision.topic }
        : { query: decision.query },
    );
  }
  return decideTurn(question.trim(), resolved, lang, options);
}

function decideTurn(question: string, earlier: ResolvedTurn[], lang: LanguageCode, options: FollowUpOptions): FollowUpDecision {
  if (!earlier.length) return { kind: 'standalone', query: question };
  const signal = dependenceSignal(question, lang, options, earlier.at(-1)?.stated);
  if (!signal) return { kind: 'standalone', query: question };
  const ask = question.replace(CONNECTIVE, '').trim() || question;
  const previous = earlier.at(-1)!.query;
  // "The same for 2023?", "Et pour 2025 ?": the turn asks nothing of its own, so the earlier ask is
  // repeated with what the turn changes (its year replaces the earlier one; a new name joins it).
  // "Et l'année dernière ?", "Und vor drei Jahren?": a period named from today stands for the year, in its own words.
  const relative = relativePhrases(ask);
  const rest = relative.reduce((text, phrase) => text.replace(phrase, ' '), normalizeText(ask).replace(/[^\p{L}\p{N}]+/gu, ' '));
  if (signal === 'same_for' || (signal === 'connective' && (asksNothing(ask, lang) || (relative.length > 0 && asksNothing(rest, lang))))) {
    const years = [...yearsIn(question), ...relative];
    const { names } = namesIn(ask, lang, options);
    let query = previous;
    // A chain ("… en 2023 ?" → "Et l'année dernière ?" → "And two years ago?"): the earlier turn's period
    // is replaced, not kept beside the new one.
    const earlierRelative = relativePhrases(previous);
    if (years.length)
      query = yearsIn(previous).size
        ? previous.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, () => years.join(' '))
        : earlierRelative.length
          ? earlierRelative.reduce((text, phrase, i) => text.replace(phrase, i === 0 ? years.join(' ') : ' '), normalizeText(previous))
          : `${previous} ${years.join(' ')}`;
    // The new edition under the name the articles give it: the old one's qualifiers may not belong to it.
    if (years.length === 1 && options.editionName) {
      for (const name of namesIn(previous, lang, options).names) {
        const renamed = options.editionName(name, years[0]);
        if (renamed) query = query.replace(name, renamed);
      }
    }
    const added = names.filter((n) => !query.includes(n));
    if (added.length) query = `${query} ${added.join(' ')}`;
    return { kind: 'follow_up', query: dedupeYears(query), topic: previous, signal };
  }
  // A bare ask, or one that points back ("Welk instrument heeft SOGA daar gelanceerd?"), has no topic
  // without the earlier turns', even one of words the articles never use (the dictionaries translate them).
  let topic = topicOf(earlier, lang, yearsIn(question).size > 0, options, ownWords(ask, lang) <= 1 || pointsBackIn(question, lang));
  // "E em que ano?" after "Quem fundou o SOGA?": the turn changes only what is asked for (a year
  // instead of a person), so the earlier turn's own ask ("fundou") stays part of the topic; the names
  // alone ("SOGA — em que ano?") found any year the articles give.
  const last = earlier.at(-1)!;
  if (topic && !last.topic && asksOnlyFor(ask, lang)) topic = withEarlierAsk(topic, last.query, lang);
  if (topic) topic = withStatedNames(topic, earlier, options);
  if (!topic) return { kind: 'standalone', query: question };
  return { kind: 'follow_up', query: `${topic} — ${ask}`, topic, signal };
}

/** The sign that the turn leans on earlier ones, or null when it stands on its own. */
export function dependenceSignal(question: string, lang: LanguageCode, options: FollowUpOptions = {}, stated?: string): FollowUpSignal | null {
  const share = options.nameShare;
  // A name the previous answer just gave is not a new topic: "En wat gebeurde er in Lille?" after
  // "Kort gezegd: Paris, Brussel, Lille [1]." picks up the answer.
  const given = stated ? ` ${foldPlace(stated)} ` : '';
  const names = namesIn(question, lang, options).names.filter((n) => (!share || share(n) < COMMON_NAME_SHARE) && !(given && given.includes(` ${foldPlace(n)} `)));
  const wordCount = (question.match(WORD) ?? []).length;
  const pointsBack = pointsBackIn(question, lang);
  const connective = CONNECTIVE.test(question);
  // A turn naming its own topic is searched as it stands ("And when is NEC ESS 2025?"), unless it
  // is a few words after "and" ("Et à Bruxelles ?") or points back after "and" ("¿Y quién lo
  // presentó en el FNAF?").
  if (connective && wordCount <= FRAGMENT_WORDS) return 'connective';
  if (names.length) return connective && pointsBack ? 'pronoun' : null;
  if (SAME_FOR.test(question)) return 'same_for';
  if (connective) return 'connective';
  if (pointsBack) return 'pronoun';
  // A fragment: a few words, or a question about one thing that does not say what it is about
  // ("Wie viele Teilnehmer gab es?").
  if (wordCount <= FRAGMENT_WORDS || topicWords(question, lang).filter((w) => !isYear(w)).length <= 1) return 'fragment';
  return null;
}

/** Whether the turn holds a pronoun, demonstrative or clitic that points back to something named earlier. */
function pointsBackIn(question: string, lang: LanguageCode): boolean {
  const base = lang.slice(0, 2);
  const impersonal = IMPERSONAL[base];
  return Boolean(POINTING_BACK[base]?.test(impersonal ? question.replace(impersonal, ' ') : question) || CLITIC[base]?.test(question) || DEFINITE_EVENT[base]?.test(question));
}

// Question words of every language the bot speaks (accents folded): a turn holding one asks something.
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'where',
  'when',
  'who',
  'whom',
  'whose',
  'what',
  'which',
  'how',
  'why',
  'ou',
  'qu',
  'quand',
  'qui',
  'quoi',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'comment',
  'pourquoi',
  'combien',
  'lequel',
  'laquelle',
  'wo',
  'wann',
  'wer',
  'wen',
  'wem',
  'was',
  'welche',
  'welcher',
  'welches',
  'wie',
  'warum',
  'wieviel',
  'woher',
  'wohin',
  'donde',
  'cuando',
  'quien',
  'quienes',
  'que',
  'cual',
  'cuales',
  'como',
  'cuanto',
  'cuanta',
  'cuantos',
  'cuantas',
  'dove',
  'chi',
  'che',
  'cosa',
  'quale',
  'quali',
  'come',
  'perche',
  'quanto',
  'quanta',
  'quanti',
  'quante',
  'onde',
  'quem',
  'qual',
  'quais',
  'porque',
  'quantos',
  'quantas',
  'waar',
  'wanneer',
  'wat',
  'welke',
  'welk',
  'hoe',
  'waarom',
  'hoeveel',
]);

// Verbs that say only that something happened ("when did it take place?", "quand a-t-elle eu lieu ?"):
// an ask made of them and question words asks for a value of the earlier turn's topic, like "when?" alone.
const HAPPENING = new Set([
  'happen',
  'happened',
  'take',
  'took',
  'taken',
  'place',
  'held',
  'hold',
  'lieu',
  'tenu',
  'tenue',
  'deroule',
  'deroulee',
  'passe',
  'passee',
  'statt',
  'findet',
  'fand',
  'stattgefunden',
  'stattfinden',
  'tuvo',
  'lugar',
  'celebro',
  'celebrado',
  'celebrada',
  'paso',
  'svolto',
  'svolta',
  'tenuto',
  'tenuta',
  'luogo',
  'avvenuto',
  'avvenuta',
  'aconteceu',
  'realizou',
  'realizado',
  'realizada',
  'decorreu',
  'plaats',
  'vond',
  'gehouden',
  'gebeurd',
]);

// Words that name no topic in "and for the 2025 edition?".
const GENERIC = new Set([
  'edition',
  'edicion',
  'edizione',
  'edicao',
  'editie',
  'ausgabe',
  'version',
  'year',
  'annee',
  'jahr',
  'ano',
  'anno',
  'jaar',
  'event',
  'evenement',
  'veranstaltung',
  'evento',
  'one',
  'time',
  'fois',
  'mal',
  'vez',
  'volta',
  'keer',
]);

/** How many topic words of its own the ask holds (question words, generic words and years aside). */
function ownWords(ask: string, lang: LanguageCode): number {
  return topicWords(ask.replace(QUOTED, ' '), lang).filter((w) => !QUESTION_WORDS.has(w) && !GENERIC.has(w) && !isYear(w)).length;
}

/** True when the turn holds no topic word of its own, only question words and generic ones ("And where?", "Em que ano?"). */
function asksOnlyFor(ask: string, lang: LanguageCode): boolean {
  if (namesIn(ask, lang).names.length || yearsIn(ask).size) return false;
  return topicWords(ask, lang).every((w) => QUESTION_WORDS.has(w) || GENERIC.has(w) || HAPPENING.has(w));
}

/** The topic plus the earlier turn's words that are neither names already in it, question words nor function words. */
function withEarlierAsk(topic: string, earlier: string, lang: LanguageCode): string {
  // After "when / where", the earlier verb only says that something happens ("findet … statt", "a lieu").
  const asked = expectedAnswerTypes(earlier, lang);
  if (asked.has('date') || asked.has('place')) return topic;
  const inTopic = new Set(normalizeText(topic).match(/[\p{L}\p{N}]+/gu) ?? []);
  const stops = allTopicStopwords();
  const words = topicWords(earlier.replace(QUOTED, ' '), lang).filter((w) => !inTopic.has(w) && !QUESTION_WORDS.has(w) && !GENERIC.has(w) && !stops.has(w) && !isYear(w));
  return words.length ? `${topic} ${original(earlier, words)}` : topic;
}

/** True when, besides years and names, the turn holds no question word and no topic word. */
function asksNothing(ask: string, lang: LanguageCode): boolean {
  const folded = normalizeText(ask.replace(QUOTED, ' '));
  if ((folded.match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => QUESTION_WORDS.has(w))) return false;
  const { names } = namesIn(ask, lang);
  const nameWords = new Set(names.flatMap((n) => normalizeText(n).match(/[\p{L}\p{N}]+/gu) ?? []));
  return topicWords(ask, lang).every((w) => isYear(w) || GENERIC.has(w) || nameWords.has(w));
}

function dedupeYears(query: string): string {
  return query.replace(/\b((?:19|20)\d\d)(?:\s+\1\b)+/g, '$1');
}

/**
 * The topic of the conversation: the latest earlier turn's topic if it was a follow-up, or the first
 * names of the latest turn that has any (the corpus's own name and names it never uses left out),
 * with the years of the latest turn that names one (unless the new turn brings its own year). Falls
 * back to the latest turn's topic words.
 */
function topicOf(earlier: ResolvedTurn[], lang: LanguageCode, newTurnHasYear: boolean, options: FollowUpOptions, needsTopic: boolean): string {
  const share = options.nameShare;
  const useful = (name: string) => !share || (share(name) > 0 && share(name) < COMMON_NAME_SHARE);
  const withoutYears = (text: string) =>
    text
      .replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  let years: string[] | undefined;
  // Names that are all the corpus's own are still better than none ("SOGA" when nothing else was named).
  let ownNames: string[] | undefined;
  const unknownOnly = (topic: string) => Boolean(share) && (normalizeText(topic).match(/[\p{L}]+/gu) ?? []).every((w) => share!(w) === 0);
  for (const turn of [...earlier].reverse()) {
    // A topic of words the articles never use helps only a turn that needs one (see below).
    if (turn.topic && !needsTopic && unknownOnly(turn.topic)) return '';
    if (turn.topic) return newTurnHasYear ? withoutYears(turn.topic) : turn.topic;
    const found = namesIn(turn.query, lang, options);
    if (!years && found.years.length) years = found.years;
    const names = found.names.filter(useful);
    if (names.length) return joinTopic(firstNames(names), newTurnHasYear ? [] : (years ?? []));
    if (!ownNames && found.names.some((n) => !share || share(n) > 0)) ownNames = found.names.filter((n) => !share || share(n) > 0);
  }
  if (ownNames) return joinTopic(firstNames(ownNames), newTurnHasYear ? [] : (years ?? []));
  const last = earlier.at(-1)!.query;
  // The earlier turn may be in another language than this one: no language's function words are topic.
  const stops = allTopicStopwords();
  // Only words that can find the topic: ones the articles use, but not in most passages.
  // Nor are question words or the verbs that only say something happened ("vond … plaats", "took place"):
  // "Waar vond de eerste Europese top plaats?" is about the first European summit.
  const candidates = topicWords(last, lang).filter((w) => !isYear(w) && !stops.has(w) && !QUESTION_WORDS.has(w) && !HAPPENING.has(w));
  // Failing those, the words the articles never use still carry the topic of a bare ask ("En hoeveel
  // deelnemers?" after "de eerste Europese top"), found through the dictionaries' translations; a turn
  // that says more of its own is better searched without them, as they weigh against every passage.
  const known = candidates.filter(useful);
  const words = known.length || !needsTopic ? known : candidates.filter((w) => !share || share(w) < COMMON_NAME_SHARE);
  return joinTopic(words.length ? [original(last, words)] : [], newTurnHasYear ? [] : (years ?? []));
}

/**
 * A topic in words the articles never use ("eerste Europese top": the articles are French) is named by
 * the answer the conversation already got: "Waar vond de eerste Europese top plaats?" was answered
 * "Mannheim", and "En hoeveel deelnemers waren er?" is about the Mannheim summit. The names of the
 * latest answer that stated a value join the topic, if the articles use them (a date's month does not).
 */
function withStatedNames(topic: string, earlier: ResolvedTurn[], options: FollowUpOptions): string {
  const share = options.nameShare;
  if (!share || !(normalizeText(topic).match(/\p{L}+/gu) ?? []).every((w) => share(w) === 0)) return topic;
  const stated = earlier.findLast((t) => t.stated)?.stated;
  if (!stated) return topic;
  // The value follows the sentence's label ("In short:", "Kurz:") and precedes its citation marks.
  const value = stated
    .slice(stated.indexOf(':') + 1)
    .replace(/\[\d+\]|\([^)]*\)/g, ' ')
    .trim();
  // A leading word that keeps it from reading as the sentence's first one: the value is all names.
  const names = namesIn(`x ${value}`, 'en').names.filter((n) => share(n) > 0 && share(n) < COMMON_NAME_SHARE && !topic.includes(n));
  return names.length ? `${topic} ${names.join(' ')}` : topic;
}

function firstNames(names: string[]): string[] {
  const kept: string[] = [];
  let count = 0;
  for (const name of names) {
    const n = name.split(/\s+/).length;
    if (kept.length && count + n > TOPIC_WORDS) break;
    kept.push(name);
    count += n;
  }
  return kept;
}

let stopUnion: Set<string> | undefined;
function allTopicStopwords(): Set<string> {
  stopUnion ??= new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));
  return stopUnion;
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
