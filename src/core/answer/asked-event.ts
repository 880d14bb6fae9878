/**
 * A right value about a neighbouring event: the passage a model cites often tells of two events (a
 * forum and the awards held after it, this year's summit and last year's), and every value and name
 * of "More than 4,500 people came to the Forum X" is in it, so the claim checks pass, yet the
 * question asked about the awards. When the question names an event, a sentence of the answer must
 * be about that event: it fails when it names another event and not the one asked (unless a passage
 * sentence gives both names to one event: "le Sommet européen de l'économie sociale (EUSES 2022)"),
 * or when it gives the event asked another year than the question does ("EUSES 2021" for "EUSES 2022").
 * Names are compared as concepts across languages (events/event-words.ts: "Gipfel" / "sommet").
 */
import { conceptWords, isEventKind, nameScore, nameSignature, type NameSignature } from '../events/event-words.js';
import type { LanguageCode } from '../types.js';
import { nameCandidates, nameWordFound } from './names.js';
import { splitSentences } from './sentences.js';

interface EventName {
  text: string;
  signature: NameSignature;
  /** The year written right after the name ("EUSES 2022"), if one is. */
  year: string | null;
}

const MARKER = /\[\d+(?:\s*[,;]\s*\d+)*\]/g;

/** The events a text names: names that carry a kind of event (summit, forum, awards…), or an acronym with a year ("FNAF 2021"). */
export function eventNames(text: string, lang: LanguageCode, passageNames: Set<string>): EventName[] {
  const out: EventName[] = [];
  let from = 0;
  for (const name of nameCandidates(text, lang, passageNames)) {
    const at = text.indexOf(name.text, from);
    from = at < 0 ? from : at + name.text.length;
    const year = at < 0 ? null : (text.slice(at + name.text.length).match(/^\s*((?:19|20)\d{2})(?!\d)/)?.[1] ?? null);
    const concepts = conceptWords(name.text);
    const acronym = /^\p{Lu}{3,}$/u.test(name.text) && year !== null;
    if (!concepts.some(isEventKind) && !acronym) continue;
    const signature = nameSignature(name.text);
    if (!signature.required.length) continue;
    out.push({ text: name.text, signature, year });
  }
  return out;
}

/** Whether a text (its concept words) names the event: each word the name requires, or a close spelling of it ("cooperative" / "coopératives"). */
function mentions(event: EventName, concepts: Set<string>): boolean {
  if (nameScore(event.signature, concepts) > 0) return true;
  const joined = [...concepts].join(' ');
  return event.signature.required.join('').length >= 4 && event.signature.required.every((w) => nameWordFound(w, concepts, joined));
}

/**
 * Why the sentence is about another event than the one the question names, or null. `passages`: the
 * texts given to the model (a passage sentence naming two events makes them one).
 */
export function otherEventProblem(sentence: string, question: string, lang: LanguageCode, passages: { text: string; lang: LanguageCode }[], passageNames: Set<string>): string | null {
  const asked = eventNames(question, lang, passageNames);
  if (!asked.length) return null;
  const text = sentence.replace(MARKER, ' ');
  const concepts = new Set(conceptWords(text));
  const named = eventNames(text, lang, passageNames);
  const about = asked.filter((a) => mentions(a, concepts));
  for (const a of about) {
    const other = named.find((e) => mentions(a, new Set(conceptWords(e.text))) && e.year && a.year && e.year !== a.year);
    if (other) return `it is said of "${other.text} ${other.year}", the question asks about "${a.text} ${a.year}"`;
  }
  if (about.length) return null;
  const passageSentences = passages.flatMap((p) => splitSentences(p.text, p.lang).map((s) => new Set(conceptWords(s))));
  // "Lors de ce forum, les Awards…" names the forum by its kind only: that is not one event with two names.
  const byOwnWords = (e: EventName): EventName | null => {
    const required = e.signature.required.filter((w) => !isEventKind(w));
    return required.length ? { ...e, signature: { ...e.signature, required } } : null;
  };
  const sameEvent = (e: EventName) => {
    const own = byOwnWords(e);
    return own !== null && asked.some((a) => passageSentences.some((s) => mentions(a, s) && mentions(own, s)));
  };
  const other = named.find((e) => !asked.some((a) => mentions(a, new Set(conceptWords(e.text)))) && !sameEvent(e));
  return other ? `it is said of "${other.text}", the question asks about "${asked.map((a) => a.text).join('", "')}"` : null;
}
