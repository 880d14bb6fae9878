/**
 * In an ask channel every message is taken for a question except what plainly is not one: a
 * greeting, thanks, an "ok" or an emoji. Anything with a question mark, a question word, or a few
 * words is answered (a statement there is usually a question without its "?").
 */
import { normalizeText } from '../text/normalize.js';

// Whole messages that ask nothing, in the languages the bot speaks (accents folded).
const SMALL_TALK = new Set([
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank you',
  'thx',
  'ok',
  'okay',
  'great',
  'cool',
  'nice',
  'bye',
  'good morning',
  'good night',
  'welcome',
  'bonjour',
  'salut',
  'coucou',
  'merci',
  'merci beaucoup',
  'bonsoir',
  "d'accord",
  'super',
  'genial',
  'top',
  'a bientot',
  'bonne journee',
  'hallo',
  'danke',
  'danke schon',
  'guten tag',
  'guten morgen',
  'tschuss',
  'alles klar',
  'prima',
  'hola',
  'gracias',
  'muchas gracias',
  'buenos dias',
  'vale',
  'adios',
  'genial',
  'ciao',
  'grazie',
  'grazie mille',
  'buongiorno',
  'va bene',
  'perfetto',
  'ola',
  'obrigado',
  'obrigada',
  'bom dia',
  'valeu',
  'tchau',
  'hoi',
  'dank je',
  'dank je wel',
  'bedankt',
  'goedemorgen',
  'prima',
  'doei',
]);

export function isQuestionLike(text: string): boolean {
  const folded = normalizeText(text)
    .replace(/[^\p{L}\p{N}?' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!folded) return false;
  if (text.includes('?') || text.includes('？')) return true;
  const words = folded.split(' ');
  // "Merci !", "hello everyone", "thanks a lot": small talk, possibly with a word or two around it.
  if (words.length <= 4 && [...SMALL_TALK].some((p) => folded === p || folded.startsWith(`${p} `) || folded.endsWith(` ${p}`))) return false;
  return words.length >= 2;
}
