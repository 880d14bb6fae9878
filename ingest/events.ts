/**
 * Events: from one article, the events it reports or announces, each with its dates, places, SOGA's
 * role when the article states it, and the sentence that dates it.
 *
 * Rules, not a model, and conservative: an event is recorded only where one sentence holds both a
 * date (core/text/date-expressions.ts) and either a named event ("Social Economy Awards", "Forum
 * National des Associations et Fondations (FNAF)", an acronym the title gives with its year such as
 * "EUSES 2021", an "atelier « … »") or, when the title names the article's event, a plain reference
 * to it ("le sommet", "cette édition", "se sont réunis"). A name that follows "après" / "after" is
 * another event the sentence compares with, not the one it dates; a lone year dates an event only
 * at the head of the sentence or right after the name ("En 2018, … ont organisé le Social Innovation
 * Village"); a sentence that asks a question dates nothing.
 */
import type { EventRecord, SogaRole } from '../src/core/events/types.js';
import { findDateExpressions, firstDay, foldKeepingOffsets, type DateValue } from '../src/core/text/date-expressions.js';
import { eventKey, keyOf } from '../src/core/events/event-key.js';
import { ordinalsIn } from '../src/core/answer/direct-answer.js';
import { foldPlace, PLACE_SPELLINGS } from '../src/core/text/place-names.js';
import type { ChunkRecord, LanguageCode } from '../src/core/types.js';
import type { Block } from './segment.js';
import { sentences as splitSentences } from './chunk.js';

/** Bumped whenever the rules change: stored events of unchanged articles are then extracted again. */
export const EVENT_EXTRACTOR_VERSION = 6;

export interface EventSource {
  docId: string;
  title: string;
  lang: LanguageCode;
  /** The article's own date (metadata.ts): the year of a date written without one. */
  date: string | null;
  source: string;
  blocks: Block[];
  /** The article's passages, to point each event at the one holding its sentence. */
  chunks: Pick<ChunkRecord, 'id' | 'text'>[];
}

