/**
 * Relation checks of a generated sentence: the value and name checks (claims.ts) pass a sentence
 * whose every name, date and number is in its passage, even when it puts them in the wrong roles —
 * "the first summit was held in Strasbourg" of a passage that says the second was, "X founded Y" of
 * one that says X co-directs Y, "Mannheim in 2022" of one that says Mannheim in 2021. Here an
 * ordinal, a year or a role word that the sentence attaches to a name must agree with what the cited
 * passages attach to that name.
 *
 * Rules, cheap. Ordinals and years: a sentence is rejected only on a contradiction — the passages
 * attach ordinals (years) to that name and never the sentence's; a name they give none passes.
 * Roles: on a contradiction too (the passages make the holder something else), and also when no
 * sentence of the cited passages that names the holder has a role word of that kind at all ("Le SOGA
 * a organisé les Awards" of a passage that only says the SOGA took part): a role is a claim. Where words attach is judged coarsely: ordinals and years by clause (the text between
 * commas, semicolons, brackets and dashes), roles by adjacency, the same way in the sentence and in
 * the passage (the name or list of names just before or just after the role word; a list introduced
 * by "co-organisé par :" belongs to that line).
 */
import { foldKeepingOffsets } from '../text/date-expressions.js';
import { dateSupported, datesIn, describeDate, valuesOf } from './claim-values.js';
import type { LanguageCode } from '../types.js';
import { foldName, isKnownPlace, nameCandidates, nameFound, passageNameWords, type NameCandidate } from './names.js';

/** Kinds of role a person or organisation can have in an article. */
type RoleClass = 'founder' | 'leader' | 'secretary' | 'treasurer' | 'organiser' | 'supporter' | 'speaker' | 'guest';
const ALL_ROLES: RoleClass[] = ['founder', 'leader', 'secretary', 'treasurer', 'organiser', 'supporter', 'speaker', 'guest'];

