/**
 * Event announcements written from one template, each with its own made-up name, date, city and
 * code: what a network's calendar export looks like, and what near-duplicate merging must not merge.
 * Seeded: the same count gives the same articles.
 */
export interface TemplatedArticle {
  name: string;
  title: string;
  /** e.g. "12 mars 2025" */
  date: string;
  city: string;
  code: string;
  markdown: string;
}

const SYLLABLES = ['lu', 'pe', 'ke', 'vi', 'ni', 'ra', 'to', 'ma', 'so', 'da', 'fe', 'li', 'no', 'ba', 'zu', 'go'];
const CITIES = ['Lyon', 'Brest', 'Lille', 'Nantes', 'Rennes', 'Dijon', 'Nancy', 'Metz', 'Tours', 'Caen', 'Pau', 'Albi', 'Niort', 'Arras', 'Vannes', 'Gap'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The i-th made-up name: distinct for every i, often one letter away from another ("Lupekevi", "Lupekeni"). */
export function eventName(i: number): string {
  let n = i;
  let name = '';
  for (let k = 0; k < 4; k++) {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return name[0].toUpperCase() + name.slice(1);
}

export function templatedArticles(count: number): TemplatedArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const name = eventName(i);
    const date = `${(i % 28) + 1} ${MONTHS[Math.floor(i / 28) % 12]} ${2020 + (Math.floor(i / 336) % 6)}`;
    const city = CITIES[(i * 7) % CITIES.length];
    const code = `EV-${String(1000 + i)}`;
    const title = `Rencontre ${name} de l'économie sociale et solidaire`;
    const markdown = `# ${title}

La rencontre ${name} réunit les acteurs de l'économie sociale et solidaire le ${date} à ${city}. Les inscriptions se font en ligne avec le code ${code}, dans la limite des places disponibles.

Au programme : des ateliers sur le financement des associations, la coopération entre structures du territoire et les outils numériques libres. Les participants sont invités à apporter leurs questions et leurs projets.

La rencontre est ouverte aux bénévoles, aux salariés et aux élus. Un repas partagé clôt la journée.
`;
    return { name, title, date, city, code, markdown };
  });
}
