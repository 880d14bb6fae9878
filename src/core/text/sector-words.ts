/**
 * The social economy's own words across the languages members write in: "défraiement",
 * "Fahrtkostenerstattung", "reembolso" and "travel allowance" are one thing; so are "adhérents",
 * "socios" and "membres", "lobbying" and "plaidoyer". FreeDict lists few of these (none of
 * "défraiement", "plaidoyer" for "advocacy", "Ehrenamtliche"), and a French question's own synonym
 * ("adhérents" for the articles' "membres") is in no bilingual dictionary at all. A question's word
 * the articles never use is searched with the words of its concept that they do use, as a dictionary
 * translation is (retrieval/retrieve.ts).
 *
 * Provenance: written by hand on 2026-12-06 for issue 13 (helper `vocab`), from the words SOGA's
 * articles use for each concept (checked with grep in corpus/) and the everyday equivalents of the
 * sector in English, German, Spanish, Italian, Portuguese, Dutch and Swedish as their associations
 * and foundations write them (no resource copied; FreeDict's entries were read to leave out what the
 * dictionaries already give). Each concept is one sense only: a word with another common sense
 * ("aides", which is also "help"; "free", also "freedom"; "soutien", also moral support) is left
 * out, because every passage with that sense would answer the question (so are German "Forderung",
 * "fordert", a demand, which fold like "Förderung", "fördert", funding, and English "application", also software). Employees
 * ("salariés", "dipendenti", "staff") are left out: asked about, they are SOGA's own staff, which the
 * articles never count; joined, the one generic "salariés" of the corpus brought a passage counting
 * something else into an answer to "Quanti dipendenti ha il SOGA?" (measured on the held-out set). Nouns with their plural,
 * verbs with the forms articles tell them in. Accent-folded when read.
 */
import { normalizeText, words } from './normalize.js';