const ROLE_WORDS: [RoleClass[], string[]][] = [
  [
    ['founder'],
    [
      ...['fonde', 'fondee', 'fondes', 'fondees', 'fonder', 'fonda', 'fondait', 'fondateur', 'fondatrice', 'fondateurs', 'fondatrices'],
      ...['founded', 'founder', 'founders', 'founding', 'cofounder', 'cofounders'],
      ...['gegrundet', 'grundete', 'grundeten', 'grunder', 'grunderin', 'grunderinnen', 'mitbegrunder', 'mitbegrunderin', 'mitgegrundet'],
      ...['fundo', 'fundado', 'fundada', 'fundados', 'fundadas', 'fundador', 'fundadora', 'fundadores', 'fundadoras', 'fundou'],
      ...['fondato', 'fondata', 'fondati', 'fondatore', 'fondatori'],
      ...['opgericht', 'oprichter', 'oprichters', 'oprichtster', 'medeoprichter'],
    ],
  ],
  // Creating: an organisation's founding or an event's organising. ("Launched" is said of platforms
  // and projects, not of a person's role: not a role word.)
  [
    ['founder', 'organiser'],
    [
      ...['cree', 'creee', 'crees', 'creees', 'crea', 'createur', 'creatrice', 'createurs'],
      ...['created', 'creator', 'creators', 'established'],
      ...['geschaffen'],
      ...['creado', 'creada', 'creo', 'creato', 'creata', 'criado', 'criada', 'criou'],
      ...['opgezet'],
    ],
  ],
  [
    ['leader'],
    [
      ...['dirige', 'dirigee', 'diriges', 'dirigees', 'dirigent', 'dirigeait', 'dirigeant', 'dirigeante', 'dirigeants', 'dirigeantes', 'directeur', 'directrice', 'directeurs', 'directrices'],
      ...['preside', 'presidee', 'president', 'presidente', 'presidents', 'presidentes', 'coordonne', 'coordonnee', 'coordinateur', 'coordinatrice', 'coordonnateur', 'coordonnatrice', 'responsable'],
      ...[
        'director',
        'directors',
        'directs',
        'leads',
        'led',
        'leader',
        'leaders',
        'heads',
        'headed',
        'chair',
        'chairs',
        'chaired',
        'chairman',
        'chairwoman',
        'chairperson',
        'coordinator',
        'coordinates',
        'coordinated',
        'ceo',
      ],
      ...['leiter', 'leiterin', 'leitet', 'leitete', 'geleitet', 'direktor', 'direktorin', 'prasident', 'prasidentin', 'vorsitzende', 'vorsitzender', 'koordinator', 'koordinatorin', 'koordiniert'],
      ...['directora', 'directores', 'dirigido', 'dirigida', 'presidenta', 'coordinador', 'coordinadora', 'coordinado', 'coordinada'],
      ...['direttore', 'direttrice', 'diretto', 'diretta', 'presieduto', 'coordinatore', 'coordinatrice', 'coordinato', 'coordinata'],
      ...['diretor', 'diretora', 'dirigido', 'presidido', 'coordenador', 'coordenadora', 'coordenado'],
      ...['directeur', 'voorzitter', 'leidt', 'geleid', 'coordinator'],
    ],
  ],
  // An association's officers other than its head: "Generalsekretär … ist Jeanne Bretécher" is not said by
  // "Jeanne Bretécher, présidente du SOGA" (a model wrote exactly that for a question no article answers).
  [
    ['secretary'],
    [
      ...['secretaire', 'secretaires', 'secretary', 'secretaries', 'generalsekretar', 'generalsekretarin', 'sekretar', 'sekretarin'],
      ...['secretario', 'secretaria', 'secretarios', 'segretario', 'segretaria', 'secretaris'],
    ],
  ],
  [['treasurer'], [...['tresorier', 'tresoriere', 'treasurer', 'schatzmeister', 'schatzmeisterin', 'tesorero', 'tesorera', 'tesoriere', 'tesoureiro', 'tesoureira', 'penningmeester']]],
  [
    ['organiser'],
    [
      ...['organise', 'organisee', 'organises', 'organisees', 'organisent', 'organisait', 'organisateur', 'organisatrice', 'organisateurs', 'organisatrices', 'accueilli', 'accueillie', 'accueillait'],
      ...['organised', 'organized', 'organiser', 'organizer', 'organisers', 'organizers', 'organising', 'organizing', 'organises', 'organizes', 'hosted', 'hosts', 'host'],
      ...['organisiert', 'organisierte', 'organisator', 'organisatoren', 'veranstaltet', 'veranstalter', 'veranstalterin', 'ausgerichtet', 'gastgeber'],
      ...['organizado', 'organizada', 'organizo', 'organizador', 'organizadora', 'organizadores', 'organizou', 'anfitrion'],
      ...['organizzato', 'organizzata', 'organizzatore', 'organizzatori', 'organizzatrice', 'ospitato', 'ospitata'],
      ...['organiseert', 'georganiseerd', 'organisator'],
    ],
  ],
  // A partner of an event may have organised it or supported it.
  [
    ['organiser', 'supporter'],
    [
      ...['partenariat', 'partenaire', 'partenaires', 'collaboration'],
      ...['partner', 'partners', 'partnered', 'partnership'],
      ...['partnerschaft', 'zusammenarbeit'],
      ...['socio', 'socios', 'colaboracion', 'partenariato', 'collaborazione', 'parceria', 'parceiro', 'parceiros', 'parceira', 'colaboracao', 'samenwerking'],
    ],
  ],
  [
    ['supporter'],
    [
      ...[
        'soutien',
        'soutenu',
        'soutenue',
        'soutenus',
        'soutenues',
        'soutient',
        'soutiennent',
        'finance',
        'financee',
        'finances',
        'financees',
        'financeur',
        'financeurs',
        'financement',
        'financier',
        'financiere',
        'mecene',
        'mecenes',
        'mecenat',
      ],
      ...['supported', 'supporter', 'supporters', 'supports', 'funded', 'funder', 'funders', 'funding', 'financed', 'finances', 'sponsor', 'sponsors', 'sponsored', 'backed', 'financially'],
      ...['unterstutzt', 'unterstutzte', 'unterstutzung', 'forderer', 'gefordert', 'finanziert', 'sponsoren'],
      ...['apoyo', 'apoyado', 'apoyada', 'financiado', 'financiada', 'patrocinador', 'patrocinado', 'patrocinada', 'patrocinadores'],
      ...['sostegno', 'sostenuto', 'sostenuta', 'finanziato', 'finanziata', 'sponsorizzato'],
      ...['apoio', 'apoiado', 'apoiada', 'patrocinio'],
      ...['steun', 'gesteund', 'gefinancierd', 'gesponsord'],
    ],
  ],
  // Invited, a finalist, a winner: there as a guest (often to speak), not as its organiser.
  [
    ['guest', 'speaker'],
    [
      ...['invite', 'invitee', 'invites', 'invitees', 'finaliste', 'finalistes', 'laureat', 'laureate', 'laureats', 'recompense', 'recompensee', 'prime', 'primee'],
      ...['invited', 'guest', 'guests', 'finalist', 'finalists', 'winner', 'winners', 'awarded'],
      ...['eingeladen', 'gast', 'finalistin', 'finalisten', 'gewinner', 'gewinnerin', 'preistrager', 'preistragerin', 'ausgezeichnet'],
      ...['invitado', 'invitada', 'invitados', 'finalista', 'finalistas', 'ganador', 'ganadora', 'premiado', 'premiada'],
      ...['invitato', 'invitata', 'invitati', 'ospite', 'finalisti', 'vincitore', 'vincitrice', 'premiato', 'premiata'],
      ...['convidado', 'convidada', 'convidados', 'vencedor', 'vencedora'],
      ...['uitgenodigd', 'gast', 'finalist', 'winnaar', 'bekroond'],
    ],
  ],
  // Taking part: true of anyone with any role.
  [
    ALL_ROLES,
    [
      'participe',
      'participait',
      'participant',
      'participants',
      'participante',
      'participated',
      'participates',
      'attended',
      'teilgenommen',
      'nahm',
      'teilnehmer',
      'participo',
      'partecipato',
      'partecipa',
      'participou',
      'deelgenomen',
      'nam',
    ],
  ],
  [
    ['speaker'],
    [
      ...[
        'intervenant',
        'intervenante',
        'intervenants',
        'intervenantes',
        'intervenu',
        'intervenue',
        'intervient',
        'moderateur',
        'moderatrice',
        'modere',
        'moderee',
        'anime',
        'animee',
        'animait',
        'animateur',
        'animatrice',
        'presente',
        'presentee',
        'presentait',
        'presenteront',
      ],
      ...['speaker', 'speakers', 'spoke', 'moderated', 'moderator', 'moderators', 'presented', 'presenter', 'keynote', 'panelist', 'panellist', 'panelists'],
      ...['redner', 'rednerin', 'referent', 'referentin', 'sprach', 'moderiert', 'moderierte', 'moderator', 'moderatorin', 'vorgestellt', 'stellte'],
      ...['ponente', 'ponentes', 'moderador', 'moderadora', 'modero', 'presento', 'presentado', 'presentada', 'intervino'],
      ...['relatore', 'relatrice', 'relatori', 'moderatore', 'moderatrice', 'presentato', 'presentata', 'intervenuto', 'intervenuta'],
      ...['orador', 'oradora', 'apresentou', 'apresentado', 'apresentada'],
      ...['spreker', 'sprekers', 'presenteerde', 'gepresenteerd'],
    ],
  ],
];
const ROLE_OF = new Map<string, Set<RoleClass>>();
for (const [classes, list] of ROLE_WORDS) {
  for (const w of list) {
    const set = ROLE_OF.get(w) ?? new Set<RoleClass>();
    classes.forEach((c) => set.add(c));
    ROLE_OF.set(w, set);
  }
}
// Words that are something else in one language: Spanish "cree" (believes).
const NOT_A_ROLE: Partial<Record<LanguageCode, Set<string>>> = { es: new Set(['cree', 'crea']) };
// "fondé sur", "based on": a basis, not a founding.
const BASIS_AFTER = new Set(['sur', 'on', 'auf', 'su', 'sobre', 'em', 'op']);

