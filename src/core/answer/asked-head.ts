/**
 * The thing a question asks for about a thing it names: "Who is the <spokesperson> of SOGA?", "What is
 * SOGA's <annual budget>?", "Quel est le <slogan> du Social Tech Atlas ?", "Wer ist <Generalsekretär>
 * des Social Good Accelerator?". Every other word of such a question names what the articles know
 * (SOGA, NEC ESS 2025), so a passage about it covers most of the question without saying a word of
 * what is asked; the answerability gate (answerability.ts) then wants the head in a passage on that
 * thing. Read only in that one shape — interrogative, copula, head, a word for "of" — and in the seven
 * languages the dictionaries translate: a head elsewhere in a question may be told in other words
 * ("moyens d'action" for "leviers").
 */
import { isRoleNoun, isValueNoun } from './answer-type.js';
import { normalizeText, words } from '../text/normalize.js';

interface HeadShape {
  /** Interrogatives that open the question. */
  ask: string[];
  /** The copula after them. */
  be: string[];
  /** Articles that may stand before the head. */
  articles: string[];
  /** Words that tie the head to the thing named ("of", "du", "des"). */
  of: string[];
  /**
   * Heads that say what kind of value is asked, not which attribute: the passage holds the value
   * ("Jeanne Bretécher", "le 26 mai", "à Paris"), seldom the noun ("the name of", "la date du").
   */
  kinds: string[];
  /**
   * Heads that ask what the thing is about ("the theme of the Lille day", "l'objectif de", "das Ziel
   * der"): any passage on it describes it, seldom with the noun ("Lille – Ateliers et intelligence
   * collective" is the day's theme).
   */
  about: string[];
}

