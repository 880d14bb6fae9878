/**
 * Questions about how things are today — "Is the Atlas still online?", "Combien de membres compte le
 * SOGA aujourd'hui ?", "Kann ich mich noch anmelden?" — in the languages the bot speaks. The articles
 * were written between 2020 and 2025: what they report was true on their date, and a member asking
 * now must be told that date, not read it as today's state. Two readings:
 * - asksAboutNow: the question asks whether something is still so, or how it is now;
 * - asksWhetherStillOpen: it asks whether one can still take part (register, attend, apply): a date,
 *   whose being past is the answer.
 * Natural spellings, folded when read; `*` stands for any ending.
 */
import { normalizeText } from './normalize.js';

/** "Still", "now", "today", "currently", by language. */
const NOW: Record<string, string[]> = {
  en: ['still', 'currently', 'today', 'now', 'right now', 'at the moment', 'anymore', 'any more', 'nowadays', 'these days', 'at present', 'presently'],
  fr: ['toujours', 'encore', 'actuellement', "aujourd'hui", 'en ce moment', 'à présent', 'maintenant', 'de nos jours', 'à ce jour'],
  de: ['noch', 'immer noch', 'derzeit', 'aktuell', 'heute', 'jetzt', 'momentan', 'zurzeit', 'gegenwärtig', 'inzwischen', 'mittlerweile'],
  es: ['todavía', 'aún', 'sigue', 'siguen', 'actualmente', 'hoy', 'ahora', 'hoy en día', 'en este momento'],
  it: ['ancora', 'attualmente', 'oggi', 'ora', 'adesso', 'tuttora', 'al momento', 'oggigiorno'],
  pt: ['ainda', 'atualmente', 'hoje', 'agora', 'neste momento', 'hoje em dia', 'continua'],
  nl: ['nog', 'nog steeds', 'momenteel', 'vandaag', 'nu', 'tegenwoordig', 'op dit moment', 'inmiddels', 'nog altijd'],
  sv: ['fortfarande', 'ännu', 'idag', 'i dag', 'nu', 'för närvarande', 'numera', 'just nu'],
  da: ['stadig', 'endnu', 'i dag', 'nu', 'for tiden', 'fortsat'],
  pl: ['nadal', 'wciąż', 'jeszcze', 'obecnie', 'teraz', 'dziś', 'dzisiaj', 'aktualnie', 'w tej chwili'],
  cs: ['stále', 'ještě', 'nyní', 'dnes', 'teď', 'v současnosti', 'aktuálně'],
  sk: ['stále', 'ešte', 'teraz', 'dnes', 'v súčasnosti', 'aktuálne'],
  sl: ['še', 'še vedno', 'trenutno', 'danes', 'zdaj', 'sedaj'],
  hr: ['još', 'još uvijek', 'trenutno', 'danas', 'sada'],
  bg: ['още', 'все още', 'в момента', 'днес', 'сега'],
  el: ['ακόμα', 'ακόμη', 'σήμερα', 'τώρα', 'αυτή τη στιγμή', 'πλέον'],
  ro: ['încă', 'acum', 'astăzi', 'azi', 'în prezent', 'în continuare'],
  ca: ['encara', 'actualment', 'avui', 'ara'],
  hu: ['még', 'még mindig', 'jelenleg', 'most', 'manapság'],
  fi: ['yhä', 'vielä', 'edelleen', 'nykyään', 'tällä hetkellä', 'nyt', 'tänään'],
  et: ['ikka', 'endiselt', 'praegu', 'täna', 'nüüd'],
  lv: ['joprojām', 'vēl', 'pašlaik', 'šodien', 'tagad'],
  lt: ['vis dar', 'tebe', 'šiuo metu', 'šiandien', 'dabar'],
};

/** "Still" only: "can I still…", "noch anmelden", "todavía inscribirme" (not "now", which asks no question of time by itself: "how do I register now?"). */
const STILL: Record<string, string[]> = {
  en: ['still', 'too late'],
  fr: ['encore', 'toujours', 'trop tard'],
  de: ['noch', 'immer noch', 'zu spät'],
  es: ['todavía', 'aún', 'sigue', 'siguen', 'demasiado tarde'],
  it: ['ancora', 'troppo tardi'],
  pt: ['ainda', 'continua', 'tarde demais'],
  nl: ['nog', 'nog steeds', 'te laat'],
  sv: ['fortfarande', 'ännu', 'för sent'],
  da: ['stadig', 'endnu', 'for sent'],
  pl: ['nadal', 'wciąż', 'jeszcze', 'za późno'],
};