function roleOf(word: string, next: string | undefined, lang: LanguageCode): Set<RoleClass> | undefined {
  const bare = word.replace(/^co-?/, '');
  const classes = ROLE_OF.get(word) ?? ROLE_OF.get(bare);
  if (!classes || NOT_A_ROLE[lang]?.has(word)) return undefined;
  if (classes.has('founder') && next && BASIS_AFTER.has(next)) return undefined;
  return classes;
}

const ORDINAL_WORDS: Record<string, number> = {};
const ORDINAL_LISTS: [number, string[]][] = [
  [1, ['premier', 'premiere', 'premiers', 'premieres', 'first', 'erste', 'erster', 'erstes', 'ersten', 'erstem', 'primer', 'primero', 'primera', 'primo', 'prima', 'primeiro', 'primeira', 'eerste']],
  [2, ['deuxieme', 'second', 'seconde', 'zweite', 'zweiter', 'zweites', 'zweiten', 'zweitem', 'segundo', 'segunda', 'secondo', 'seconda', 'tweede']],
  [3, ['troisieme', 'third', 'dritte', 'dritter', 'drittes', 'dritten', 'drittem', 'tercer', 'tercero', 'tercera', 'terzo', 'terza', 'terceiro', 'terceira', 'derde']],
  [4, ['quatrieme', 'fourth', 'vierte', 'vierter', 'viertes', 'vierten', 'vierde']],
  [5, ['cinquieme', 'fifth', 'funfte', 'funfter', 'funften', 'vijfde']],
  [6, ['sixieme', 'sixth', 'sechste', 'sechsten', 'zesde']],
  [7, ['septieme', 'seventh', 'siebte', 'siebten', 'zevende']],
  [8, ['huitieme', 'eighth', 'achte', 'achten', 'achtste']],
  [9, ['neuvieme', 'ninth', 'neunte', 'neunten', 'negende']],
  [10, ['dixieme', 'tenth', 'zehnte', 'zehnten', 'tiende']],
];
for (const [n, list] of ORDINAL_LISTS) for (const w of list) ORDINAL_WORDS[w] = n;
// "secondo il rapporto", "segundo o relatório": "according to", not "second"; "prima di": "before".
const NOT_ORDINAL_BEFORE = new Set([
  'il',
  'lo',
  'la',
  'l',
  'i',
  'gli',
  'le',
  'o',
  'a',
  'os',
  'as',
  'lui',
  'lei',
  'loro',
  'ele',
  'ela',
  'eles',
  'elas',
  'me',
  'noi',
  'di',
  'del',
  'della',
  'dello',
  'dei',
  'delle',
  'che',
  'de',
  'do',
  'da',
  'dos',
  'das',
]);
const AMBIGUOUS_ORDINALS = new Set(['secondo', 'seconda', 'segundo', 'segunda', 'prima', 'primo']);
/**
 * What an ordinal counts, by kind, in the seven languages: "the first summit" and "le deuxième
 * sommet" are compared; "the second workshop" and "le premier événement" are not (two series).
 */
