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