/** Accent-folded. English's possessive ("SOGA's budget") is read apart (see askedHead). */
const SHAPES: Record<string, HeadShape> = {
  en: {
    ask: ['who', 'what', 'which'],
    be: ['is', 'was', 'are', 'were'],
    articles: ['the', 'a', 'an'],
    of: ['of', 'for', 'at', 'behind'],
    kinds: ['name', 'names', 'date', 'dates', 'day', 'year', 'time', 'place', 'venue', 'location', 'number', 'amount', 'total', 'count', 'kind', 'type', 'sort'],
    about: [
      'theme',
      'themes',
      'topic',
      'topics',
      'subject',
      'focus',
      'purpose',
      'goal',
      'goals',
      'aim',
      'aims',
      'objective',
      'objectives',
      'mission',
      'message',
      'agenda',
      'programme',
      'program',
      'content',
      'vision',
      'ambition',
      'idea',
    ],
  },
  fr: {
    ask: ['qui', 'quel', 'quelle', 'quels', 'quelles'],
    be: ['est', 'etait', 'sont', 'etaient', 'fut'],
    articles: ['le', 'la', 'les', 'l', 'un', 'une'],
    of: ['de', 'du', 'des', 'd'],
    kinds: ['nom', 'noms', 'date', 'dates', 'jour', 'annee', 'heure', 'lieu', 'lieux', 'endroit', 'nombre', 'montant', 'total', 'type', 'genre'],
    about: ['theme', 'themes', 'sujet', 'sujets', 'objet', 'but', 'buts', 'objectif', 'objectifs', 'mission', 'message', 'programme', 'contenu', 'vision', 'ambition', 'idee', 'enjeu', 'enjeux'],
  },
  de: {
    ask: ['wer', 'was', 'welche', 'welcher', 'welches'],
    be: ['ist', 'war', 'sind', 'waren'],
    articles: ['der', 'die', 'das', 'den', 'ein', 'eine'],
    of: ['des', 'der', 'von', 'vom', 'beim'],
    kinds: ['name', 'namen', 'datum', 'tag', 'jahr', 'uhrzeit', 'zeit', 'ort', 'zahl', 'anzahl', 'betrag', 'summe', 'art', 'typ'],
    about: ['thema', 'themen', 'gegenstand', 'ziel', 'ziele', 'zweck', 'aufgabe', 'mission', 'botschaft', 'programm', 'inhalt', 'vision', 'idee', 'schwerpunkt'],
  },
  es: {
    ask: ['quien', 'quienes', 'cual', 'cuales', 'que'],
    be: ['es', 'era', 'fue', 'son', 'eran'],
    articles: ['el', 'la', 'los', 'las', 'un', 'una'],
    of: ['de', 'del'],
    kinds: ['nombre', 'nombres', 'fecha', 'dia', 'ano', 'hora', 'lugar', 'sitio', 'numero', 'cantidad', 'importe', 'total', 'tipo'],
    about: ['tema', 'temas', 'asunto', 'objeto', 'objetivo', 'objetivos', 'fin', 'proposito', 'meta', 'mision', 'mensaje', 'programa', 'contenido', 'vision', 'idea'],
  },
  it: {
    ask: ['chi', 'qual', 'quale', 'quali', 'che', 'cosa'],
    be: ['e', 'era', 'sono', 'erano', 'fu'],
    articles: ['il', 'lo', 'la', 'l', 'i', 'gli', 'le', 'un', 'una'],
    of: ['di', 'del', 'dello', 'della', 'dell', 'dei', 'degli', 'delle'],
    kinds: ['nome', 'nomi', 'data', 'giorno', 'anno', 'ora', 'luogo', 'posto', 'numero', 'quantita', 'importo', 'totale', 'tipo'],
    about: ['tema', 'temi', 'argomento', 'oggetto', 'obiettivo', 'obiettivi', 'scopo', 'fine', 'missione', 'messaggio', 'programma', 'contenuto', 'visione', 'idea'],
  },
  pt: {
    ask: ['quem', 'qual', 'quais', 'que'],
    be: ['e', 'era', 'foi', 'sao', 'eram'],
    articles: ['o', 'a', 'os', 'as', 'um', 'uma'],
    of: ['de', 'do', 'da', 'dos', 'das'],
    kinds: ['nome', 'nomes', 'data', 'dia', 'ano', 'hora', 'lugar', 'local', 'numero', 'quantidade', 'valor', 'total', 'tipo'],
    about: ['tema', 'temas', 'assunto', 'objeto', 'objetivo', 'objetivos', 'finalidade', 'proposito', 'meta', 'missao', 'mensagem', 'programa', 'conteudo', 'visao', 'ideia'],
  },
  nl: {
    ask: ['wie', 'wat', 'welke', 'welk'],
    be: ['is', 'was', 'zijn', 'waren'],
    articles: ['de', 'het', 'een'],
    of: ['van', 'bij'],
    kinds: ['naam', 'namen', 'datum', 'dag', 'jaar', 'tijd', 'plaats', 'locatie', 'aantal', 'bedrag', 'totaal', 'soort', 'type'],
    about: ['thema', 'onderwerp', 'doel', 'doelen', 'doelstelling', 'missie', 'boodschap', 'programma', 'inhoud', 'visie', 'idee'],
  },
};

/** A head is a noun with at most two modifiers ("annual budget", "diretor financeiro"). */
const MAX_HEAD_WORDS = 3;

/**
 * The folded words of the head noun a question asks for about a thing it names (see above), or none: the
 * question has another shape, or its head is a kind of value (a name, a date, a price), a role noun
 * ("role", "cargo") or what the thing is about ("theme", "objectif"), which the passage that answers
 * does not write.
 */
export function askedHead(question: string, lang: string): string[] {
  const shape = SHAPES[lang];
  if (!shape) return [];
  // Hyphenated words stay whole here ("btw-nummer"); words() below gives their parts and joined form.
  const tokenize = (text: string): string[] => text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const folded = normalizeText(question);
  const tokens = tokenize(folded);
  let head: string[] | null = null;
  if (tokens.length >= 4 && shape.ask.includes(tokens[0]) && shape.be.includes(tokens[1])) {
    // "What is SOGA's annual budget?": the thing, then the possessive, then the head to the end.
    const possessive = lang === 'en' ? tokens.indexOf('s', 3) : -1;
    head = possessive > 0 && tokens.length - possessive - 1 <= MAX_HEAD_WORDS ? tokens.slice(possessive + 1) : headOf(tokens.slice(2), shape);
  } else {
    // "Where can I find the replay of NEC ESS 2025?": the asker's own action, then the same shape.
    const plain = folded.replace(/[^\p{L}\p{N}-]+/gu, ' ').trim();
    const action = OWN_ACTION[lang]?.exec(plain);
    if (action) head = headOf(tokenize(plain.slice(action[0].length)), shape, true);
  }
  if (!head?.length) return [];
  if (head.flatMap((t) => words(t)).some((w) => shape.kinds.includes(w) || shape.about.includes(w) || isValueNoun(w, lang) || isRoleNoun(w, lang))) return [];
  // Every word of the head but a modifier of time or standing: "the current president" is answered by
  // "présidente du SOGA", "the financial director" is not by "directrice".
  return [...new Set(head.filter((t) => !GENERIC_MODIFIERS.has(t)).flatMap((t) => words(t)))];
}