const HEADS: Record<string, string> = {};
const HEAD_LISTS: [string, string[]][] = [
  ['summit', ['summit', 'summits', 'sommet', 'sommets', 'gipfel', 'gipfeltreffen', 'cumbre', 'cumbres', 'vertice', 'vertici', 'cimeira', 'cimeiras', 'cupula', 'top', 'topbijeenkomst']],
  ['edition', ['edition', 'editions', 'ausgabe', 'auflage', 'edicion', 'edizione', 'edicao', 'editie']],
  ['workshop', ['workshop', 'workshops', 'atelier', 'ateliers', 'taller', 'talleres', 'laboratorio', 'oficina', 'oficinas', 'werkplaats']],
  ['round table', ['table', 'tables', 'roundtable', 'runder', 'mesa', 'tavola', 'rondetafel', 'rondetafelgesprek']],
  ['event', ['event', 'events', 'evenement', 'evenements', 'veranstaltung', 'evento', 'eventos', 'eventi', 'evenementen']],
  ['conference', ['conference', 'conferences', 'konferenz', 'conferencia', 'conferenza', 'conferentie']],
  ['forum', ['forum', 'foro', 'forums']],
  ['meeting', ['meeting', 'rencontre', 'reunion', 'treffen', 'incontro', 'encontro', 'bijeenkomst']],
  ['session', ['session', 'seance', 'sitzung', 'sesion', 'sessione', 'sessao', 'sessie']],
];
for (const [kind, list] of HEAD_LISTS) for (const w of list) HEADS[w] = kind;

// "2e", "2ème", "1er", "2nd", "3rd", "2º" (folded "2o"), "1ª" ("1a").
const DIGIT_ORDINAL = /^(\d{1,2})(?:eme|ere|er|re|e|st|nd|rd|th|o|a)$/;

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const folded = foldKeepingOffsets(text);
  return [...folded.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({ word: m[0].replace(/ß/g, 'ss'), start: m.index, end: m.index + m[0].length }));
}

function ordinalOf(tok: Token, next: Token | undefined): number | undefined {
  const digit = tok.word.match(DIGIT_ORDINAL);
  if (digit) return Number(digit[1]);
  const n = ORDINAL_WORDS[tok.word];
  if (n === undefined) return undefined;
  if (AMBIGUOUS_ORDINALS.has(tok.word) && (!next || NOT_ORDINAL_BEFORE.has(next.word))) return undefined;
  return n;
}

const YEAR = /^(?:19|20)\d\d$/;

/** The kind of thing the ordinal at `i` counts: the first word of the head table within five words after it. */
function headOf(toks: Token[], i: number): string | undefined {
  for (const t of toks.slice(i + 1, i + 6)) if (HEADS[t.word]) return HEADS[t.word];
  return undefined;
}

// Prepositions before a place: "in Lille", "à Lille", "in Lissabon", "em Lisboa", "te Gent".
const PLACE_BEFORE = new Set(['in', 'at', 'a', 'en', 'au', 'aux', 'im', 'nach', 'em', 'no', 'na', 'te', 'op']);

