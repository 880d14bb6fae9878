/**
 * The message catalogues (prompts/locales/*.json): every language the bot answers in has every
 * sentence the answer path says, with the placeholders the code fills in, and a question in that
 * language is answered with that language's own sentences around the quote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssistant, type AskDeps } from '../../src/core/ask.js';
import { Messages, type Catalogs } from '../../src/core/i18n.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { testAskOptions } from '../fakes/ask-options.js';

const DIR = 'prompts/locales';
const catalogs: Catalogs = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [path.basename(f, '.json'), JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Record<string, string>]),
);
const en = catalogs.en;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** What members read: everything but the admin pages (web.*), which have their own languages (en, fr). */
const memberKeys = Object.keys(en).filter((k) => !k.startsWith('web.'));
/** The EU languages added after the first seven; each must be complete for members. */
const ADDED = ['pl', 'sv', 'da', 'fi', 'cs', 'sk', 'ro', 'ca', 'el', 'hu', 'hr', 'sl', 'bg', 'et', 'lv', 'lt'];

describe('every catalogue fills in what the code gives it', () => {
  it.each(Object.keys(catalogs).filter((l) => l !== 'en'))('%s has, for each key, the placeholders of the English sentence and no key English lacks', (lang) => {
    for (const [key, text] of Object.entries(catalogs[lang])) {
      expect(en[key], `${lang}.${key} is not an English key`).toBeDefined();
      expect(placeholders(text), `${lang}.${key}: ${text}`).toEqual(placeholders(en[key]));
    }
  });

  it.each(ADDED)('%s has every sentence a member can be shown', (lang) => {
    expect(catalogs[lang], `no catalogue for ${lang}`).toBeDefined();
    expect(memberKeys.filter((k) => !(k in catalogs[lang]))).toEqual([]);
    // A sentence left in English would be a translation not done.
    for (const key of ['leadIn', 'notFound', 'emptyQuestion', 'error', 'quotedIn']) expect(catalogs[lang][key], `${lang}.${key}`).not.toBe(en[key]);
  });
});

// A French article, as most of the corpus; the questions below are not in any evaluation set.
const PASSAGES = [
  {
    title: 'Forum des communs numériques',
    date: '2024-03-14',
    text: 'Le Forum des communs numériques (FCN 2024) réunira 300 associations à Lyon le 14 mars 2024, autour des logiciels libres et des données ouvertes.',
  },
  { title: 'Social Tech Academy', date: '2023', text: 'La plateforme Social Tech Academy, lancée en 2023, propose des webinaires sur les métiers du numérique social.' },
];

/** "When does FCN 2024 take place in Lyon?", as members would write it. */
const QUESTIONS: Record<string, string> = {
  pl: 'Kiedy odbywa się FCN 2024 w Lyonie?',
  sv: 'När äger FCN 2024 rum i Lyon?',
  da: 'Hvornår finder FCN 2024 sted i Lyon?',
  fi: 'Milloin FCN 2024 järjestetään Lyonissa?',
  cs: 'Kdy se koná FCN 2024 v Lyonu?',
  sk: 'Kedy sa koná FCN 2024 v Lyone?',
  ro: 'Când are loc FCN 2024 la Lyon?',
  ca: 'Quan se celebra el FCN 2024 a Lyon?',
  el: 'Πότε θα γίνει το FCN 2024;',
  hu: 'Mikor lesz az FCN 2024 Lyonban?',
  hr: 'Kada se održava FCN 2024 u Lyonu?',
  sl: 'Kdaj bo FCN 2024 v Lyonu?',
  bg: 'Кога ще се проведе FCN 2024?',
  et: 'Millal toimub FCN 2024 Lyonis?',
  lv: 'Kad notiek FCN 2024 (Lyon)?',
  lt: 'Kada ir kur vyks FCN 2024?',
};

function assistant() {
  const deps: AskDeps = {
    store: FakeChunkStore.withPassages(PASSAGES),
    embedder: null,
    chat: null,
    detector: new EldLanguageDetector({ fallback: 'en' }),
    messages: new Messages(catalogs),
    prompts: { system: 'Today is {{today}}.', answer: '{{passages}}\nQ: {{question}}', condense: '{{history}}\n{{question}}' },
    clock: { now: () => new Date('2026-12-06T12:00:00Z') },
  };
  return createAssistant(deps, testAskOptions());
}

describe('a question in one of the added languages is answered in that language', () => {
  it('covers every added language', () => expect(Object.keys(QUESTIONS).sort()).toEqual([...ADDED].sort()));

  it.each(Object.entries(QUESTIONS))('%s: its own lead-in and article date around the French quote', async (lang, question) => {
    const answer = await assistant().ask(question);
    expect(answer.language).toBe(lang);
    expect(answer.outcome).toBe('answered');
    expect(answer.text).toContain(catalogs[lang].leadIn);
    expect(answer.text).not.toContain(en.leadIn);
    expect(answer.text).toContain('14 mars 2024');
    // The article's date in the member's language and words ("artykuł z 14 marca 2024").
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 14));
    expect(answer.text).toContain(catalogs[lang].articleFrom.replace('{date}', date));
  });

  it.each(Object.keys(QUESTIONS))('%s: an empty question gets that language’s request for a question (from the locale)', async (lang) => {
    const answer = await assistant().ask('  ', { locale: lang });
    expect(answer.outcome).toBe('empty_question');
    expect(answer.text).toBe(catalogs[lang].emptyQuestion);
  });
});
