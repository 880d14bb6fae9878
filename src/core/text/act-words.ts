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

export type Act = 'moderate' | 'found';

/** Words that ask who did the act (folded). Founding also takes every word founding-words.ts reads as asking about one. */
const ASKED: Record<Act, string[]> = {
  moderate: [
    ...['moderated', 'moderate', 'moderates', 'moderator', 'moderators', 'moderating', 'hosted', 'chaired', 'facilitated', 'facilitator', 'emcee', 'mc'],
    ...['animait', 'anime', 'animee', 'animateur', 'animatrice', 'animateurs', 'modere', 'moderee', 'moderait', 'moderateur', 'moderatrice', 'moderateurs', 'moderatrices'],
    ...['moderierte', 'moderiert', 'moderator', 'moderatorin', 'moderatoren', 'moderation', 'leitete', 'geleitet'],
    ...['modero', 'moderaba', 'moderado', 'moderador', 'moderadora', 'moderadores', 'condujo', 'presento'],
    ...['moderato', 'moderava', 'moderatore', 'moderatori', 'moderatrice', 'condotto', 'condusse'],
    ...['moderou', 'moderava', 'moderador', 'moderadora', 'conduziu', 'apresentou'],
    ...['modereerde', 'gemodereerd', 'moderator', 'moderatoren', 'leidde', 'presenteerde'],
  ],
  found: [...['started', 'cofounded', 'cofounders'], ...['gerufen', 'opgezet', 'oprichtte', 'oprichtten'], ...['crearon', 'creo', 'fundaron', 'fundo', 'fundou', 'fundaram', 'crio', 'criaram']],
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
      /(?<![\p{L}])(?:mod[ée]r[ée]e?s?\s+par|anim[ée]e?s?\s+par|les\s+mod[ée]rat(?:eur|rice)s?|la\s+mod[ée]ratrice|le\s+mod[ée]rateur|(?:moderated|hosted|chaired|facilitated)\s+by|moderiert\s+von|moderado\s+por|moderada\s+por|moderato\s+da|moderata\s+da|gemodereerd\s+door|the\s+moderators?)(?![\p{L}])/iu,
  },
  {
    act: 'moderate',
    side: 'before',
    pattern:
      /(?<![\p{L}])(?:a|ont|avait|avaient)\s+(?:mod[ée]r[ée]|anim[ée])(?![\p{L}])|,\s+(?:mod[ée]rat(?:eur|rice)|animat(?:eur|rice))(?![\p{L}])|(?<![\p{L}])(?:moderated|hosted|chaired)(?!\s+by)(?![\p{L}])/iu,
  },
  {
    act: 'found',
    side: 'before',
    pattern:
      /(?<![\p{L}])(?:ont|a|avait|avaient)\s+(?:co-?)?fond[ée]|,\s+(?:co-?)?fondat(?:eur|rice)s?|(?<![\p{L}])(?:co-?)?founded(?!\s+in)|,\s+(?:co-?)?founders?|(?<![\p{L}])(?:haben|hat)\s+\p{L}*\s*gegr[üu]ndet|(?<![\p{L}])(?:fundaron|fundó|fundou|fundaram|fondarono|fondò|richtten|richtte)(?![\p{L}])/iu,
  },
  {
    act: 'found',
    side: 'after',
    pattern: /(?<![\p{L}])(?:fond[ée]e?\s+par|founded\s+by|gegr[üu]ndet\s+von|fundad[oa]\s+por|fondat[oa]\s+da|opgericht\s+door|les\s+(?:co-?)?fondat(?:eur|rice)s)(?![\p{L}])/iu,
  },
];

const ASKED_SETS: Record<Act, Set<string>> = { moderate: new Set(ASKED.moderate), found: new Set(ASKED.found) };

/** The words that ask "who" (folded), in the languages of ASKED. */
const WHO = new Set(['who', 'whom', 'qui', 'wer', 'wem', 'wen', 'quien', 'quienes', 'chi', 'quem', 'wie']);

/**
 * The act a question asks who did, if any: an act word after its "who", in the same clause ("Who
 * moderated the workshop?", "Wer hat den Verein ins Leben gerufen?"). A follow-up rewritten with the
 * earlier turn's words ("… workshop moderated — who took part in it?") asks who took part, not who moderated.
 */
export function askedAct(question: string): Act | null {
  for (const clause of normalizeText(question).split(/[,;:—–?!.()]+/u)) {
    const words = clause.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const at = words.findIndex((w) => WHO.has(w));
    if (at < 0) continue;
    const after = words.slice(at + 1);
    if (after.some((w) => ASKED_SETS.moderate.has(w))) return 'moderate';
    if (after.some((w) => ASKED_SETS.found.has(w) || asksFounding(w)) || foundingWordsIn(after.join(' ')).size) return 'found';
  }
  return null;
}

/** Whether a (folded) word is one that asks about an act: what is asked, not about what. */
export function isActWord(word: string): boolean {
  return ASKED_SETS.moderate.has(word) || ASKED_SETS.found.has(word) || asksFounding(word) || ['set', 'up', 'leben', 'gerufen', 'marcha', 'pied', 'avviato'].includes(word);
}

// A name: capitalised words, with the particles names carry between them ("Sarah de Heusch", "Ursula von der Leyen").
const NAME_WORD = String.raw`\p{Lu}[\p{L}’'-]*`;
const PARTICLE = String.raw`(?:de|du|des|da|di|del|della|van|von|der|den|le|la|ten|ter|y)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD})*`;
const AND = String.raw`(?:\s*,\s*|\s+(?:et|and|und|y|e|en|&)\s+)`;
const NAMES_AFTER = new RegExp(String.raw`^\s*:?\s*(${NAME}(?:${AND}${NAME})*)`, 'u');
const NAMES_BEFORE = new RegExp(String.raw`(${NAME}(?:${AND}${NAME})*)\s*$`, 'u');

/** The names a text binds to the act ("Jeanne Bretécher", "Víctor Meseguer"); empty when it does not tell it. */
export function actorsIn(text: string, act: Act): string[] {
  // What brackets say of a name is its apposition ("(Smart Belgium)", "(présidente du SOGA)"), not another name.
  const plain = text.replace(/\s*\([^)]*\)/g, '');
  const out: string[] = [];
  for (const told of TOLD.filter((t) => t.act === act)) {
    const re = new RegExp(told.pattern.source, 'giu');
    for (const m of plain.matchAll(re)) {
      const run = told.side === 'after' ? NAMES_AFTER.exec(plain.slice(m.index + m[0].length))?.[1] : NAMES_BEFORE.exec(plain.slice(0, m.index))?.[1];
      if (!run) continue;
      for (const name of run.split(new RegExp(AND, 'u'))) {
        // A name has two words at least (a first name alone, "Le", "Puis" are not one).
        if (name.trim().split(/\s+/).length >= 2 && !out.includes(name.trim())) out.push(name.trim());
      }
    }
  }
  return out;
}