/**
 * Names a year can be attached to in a sentence: places ("in Lille", the exonym table) and events
 * named with what they are ("Social Good Week", "Sommet …"); not organisations and people, whose
 * passages give other years (founded in 2016) that an answer's "in 2024, X moderated…" is not about.
 */
function dated(name: Placed, sentence: string): boolean {
  const before = foldKeepingOffsets(sentence.slice(0, name.start)).match(/([\p{L}]+)\s+$/u)?.[1];
  return (before !== undefined && PLACE_BEFORE.has(before)) || name.words.some((w) => isKnownPlace(w) || HEADS[w] !== undefined || ['week', 'semaine', 'woche', 'semana', 'settimana'].includes(w));
}

/**
 * Clause boundaries: offsets where a comma, semicolon, bracket or dash (between spaces) stands. A
 * name's acronym in brackets ("Social Good Accelerator (SOGA) and its partners") is not a clause.
 */
function clauseBreaks(text: string): number[] {
  const acronyms = [...text.matchAll(/\(\s*[\p{Lu}\d][\p{L}\d&.-]{0,15}\s*\)/gu)].flatMap((m) => [m.index, m.index + m[0].length - 1]);
  return [...text.matchAll(/[,;()[\]]|\s[–—-]\s/g)].map((m) => m.index).filter((i) => !acronyms.includes(i));
}

const clauseOf = (offset: number, breaks: number[]) => breaks.filter((b) => b < offset).length;

