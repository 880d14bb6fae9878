/**
 * The nouns members count things by, across the languages members write in: "deelnemers",
 * "Teilnehmer", "attendees" and "participants" count the same people. Bilingual dictionaries miss
 * many of these ("deelnemers" is in no FreeDict Dutch–French or Dutch–English entry), and a "how
 * many" question is answered only by the number whose own word is the one counted
 * (answer/direct-answer.ts), so the few nouns events are counted by are listed here, accent-folded.
 */
import { normalizeText } from './normalize.js';

const CONCEPTS: Record<string, string[]> = {
  participants: [
    'participants',
    'participant',
    'participantes',
    'participante',
    'participanti',
    'attendees',
    'attendee',
    'people',
    'persons',
    'personnes',
    'visiteurs',
    'visitors',
    'asistentes',
    'personas',
    'teilnehmer',
    'teilnehmende',
    'teilnehmerinnen',
    'besucher',
    'menschen',
    'personen',
    'partecipanti',
    'persone',
    'visitatori',
    'pessoas',
    'deelnemers',
    'bezoekers',
    'mensen',
    'uczestnikow',
    'uczestnicy',
    'osob',
    'deltagare',
    'deltagere',
    'personer',
    'osallistujaa',
    'osallistujat',
    'ucastniku',
    'ucastnici',
  ],
  speakers: [
    'intervenants',
    'intervenantes',
    'intervenant',
    'speakers',
    'speaker',
    'orateurs',
    'conferenciers',
    'panelists',
    'panelistes',
    'redner',
    'rednerinnen',
    'referenten',
    'referentinnen',
    'sprecher',
    'ponentes',
    'oradores',
    'relatori',
    'oratori',
    'palestrantes',
    'sprekers',
    'prelegentow',
    'talare',
    'talere',
    'puhujaa',
    'recniku',
  ],
  countries: ['pays', 'countries', 'country', 'lander', 'landern', 'paises', 'paesi', 'landen', 'krajow', 'maata', 'zemi'],
  members: ['membres', 'members', 'mitglieder', 'miembros', 'socios', 'membri', 'membros', 'leden', 'czlonkow', 'medlemmar', 'medlemmer', 'jasenta', 'clenu'],
  organisations: [
    'organisations',
    'organizations',
    'organisationen',
    'organizaciones',
    'organizzazioni',
    'organizacoes',
    'organisaties',
    'structures',
    'entreprises',
    'companies',
    'unternehmen',
    'empresas',
    'imprese',
    'bedrijven',
    'organizacji',
    'organisationer',
  ],
  volunteers: ['benevoles', 'volunteers', 'ehrenamtliche', 'freiwillige', 'voluntarios', 'volontari', 'vrijwilligers', 'wolontariuszy', 'volontarer', 'frivillige'],
  applications: ['candidatures', 'applications', 'bewerbungen', 'candidaturas', 'candidature', 'aanmeldingen', 'inzendingen', 'zgloszen', 'ansokningar'],
  finalists: ['finalistes', 'finalists', 'finalisten', 'finalistas', 'finalisti', 'finalistow', 'finalister'],
  partners: ['partenaires', 'partners', 'partner', 'partnern', 'parceiros', 'partnerow', 'partnerit'],
  days: ['jours', 'journees', 'days', 'tage', 'tagen', 'dias', 'giorni', 'dagen', 'dni', 'dagar', 'dage', 'paivaa', 'dnu'],
  projects: ['projets', 'projects', 'projekte', 'proyectos', 'progetti', 'projetos', 'projecten', 'projektow', 'projekt'],
  workshops: ['ateliers', 'workshops', 'talleres', 'laboratori', 'oficinas', 'warsztatow'],
};

const CONCEPT_OF = new Map<string, string>();
for (const [concept, words] of Object.entries(CONCEPTS)) for (const w of words) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, concept);

/** Whether two nouns count the same thing ("deelnemers" / "participants"); false when either is not listed. */
export function countSameThing(a: string, b: string): boolean {
  const ca = CONCEPT_OF.get(normalizeText(a));
  return ca !== undefined && ca === CONCEPT_OF.get(normalizeText(b));
}