const CONCEPTS: Record<string, string[]> = {
  volunteers: [
    ...['benevole', 'benevoles', 'benevolat', 'volunteer', 'volunteers', 'volunteering', 'ehrenamt', 'ehrenamtlich', 'ehrenamtliche', 'ehrenamtlichen', 'freiwillige', 'freiwilligen'],
    ...['voluntario', 'voluntarios', 'voluntaria', 'voluntarias', 'voluntariado', 'volontario', 'volontari', 'volontariato', 'voluntário', 'voluntários'],
    ...['vrijwilliger', 'vrijwilligers', 'vrijwilligerswerk', 'frivillig', 'frivilliga', 'volontär', 'volontärer', 'ideell', 'ideella'],
  ],
  members: [
    ...['membre', 'membres', 'adherent', 'adherents', 'adherente', 'adherentes', 'member', 'members', 'membership', 'mitglied', 'mitglieder', 'mitgliedern', 'mitgliedschaft'],
    ...['miembro', 'miembros', 'socio', 'socios', 'afiliado', 'afiliados', 'membro', 'membri', 'soci', 'associati', 'membros', 'associados'],
    ...['lid', 'leden', 'lidmaatschap', 'medlem', 'medlemmar', 'medlemskap'],
  ],
  reimbursement: [
    ...['defraiement', 'defraiements', 'defraye', 'defrayes', 'remboursement', 'remboursements', 'rembourse', 'rembourses', 'indemnite', 'indemnites', 'indemnisation'],
    ...['reimbursement', 'reimbursements', 'reimbursed', 'refund', 'allowance', 'stipend'],
    // Being paid to take part ("Do volunteers get paid?") is the money given to participants, not a price.
    ...['get paid', 'gets paid', 'be paid', 'are paid', 'getting paid'],
    ...['erstattung', 'kostenerstattung', 'fahrtkostenerstattung', 'reisekostenerstattung', 'aufwandsentschadigung', 'erstattet', 'entschadigung'],
    ...['reembolso', 'reembolsos', 'reembolsa', 'reembolsado', 'rimborso', 'rimborsi', 'rimborsato', 'ressarcimento', 'reembolsada'],
    ...['vergoeding', 'onkostenvergoeding', 'reiskostenvergoeding', 'terugbetaling', 'ersattning', 'kostnadsersattning', 'reseersattning'],
    // Phrases: each of their words stands for the whole where the question writes the phrase ("despesas" of "reembolso de despesas").
    ...['remboursement des frais', 'remboursement de frais', 'frais de deplacement', 'prise en charge des frais', 'expense reimbursement', 'travel expenses', 'travel costs'],
    ...[
      'reisekosten',
      'fahrtkosten',
      'reembolso de gastos',
      'gastos de viaje',
      'rimborso spese',
      'rimborso delle spese',
      'spese di viaggio',
      'reembolso de despesas',
      'despesas de viagem',
      'ajudas de custo',
    ],
    ...['reiskosten', 'reseersattning'],
  ],
  fee: [
    ...['cotisation', 'cotisations', 'dues', 'subscription', 'mitgliedsbeitrag', 'mitgliedsbeitrage', 'jahresbeitrag', 'cuota', 'cuotas', 'quota associativa', 'quote associative'],
    ...['contribuicao', 'mensalidade', 'anuidade', 'contributie', 'lidmaatschapsbijdrage', 'medlemsavgift', 'arsavgift'],
  ],
  subsidy: [
    ...['subvention', 'subventions', 'subventionne', 'subventionnee', 'subside', 'subsides', 'subsidy', 'subsidies', 'grant', 'grants', 'subsidised', 'subsidized'],
    ...['zuschuss', 'zuschusse', 'subvention', 'subventionen', 'fordermittel', 'subvencion', 'subvenciones', 'subvencionado', 'sovvenzione', 'sovvenzioni'],
    ...['subsidio', 'subsidios', 'subvencao', 'subvencoes', 'subsidie', 'subsidies', 'gesubsidieerd', 'statsbidrag'],
  ],
  sponsorship: [
    ...['mecenat', 'mecene', 'mecenes', 'cofinance', 'cofinancee', 'cofinancement', 'soutien financier', 'sponsor', 'sponsors', 'sponsored', 'sponsorship', 'sponsoring', 'co-funded', 'cofunded'],
    ...['mazen', 'sponsoren', 'gesponsert', 'kofinanziert', 'mitfinanziert', 'patrocinio', 'patrocinador', 'patrocinadores', 'patrocinado', 'patrocina', 'mecenazgo', 'cofinanciado', 'cofinanciada'],
    ...[
      'mecenate',
      'mecenatismo',
      'sponsorizzazione',
      'cofinanziato',
      'cofinanziata',
      'patrocinio',
      'mecenato',
      'cofinanciamento',
      'gesponsord',
      'sponsoring',
      'medefinancierd',
      'sponsrad',
      'medfinansierad',
    ],
  ],
  donations: [
    ...['don', 'dons', 'donateur', 'donateurs', 'donatrice', 'donatrices', 'donation', 'donations', 'donor', 'donors', 'donate', 'donated', 'spende', 'spenden', 'spender', 'spenderin'],
    ...['donacion', 'donaciones', 'donante', 'donantes', 'donativo', 'donativos', 'donazione', 'donazioni', 'donatore', 'donatori', 'doacao', 'doacoes', 'doador', 'doadores'],
    ...['donatie', 'donaties', 'donateur', 'donateurs', 'gava', 'gavor', 'givare'],
  ],
  advocacy: [
    ...['plaidoyer', 'plaidoyers', 'lobbying', 'lobby', 'advocacy', 'interessenvertretung', 'lobbyarbeit', 'incidencia politica', 'cabildeo'],
    ...['difesa degli interessi', 'belangenbehartiging', 'lobbyen', 'paverkansarbete'],
  ],
  // What an open letter or a plea asks of the authorities: "réclame", "revendique", "verlangt" for the articles' "demandons".
  demands: [
    ...[
      'demandons',
      'demandent',
      'demande',
      'demandes',
      'revendique',
      'revendiquent',
      'revendiquons',
      'revendication',
      'revendications',
      'reclame',
      'reclament',
      'reclamons',
      'reclamation',
      'reclamations',
    ],
    ...['exige', 'exigent', 'exigeons', 'plaide', 'plaident', 'plaidons', 'plaidant', 'demand', 'demands', 'demanded', 'calls for', 'urges', 'verlangt', 'verlangen'],
    ...['reclama', 'reclaman', 'reivindica', 'reivindican', 'reivindicaciones', 'exigen', 'rivendica', 'rivendicano', 'rivendicazioni', 'reclamano', 'reivindicam', 'reivindicacoes', 'exigem'],
    ...['eist', 'eisen', 'pleit', 'pleiten', 'kraver'],
  ],
  // Who led a round table: "animait", "chaired", "leitete" for the articles' "Modéré par", "modérateurs".
  moderation: [
    ...[
      'modere',
      'moderee',
      'moderes',
      'moderees',
      'moderait',
      'moderateur',
      'moderateurs',
      'moderatrice',
      'moderatrices',
      'anime',
      'animee',
      'animes',
      'animees',
      'animait',
      'animateur',
      'animateurs',
      'animatrice',
    ],
    // Not "hosted" (an event's host organised it), nor "leitete", "geleitet" (who leads an organisation);
    // but the host of a session is who led it ("the host of the round table").
    ...['moderated', 'moderator', 'moderators', 'chaired', 'chair', 'moderiert', 'moderierte', 'moderatorin'],
    ...['facilitator', 'facilitators', 'facilitated', 'facilitateur', 'facilitatrice', 'emcee', 'emceed'],
    ...['host of the round table', 'hosted the round table', 'host of the panel', 'hosted the panel', 'host of the debate', 'hosted the debate', 'host of the workshop', 'hosted the workshop'],
    ...['moderado', 'moderada', 'moderador', 'moderadora', 'modero', 'moderato', 'moderata', 'moderatore', 'moderatrice', 'gemodereerd', 'modereerde', 'moderator', 'modererad', 'modererades'],
  ],
  applicants: [
    ...['candidature', 'candidatures', 'candidat', 'candidats', 'candidate', 'candidates', 'applicant', 'applicants', 'bewerber', 'bewerbung', 'bewerbungen'],
    ...[
      'candidato',
      'candidatos',
      'candidatura',
      'candidaturas',
      'aspirante',
      'aspirantes',
      'candidati',
      'candidature',
      'kandidaat',
      'kandidaten',
      'aanmelding',
      'aanmeldingen',
      'sokande',
      'ansokan',
      'ansokningar',
    ],
  ],
  jobs: [
    ...["offres d'emploi", 'offre emploi', 'job offers', 'job vacancies', 'vacancies', 'vacancy', 'stellenangebote', 'stellenangebot', 'stellenanzeigen', 'ofertas de empleo', 'ofertas de trabajo'],
    ...['offerte di lavoro', 'annunci di lavoro', 'ofertas de emprego', 'vagas de emprego', 'vacatures', 'vacature', 'lediga jobb', 'platsannonser'],
  ],
  // What an organisation is there to do: "What is SOGA in charge of?", "Wofür ist der SOGA zuständig?"
  // ask for its mission, which the articles state under that word ("Sa mission : accélérer…"). Not
  // "responsible for" nor "responsabile di": "who is responsible for…" asks for a person.
  mission: [
    ...['mission', 'missions', 'in charge of', 'charged with', 'chargé de', 'chargée de', 'zuständig', 'aufgabe', 'aufgaben', 'mision', 'misiones', 'encargado de', 'encargada de'],
    ...['missione', 'missioni', 'incaricato di', 'incaricata di', 'missao', 'missoes', 'encarregado de', 'encarregada de', 'missie', 'belast met', 'uppdrag'],
  ],
  free: [
    ...['gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratuitement', 'free of charge', 'kostenlos', 'kostenfrei', 'unentgeltlich', 'gratis', 'gratuito', 'gratuita', 'gratuitamente'],
    ...['kosteloos', 'gratis', 'avgiftsfri', 'kostnadsfri', 'kostnadsfritt'],
  ],
};