/** The sentences of a passage, with a list that a line ending in ":" introduces joined to that line. */
export function passageSentences(text: string): string[] {
  const lines = text.split(/\n/);
  const units: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const item = /^[•*·▪◦‣–—-]\s*/.test(line);
    if (open && (item || line.length <= 80)) {
      units[units.length - 1] += ` ${line.replace(/^[•*·▪◦‣–—-]\s*/, '')}`;
      if (/[.!?]$/.test(line)) open = false;
      continue;
    }
    open = /:$/.test(line);
    units.push(line);
  }
  return units.flatMap((u) => u.split(/(?<=[.!?…])\s+(?=[\p{Lu}«"“])/u));
}

interface Unit {
  /** The unit as written (its dates are read from it). */
  text: string;
  folded: string;
  words: Set<string>;
  /** Ordinals, years and roles of each clause of the unit (roles: of the whole unit). */
  /** Ordinals as "n|kind" ("2|summit"): only an ordinal of the same kind contradicts. */
  clauses: { folded: string; words: Set<string>; ordinals: Set<string>; years: Set<number> }[];
  /** Every role word of the unit (taking part left out): what can support a sentence's role. */
  roleWords: { word: string; classes: Set<RoleClass> }[];
  /** The names of the unit with the roles of the role words next to them (the same rule as for the answer). */
  roles: { name: NameCandidate; folded: string; words: Set<string>; roles: Set<RoleClass>; roleWords: string[] }[];
}

function readUnit(text: string, lang: LanguageCode): Unit {
  const toks = tokens(text);
  const breaks = clauseBreaks(text);
  const clauses = new Map<number, { text: string[]; ordinals: Set<string>; years: Set<number> }>();
  const roleWords: Unit['roleWords'] = [];
  toks.forEach((t, i) => {
    const role = roleOf(t.word, toks[i + 1]?.word, lang);
    if (role && role.size < ALL_ROLES.length) roleWords.push({ word: text.slice(t.start, t.end), classes: role });
    const c = clauseOf(t.start, breaks);
    const clause = clauses.get(c) ?? { text: [], ordinals: new Set(), years: new Set() };
    clauses.set(c, clause);
    clause.text.push(t.word);
    const ordinal = ordinalOf(t, toks[i + 1]);
    const kind = ordinal === undefined ? undefined : headOf(toks, i);
    if (ordinal !== undefined && kind) clause.ordinals.add(`${ordinal}|${kind}`);
    if (YEAR.test(t.word)) clause.years.add(Number(t.word));
  });
  const folded = foldName(text);
  return {
    text,
    folded,
    words: new Set(folded.split(' ')),
    clauses: [...clauses.values()].map((c) => {
      const f = foldName(c.text.join(' '));
      return { folded: f, words: new Set(f.split(' ')), ordinals: c.ordinals, years: c.years };
    }),
    roleWords,
    roles: attachments(text, lang, passageNameWords(text))
      .filter((a) => a.roles.size)
      .map((a) => {
        const f = a.name.words.join(' ');
        return { name: a.name, folded: f, words: new Set(a.name.words), roles: a.roles, roleWords: a.roleWords };
      }),
  };
}

/** A cited passage, read once for the relation checks. */
export interface RelationPassage {
  n: number;
  units: Unit[];
  /** Every numeric value of the passage: a year written once for the whole passage still dates its days. */
  values: Set<number>;
}

export function readRelationPassage(n: number, text: string): RelationPassage {
  // Passages are mostly French; the language only matters for the few words excluded per language.
  return { n, units: passageSentences(text).map((u) => readUnit(u, 'fr')), values: valuesOf(text) };
}

interface Placed extends NameCandidate {
  start: number;
  end: number;
}

/** The names of the sentence with where they stand, places of the exonym table left out (a place has no role). */
function placedNames(sentence: string, lang: LanguageCode, passageNames: Set<string>): Placed[] {
  const out: Placed[] = [];
  let from = 0;
  for (const name of nameCandidates(sentence, lang, passageNames)) {
    const start = sentence.indexOf(name.text, from);
    if (start < 0) continue;
    from = start + name.text.length;
    out.push({ ...name, start, end: from });
  }
  return out;
}

const LIST_JOINERS = /^\s*(?:,|&|and|et|und|y|e|en|as well as|ainsi que|sowie|così come|assim como|evenals|:)?\s*(?:,\s*)?(?:and|et|und|y|e|en)?\s*$/i;

/**
 * What the sentence attaches to each name: the ordinals (with the kind they count) and, for places
 * and events, the years of its clause; and the roles of the role words whose holder it is — the name
 * (or list of names) just before an active role word, the one an apposition follows ("X, codirectrice
 * de Y"), and the agent after it ("co-organised by X, Y and Z").
 */
function attachments(sentence: string, lang: LanguageCode, passageNames: Set<string>) {
  const names = placedNames(sentence, lang, passageNames);
  const toks = tokens(sentence);
  const breaks = clauseBreaks(sentence);
  const result = names.map((name) => ({ name, ordinals: new Map<string, string>(), years: new Set<number>(), roles: new Set<RoleClass>(), roleWords: [] as string[] }));
  const wordsBetween = (a: number, b: number) => toks.filter((t) => t.start >= a && t.end <= b).length;
  toks.forEach((t, i) => {
    const c = clauseOf(t.start, breaks);
    const inClause = result.filter((r) => clauseOf(r.name.start, breaks) === c);
    const ordinal = ordinalOf(t, toks[i + 1]);
    const kind = ordinal === undefined ? undefined : headOf(toks, i);
    if (ordinal !== undefined && kind) for (const r of inClause) r.ordinals.set(`${ordinal}|${kind}`, sentence.slice(t.start, t.end));
    if (YEAR.test(t.word)) for (const r of inClause) if (dated(r.name, sentence)) r.years.add(Number(t.word));
    const role = roleOf(t.word, toks[i + 1]?.word, lang);
    if (!role || names.some((n) => n.start <= t.start && t.end <= n.end)) return;
    // "le SOGA et ses partenaires": the partners are others, not the name before.
    if (i > 0 && POSSESSIVE.has(toks[i - 1].word)) return;
    const people = inClause.filter((r) => !r.name.words.some(isKnownPlace));
    const clauseToks = toks.filter((x) => clauseOf(x.start, breaks) === c && x.end <= t.start);
    // The role holder. Only the holder is compared: "X organised Y" says nothing of Y's role, and
    // "Y a été organisé par X" makes X, not Y, the organiser.
    const holder = () => {
      // "X et Y ont co-organisé", "X was invited" (being invited, a finalist, is the subject's role);
      // not "Y est soutenu", "Y wurde gegründet" (the passive's subject is what was done).
      const near = people.filter((r) => r.name.end <= t.start && wordsBetween(r.name.end, t.start) <= 4).at(-1);
      if (near) {
        const between = toks.filter((x) => x.start >= near.name.end && x.end <= t.start).map((x) => x.word);
        return between.some((w) => PASSIVE.has(w)) && !role.has('guest') ? undefined : near;
      }
      const lastBreak = breaks.filter((b) => b < t.start).at(-1);
      if (lastBreak === undefined || sentence[lastBreak] !== ',') return undefined;
      // "X, codirectrice de Y": a role word opening its clause right after a name and a comma.
      if (clauseToks.length === 0) return result.find((r) => !r.name.words.some(isKnownPlace) && /^\s*$/.test(sentence.slice(r.name.end, lastBreak)));
      // "X, codirectrice de Y, a animé": after an apposition, an auxiliary opens the subject's verb.
      if (clauseToks.length <= 2 && ACTIVE.has(clauseToks[0].word)) return result.find((r) => r.name.start < lastBreak && !r.name.words.some(isKnownPlace));
      return undefined;
    };
    const nearest = holder();
    const before: typeof result = [];
    if (nearest) {
      before.push(nearest);
      for (let k = result.indexOf(nearest) - 1; k >= 0; k--) {
        const r = result[k];
        if (r.name.words.some(isKnownPlace) || !LIST_JOINERS.test(sentence.slice(r.name.end, before.at(-1)!.name.start))) break;
        before.push(r);
      }
    }
    // The agent after the role word ("fondé en 2016 par X", "co-organised by X, Y and Z"), with its list.
    const after: typeof result = [];
    for (const r of result) {
      if (r.name.start < t.end) continue;
      if (r.name.words.some(isKnownPlace)) {
        if (after.length) break;
        continue;
      }
      const gapFrom = after.length ? after.at(-1)!.name.end : t.end;
      const gap = sentence.slice(gapFrom, r.name.start);
      if (after.length ? !LIST_JOINERS.test(gap) : !agentAfter(gap, wordsBetween(t.end, r.name.start))) break;
      after.push(r);
    }
    // "Generalsekretär des Social Good Accelerator ist X": the role's complement may be a name too; the
    // name after the copula holds the role.
    if (!after.length) {
      const subject = result.find((r) => r.name.start >= t.end && !r.name.words.some(isKnownPlace) && COPULA_BEFORE_NAME.test(foldKeepingOffsets(sentence.slice(t.end, r.name.start))));
      if (subject && !/[,;()]/.test(sentence.slice(t.end, subject.name.start)) && wordsBetween(t.end, subject.name.start) <= 7) after.push(subject);
    }
    for (const r of [...before, ...after]) {
      role.forEach((x) => r.roles.add(x));
      r.roleWords.push(sentence.slice(t.start, t.end));
    }
  });
  return result;
}

// The agent of a passive: "fondé en 2016 par X", "organised last year by the network X", "gegründet von X".
const AGENT =
  /(?:^|\s)(?:par|by|von|por|da|door|pelo|pela|dal|dalla|dalle)\s*:?(?:\s+(?:le|la|les|l|the|der|die|das|dem|den|el|los|las|il|lo|o|a|os|as|de|het|un|une|a|an|ein|eine|einem|einer))?(?:\s+\p{L}+)?\s*$/iu;
// Auxiliaries of a passive ("est soutenu", "was founded", "wurde gegründet", "fue creado", "è stato", "foi criado", "werd opgericht").
const PASSIVE = new Set([
  'se',
  'si',
  'est',
  'sont',
  'ete',
  'etait',
  'etaient',
  'sera',
  'seront',
  'was',
  'were',
  'is',
  'are',
  'been',
  'be',
  'wurde',
  'wurden',
  'worden',
  'wird',
  'werden',
  'ist',
  'sind',
  'fue',
  'fueron',
  'sido',
  'es',
  'son',
  'era',
  'e',
  'sono',
  'stato',
  'stata',
  'stati',
  'state',
  'viene',
  'foi',
  'foram',
  'werd',
  'wordt',
  'zijn',
  'waren',
]);
// Auxiliaries of an active past ("a animé", "ont co-organisé", "hat moderiert", "ha moderado", "heeft geleid").
const ACTIVE = new Set(['a', 'ont', 'avait', 'avaient', 'has', 'have', 'had', 'hat', 'haben', 'hatte', 'ha', 'han', 'hanno', 'habia', 'tem', 'tinha', 'heeft', 'hebben', 'had']);

const POSSESSIVE = new Set([
  'ses',
  'son',
  'sa',
  'leur',
  'leurs',
  'its',
  'his',
  'her',
  'their',
  'sein',
  'seine',
  'seinen',
  'seiner',
  'seinem',
  'ihr',
  'ihre',
  'ihren',
  'ihrer',
  'ihrem',
  'su',
  'sus',
  'suo',
  'sua',
  'suoi',
  'sue',
  'loro',
  'seu',
  'seus',
  'suas',
  'zijn',
  'haar',
  'hun',
]);

/** Whether a name this far after a role word is its agent: "… par X", "… by the network X". */
function agentAfter(gap: string, words: number): boolean {
  if (/[,;()]/.test(gap)) return false;
  const folded = foldKeepingOffsets(gap).replace(/[’']/g, ' ');
  return words <= 7 && (AGENT.test(folded) || COPULA_BEFORE_NAME.test(folded));
}

// "Generalsekretär des Vereins ist X", "the treasurer of the network is X": the name after a copula holds the role.
const COPULA_BEFORE_NAME = /(?:^|\s)(?:is|was|ist|war|est|etait|es|era|fue|e|foi|sera|is|wordt)\s*$/iu;

const cite = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

/**
 * What the sentence attaches to a name that the cited passages contradict: an ordinal, year or role
 * they never attach to that name while attaching others. Empty when nothing contradicts.
 */
export function relationProblems(sentence: string, lang: LanguageCode, cited: RelationPassage[], passageNames: Set<string>): string[] {
  const problems: string[] = [];
  const where = cite(cited.map((p) => p.n));
  // A quoted title ("l'atelier « Libérer les organisations ESS des GAFAM »") names one thing: the
  // date the sentence gives it must be one a passage sentence that quotes the title gives, not the
  // date of the larger event beside it.
  const answerDates = datesIn(sentence).dates.filter((d) => d.precision !== 'year');
  if (answerDates.length) {
    for (const title of quotedTitles(sentence)) {
      const theirs = cited
        .flatMap((p) => p.units.filter((u) => ` ${u.folded} `.includes(` ${title.folded} `)).map((u) => ({ dates: datesIn(u.text).dates.filter((d) => d.precision !== 'year'), values: p.values })))
        .filter((u) => u.dates.length);
      if (!theirs.length) continue;
      for (const d of answerDates) {
        if (!theirs.some((u) => dateSupported(d, u)))
          problems.push(
            `the cited ${where} gives “${title.text}” the date ${theirs
              .flatMap((u) => u.dates)
              .map(describeDate)
              .join(' or ')}, not ${describeDate(d)}`,
          );
      }
    }
  }
  for (const a of attachments(sentence, lang, passageNames)) {
    const units = cited.flatMap((p) => p.units).filter((u) => nameFound(a.name, u.words, u.folded));
    if (!units.length) continue;
    const clauses = units.flatMap((u) => u.clauses).filter((c) => nameFound(a.name, c.words, c.folded));
    const theirOrdinals = new Set(clauses.flatMap((c) => [...c.ordinals]));
    for (const [o, written] of a.ordinals) {
      const [n, kind] = o.split('|');
      const same = [...theirOrdinals].filter((x) => x.endsWith(`|${kind}`));
      if (same.length && !same.includes(o))
        problems.push(
          `"${a.name.text}" goes with the ${same.map((x) => ordinalName(Number(x.split('|')[0]))).join(' or ')} ${kind} in the cited ${where}, not the ${ordinalName(Number(n))} ("${written}")`,
        );
    }
    const theirYears = new Set(clauses.flatMap((c) => [...c.years]));
    for (const y of a.years) {
      if (theirYears.size && !theirYears.has(y)) problems.push(`the cited ${where} gives "${a.name.text}" the year ${[...theirYears].join(' or ')}, not ${y}`);
    }
    const held = units.flatMap((u) => u.roles).filter((r) => nameFound(a.name, r.words, r.folded));
    const theirRoles = new Set(held.flatMap((r) => [...r.roles]));
    if (a.roles.size && theirRoles.size && ![...a.roles].some((r) => theirRoles.has(r))) {
      const said = [...new Set(held.flatMap((r) => r.roleWords))].slice(0, 3).join('", "');
      problems.push(`the cited ${where} does not make "${a.name.text}" ${a.roleWords.map((w) => `"${w}"`).join(', ')} (it says "${said}")`);
    } else if (a.roles.size && a.roles.size < ALL_ROLES.length && !units.some((u) => u.roleWords.some((w) => [...w.classes].some((c) => a.roles.has(c))))) {
      // A role is a claim too: some sentence of the passages that names the holder must say it
      // (in any words of its kind: "co-organisé", "partenaire"), or the sentence states what they do not.
      problems.push(`the cited ${where} does not say that "${a.name.text}" ${a.roleWords.map((w) => `"${w}"`).join(', ')}`);
    }
  }
  return problems;
}

/** Quoted spans of three words or more: titles of workshops, talks, reports. */
function quotedTitles(sentence: string): { text: string; folded: string }[] {
  return [...sentence.matchAll(/«\s*([^»]+?)\s*»|“([^”]+)”|"([^"]+)"|„([^“”]+)[“”]/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]).trim())
    .filter((t) => t.split(/\s+/).length >= 3)
    .map((text) => ({ text, folded: foldName(text) }));
}

function ordinalName(n: number): string {
  return ['', '1st', '2nd', '3rd'][n] ?? `${n}th`;
}