/** Taking part in an event: registering, attending, applying (stems, `*` for any ending). */
const TAKE_PART: Record<string, string[]> = {
  en: ['regist*', 'sign up', 'signup', 'enrol*', 'apply', 'attend', 'join', 'participate', 'take part', 'book*', 'ticket*'],
  fr: ['inscri*', 'particip*', 'assister', 'postuler', 'candidater', 'réserver', 'demander'],
  de: ['anmeld*', 'anmelden', 'teilnehm*', 'teilnahme', 'registrier*', 'beantrag*', 'bewerb*', 'mitmachen', 'dabei sein'],
  es: ['inscrib*', 'inscripci*', 'apunt*', 'particip*', 'asistir', 'registr*', 'solicitar', 'reservar'],
  it: ['iscriv*', 'iscrizion*', 'partecip*', 'registr*', 'candid*', 'prenot*', 'richieder*'],
  pt: ['inscrev*', 'inscriç*', 'particip*', 'registr*', 'candidat*', 'pedir', 'reservar'],
  nl: ['inschrijv*', 'inschrijven', 'aanmeld*', 'deelnem*', 'registr*', 'aanvragen', 'aanvraag*'],
  sv: ['anmäl*', 'delta', 'registrer*', 'ansök*', 'boka'],
  da: ['tilmeld*', 'deltage', 'registrer*', 'ansøg*', 'booke'],
  pl: ['zapis*', 'zarejestr*', 'wziąć udział', 'uczestnic*', 'zgłosi*'],
};

/**
 * "Not yet" is no question about now ("Quelle part des métiers de 2030 n'existe pas encore ?" asks what
 * the article says), and "still to come" asks whether a date is ahead: both are read apart.
 */
const NOT_YET = [
  / not yet | pas encore | noch nicht | noch kein\p{L}* | todavia no | aun no | no \p{L}+ todavia | no \p{L}+ aun | non \p{L}+ ancora | non ancora | ancora non | ainda nao | nao \p{L}+ ainda | nog niet | nog geen | inte annu | annu inte | inte \p{L}+ annu | jeszcze nie | nie \p{L}+ jeszcze /u,
];
const TO_COME = [
  / (?:still|yet) (?:to come|ahead|upcoming|to happen|to take place) | (?:encore|toujours) a venir | (?:steht|stehen) \p{L}* ?noch bevor | noch bevor | (?:todavia|aun) por (?:venir|llegar|celebrarse) | ancora da (?:venire|svolgersi|tenersi) | ainda por (?:vir|acontecer|realizar) | nog te komen | nog (?:moet|moeten) komen | (?:fortfarande|annu) framfor | jeszcze przed nami /u,
];

const pattern = (words: string[]) =>
  new RegExp(
    ` (?:${words
      .map((w) =>
        normalizeText(w.replace(/\*/g, 'STEMEND'))
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .replace(/stemend/g, '\\p{L}*'),
      )
      .join('|')}) `,
    'u',
  );
const compile = (table: Record<string, string[]>) => Object.fromEntries(Object.entries(table).map(([lang, words]) => [lang, pattern(words)]));
const NOW_RE = compile(NOW);
const STILL_RE = compile(STILL);
const TAKE_PART_RE = compile(TAKE_PART);

const folded = (question: string) => ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/** Whether the question asks how something is today ("still", "currently", "aujourd'hui", "noch"). */
export function asksAboutNow(question: string, lang: string): boolean {
  const text = folded(question);
  if (NOT_YET.some((re) => re.test(text)) || TO_COME.some((re) => re.test(text))) return false;
  return (NOW_RE[lang] ?? NOW_RE.en).test(text);
}

/** Whether the question asks whether one can still take part: "Can I still register for…?", "Kann ich mich noch anmelden?". */
export function asksWhetherStillOpen(question: string, lang: string): boolean {
  const text = folded(question);
  const still = STILL_RE[lang] ?? STILL_RE.en;
  const part = TAKE_PART_RE[lang] ?? TAKE_PART_RE.en;
  return still.test(text) && part.test(text);
}
