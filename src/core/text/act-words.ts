/**
 * "Who moderated…?", "Qui animait…?", "Wer moderierte…?", "Who set up…?", "Quién fundó…?": a question
 * for the person who did one act — moderating a session, founding an organisation — is answered by the
 * names the articles bind to that act ("Modéré par Sarah de Heusch (Smart Belgium), l'échange…", "Les
 * modérateurs Jeanne Bretécher (…) et Víctor Meseguer (…) ont…", "En 2018, Jeanne Bretécher et Steven
 * Bertal ont fondé…", "Julie Foulon, fondatrice de Girleek"), not by any name near the question's words.
 * Question words accent-folded, in the 7 languages of the articles and questions most.
 */
import { normalizeText } from './normalize.js';
import { asksFounding, foundingWordsIn } from './founding-words.js';
import { abbreviates } from './acronyms.js';

/**
 * Each act apart: moderating a session is not hosting (organising) an event, nor presenting at it
 * ("Les modérateurs … ont invité Rowan Barnett … à présenter la vision": the moderators did not
 * present, and did not host the event). Verbs of leading ("leitete", "condujo", "condotto", "leidde")
 * are in none: they lead organisations as often as sessions.
 */
export type Act = 'moderate' | 'found' | 'host' | 'present';

/** Words that ask who did the act (folded). Founding also takes every word founding-words.ts reads as asking about one. */
const ASKED: Record<Act, string[]> = {
  moderate: [
    ...['moderated', 'moderate', 'moderates', 'moderator', 'moderators', 'moderating', 'chaired', 'facilitated', 'facilitator', 'facilitators', 'emcee', 'emceed'],
    ...['animait', 'anime', 'animee', 'animateur', 'animatrice', 'animateurs', 'modere', 'moderee', 'moderait', 'moderateur', 'moderatrice', 'moderateurs', 'moderatrices'],
    ...['moderierte', 'moderiert', 'moderator', 'moderatorin', 'moderatoren', 'moderation'],
    ...['modero', 'moderaba', 'moderado', 'moderador', 'moderadora', 'moderadores'],
    ...['moderato', 'moderava', 'moderatore', 'moderatori', 'moderatrice'],
    ...['moderou', 'moderava', 'moderador', 'moderadora'],
    ...['modereerde', 'gemodereerd', 'moderator', 'moderatoren'],
  ],
  found: [...['started', 'cofounded', 'cofounders'], ...['gerufen', 'opgezet', 'oprichtte', 'oprichtten'], ...['crearon', 'creo', 'fundaron', 'fundo', 'fundou', 'fundaram', 'crio', 'criaram']],
  // An event's host is who organised or received it, not who moderated a panel of it.
  // Organising is hosting: "organisé par", "organised by" tell both.
  host: [
    ...['hosted', 'host', 'hosts', 'hosting', 'organised', 'organized', 'organises', 'organizes', 'organiser', 'organizer', 'organisers', 'organizers', 'coorganised', 'coorganized'],
    ...['accueilli', 'accueillie', 'accueillait', 'organise', 'organisee', 'organisent', 'organisait', 'organisaient', 'organisateur', 'organisatrice', 'organisateurs', 'coorganise', 'coorganisee'],
    ...['gastgeber', 'gastgeberin', 'organisiert', 'organisierte', 'organisierten', 'veranstaltet', 'veranstaltete', 'veranstalter', 'veranstalterin', 'ausgerichtet', 'richtete'],
    ...['anfitrion', 'organizo', 'organizaron', 'organiza', 'organizan', 'organizaba', 'organizado', 'organizada', 'organizador', 'organizadora', 'organizadores'],
    ...['ospitato', 'ospitata', 'ospitava', 'organizzato', 'organizzata', 'organizza', 'organizzava', 'organizzatore', 'organizzatori', 'organizzatrice'],
    ...['organizou', 'organizaram', 'organizava', 'organizavam'],
    ...['organiseert', 'organiseerde', 'organiseerden', 'georganiseerd', 'organisator', 'organisatoren'],
  ],
  present: [
    ...['presented', 'presenter', 'presenters', 'presenting'],
    ...['presente', 'presentee', 'presentait', 'presentateur', 'presentatrice'],
    ...['prasentierte', 'prasentiert', 'vorgestellt', 'vorstellte'],
    ...['presento', 'presentaba', 'presentado', 'presentada', 'presentato', 'presentata', 'apresentou', 'apresentava', 'apresentado'],
    ...['presenteerde', 'gepresenteerd'],
  ],
};

