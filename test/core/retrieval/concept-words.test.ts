/**
 * retrieve() searches a question's word that the corpus never uses with the words the core's tables
 * give for it in the articles' language, as it does with a dictionary's translations.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant, type AskDeps } from '../../../src/core/ask.js';
import { Messages } from '../../../src/core/i18n.js';
import type { SearchRequest } from '../../../src/core/ports.js';
import type { RetrievalLists } from '../../../src/core/types.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../../fakes/fake-chunk-store.js';
import { testAskOptions } from '../../fakes/ask-options.js';
import de from '../../../prompts/locales/de.json' with { type: 'json' };
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

/** Records the query text of every search. */
class RecordingStore extends FakeChunkStore {
  readonly queries: string[] = [];
  override async search(req: SearchRequest): Promise<RetrievalLists> {
    this.queries.push(req.text);
    return super.search(req);
  }
}

function build(passages: { title: string; text: string }[]) {
  const src = FakeChunkStore.withPassages(passages);
  const store = new RecordingStore();
  store.docs = src.docs;
  store.chunks = src.chunks;
  const deps: AskDeps = {
    store,
    embedder: null,
    chat: null,
    detector: new EldLanguageDetector({ fallback: 'en' }),
    messages: new Messages({ de, en, fr }),
    prompts: { system: 'rules', answer: '{{passages}}\n{{question}}', condense: '{{history}}\n{{question}}' },
    clock: { now: () => new Date('2026-11-23T12:00:00Z') },
    warn: () => {},
    lexicon: null,
  };
  return { store, assistant: createAssistant(deps, testAskOptions()) };
}

const HELPERS = 'Le festival de Lyon a mobilisé 300 bénévoles.';
const VISITORS = 'Le festival de Lyon, grand festival de Lyon, a accueilli 5 000 visiteurs.';

describe('a counted noun the articles write in another language', () => {
  it('is searched as the articles write it, without a dictionary ("Freiwillige" → "bénévoles")', async () => {
    const { store, assistant } = build([
      { title: 'Festival', text: VISITORS },
      { title: 'Festival', text: HELPERS },
    ]);
    const answer = await assistant.ask('Wie viele Freiwillige halfen beim Festival in Lyon mit?');
    expect(store.queries[0]).toMatch(/\bbenevoles\b/);
    expect(answer.retrieved[0].chunk.text).toBe(HELPERS);
    expect(answer.citations[0].quote).toContain('300 bénévoles');
  });

  it("is not searched with the table when the articles use the question's own word", async () => {
    const { store, assistant } = build([
      { title: 'Festival', text: 'Le festival de Lyon a accueilli 5 000 participants.' },
      { title: 'Festival', text: HELPERS },
    ]);
    // "participants" is the passage's word: the table's other nouns for it ("personnes", "visiteurs") would only add noise.
    await assistant.ask('Combien de participants au festival de Lyon ?');
    expect(store.queries[0]).not.toMatch(/\bpersonnes\b|\bvisiteurs\b|\bbenevoles\b/);
  });
});

describe('a word of the sector the articles write otherwise', () => {
  const FEE = 'Le séminaire de Lille est ouvert à tous. Un défraiement de 120 € est prévu pour les associations rurales.';
  const VENUE = 'Le séminaire de Lille, second séminaire de Lille, se tiendra à la Maison des associations.';
  it('is searched and matched as the articles write it ("Aufwandsentschädigung" → "défraiement")', async () => {
    const { store, assistant } = build([
      { title: 'Séminaire', text: VENUE },
      { title: 'Séminaire', text: FEE },
    ]);
    const answer = await assistant.ask('Gibt es eine Aufwandsentschädigung für das Seminar in Lille?');
    expect(store.queries[0]).toMatch(/\bdefraiement\b/);
    expect(answer.outcome).toBe('answered');
    expect(answer.retrieved[0].chunk.text).toBe(FEE);
    expect(answer.citations[0].quote).toContain('défraiement de 120 €');
  });
  it('is a French question\'s own synonym too ("adhérents" → "membres")', async () => {
    const { store, assistant } = build([
      { title: 'Réseau', text: 'Le réseau Terre Commune compte 45 membres en 2024.' },
      { title: 'Réseau', text: 'Le réseau Terre Commune, réseau régional, organise un forum du réseau Terre Commune.' },
    ]);
    const answer = await assistant.ask("Combien d'adhérents le réseau Terre Commune a-t-il ?");
    expect(store.queries[0]).toMatch(/\bmembres\b/);
    expect(answer.citations[0].quote).toContain('45 membres');
  });
  it('adds nothing the articles never write: a membership fee is not searched as a reimbursement', async () => {
    const { store, assistant } = build([{ title: 'Séminaire', text: FEE }]);
    await assistant.ask('Wie hoch ist der Mitgliedsbeitrag für das Seminar in Lille?');
    expect(store.queries[0]).not.toMatch(/\bdefraiement\b|\bcotisation\b/);
  });
  it('finds what a letter asks for in the verb the article uses ("réclame" → "demandent")', async () => {
    const ASKS = 'Dans leur pétition, les associations de Vaise demandent la réouverture du centre social.';
    const CONTEXT = 'La pétition des associations de Vaise a été remise à la mairie de Lyon avec 800 signatures.';
    const { store, assistant } = build([
      { title: 'Pétition', text: CONTEXT },
      { title: 'Pétition', text: ASKS },
    ]);
    const answer = await assistant.ask('Que réclame la pétition des associations de Vaise ?');
    expect(store.queries[0]).toMatch(/\bdemandent\b/);
    expect(answer.retrieved[0].chunk.text).toBe(ASKS);
    expect(answer.citations[0].quote).toContain('demandent la réouverture');
  });
  it('finds who led a debate where the article says "Modéré par" ("animait")', async () => {
    const LED = 'Modéré par Paul Girard (Coop Lien), le débat a porté sur les tiers-lieux.';
    const PANEL = 'Le débat sur les tiers-lieux à Nantes réunissait Anne Roy et Luc Petit, au forum de Nantes.';
    const { store, assistant } = build([
      { title: 'Forum', text: PANEL },
      { title: 'Forum', text: LED },
    ]);
    const answer = await assistant.ask('Qui animait le débat sur les tiers-lieux à Nantes ?');
    expect(store.queries[0]).toMatch(/\bmodere\b/);
    expect(answer.citations.map((c) => c.quote).join(' ')).toContain('Modéré par Paul Girard');
  });
});

describe('a kind of event the articles write in another language', () => {
  it('is searched as they write it ("Gipfel" → "sommet")', async () => {
    const SUMMIT = 'Le sommet de Porto a eu lieu les 3 et 4 juin 2024.';
    const OTHER = 'À Porto, Porto Solidaire a présenté son rapport en juin 2024.';
    const { store, assistant } = build([
      { title: 'Porto', text: OTHER },
      { title: 'Porto', text: SUMMIT },
    ]);
    const answer = await assistant.ask('Wann fand der Gipfel in Porto statt?');
    expect(store.queries[0]).toMatch(/\bsommet\b/);
    expect(answer.retrieved[0].chunk.text).toBe(SUMMIT);
  });
});
