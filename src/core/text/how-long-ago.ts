/**
 * "How many days ago…?", "il y a combien de temps…", "vor wie vielen Jahren…", "hoeveel dagen geleden…":
 * a question for how far a date lies behind today, in the unit it names (or none: "how long ago"). It
 * asks for a date, counted from today — not for how long something lasted ("how many days did it
 * last?"), nor for a count ("how many days of conferences?").
 */
import { normalizeText } from './normalize.js';

export type AgoUnit = 'day' | 'week' | 'month' | 'year';

/** Unit words, folded, by unit. */
const UNITS: Record<AgoUnit, string[]> = {
  day: ['days', 'jours', 'tagen', 'tage', 'dias', 'giorni', 'dagen', 'dagar', 'dage', 'dni'],
  week: ['weeks', 'semaines', 'wochen', 'semanas', 'settimane', 'weken', 'veckor', 'uger', 'tygodni'],
  month: ['months', 'mois', 'monaten', 'monate', 'meses', 'mesi', 'maanden', 'manader', 'maneder', 'miesiecy'],
  year: ['years', 'ans', 'annees', 'jahren', 'jahre', 'anos', 'anni', 'jaar', 'jaren', 'ar', 'lat'],
};
const UNIT = `(${Object.values(UNITS).flat().join('|')})`;

/** Each pattern's first group, when it has one, is the unit word. */
const ASKS: RegExp[] = [
  new RegExp(` how many ${UNIT} ago `),
  / how long ago /,
  new RegExp(` il y a combien de ${UNIT} `),
  / il y a combien de temps /,
  / ca fait combien de temps /,
  new RegExp(` vor wie vielen ${UNIT} `),
  / wie lange (?:\S+ ){0,6}her /,
  new RegExp(` hace cuant[oa]s ${UNIT} `),
  / hace cuanto(?: tiempo)? /,
  new RegExp(` quant[ie] ${UNIT} fa `),
  / quanto tempo fa /,
  new RegExp(` ha quant[oa]s ${UNIT} `),
  new RegExp(` quant[oa]s ${UNIT} atras `),
  / ha quanto tempo /,
  new RegExp(` hoeveel ${UNIT} geleden `),
  / hoe lang geleden /,
  new RegExp(` hur manga ${UNIT} sedan `),
  / hur lange sedan /,
  new RegExp(` hvor mange ${UNIT} siden `),
  / hvor l\u00e6nge siden /,
  new RegExp(` ile ${UNIT} temu `),
  / jak dawno /,
];

/** The unit a "how long ago" question names; `null` for none named; `undefined` when it asks no such thing. */
export function howLongAgo(question: string): AgoUnit | null | undefined {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const re of ASKS) {
    const m = re.exec(text);
    if (!m) continue;
    if (!m[1]) return null;
    return (Object.keys(UNITS) as AgoUnit[]).find((u) => UNITS[u].includes(m[1])) ?? null;
  }
  return undefined;
}