/**
 * How the articles tell the act, and on which side of the words the names stand: after an agent
 * ("modéré par", "moderated by", "les modérateurs"), before a verb or an apposition ("ont fondé",
 * "fondatrice de", "founded").
 */
const TOLD: { act: Act; side: 'after' | 'before'; pattern: RegExp }[] = [
  {
    act: 'moderate',
    side: 'after',
    pattern:
      /(?<![\p{L}])(?:mod[ée]r[ée]e?s?\s+par|anim[ée]e?s?\s+par|les\s+mod[ée]rat(?:eur|rice)s?|la\s+mod[ée]ratrice|le\s+mod[ée]rateur|(?:moderated|chaired|facilitated)\s+by|moderiert\s+von|moderado\s+por|moderada\s+por|moderato\s+da|moderata\s+da|gemodereerd\s+door|the\s+moderators?)(?![\p{L}])/iu,
  },
  {
    act: 'moderate',
    side: 'before',
    pattern:
      /(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:mod[ée]r[ée]|anim[ée])(?![\p{L}])|,\s+(?:mod[ée]rat(?:eur|rice)|animat(?:eur|rice))(?![\p{L}])|(?<![\p{L}])(?:moderated|chaired)(?!\s+by)(?![\p{L}])/iu,
  },
  // "Chris Gordon (maître de cérémonie)": who led the ceremony (see actorsIn's brackets).
  { act: 'moderate', side: 'before', pattern: /^\s*(?:ma[îi]tre|master|maestro|mestre)s?\s+(?:de|of|di)\s+c[ée]r[ée]monies?\s*$/iu },
  {
    act: 'found',
    side: 'before',
    pattern:
      /(?<![\p{L}])(?:ont|a|avait|avaient)\s+(?:co-?)?fond[ée]|(?<![\p{L}])(?:ont|a|avait|avaient)\s+cr[ée]{2}(?![\p{L}])|,\s+(?:co-?)?fondat(?:eur|rice)s?|(?<![\p{L}])(?:co-?)?founded(?!\s+in)|,\s+(?:co-?)?founders?|(?<![\p{L}])(?:haben|hat)\s+\p{L}*\s*gegr[üu]ndet|(?<![\p{L}])(?:fundaron|fundó|fundou|fundaram|fondarono|fondò|richtten|richtte)(?![\p{L}])/iu,
  },
  {
    act: 'found',
    side: 'after',
    pattern:
      /(?<![\p{L}])(?:fond[ée]e?s?\s+par|cr[ée]{2}e?s?\s+par|(?:founded|created|set\s+up)\s+by|gegr[üu]ndet\s+von|fundad[oa]s?\s+por|cread[oa]s?\s+por|criad[oa]s?\s+por|fondat[oa]\s+da|creat[oa]\s+da|opgericht\s+door|les\s+(?:co-?)?fondat(?:eur|rice)s)(?![\p{L}])/iu,
  },
  {
    act: 'host',
    side: 'after',
    pattern:
      // "organisés à Ljubljana par X", "organised last year by X": a place or a time may come between.
      // An edition "initiée par HelloAsso" was organised by it; a partner of the organiser organised with it.
      /(?<![\p{L}])(?:(?:hosted|organi[sz]ed)(?:\s+[^\s,;.:!?()]+){0,3}?\s+by|organis[ée]e?s?(?:\s+[^\s,;.:!?()]+){0,3}?\s+par|initi[ée]e?s?\s+par|initiated\s+by|en\s+partenariat\s+avec|in\s+partnership\s+with|accueilli\p{L}*\s+par|organizad[oa]s?\s+(?:por|pel[oa])|organizzat[oaie]\s+da(?:l|lla|llo|i|gli|lle)?|ospitat[oaie]\s+da(?:l|lla|llo|i|gli|lle)?|(?:veranstaltet|organisiert|ausgerichtet)\s+(?:von|vom)|georganiseerd\s+door)(?![\p{L}])/iu,
  },
  {
    act: 'host',
    side: 'before',
    // "Le Social Good Accelerator (SOGA) y a co-organisé deux ateliers", "SOGA co-organised the forum".
    pattern: /(?<![\p{L}])(?:y\s+)?(?:a|ont|avait|avaient)\s+(?:accueilli|(?:co-?)?organis[ée])(?![\p{L}])|(?<![\p{L}])(?:hosted|(?:co-?)?organi[sz]ed)(?!\s+by)(?![\p{L}])/iu,
  },
  {
    act: 'present',
    side: 'after',
    // "ont invité Rowan Barnett, directeur de …, à présenter la vision": the one invited to present.
    pattern:
      /(?<![\p{L}])(?:pr[ée]sent[ée]e?s?\s+par|presented\s+by|presentad[oa]s?\s+por|apresentad[oa]s?\s+por|presentat[oa]\s+da|(?:vorgestellt|pr[äa]sentiert)\s+von|gepresenteerd\s+door|(?:invit[ée]e?s?|invited|invitó|invitou|invitato|invitata)(?=[^.;!?]*?(?<![\p{L}])(?:à|to|a|para)\s+(?:pr[ée]sent|present|apresent)))(?![\p{L}])/iu,
  },
  {
    act: 'present',
    side: 'before',
    pattern: /(?<![\p{L}])(?:a|ont|avait|avaient)\s+pr[ée]sent[ée](?![\p{L}])|(?<![\p{L}])presented(?!\s+by)(?![\p{L}])/iu,
  },
];

