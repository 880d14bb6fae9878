import { describe, expect, it } from 'vitest';
import { answerExtractively } from '../../../src/core/answer/extractive-answer.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';
import { Messages } from '../../../src/core/i18n.js';
import { normalizeText } from '../../../src/core/text/normalize.js';
import type { FusedHit, LanguageCode } from '../../../src/core/types.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import de from '../../../prompts/locales/de.json' with { type: 'json' };
import es from '../../../prompts/locales/es.json' with { type: 'json' };

const messages = new Messages({ en, fr, de, es });
const TODAY = new Date('2026-12-06T12:00:00Z');

const passage = (docId: string, title: string, text: string): FusedHit => ({
  chunk: { id: `${docId}#0`, docId, title, source: `${docId}.md`, lang: 'fr', date: '2024-03-01', position: 0, section: null, text },
  score: 0.03,
  ranks: {},
  signals: {},
  coverage: 1,
});

function answer(question: string, lang: LanguageCode, hits: FusedHit[]): { direct: string | null; quoted: string } | { notFound: string } {
  const langs: LanguageCode[] = [lang, 'fr'];
  // Names are read only with the corpus's word counts: these passages, and a few more that name none of them.
  const texts = [...hits, FORUM, GALA].map((h) => normalizeText(`${h.chunk.title} ${h.chunk.text}`));
  const stats = { total: texts.length + 40, df: (w: string) => texts.filter((t) => t.split(/[^\p{L}\p{N}]+/u).includes(w)).length };
  const terms = weightedTopicTerms(question, lang, langs, stats);
  const result = answerExtractively({ messages, question, lang, usable: hits, passages: hits, terms, langs, today: TODAY });
  return 'notFound' in result ? { notFound: result.reason } : { direct: result.direct, quoted: result.text };
}

const FORUM = passage(
  'forum',
  'Forum Solidaire de Lyon 2024 : le programme',
  'Le Forum Solidaire de Lyon 2024 réunira les acteurs de l’ESS le 12 mars. Le programme mêle tables rondes et ateliers pratiques. L’entrée est gratuite, sur inscription en ligne. Une indemnité de 150 € est versée aux intervenants bénévoles.',
);
const GALA = passage('gala', 'Gala des Coopératives 2024', 'Le Gala des Coopératives 2024 aura lieu à Nantes. Le billet coûte 45 € par personne.');

describe('"is it free?" and "how much does it cost?"', () => {
  it('answers with "free" and the registration it needs, in the member’s language, quoting the sentence that says so', () => {
    const de = answer('Kostet das Forum Solidaire de Lyon 2024 etwas?', 'de', [FORUM]);
    expect(de).toMatchObject({ direct: 'Kurz: kostenlos, mit Anmeldung [1].' });
    expect('quoted' in de && de.quoted).toContain('« L’entrée est gratuite, sur inscription en ligne.');
    expect(answer('¿Hay que pagar para ir al Forum Solidaire de Lyon 2024?', 'es', [FORUM])).toMatchObject({ direct: 'En resumen: gratis, con inscripción previa [1].' });
  });
  it('states the amount as written, never the money paid to speakers', () => {
    expect(answer('How much is a ticket for the Gala des Coopératives 2024?', 'en', [FORUM, GALA])).toMatchObject({ direct: 'In short: 45 € [1].' });
  });
  it('is not found when no passage about the event asked gives a price, however well another event’s does', () => {
    const rencontres = passage('rencontres', 'Rencontres du Numérique Social 2024', 'Les Rencontres du Numérique Social 2024 ont réuni 300 personnes à Lille.');
    expect(answer('Is the Rencontres du Numérique Social 2024 free?', 'en', [rencontres, FORUM])).toEqual({ notFound: 'no passage holds a price' });
    // Another year's edition says nothing of this one's price.
    expect(answer('Is the Forum Solidaire de Lyon 2026 free?', 'en', [FORUM])).toEqual({ notFound: 'no passage holds a price' });
  });
});
