/**
 * Acronyms and the names they stand for. Members write "SOGA" or "FNAF" where an article may write
 * "le Social Good Accelerator" or "le Forum National des Associations et Fondations": a question
 * about when SOGA was founded must also find "En 2018, … ont fondé le Social Good Accelerator". The
 * articles define their acronyms ("le Social Good Accelerator (SOGA)"), so the definitions are read
 * from the passages retrieval brings, not from a list that would age with the corpus.
 */
import { normalizeText } from './normalize.js';

/** Whether an acronym is made of the starts of a name's words, in order: "SOGA" ← "SOcial Good Accelerator". */
export function abbreviates(acronym: string, name: string): boolean {
  const words = normalizeText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const a = normalizeText(acronym);
  const match = (i: number, w: number): boolean => {
    if (i === a.length) return w === words.length;
    if (w === words.length) return false;
    for (let k = 1; k <= Math.min(words[w].length, a.length - i); k++) {
      if (words[w].slice(0, k) !== a.slice(i, i + k)) break;
      if (match(i + k, w + 1)) return true;
    }
    return false;
  };
  return a.length >= 2 && match(0, 0);
}

/**
 * Whether a text names what an acronym stands for: the acronym as a word of its own ("Présidente de la
 * SOGA") or its name spelled out ("Présidente du Social Good Accelerator").
 */
export function namesAcronym(acronym: string, text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}’'-]+/u).filter(Boolean);
  if (words.includes(acronym)) return true;
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i])) continue;
    for (let j = i + 1; j <= Math.min(words.length, i + 8); j++) if (abbreviates(acronym, words.slice(i, j).join(' '))) return true;
  }
  return false;
}

/**
 * The acronyms a question writes on their own ("SOGA", "FNAF"; not "ESS" inside the name "NEC ESS
 * 2025", which is a name of its own, not "économie sociale et solidaire").
 */
export function standaloneAcronyms(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,}[\p{Lu}\p{N}]*)(?![\p{L}\p{N}])/gu)) {
    const before = question.slice(0, m.index).match(/(\S+)\s*$/)?.[1] ?? '';
    const after = question.slice(m.index + m[0].length).match(/^\s*(\S+)/)?.[1] ?? '';
    const inName = (w: string) => /^\p{Lu}{2,}/u.test(w) || /^\d{4}\b/.test(w);
    if (!inName(before) && !inName(after) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** Lower-case words a name may hold between its capitalised ones ("Forum National des Associations et Fondations"). */
const LINKS = new Set(['de', 'des', 'du', 'd', 'la', 'le', 'l', 'et', 'of', 'the', 'for', 'and', 'für', 'und', 'der', 'y', 'del', 'e', 'di', 'do', 'da', 'van', 'en']);

/**
 * Where a text defines an acronym — "Long Name (ACR)" — the long name: its capitalised words must
 * spell the acronym ("SOcial Good Accelerator", "Forum National des Associations et Fondations").
 */
export function definitionOf(acronym: string, text: string): string | null {
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`([\\p{L}’'\\- ]{4,120}?)\\s*\\(\\s*${escaped}\\s*\\)`, 'gu'))) {
    const words = m[1].trim().split(/\s+/);
    // The name is the run of capitalised words (and the links between them) that ends before the bracket.
    let start = words.length;
    while (start > 0 && (/^\p{Lu}/u.test(words[start - 1]) || (LINKS.has(normalizeText(words[start - 1]).replace(/['’]$/, '')) && start < words.length))) start--;
    while (start < words.length && !/^\p{Lu}/u.test(words[start])) start++;
    const name = words.slice(start).join(' ');
    const capitals = words.slice(start).filter((w) => /^\p{Lu}/u.test(w));
    if (capitals.length >= 2 && abbreviates(acronym, capitals.join(' '))) return name;
  }
  return null;
}

/**
 * The name an acronym the articles never write stands for, by its initials: "SGA" for the "Social
 * Good Accelerator" the passages name (they write "SOGA"). A run of capitalised words (with the links
 * between them) whose initials, one per capitalised word, spell the acronym; the one the texts write
 * most often, or null. An acronym of fewer than three letters is left alone: too many names fit.
 */
export function nameByInitials(acronym: string, texts: readonly string[]): string | null {
  const letters = normalizeText(acronym);
  if (letters.length < 3) return null;
  const counts = new Map<string, number>();
  // A name runs within one clause: "Pour la Solidarité, EGInA SRL" is two names, not "PSE".
  for (const text of texts.flatMap((t) => t.split(/[,;:()[\]«»“”"!?]|\.\s/u))) {
    const words = text.split(/[^\p{L}\p{N}’'-]+/u).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i])) continue;
      const capitals: string[] = [];
      for (let j = i; j < words.length && capitals.length < letters.length; j++) {
        if (/^\p{Lu}/u.test(words[j])) capitals.push(words[j]);
        else if (!LINKS.has(normalizeText(words[j]))) break;
        if (capitals.length === letters.length) {
          const initials = capitals.map((w) => normalizeText(w)[0]).join('');
          if (initials === letters) {
            const name = words.slice(i, j + 1).join(' ');
            counts.set(name, (counts.get(name) ?? 0) + 1);
          }
        }
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