const ASKED_SETS = Object.fromEntries(Object.entries(ASKED).map(([act, words]) => [act, new Set(words)])) as Record<Act, Set<string>>;

/**
 * The words that ask "who" (folded), by language: Dutch "wie" is "who", German "wie" is "how" ("Wie
 * wurde SOGA gegründet?" asks how). A language not listed reads every word but those another language
 * gives another sense.
 */
const WHO: Record<string, string[]> = {
  en: ['who', 'whom'],
  fr: ['qui'],
  de: ['wer', 'wem', 'wen'],
  es: ['quien', 'quienes'],
  it: ['chi'],
  pt: ['quem'],
  nl: ['wie'],
};
const WHO_SETS = Object.fromEntries(Object.entries(WHO).map(([lang, words]) => [lang, new Set(words)]));
const WHO_ANY = new Set(
  Object.values(WHO)
    .flat()
    .filter((w) => w !== 'wie'),
);

/**
 * The act a question asks who did, if any: an act word after its "who", in the same clause ("Who
 * moderated the workshop?", "Wer hat den Verein ins Leben gerufen?"). A follow-up rewritten with the
 * earlier turn's words ("… workshop moderated — who took part in it?") asks who took part, not who moderated.
 * `lang`: the question's language (its "who").
 */
export function askedAct(question: string, lang?: string): Act | null {
  const who = (lang && WHO_SETS[lang]) || WHO_ANY;
  for (const clause of normalizeText(question).split(/[,;:—–?!.()]+/u)) {
    const words = clause.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const at = words.findIndex((w) => who.has(w));
    if (at < 0) continue;
    const after = words.slice(at + 1).filter((w) => !OTHER_SENSE[lang ?? '']?.has(w));
    if (after.some((w) => ASKED_SETS.moderate.has(w)) || (after.some((w) => MASTER.has(w)) && after.some((w) => CEREMONY.has(w)))) return 'moderate';
    if (after.some((w) => ASKED_SETS.found.has(w) || asksFounding(w)) || foundingWordsIn(after.join(' ')).size) return 'found';
    // The host of a session (a round table, a panel, a workshop) is who led it; the host of an event organised it.
    if (after.some((w) => ASKED_SETS.host.has(w))) return after.some((w) => SESSIONS.has(w)) && after.some((w) => HOSTING.has(w)) ? 'moderate' : 'host';
    if (after.some((w) => ASKED_SETS.present.has(w))) return 'present';
  }
  return null;
}

