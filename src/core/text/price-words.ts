/**
 * Asking what taking part costs, and what answers it. "Is it free?", "Do I have to pay?", "Kostet die
 * Teilnahme etwas?", "¿Hay que pagar…?", "C'est payant ?" ask what "sur inscription gratuite" or "50 €"
 * says; none of them writes an interrogative the answer-type table reads. Money paid *to* participants
 * or raised for a cause ("un défraiement de 948 €", "un fonds de 20 millions d'euros", "collecter des
 * millions d'euros") is not what taking part costs. Words accent-folded.
 */
import { normalizeText } from './normalize.js';

/**
 * Words that ask about a price wherever they stand in a question, by language (the 7 languages of the
 * articles and questions most; the 16 others with their common forms). English "free" is read apart
 * (FREE_ASKED): "free software" asks no price.
 */
const ASKING: Record<string, string[]> = {
  // Not "charge" ("in charge of") nor "paid" ("paid staff"): "free of charge" is read by FREE_ASKED.
  en: ['pay', 'fee', 'fees', 'costs', 'cost', 'price', 'ticket', 'tickets'],
  fr: [
    'payant',
    'payante',
    'payants',
    'payantes',
    'payer',
    'paie',
    'paye',
    'gratuit',
    'gratuite',
    'gratuits',
    'gratuites',
    'gratuitement',
    'coute',
    'coutent',
    'coutait',
    'cout',
    'prix',
    'tarif',
    'tarifs',
    'billet',
  ],
  de: ['kostet', 'kosten', 'kostete', 'kostenlos', 'kostenpflichtig', 'bezahlen', 'zahlen', 'gratis', 'gebuhr', 'gebuhren', 'teilnahmegebuhr', 'eintritt', 'preis', 'ticket'],
  es: ['pagar', 'pago', 'gratis', 'gratuito', 'gratuita', 'cuesta', 'cuestan', 'costaba', 'coste', 'costo', 'precio', 'tarifa', 'entrada'],
  it: ['pagare', 'pagamento', 'gratis', 'gratuito', 'gratuita', 'costa', 'costano', 'costava', 'costo', 'prezzo', 'tariffa', 'biglietto', 'ingresso'],
  pt: ['pagar', 'pago', 'paga', 'gratis', 'gratuito', 'gratuita', 'custa', 'custam', 'custava', 'custo', 'preco', 'bilhete', 'ingresso'],
  nl: ['betalen', 'betaald', 'betaalt', 'gratis', 'kost', 'kosten', 'kostte', 'prijs', 'toegangsprijs', 'ticket'],
  pl: ['płacić', 'zapłacić', 'płatny', 'płatne', 'płatna', 'bezpłatny', 'bezpłatne', 'bezpłatna', 'darmowy', 'darmowe', 'darmowa', 'kosztuje', 'koszt', 'cena'],
  cs: ['platit', 'zaplatit', 'placený', 'placené', 'zdarma', 'bezplatný', 'bezplatné', 'stojí', 'cena', 'vstupné'],
  sk: ['platiť', 'zaplatiť', 'platený', 'platené', 'zadarmo', 'bezplatný', 'bezplatné', 'stojí', 'cena', 'vstupné'],
  sl: ['plačati', 'plačljiv', 'plačljivo', 'brezplačen', 'brezplačno', 'stane', 'cena', 'vstopnina'],
  hr: ['platiti', 'plaća', 'besplatan', 'besplatno', 'besplatna', 'košta', 'cijena', 'ulaznica'],
  bg: ['плати', 'платено', 'платен', 'безплатно', 'безплатен', 'безплатна', 'струва', 'цена', 'такса'],
  el: ['πληρώσω', 'πληρώσει', 'πληρωμή', 'δωρεάν', 'κοστίζει', 'κόστος', 'τιμή', 'εισιτήριο'],
  ro: ['plătesc', 'plăti', 'plătită', 'gratuit', 'gratuită', 'gratis', 'costă', 'cost', 'preț', 'taxă', 'bilet'],
  ca: ['pagar', 'gratuït', 'gratuïta', 'gratis', 'costa', 'cost', 'preu', 'entrada'],
  hu: ['fizetni', 'fizetős', 'fizetni kell', 'ingyenes', 'ingyen', 'kerül', 'ár', 'díj', 'belépő', 'részvételi díj'],
  fi: ['maksaa', 'maksullinen', 'maksuton', 'ilmainen', 'hinta', 'lippu', 'osallistumismaksu'],
  et: ['maksma', 'maksta', 'tasuline', 'tasuta', 'maksab', 'hind', 'pilet', 'osalustasu'],
  lv: ['maksāt', 'maksas', 'bezmaksas', 'maksā', 'cena', 'biļete'],
  lt: ['mokėti', 'mokamas', 'mokama', 'nemokamas', 'nemokama', 'kainuoja', 'kaina', 'bilietas'],
  sv: ['betala', 'betalar', 'avgift', 'gratis', 'avgiftsfri', 'avgiftsfritt', 'kostar', 'kostnad', 'pris', 'biljett'],
  da: ['betale', 'betaler', 'gebyr', 'gratis', 'gratis adgang', 'koster', 'pris', 'billet', 'deltagergebyr'],
};