/**
 * [article] head (at most MAX_HEAD_WORDS words), a word for "of", something named after it: the head.
 * `article`: the article is needed ("where can I register for the workshop?" names no thing to get).
 */
function headOf(tokens: string[], shape: HeadShape, article = false): string[] | null {
  const at = shape.articles.includes(tokens[0]) ? 1 : 0;
  if (article && !at) return null;
  const link = tokens.slice(at, at + MAX_HEAD_WORDS + 1).findIndex((t) => shape.of.includes(t));
  return link > 0 && at + link + 1 < tokens.length ? tokens.slice(at, at + link) : null;
}

/**
 * "Where can I <verb> …", "où puis-je <verbe> …", "wo finde ich …" (folded): what follows is what the
 * asker wants to get hold of ("the replay of NEC ESS 2025"). A verb may stand before it.
 */
const OWN_ACTION: Record<string, RegExp> = {
  en: /^where (?:can|could|do|should|may) (?:i|we|one|you) (?:(?:find|watch|see|get|download|read|hear|access|listen to) )?/,
  fr: /^ou (?:puis-je|peut-on|pouvons-nous|est-ce que je peux|est-ce qu on peut) (?:(?:trouver|voir|regarder|revoir|obtenir|telecharger|lire|ecouter|consulter) )?/,
  de: /^wo (?:(?:kann|konnte|muss|soll) (?:ich|man|wir)|finde ich|sehe ich|gibt es) /,
  es: /^donde (?:puedo|podemos|se puede) (?:(?:encontrar|ver|obtener|descargar|leer|escuchar|consultar) )?/,
  it: /^dove (?:posso|possiamo|si puo) (?:(?:trovare|vedere|rivedere|ottenere|scaricare|leggere|ascoltare|consultare) )?/,
  pt: /^onde (?:posso|podemos|se pode) (?:(?:encontrar|ver|rever|obter|baixar|descarregar|ler|ouvir|consultar) )?/,
  nl: /^waar (?:(?:kan|kun|moet) (?:ik|je|men|we)|vind ik) /,
};

/** Whether a (folded) word is a modifier of time or standing ("current", "nouvelle", GENERIC_MODIFIERS). */
export function isGenericModifier(word: string): boolean {
  return GENERIC_MODIFIERS.has(word);
}

/** "current", "new", "former", "official" (folded, the 7 languages): the head without them is the same thing. */
const GENERIC_MODIFIERS = new Set([
  ...['current', 'present', 'new', 'former', 'actual', 'first', 'last', 'main', 'official'],
  ...['actuel', 'actuelle', 'nouveau', 'nouvel', 'nouvelle', 'ancien', 'ancienne', 'premier', 'premiere', 'dernier', 'derniere', 'principal', 'principale', 'officiel', 'officielle'],
  ...[
    'aktuelle',
    'aktueller',
    'aktuellen',
    'neue',
    'neuer',
    'neuen',
    'ehemalige',
    'ehemaliger',
    'erste',
    'erster',
    'letzte',
    'letzter',
    'jetzige',
    'jetziger',
    'derzeitige',
    'derzeitiger',
    'offizielle',
    'offizieller',
  ],
  ...['nuevo', 'nueva', 'antiguo', 'antigua', 'primer', 'primera', 'ultimo', 'ultima', 'oficial'],
  ...['attuale', 'nuovo', 'nuova', 'ex', 'primo', 'prima', 'principale', 'ufficiale'],
  ...['atual', 'novo', 'nova', 'antigo', 'antiga', 'primeiro', 'primeira'],
  ...['huidige', 'nieuwe', 'vorige', 'voormalige', 'eerste', 'laatste', 'officiele'],
]);