/**
 * Act words that are another word in one language: Spanish, Italian and Portuguese "presente(s)" is
 * "present", "here" ("¿Quiénes estaban presentes…?" asks who attended, not who presented).
 */
const OTHER_SENSE: Record<string, Set<string>> = {
  es: new Set(['presente', 'presentes']),
  it: new Set(['presente', 'presenti']),
  pt: new Set(['presente', 'presentes']),
};

/** "Who was the master of ceremonies", "le maître de cérémonie", "il maestro di cerimonia": who led the ceremony. */
const MASTER = new Set(['master', 'maitre', 'maestro', 'mestre', 'zeremonienmeister', 'ceremoniemeester']);
const CEREMONY = new Set(['ceremonies', 'ceremony', 'ceremonie', 'cerimonia', 'cerimonias', 'ceremonia', 'cerimonie', 'zeremonienmeister', 'ceremoniemeester']);

/** Sessions an event is made of (folded): their host is who led them. */
const SESSIONS = new Set([
  ...['panel', 'roundtable', 'table', 'debate', 'discussion', 'workshop', 'session', 'exchange'],
  ...['table', 'ronde', 'debat', 'atelier', 'echange', 'seance', 'session', 'conversation'],
  ...['podium', 'podiumsdiskussion', 'diskussion', 'debatte', 'runde', 'workshop', 'sitzung'],
  ...['mesa', 'debate', 'taller', 'sesion', 'tavola', 'dibattito', 'laboratorio', 'sessione', 'sessao', 'oficina'],
  ...['rondetafel', 'rondetafelgesprek', 'debat', 'discussie', 'sessie'],
]);
/** The words that ask for a host, not an organiser ("hosted", "host"; "organised" is always the event's). */
const HOSTING = new Set(['hosted', 'host', 'hosts', 'hosting', 'gastgeber', 'gastgeberin', 'anfitrion']);

/** Whether a (folded) word is one that asks about an act: what is asked, not about what. */
export function isActWord(word: string): boolean {
  return (
    ASKED_SETS.moderate.has(word) || ASKED_SETS.found.has(word) || ASKED_SETS.host.has(word) || asksFounding(word) || ['set', 'up', 'leben', 'gerufen', 'marcha', 'pied', 'avviato'].includes(word)
  );
}

/**
 * The act a question's head noun names ("Who was the <moderator> of…?", "the <master of ceremonies>",
 * "the <host> of the round table"), or none: a head of other words is a role or an attribute.
 */
export function actOfHead(head: string[], question: string, lang: string): Act | null {
  const acts = Object.values(ASKED_SETS);
  if (!head.length || !head.every((w) => acts.some((set) => set.has(w)) || MASTER.has(w) || CEREMONY.has(w) || w === 'of' || w === 'de' || w === 'di')) return null;
  return askedAct(question, lang);
}

/**
 * Whether a text tells who did the act ("Modéré par …", "les modérateurs …", "organisé par …"), whoever
 * it names. With `known` (the question's words, folded), only the act of the thing the question names:
 * "Julie Foulon, fondatrice de Girleek" does not tell who founded Social Economy Europe.
 */
export function tellsAct(text: string, act: Act, known?: Set<string>): boolean {
  const parts = [text, ...[...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])];
  return TOLD.some(
    (t) =>
      t.act === act && parts.some((part) => [...part.matchAll(new RegExp(t.pattern.source, 'giu'))].some((m) => t.side === 'after' || !known || !ofAnother(part.slice(m.index + m[0].length), known))),
  );
}

/** A bracket that is all role: "(maître de cérémonie)", not "(Smart Belgium)". */
const APPOSED = /^\s*\p{Ll}/u;

