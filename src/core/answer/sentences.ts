/** Sentence splitting with the platform's Unicode segmenter, kept per language. */
const cache = new Map<string, Intl.Segmenter>();

export function splitSentences(text: string, lang: string): string[] {
  let segmenter = cache.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    cache.set(lang, segmenter);
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const s of segmenter.segment(line)) {
      const sentence = s.segment.trim();
      if (sentence) out.push(sentence);
    }
  }
  return out;
}