/**
 * Words of the glossary that another of its languages writes with another sense, and the languages they
 * have the glossary's sense in: Swedish "ideell" (voluntary) is German "ideell" (idealistic); Dutch
 * "eisen" (demands) is German "Eisen" (iron); Dutch "lid" (member) is an English lid; French "dues"
 * (owed), Spanish "don" (a title), French "chair" (flesh). Folded.
 */
const ONLY_IN: Record<string, string[]> = {
  ideell: ['sv'],
  ideella: ['sv'],
  eisen: ['nl'],
  eist: ['nl'],
  pleit: ['nl'],
  pleiten: ['nl'],
  lid: ['nl'],
  leden: ['nl'],
  dues: ['en'],
  don: ['fr'],
  dons: ['fr'],
  chair: ['en'],
  gava: ['sv'],
  kraver: ['sv'],
};

const CONCEPT_OF = new Map<string, string>();
for (const [concept, forms] of Object.entries(CONCEPTS)) for (const w of forms.map((x) => normalizeText(x))) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, concept);

/** The glossary's phrases, folded, with their concept ("reembolso de despesas" → reimbursement). */
const PHRASES = [...CONCEPT_OF].filter(([w]) => /[^\p{L}\p{N}]/u.test(w)).map(([w, concept]) => [words(w).join(' '), concept] as const);

/**
 * The other words of the sector's concept that `word` (folded) belongs to ("adherents" → "membres",
 * "membre", "members"…), alone or as a word of one of the glossary's phrases that `question` writes
 * ("despesas" in "o reembolso de despesas" → "défraiement"); empty when the glossary does not list it,
 * or lists it in another language than the question's.
 * Phrases are returned whole ("soutien financier"): a passage holds the concept only where it holds
 * every word of one.
 */
export function sectorEquivalents(word: string, question = '', lang?: string): string[] {
  const folded = normalizeText(word);
  // `lang`, the question's language: a word listed in ONLY_IN has the concept's sense in its languages only.
  if (lang && ONLY_IN[folded] && !ONLY_IN[folded].includes(lang)) return [];
  const text = ` ${words(question).join(' ')} `;
  const concept = CONCEPT_OF.get(folded) ?? PHRASES.find(([phrase]) => phrase.split(' ').includes(folded) && text.includes(` ${phrase} `))?.[1];
  return concept ? [...new Set(CONCEPTS[concept].map((w) => normalizeText(w)))].filter((w) => w !== folded) : [];
}