// Words that make a capitalised phrase an event's name (folded).
const EVENT_WORDS = new Set([
  'sommet',
  'summit',
  'forum',
  'week',
  'semaine',
  'awards',
  'award',
  'prix',
  'conference',
  'festival',
  'village',
  'salon',
  'rencontres',
  'assises',
  'hackathon',
  'webinaire',
  'webinar',
  'congres',
  'congress',
  'gala',
  'expo',
  'exposition',
  'symposium',
  'colloque',
  'universite',
  'journees',
  'days',
  'day',
]);
// A phrase opening with these is a venue ("Palais des Congrès de Paris"), whatever else it holds.
const VENUE = /^(?:palais|musee|centre|center|hotel|parc|maison|cite|halle|espace)\b/;
// Nouns a sentence uses for the event its article is about (folded).
// With a determiner: "Rendez-vous en novembre" is a way of saying "see you", "le rendez-vous" an event.
const EVENT_NOUNS =
  /\b(?:le|la|l'|ce|cet|cette|du|de la|au|the|this)\s*(?:[\p{L}-]+\s+){0,2}(?:sommet|summit|evenement|event|edition|conference|forum|rendez-vous|rencontres?|table ronde|round ?table|ceremonie|ceremony|festival)\b/u;
// A name in apposition to an event noun ("NEC ESS Europe, le rendez-vous de …") or after "la fin de".
const APPOSED = /^\s*,\s*(?:le|la|l'|the)\s*(?:[\p{L}-]+\s+){0,2}(?:sommet|summit|evenement|event|rendez-vous|conference|forum|festival)\b/u;
const INTRODUCED = /\b(?:la fin de|la cloture de|l'ouverture de|l'edition de|the end of|the opening of)\s*(?:l')?$/;
// Verbs that say something took place, for a sentence that names no event at all.
const TOOK_PLACE = /\b(?:se sont reunis|s'est tenue?|se tiendra|a eu lieu|ont eu lieu|aura lieu|se deroulera|s'est deroule|took place|will take place|was held|will be held|met in|gathered)\b/;
// The future tense: the article announces the event rather than reports it.
const FUTURE = /\b(?:aura lieu|auront lieu|se tiendra|se tiendront|se deroulera|se derouleront|accueillera|organisera|sera|seront|will|prochain|prochaine|upcoming|a venir)\b/;
// "Rendez-vous est pris pour 2022 !", "see you in 2024": the next edition of the event just told, announced for a year.
const SEE_YOU =
  /\b(?:rendez-vous (?:est pris |est donne |fixe )?(?:pour|en)|see you (?:again )?in|save the date:?|wiedersehen (?:im jahr|in)|nos vemos en|ci vediamo nel|tot ziens in)\s+((?:19|20)\d{2})(?!\d)/;
// A question asking when, whose answer (the next block) dates the event it names.
const WHEN = /^(?:quand|when|wann|cuando|quando|wanneer)\b|\b(?:a quelle date|en quelle annee|in which year|what date)\b/;
// A sentence right after an event's that speaks of it again ("De Paris à Bruxelles, …, cette initiative inédite a…").
const SAME_EVENT = /\b(?:cette initiative|cet evenement|cette edition|l'evenement|ce rendez-vous|this event|the event|this initiative|this edition)\b/;
// The launch of a named thing, in the bot's languages.
const LAUNCH = /\b(?:[Ll]ancement|[Ll]aunch|[Ll]anzamiento|[Ll]ancio|[Ll]ançamento|[Ll]ancering)\s+(?:du |de la |de l['’]|des |de |of the |of |del |della |dello |do |da |dos |van de |van het |van )/g;
// Phrases around a quoted or named sub-event: "un atelier « … »", "a workshop "…"".
const QUOTED_KINDS = /\b(atelier|workshop|table ronde|round table|webinaire|webinar|conference|session|hackathon)\s*$/;
// A name after these words is another event the sentence refers to ("un an après le Sommet de Mannheim").
const REFERS_BACK = /\b(?:apres|after|avant|before|depuis|since|suite a|following)\s+(?:le |la |les |l'|the |du |de la |de l')?$/;
const CONNECTORS = new Set(['de', 'des', 'du', "d'", "l'", 'la', 'le', 'of', 'the', 'for', 'pour', 'sur', 'en', 'et', 'and', 'on', 'in']);
// Capitalised words that are organisations or people, never an event or a place.
const NOT_PLACES = /\b(?:SOGA|Social Good Accelerator|Commission|Conseil|Union|Parlement|Presidency|Présidence|Social Economy Europe)\b/;

const SOGA = "(?:SOGA|Social Good Accelerator|l['’]association|the association|membres? du SOGA|members? of SOGA)";
const ROLE_RULES: [SogaRole, RegExp][] = [
  ['co-organiser', /\b(?:co-?organis|co-?organiz|coorganis)/],
  [
    'organiser',
    new RegExp(
      `(?:organis[ée]e?s? par (?:le |l')?${SOGA}|organi[sz]ed by (?:the )?${SOGA}|${SOGA}\\)?(?: et ses (?:partenaires|membres)| and (?:its|their) partners)? (?:a |ont |have |has )?(?:organis|organiz|invitent|invite))`,
      'i',
    ),
  ],
  ['invited', new RegExp(`${SOGA}[^.]{0,40}?\\s(?:était|étaient|a été|ont été|was|were|has been|have been) invit`, 'i')],
  ['speaker', new RegExp(`${SOGA}[^.]{0,60}?\\s(?:a présenté|ont présenté|présente|presented|spoke|est intervenu|a pris la parole)`, 'i')],
  ['participant', /(?:finaliste|finalist|a participé|ont participé|took part|participated)/i],
  ['partner', new RegExp(`${SOGA}[^.]{0,40}?\\s(?:partenaire|partner)`, 'i')],
];
const ROLE_STRENGTH: SogaRole[] = ['organiser', 'co-organiser', 'speaker', 'invited', 'participant', 'partner'];

interface NameMention {
  name: string;
  variants: string[];
  index: number;
  end: number;
}

/** The events of one article; every event is dated by a sentence of it. */
export function extractEvents(article: EventSource): EventRecord[] {
  const refYear = article.date ? Number(article.date.slice(0, 4)) : undefined;
  const acronyms = titleAcronyms(article.title);
  const main = mainEvent(article.title, acronyms, article.blocks);
  const found: EventRecord[] = [];
  // The event the text last named, in any sentence or heading: what "Rendez-vous est pris pour 2022" is about.
  let lastNamed: Omit<NameMention, 'index' | 'end'> | null = null;

  // The records of the previous sentence: the next one may give their places ("De Paris à Bruxelles, …, cette initiative…").
  let previous: EventRecord[] = [];
  // An FAQ's "Quand et où s'est tenu le sommet … ?": the event its answer dates ("Les 5 et 6 mai 2022 à Strasbourg.").
  let askedWhen: Omit<NameMention, 'index' | 'end'> | null = null;
  for (const block of article.blocks) {
    const answering = askedWhen;
    askedWhen = null;
    for (const sentence of splitSentences(block.text, article.lang)) {
      const justBefore = previous;
      previous = [];
      const folded = fold(sentence);
      let names = namesIn(sentence, acronyms);
      const named = names.filter((n) => !REFERS_BACK.test(fold(sentence.slice(Math.max(0, n.index - 30), n.index))));
      if (/\?\s*$/.test(sentence)) {
        if (WHEN.test(folded)) askedWhen = named[0] ?? (main && EVENT_NOUNS.test(folded) ? main : null);
        continue;
      }
      if (!names.length && answering) names = [{ ...answering, index: -1, end: -1 }];
      const dates = findDateExpressions(sentence, { lang: article.lang, refYear, refDate: article.date ?? undefined })
        // A range of years is a plan ("2022-2027"), not an event's date.
        .filter((d) => !(d.precision === 'year' && d.end));
      // "Rendez-vous est pris pour 2022": the year announces the next edition of the event named, or just told.
      const see = SEE_YOU.exec(folded);
      const seeYou = see ? seeYouDate(see, dates) : undefined;
      if (seeYou && !dates.includes(seeYou)) dates.push(seeYou);
      if (!dates.length) {
        if (justBefore.length && SAME_EVENT.test(folded)) for (const e of justBefore) e.places = unique([...e.places, ...placesIn(sentence)]);
        if (named.length) lastNamed = named[named.length - 1];
        continue;
      }
      if (!names.length && seeYou && lastNamed) names = [{ ...lastNamed, index: -1, end: -1 }];
      if (!names.length) {
        if (!main || !(EVENT_NOUNS.test(folded) || TOOK_PLACE.test(folded))) continue;
        names = [{ ...main, index: -1, end: -1 }];
      }
      if (named.length) lastNamed = named[named.length - 1];
      const precise = dates.filter((d) => d.precision !== 'year');
      for (const mention of names) {
        let own = datesOf(mention, names, seeYou && !precise.length ? [seeYou] : precise.length ? precise : dates, sentence, seeYou);
        // A date without a year belongs to the year the event's name gives ("EUSES 2021" in an article
        // the metadata dates 2020 from "the German Council Presidency in 2020"), not the article's.
        const nameYear = mention.variants.join(' ').match(/\b((?:19|20)\d{2})\b/)?.[1];
        if (own?.yearInferred && nameYear && Number(nameYear) !== refYear) {
          const again = findDateExpressions(sentence, { lang: article.lang, refYear: Number(nameYear) }).filter((d) => d.precision !== 'year');
          own = again.length ? datesOf(mention, names, again, sentence) : null;
        }
        if (!own) continue;
        const record: EventRecord = {
          id: '',
          name: mention.name,
          variants: mention.variants,
          key: eventKey(mention.variants),
          ...own,
          places: placesOf(mention, names, sentence),
          role: roleIn(sentence),
          edition: editionOf(mention.variants),
          announced: seeYou !== undefined || FUTURE.test(folded),
          sentence: sentence.trim(),
          chunkId: chunkOf(sentence, article.chunks),
          docId: article.docId,
          docTitle: article.title,
          docDate: article.date,
          lang: article.lang,
          source: article.source,
        };
        found.push(record);
        previous.push(record);
      }
    }
  }
  const expansions = acronymExpansions(article, acronyms);
  const titlePlaces = placesInTitle(article.title);
  for (const e of found) {
    // "EUSES" is the "first ever European Social Economy Summit" the article spells out: a name members use too.
    const spelled = e.variants.map((v) => expansions.get(keyOf(v))).find(Boolean);
    if (spelled) {
      e.variants = unique([...e.variants, spelled.name]);
      e.edition ??= spelled.edition;
    }
    // "EUSES 2021: on our way to Mannheim !": the title gives the place of the event it names.
    if (main && e.key === eventKey(main.variants) && !e.places.length) e.places = titlePlaces;
  }
  return mergeWithinArticle(found).map((e, i) => ({ ...e, id: `${article.docId}#e${i}` }));
}

/**
 * The places of one of the events a sentence names: those of its own stretch of the sentence, from the
 * end of the name before it to the start of the next ("rendez-vous en 2022 à Strasbourg à l'occasion de
 * la Conférence …, et pour la Social Good Week Europe …": Strasbourg is the conference's).
 */
function placesOf(mention: NameMention, all: NameMention[], sentence: string): string[] {
  if (all.length < 2 || mention.index < 0) return placesIn(sentence);
  const i = all.indexOf(mention);
  const from = i > 0 ? all[i - 1].end : 0;
  const to = i < all.length - 1 ? all[i + 1].index : sentence.length;
  return placesIn(sentence.slice(from, to));
}

/** The year of a "rendez-vous pour 2022" as a date value (the one the parser read there, if it did). */
function seeYouDate(match: RegExpExecArray, dates: DateValue[]): DateValue {
  const index = match.index + match[0].length - 4;
  return (
    dates.find((d) => d.precision === 'year' && d.index <= index && index < d.index + d.text.length) ?? { text: match[1], index, start: match[1], end: null, precision: 'year', yearInferred: false }
  );
}

/** The first ordinal a name gives ("deuxième sommet européen" → 2), if any. */
function editionOf(variants: string[]): number | null {
  return [...ordinalsIn(variants.join(' '))].find((n) => n > 0) ?? null;
}

/**
 * What a title acronym stands for, where the article spells it out: capitalised words whose first
 * letters make it ("European Social Economy Summit" for EUSES, "Active Social Economy" for ActSE),
 * with the ordinal in front of it ("the first ever …": edition 1). Keyed by the acronym's key.
 */
function acronymExpansions(article: EventSource, acronyms: Set<string>): Map<string, { name: string; edition: number | null }> {
  const out = new Map<string, { name: string; edition: number | null }>();
  const single = [...acronyms].filter((a) => !a.includes(' ') && a.length >= 3);
  if (!single.length) return out;
  for (const block of article.blocks) {
    for (const sentence of splitSentences(block.text, article.lang)) {
      for (const phrase of capitalisedPhrases(sentence)) {
        const words = phrase.text.split(/\s+/).map((w) => fold(w).replace(/[^\p{L}]/gu, ''));
        for (const acronym of single) {
          if (out.has(acronym) || words.length < 2 || !spells(acronym, words)) continue;
          const before = fold(sentence.slice(Math.max(0, phrase.index - 25), phrase.index));
          const ordinal = /(\p{L}+)\s+(?:ever\s+|jamais\s+)?$/u.exec(before)?.[1];
          out.set(acronym, { name: phrase.text, edition: ordinal ? editionOf([ordinal]) : null });
        }
      }
    }
  }
  return out;
}

/** Whether words spell an acronym by their first letters, each word giving one or more ("EUropean Social…"). */
function spells(acronym: string, words: string[]): boolean {
  const go = (w: number, a: number): boolean => {
    if (w === words.length) return a === acronym.length;
    const word = words[w];
    if (CONNECTORS.has(word) && go(w + 1, a)) return true;
    for (let k = 1; k <= word.length && a + k <= acronym.length; k++) {
      if (word[k - 1] !== acronym[a + k - 1]) break;
      if (go(w + 1, a + k)) return true;
    }
    return false;
  };
  return go(0, 0);
}

/** Known places a title gives: "… on our way to Mannheim !", "Strasbourg : un deuxième sommet…". */
function placesInTitle(title: string): string[] {
  const out: string[] = [];
  const lead = /^\s*(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s*:/u.exec(title)?.[1];
  if (lead) out.push(lead);
  for (const m of title.matchAll(/(?:^|\s)(?:à|au|in|at|to|pour|nach|en)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/gu)) out.push(m[1]);
  return unique(out.filter(isPlaceName));
}

const KNOWN_PLACES = new Set(PLACE_SPELLINGS.flat());
const isPlaceName = (text: string) => KNOWN_PLACES.has(foldPlace(text)) && !['europe', 'europa'].includes(foldPlace(text));

/**
 * The dates a sentence gives one of the events it names: the date closest to it, or all of them
 * when the sentence names only that event ("à Bruxelles le 25 novembre puis à Paris les 26 et 27
 * novembre" is one event of three days). A lone year counts only at the head of the sentence or
 * right after the name; "la fin de X" dates the end, so only its month is kept.
 */
function datesOf(
  mention: NameMention,
  all: NameMention[],
  dates: DateValue[],
  sentence: string,
  seeYou?: DateValue,
): Pick<EventRecord, 'start' | 'end' | 'precision' | 'dateText' | 'yearInferred'> | null {
  let mine = all.length === 1 ? dates : [closest(mention, dates)];
  mine = mine.filter((d) => d === seeYou || d.precision !== 'year' || d.index <= 3 || (mention.end >= 0 && d.index - mention.end <= 3 && d.index >= mention.end));
  if (!mine.length) return null;
  const precision = mine[0].precision;
  mine = mine.filter((d) => d.precision === precision);
  const starts = mine.map((d) => d.start).sort();
  const ends = mine.map((d) => d.end ?? d.start).sort();
  let value = { start: starts[0], end: ends[ends.length - 1] === starts[0] ? null : ends[ends.length - 1], precision };
  // Several dates for one event must be one stretch of time, not two editions.
  if (mine.length > 1 && precision === 'day' && daysBetween(value.start, value.end ?? value.start) > 14) return null;
  if (mine.length > 1 && precision !== 'day') return null;
  const before = fold(sentence.slice(0, mention.index >= 0 ? mention.index : 0));
  if (/\b(?:la fin de|fin de|the end of|end of|cloture de|closing of)\s*$/.test(before) && precision === 'day') {
    value = { start: value.start.slice(0, 7), end: null, precision: 'month' };
  }
  return {
    ...value,
    dateText: mine.map((d) => d.text).join(' … '),
    yearInferred: mine.some((d) => d.yearInferred),
  };
}

function closest(mention: NameMention, dates: DateValue[]): DateValue {
  const at = mention.index < 0 ? 0 : mention.index;
  return dates.reduce((best, d) => (Math.abs(d.index - at) < Math.abs(best.index - at) ? d : best));
}

/** Named events in a sentence, with the offsets of their first name. */
function namesIn(sentence: string, acronyms: Set<string>): NameMention[] {
  const out: NameMention[] = [];
  const taken = (i: number, j: number) => out.some((m) => i < m.end && m.index < j);
  const refersBack = (i: number) => REFERS_BACK.test(fold(sentence.slice(Math.max(0, i - 30), i)));

  // A kind of session with its quoted title: atelier “Libérer les organisations ESS des GAFAM”.
  for (const m of sentence.matchAll(/[«“"]\s*([^»”"]{4,120}?)\s*[»”"]/g)) {
    const before = fold(sentence.slice(Math.max(0, m.index - 30), m.index));
    const kind = QUOTED_KINDS.exec(before);
    if (kind && !refersBack(m.index)) {
      const start = m.index - (before.length - kind.index);
      out.push({ name: m[1], variants: [m[1], sentence.slice(start, m.index + m[0].length)], index: start, end: m.index + m[0].length });
    }
  }

  // A launch is an event: "Lancement du Social Tech Atlas", "the launch of the Social Tech Atlas".
  for (const m of sentence.matchAll(LAUNCH)) {
    const thing = capitalisedPhrases(sentence.slice(m.index + m[0].length))[0];
    if (!thing || thing.index !== 0 || refersBack(m.index)) continue;
    const end = m.index + m[0].length + thing.end;
    out.push({ name: sentence.slice(m.index, end), variants: [sentence.slice(m.index, end)], index: m.index, end });
  }

  // Capitalised phrases holding an event word ("Social Economy Awards", "Forum National des Associations
  // et Fondations (FNAF)") or an acronym the title gives with a year ("EUSES", "NEC ESS Europe").
  for (const phrase of capitalisedPhrases(sentence)) {
    const folded = fold(phrase.text);
    const words = folded.split(/[^\p{L}\p{N}]+/u);
    const after = sentence.slice(phrase.end);
    // A quoted acronym after the name ("Social Economy Summit “ActSE”") or one in brackets ("(FNAF)").
    const tag = /^\s*(?:\(([^)]{2,30})\)|[«“"]\s*([^»”"]{2,30}?)\s*[»”"])/.exec(after);
    const acronym = [...acronyms].find((a) => folded.startsWith(a) || folded.includes(` ${a}`));
    if (acronym && !folded.startsWith(acronym)) {
      // "Programme du NEC ESS Europe 2023": the name starts at the acronym.
      const cut = folded.indexOf(` ${acronym}`) + 1;
      phrase.text = phrase.text.slice(cut);
      phrase.index += cut;
    }
    const named = VENUE.test(folded)
      ? false
      : words.some((w) => EVENT_WORDS.has(w)) ||
        acronym !== undefined ||
        APPOSED.test(after) ||
        INTRODUCED.test(fold(sentence.slice(Math.max(0, phrase.index - 30), phrase.index))) ||
        (tag !== null && acronyms.has(fold(tag[1] ?? tag[2]).trim()));
    if (!named || taken(phrase.index, phrase.end) || refersBack(phrase.index)) continue;
    const variants = [phrase.text];
    let end = phrase.end;
    if (tag) {
      variants.push((tag[1] ?? tag[2]).trim());
      end += tag[0].length;
    }
    // "le Social Innovation Village lors du Web Summit": one event, told by both names.
    const within = /^\s*(?:lors du|lors de la|lors de l'|at the|during the|au cours du)\s*/i.exec(after);
    if (within && !tag) {
      const next = capitalisedPhrases(after.slice(within[0].length))[0];
      if (next && next.index === 0) {
        variants.push(next.text);
        end += within[0].length + next.end;
      }
    }
    out.push({ name: phrase.text, variants: unique(variants), index: phrase.index, end });
  }

  // An acronym alone, or glued to its year as in titles ("l'EUSES", "ActSE2021").
  for (const acronym of acronyms) {
    for (const m of fold(sentence).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(acronym)}(?:\\s*((?:19|20)\\d{2}))?(?![\\p{L}])`, 'gu'))) {
      const [i, j] = [m.index, m.index + m[0].length];
      if (taken(i, j) || refersBack(i)) continue;
      out.push({ name: sentence.slice(i, j), variants: [sentence.slice(i, j)], index: i, end: j });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Runs of capitalised words, joined by the small words names use ("Forum National des Associations"). */
function capitalisedPhrases(text: string): { text: string; index: number; end: number }[] {
  const out: { text: string; index: number; end: number }[] = [];
  const tokens = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}[\]’'&.-]*/gu)];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i][0])) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j].index + tokens[j][0].length, tokens[j + 1].index);
      if (!/^[\s–-]?\s*$/.test(gap) && gap !== ' ') break;
      const next = tokens[j + 1][0];
      if (isCapitalised(next) || /^(?:19|20)\d{2}$/.test(next)) last = j + 1;
      else if (!CONNECTORS.has(fold(next).replace(/’/g, "'")) && !/^(?:d|l)['’]/i.test(next)) break;
      j++;
    }
    const start = tokens[i].index;
    const end = tokens[last].index + tokens[last][0].length;
    // A sentence's first word is capitalised anyway: start the name at the next capitalised word.
    out.push({ text: text.slice(start, end).replace(/[.’']+$/, ''), index: start, end });
    i = last + 1;
  }
  return out.filter((p) => !/^(?:Le|La|Les|L['’]|Un|Une|The|A|En|Du|De|Des|Au|Aux|In|On|At)$/.test(p.text));
}

const isCapitalised = (word: string) =>
  /^(?:[dl]['’])?\p{Lu}/u.test(word) && !/^(?:Le|La|Les|Un|Une|The|En|Du|De|Des|Au|Aux|Ce|Cette|Il|Elle|Ils|Près|Après|Lors|Dans|Pour|Avec|In|On|At|After|During|This|Its|Our)$/.test(word);

/** Acronyms the title gives as an event's name, with a year: "EUSES 2021", "NEC ESS 2025", "ActSE2021". */
function titleAcronyms(title: string): Set<string> {
  const out = new Set<string>();
  for (const m of title.matchAll(/((?:\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b\s+){0,2}\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s*(?:Europe\s*)?((?:19|20)\d{2})\b/g)) {
    out.add(fold(m[1]));
  }
  return out;
}

/**
 * The event the title names, which "le sommet", "cette édition" refer to: an acronym with its year
 * ("NEC ESS 2025"), a capitalised name with an event word, or a common noun phrase ("un deuxième
 * sommet européen … pour l'économie sociale").
 */
function mainEvent(title: string, acronyms: Set<string>, blocks: Block[] = []): Omit<NameMention, 'index' | 'end'> | null {
  const named = namesIn(title, acronyms)[0];
  if (named) {
    // "Programme du NEC ESS Europe 2023": the name, not the word before it.
    return { name: named.name, variants: named.variants };
  }
  for (const part of title.split(/\s*:\s*/)) {
    const words = fold(part).split(/[^\p{L}\p{N}]+/u);
    const word = words.find((w) => EVENT_WORDS.has(w) || w === 'evenement' || w === 'event');
    if (word) {
      const phrase = part.replace(/^(?:un|une|le|la|les|l['’]|the|a|an|retour sur( le| la| les)?)\s+/i, '').trim();
      // A title in common words ("un deuxième sommet européen réussi pour l'économie sociale") is
      // named as the article's headings name it ("Sommet européen de l’économie sociale à Strasbourg");
      // the title's phrase stays a variant (its ordinal tells the edition).
      const headed = namesInHeadings(word, blocks);
      const name = /^\p{Ll}/u.test(phrase) && headed.length ? headed[0] : phrase;
      return { name, variants: unique([name, phrase, ...headed]) };
    }
  }
  return null;
}

/**
 * How the article's headings and questions name the event its title speaks of in common words
 * ("un deuxième sommet européen réussi pour l'économie sociale" is, in its FAQ, the "Sommet européen de
 * l’économie sociale à Strasbourg"): the phrase from the title's event word to the first punctuation.
 * Not long paragraphs, where "le Sommet de Mannheim" may be another event the text compares it with.
 */
function namesInHeadings(word: string, blocks: Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.text.split(/\s+/).length > 12) continue;
    const folded = fold(block.text);
    const at = new RegExp(`\\b${escape(word)}\\b`).exec(folded);
    if (!at || REFERS_BACK.test(folded.slice(Math.max(0, at.index - 30), at.index))) continue;
    const phrase = block.text
      .slice(at.index)
      .split(/\s*[—–:;,.?!()«»“”"]/)[0]
      .trim();
    const size = phrase.split(/\s+/).length;
    if (size >= 3 && size <= 9) out.push(phrase.charAt(0).toUpperCase() + phrase.slice(1));
  }
  return unique(out);
}

/**
 * Places after a preposition of place, in the clauses that do not look back ("Après Lille, …"); and
 * known places of a route ("De Paris à Bruxelles, en passant par Lille et Saint-Sébastien").
 */
function placesIn(sentence: string): string[] {
  const out: string[] = [];
  for (const clause of sentence.split(/[,;:]|\s+puis\s+|\s+then\s+/)) {
    if (/^\s*(?:après|apres|after|avant|before|depuis|since)\b/i.test(clause)) continue;
    for (const m of clause.matchAll(/(?:^|\s)(?:[Dd]e|[Ff]rom)\s+(\p{Lu}[\p{L}-]+)\s+(?:à|to)\s/gu)) if (isPlaceName(m[1])) out.push(m[1]);
    for (const m of clause.matchAll(/(?:^|\s)(?:à|au|in|at)\s+((?:\p{Lu}[\p{L}-]+)(?:(?:\s+(?:de|des|du|of|the)\s+|\s+[–-]\s+|\s+)\p{Lu}[\p{L}-]+)*)/gu)) {
      const place = m[1];
      const words = fold(place).split(/[^\p{L}]+/u);
      if (NOT_PLACES.test(place) || (words.some((w) => EVENT_WORDS.has(w)) && !VENUE.test(fold(place))) || /^[A-Z]{2,}$/.test(place)) continue;
      out.push(place);
    }
    for (const m of clause.matchAll(/\b(?:en passant par|via|passing through|by way of)\s+(\p{Lu}[\p{L}-]+)(?:\s+(?:et|and)\s+(\p{Lu}[\p{L}-]+))?/gu)) {
      for (const place of [m[1], m[2]]) if (place && isPlaceName(place)) out.push(place);
    }
  }
  return unique(out);
}

function roleIn(sentence: string): SogaRole | null {
  for (const [role, re] of ROLE_RULES) {
    if (re.test(sentence)) {
      // A role needs SOGA in the sentence: "finaliste" or "co-organisé" about someone else says nothing of SOGA.
      if (!new RegExp(SOGA, 'i').test(sentence)) return null;
      return role;
    }
  }
  return null;
}

function chunkOf(sentence: string, chunks: EventSource['chunks']): string | null {
  const head = sentence.trim().slice(0, 80);
  return chunks.find((c) => c.text.includes(head))?.id ?? null;
}

/**
 * One record per event and article: the same name at the same or adjoining days (the EUSES on 26 and
 * on 27 May) is one event; its places, names and the strongest role stated are gathered.
 */
function mergeWithinArticle(events: EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    const same = out.find((o) => o.key === e.key && o.precision === e.precision && overlapsOrAdjoins(o, e));
    if (!same) {
      out.push({ ...e });
      continue;
    }
    const start = [same.start, e.start].sort()[0];
    const end = [same.end ?? same.start, e.end ?? e.start].sort()[1];
    same.start = start;
    same.end = end === start ? null : end;
    same.variants = unique([...same.variants, ...e.variants]);
    same.places = unique([...same.places, ...e.places]);
    same.role = strongest(same.role, e.role);
    same.yearInferred &&= e.yearInferred;
    // One sentence speaking of it in the future is enough to tell the article was written before it.
    same.announced ||= e.announced;
    if (same.dateText !== e.dateText && !same.dateText.includes(e.dateText)) same.dateText = `${same.dateText} … ${e.dateText}`;
  }
  return out.sort((a, b) => firstDay(a).localeCompare(firstDay(b)));
}

function overlapsOrAdjoins(a: EventRecord, b: EventRecord): boolean {
  if (a.precision !== 'day') return a.start === b.start && (a.end ?? a.start) === (b.end ?? b.start);
  const [aEnd, bEnd] = [a.end ?? a.start, b.end ?? b.start];
  return daysBetween(aEnd, b.start) <= 1 && daysBetween(bEnd, a.start) <= 1;
}

function strongest(a: SogaRole | null, b: SogaRole | null): SogaRole | null {
  if (!a || !b) return a ?? b;
  return ROLE_STRENGTH.indexOf(a) <= ROLE_STRENGTH.indexOf(b) ? a : b;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** Folded text whose offsets are the original's (names and dates are cut from the original). */
function fold(text: string): string {
  return foldKeepingOffsets(text);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