const ASKING_FOLDED: Record<string, Set<string>> = Object.fromEntries(Object.entries(ASKING).map(([lang, words]) => [lang, new Set(words.map((w) => normalizeText(w)))]));

/** English "free" asking a price: "Is it free?", "free to attend", "free of charge", "for free". */
const FREE_ASKED = / free (?:to|of|for|admission|entry|registration|participation)\b| free$/;

/** Whether the question asks what something costs (or whether it is free). */
export function asksPrice(question: string, lang: string): boolean {
  const text = ` ${normalizeText(question)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const words = new Set(text.split(' ').filter(Boolean));
  const table = ASKING_FOLDED[lang] ?? ASKING_FOLDED.en;
  if ([...table].some((w) => (w.includes(' ') ? text.includes(` ${w} `) : words.has(w)))) return true;
  return lang === 'en' && FREE_ASKED.test(text.trimEnd());
}

/** The words of the question that ask about a price: what is asked, not about what. */
export function priceAskingWords(question: string, lang: string): Set<string> {
  const table = ASKING_FOLDED[lang];
  if (!table) return new Set();
  return new Set(
    normalizeText(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => table.has(w) || (lang === 'en' && w === 'free' && asksPrice(question, lang))),
  );
}

// "Free" in the articles' words: "inscription gratuite", "kostenlos", "free of charge". Bare English
// "free" is left out ("free software", "feel free"): only its price phrases count.
const FREE =
  /(?<![\p{L}])(?:gratuit(?:e|s|es)?|gratuitement|gratuit[oa]s?|gratuitamente|gratuït(?:a|s|es)?|gratuit[ie]|kostenlos(?:e[nmrs]?)?|kostenfrei(?:e[nmrs]?)?|gratis|free of charge|for free|free (?:admission|entry|registration|participation|of charge)|(?:is|are|be) free|bezpłatn\p{L}*|darmow\p{L}*|zdarma|zadarmo|bezplatn\p{L}*|brezplačn\p{L}*|besplatn\p{L}*|безплатн\p{L}*|δωρεάν|ingyenes|ingyen|maksuton|ilmai\p{L}*|tasuta|bezmaksas|nemokam\p{L}*|avgiftsfri\p{L}*)(?![\p{L}])/iu;
const AMOUNT = /(?:€|\$|£)\s?\d[\d\s.,]*|\d[\d\s.,]*\s?(?:€|eur\b|euros?\b|\$|£|chf\b|dollars?\b)/i;
/** Money given to participants or raised for a cause: not what taking part costs. */
const NOT_A_PRICE =
  /(?<![\p{L}])(?:d[ée]fraiement\p{L}*|rembours\p{L}*|indemni\p{L}*|fonds?|subvention\p{L}*|financ\p{L}*|collect\p{L}*|r[ée]colt\p{L}*|dons?(?!['’])|budget\p{L}*|bourses?|reimburs\p{L}*|allowance\p{L}*|grants?|funds?|funding|donat\p{L}*|raised|erstattung\p{L}*|kostenerstattung|f[öo]rder\p{L}*|spende\p{L}*|reembols\p{L}*|subvenci\p{L}*|rimbors\p{L}*|finanziament\p{L}*|vergoeding\p{L}*|subsidie\p{L}*)(?![\p{L}])/iu;
/** Registration required: "sur inscription", "registration required", "Anmeldung erforderlich". */
const REGISTRATION = /(?<![\p{L}])(?:inscri\p{L}*|registr\p{L}*|anmeld\p{L}*|iscri\p{L}*|inscrever|aanmeld\p{L}*|rejestr\p{L}*)(?![\p{L}])/iu;

export type PriceValue = { free: true; registration: boolean } | { free: false; amount: string };

/** The price a sentence states: free (and whether on registration), or one amount as written; null when none, or several. */
export function priceIn(text: string): PriceValue | null {
  if (NOT_A_PRICE.test(text)) return null;
  if (FREE.test(text)) return { free: true, registration: REGISTRATION.test(text) };
  const amounts = [...text.matchAll(new RegExp(AMOUNT.source, 'gi'))].map((m) => m[0].replace(/[\s.,]+$/, '').replace(/\s+/g, ' '));
  const distinct = [...new Set(amounts.map((a) => a.replace(/\s/g, '')))];
  if (distinct.length !== 1) return null;
  // "948€" is said "948 €", as every language the bot speaks but English writes it.
  return { free: false, amount: amounts[0].replace(/(\d)\s?(€|eur\b|euros?\b|chf\b)/i, '$1 $2') };
}

/** Whether some sentence of a text states a price (free, or an amount to pay). */
export function hasPrice(text: string): boolean {
  // Sentence by sentence: "avec le soutien financier de…" elsewhere in the passage does not unmake "inscription gratuite".
  return text.split(/(?<=[.!?])\s+|\n+/).some((s) => priceIn(s) !== null);
}
