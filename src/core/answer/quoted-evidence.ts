/**
 * A generated answer is delivered with the quotes the extractive answer would have shown under its
 * short answer: the model says it in the member's language, the articles' own sentences stay beside
 * it. The model writes the short answer only; the evidence a member checks it against is chosen as
 * without a model (the sentences that answer best, across passages), so a model that summarises one
 * passage does not hide what another quoted passage adds ("Julie Foulon (Girleek)": who she is), and
 * an answer with a model never shows less than one without (issue 14's "never worse than no model").
 */
import { normalizeText } from '../text/normalize.js';
import type { Citation } from '../types.js';

export interface Cited {
  text: string;
  citations: Citation[];
}

/**
 * The generated answer, then the extractive answer's quotes (its text without the direct sentence),
 * their [n] renumbered into one list: a passage both cite keeps the generated answer's number.
 * Unchanged when the generated answer already holds every quote.
 */
export function withExtractiveQuotes(generated: Cited, extractive: Cited & { direct: string | null }): Cited {
  const evidence = extractive.direct && extractive.text.startsWith(extractive.direct) ? extractive.text.slice(extractive.direct.length).trim() : extractive.text.trim();
  if (!evidence || !extractive.citations.length) return generated;
  const said = normalizeText(generated.text);
  if (extractive.citations.every((c) => said.includes(normalizeText(c.quote).slice(0, 80)))) return generated;
  const citations = [...generated.citations];
  const renumber = new Map<number, number>();
  for (const c of [...extractive.citations].sort((a, b) => a.n - b.n)) {
    const same = citations.find((g) => g.chunkId === c.chunkId);
    if (same) renumber.set(c.n, same.n);
    else {
      const n = citations.length + 1;
      citations.push({ ...c, n });
      renumber.set(c.n, n);
    }
  }
  const quotes = evidence.replace(/\[(\d+)\]/g, (marker, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : marker));
  return { text: `${generated.text}\n${quotes}`, citations };
}