// A name: capitalised words on one line, with the particles names carry between them ("Sarah de Heusch",
// "Ursula von der Leyen"). A caption's last name does not run on into the next line's.
const NAME_WORD = String.raw`\p{Lu}[\p{L}’'-]*`;
const PARTICLE = String.raw`(?:de|du|des|da|di|del|della|van|von|der|den|le|la|ten|ter|y)`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)*${NAME_WORD})*`;
const AND = String.raw`(?:\s*,\s*|\s+(?:et|and|und|y|e|en|&)\s+)`;
// Names written with a title: "M. Erwan Kezzar", "Mme Jeanne Bretécher".
const TITLE_WORD = String.raw`(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr|Pr|Prof|Sr|Sra|Dott|Dra)\.?[ \t]+`;
const TITLE = new RegExp(`^${TITLE_WORD}`, 'u');
const NAMES_BEFORE = new RegExp(String.raw`((?:${TITLE_WORD})?${NAME}(?:${AND}(?:${TITLE_WORD})?${NAME})*)\s*$`, 'u');
// The agent of "organisé par", "moderated by": a name, an organisation with its article ("l’OCDE", "le
// Social Good Accelerator", "the German Presidency"), or a list of them, by commas and "and", or one a
// line (or ";") after a colon ("co-organisé par : • HelloAsso • Le Mouvement Associatif…").
const ARTICLE = String.raw`(?:(?:le|la|les|the|der|die|das|dem|den|el|los|las|il|lo|o|a|os|as|het|de)[ \t]+|(?:l|dell|dall)['’])`;
const ITEM = new RegExp(String.raw`^${ARTICLE}?(${NAME})`, 'u');
const THING = new RegExp(String.raw`^${ARTICLE}\p{L}`, 'iu');
// A person agent: a name as written, without an article (organisations are agents of organising only).
const PERSON = new RegExp(String.raw`^(${NAME})`, 'u');
const JOINER = new RegExp(String.raw`^${AND}(?:(?:et|and|und|y|e|en)\s+)?`, 'u');
const LIST_JOINER = /^\s*(?:[;,\n]\s*)+(?:[•*·▪◦‣–—-]\s*)?(?:(?:et|and|und|y|e|en)\s+)?/u;

/**
 * Whether one capitalised word names someone by itself: an acronym ("OCDE", "EESC") or a name with a
 * capital inside ("HelloAsso"); a first name alone ("Jeanne"), "Le", "Puis" do not.
 */
const oneWordName = (word: string) => /^\p{Lu}{2,}$/u.test(word) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word);

/** Words that open a sentence, never end a name: a list flattened without its full stop ("La Mednum Ces partenaires…"). */
const OPENERS = new Set([
  'ces',
  'ce',
  'cette',
  'cet',
  'les',
  'il',
  'elle',
  'ils',
  'elles',
  'these',
  'this',
  'those',
  'they',
  'it',
  'diese',
  'dieser',
  'dieses',
  'sie',
  'estos',
  'estas',
  'este',
  'esta',
  'ellos',
  'questi',
  'queste',
  'questo',
  'questa',
  'estes',
  'essas',
  'esses',
  'deze',
  'dit',
  'zij',
]);

function withoutNextSentence(name: string): string {
  const words = name.split(/[ \t]+/);
  while (words.length > 1 && OPENERS.has(normalizeText(words[words.length - 1]))) words.pop();
  return words.join(' ');
}

/**
 * The agents a text gives after an act's words, or none when the list goes on with something that is
 * not a name ("créé par l’Université de Lyon et la région": half the agents is not the answer).
 */
function agentsAfter(rest: string, organisations: boolean): string[] {
  // After a colon, a list: one a line or between ";" (a quote joins its lines so), up to a blank line.
  const listed = /^\s*:/.test(rest);
  let text = rest.replace(/^\s*:?\s*(?:[•*·▪◦‣–—-]\s*)?/u, '').split(/\n[ \t]*\n/)[0];
  const item = organisations ? ITEM : PERSON;
  const out: string[] = [];
  // Whether "and" closes the list ("A, B et C"): without it, what follows a comma opens a clause
  // ("initiée par HelloAsso, le SOGA a repris le flambeau").
  let closed = false;
  for (;;) {
    text = text.replace(TITLE, '');
    const m = item.exec(text);
    if (!m) return [];
    const name = withoutNextSentence(m[1].replace(/[’'-]+$/u, ''));
    if (name.split(/[ \t]+/).length < 2 && !(organisations && oneWordName(name))) return [];
    out.push(name);
    text = text.slice(m[0].length);
    const joiner = (listed ? LIST_JOINER : JOINER).exec(text);
    if (!joiner || !joiner[0].length) break;
    text = text.slice(joiner[0].length);
    const conjunction = /\p{L}/u.test(joiner[0]);
    // A bare comma may end the list and open a clause ("Modéré par X, l’échange a…"), "and" a phrase
    // ("… et Paul Dirac en 2010"); but "and the region" is another agent that is not a name.
    if (!listed && !item.test(text.replace(TITLE, ''))) {
      if (conjunction && THING.test(text)) return [];
      break;
    }
    if (conjunction) closed = true;
  }
  return listed || closed ? out : out.slice(0, 1);
}

/**
 * Whether the words after an act ("fondatrice de Girleek", "ont fondé le Social Good Accelerator") name
 * a thing other than the question's: a capitalised word there that the question does not write, where
 * none does and no acronym of the question spells them. Nothing named there: the act may be the asked one.
 */
function ofAnother(object: string, known: Set<string>): boolean {
  const clause = object.split(/[,.;:!?()]/u)[0].slice(0, 80);
  const caps = clause.match(/\p{Lu}[\p{L}’'-]*/gu) ?? [];
  if (!caps.length) return false;
  // A name there that is the question's thing ("… et cofondatrice de Molengeek"): its first word and most
  // of its words are the question's ("Social Good Week", not "Social Innovation Village").
  for (const name of clause.match(/\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*/gu) ?? []) {
    const parts = name.split(/\s+/);
    const mine = parts.filter((w) => known.has(normalizeText(w)));
    if (known.has(normalizeText(parts[0])) && mine.length * 2 >= parts.length) return false;
  }
  const run = caps.join(' ');
  return ![...known].some((k) => k.length >= 2 && k.length <= 6 && abbreviates(k.toUpperCase(), run));
}

/**
 * The names a text binds to the act ("Jeanne Bretécher", "Víctor Meseguer"); empty when it does not tell
 * it. With `known` (the question's words, folded), only the act of the thing the question names:
 * "Julie Foulon, fondatrice de Girleek" tells who founded Girleek, not the organisation asked about.
 */
export function actorsIn(text: string, act: Act, known?: Set<string>): string[] {
  // What brackets say of a name is its apposition ("(Smart Belgium)", "(présidente du SOGA)"), not another
  // name; but it may tell an act of its own ("FARI (créé par l’ULB, la VUB…)"), read apart from the sentence.
  const plain = text.replace(/\s*\([^)]*\)/g, '');
  const bracketed = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const out: string[] = [];
  // "Chris Gordon (maître de cérémonie)": a bracket that tells the act is of the one name before it.
  for (const m of text.matchAll(/(\p{Lu}[\p{L}’'-]*(?:[ \t]+(?:(?:de|du|van|von|der|da|di)[ \t]+)*\p{Lu}[\p{L}’'-]*)+)\s*\(([^)]*)\)/gu))
    if (TOLD.some((t) => t.act === act && t.side === 'before' && APPOSED.test(m[2]) && t.pattern.test(m[2])) && !out.includes(m[1])) out.push(m[1]);
  for (const told of TOLD.filter((t) => t.act === act)) {
    const re = new RegExp(told.pattern.source, 'giu');
    for (const part of [plain, ...bracketed])
      for (const m of part.matchAll(re)) {
        const rest = part.slice(m.index + m[0].length);
        if (told.side === 'before' && known && ofAnother(rest, known)) continue;
        if (told.side === 'after') {
          for (const name of agentsAfter(rest, act === 'host')) if (!out.includes(name)) out.push(name);
          continue;
        }
        const run = NAMES_BEFORE.exec(part.slice(0, m.index))?.[1];
        if (!run) continue;
        for (const written of run.split(new RegExp(AND, 'u'))) {
          // "Le Social Good Accelerator": an organisation's article opening the sentence is no part of its name.
          const name = written
            .trim()
            .replace(TITLE, '')
            .replace(/^(?:Le|La|Les|The)\s+(?=\p{Lu})/u, '');
          // A name has two words at least (a first name alone, "Le", "Puis" are not one).
          if (name.split(/\s+/).length >= 2 && !out.includes(name)) out.push(name);
        }
      }
  }
  return out;
}
