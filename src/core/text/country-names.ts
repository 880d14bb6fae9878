/**
 * Names of countries and world regions ("Pays-Bas", "Europe", "Amérique du Nord"), in the languages
 * the assistant speaks, from the runtime's own CLDR data (Intl.DisplayNames): what tells a country
 * from the city a "which city" question asks for.
 */
import { normalizeText } from './normalize.js';

const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl'];
/** UN M49 codes of continents and sub-regions ("150" Europe, "021" Northern America). */
const REGIONS = [
  '001',
  '002',
  '003',
  '005',
  '009',
  '011',
  '013',
  '014',
  '015',
  '017',
  '018',
  '019',
  '021',
  '029',
  '030',
  '034',
  '035',
  '039',
  '053',
  '054',
  '057',
  '061',
  '142',
  '143',
  '145',
  '150',
  '151',
  '154',
  '155',
  '202',
  '419',
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let names: Set<string> | null = null;

function countryAndRegionNames(): Set<string> {
  if (names) return names;
  const codes = [...REGIONS, ...[...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b))];
  names = new Set<string>();
  for (const lang of LANGUAGES) {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue; // a code this runtime's data does not accept
      }
      if (name) names.add(normalizeText(name));
    }
  }
  return names;
}

/** Whether `name` is a country or a world region in one of the assistant's languages. */
export function isCountryOrRegion(name: string): boolean {
  return countryAndRegionNames().has(normalizeText(name));
}

const byLanguage = new Map<string, Map<string, string>>();

/** Folded country name → ISO code, in one language (Intl's data; none for a language it lacks). */
function countryCodes(lang: string): Map<string, string> {
  let map = byLanguage.get(lang);
  if (map) return map;
  map = new Map();
  let display: Intl.DisplayNames;
  try {
    display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  } catch {
    byLanguage.set(lang, map);
    return map;
  }
  for (const code of [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b))) {
    let name: string | undefined;
    try {
      name = display.of(code);
    } catch {
      continue;
    }
    if (name && name !== code) map.set(normalizeText(name), code);
  }
  byLanguage.set(lang, map);
  return map;
}

/** Shortest country name whose adjective (name + ending) is read as the country: "nederland" + "se". */
const MIN_STEM = 5;
/** Longest adjective ending after a country's name: Dutch "-se", Italian "-na", German "-er". */
const MAX_ENDING = 3;

/**
 * The country a question's word names, in the other languages: "Nederland" → "Pays-Bas",
 * "Netherlands"; also its adjective where it is the name and a short ending ("Nederlandse",
 * "italiana"). The dictionaries miss most of these, and a passage writes the country in its own language.
 */
export function countryInOtherLanguages(word: string, from: string, to: readonly string[]): string[] {
  const codes = countryCodes(from);
  const folded = normalizeText(word);
  let code = codes.get(folded);
  for (let cut = 1; !code && cut <= MAX_ENDING && folded.length - cut >= MIN_STEM; cut++) code = codes.get(folded.slice(0, -cut));
  if (!code) return [];
  return to
    .filter((l) => l !== from)
    .flatMap((l) => {
      try {
        const name = new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }).of(code);
        return name ? [name] : [];
      } catch {
        return [];
      }
    });
}
