/** Sentence splitting with the platform's Unicode segmenter, kept per language. */
const cache = new Map<string, Intl.Segmenter>();

/**
 * A title of address before a name ("M. Michel Bauwens", "Dr. Anna Weber", "Mme Durand"): the
 * segmenter ends a sentence at its full stop, which cut "…en particulier M." from the name it
 * introduces. Accent-sensitive, at the end of a segment.
 */
export const TITLES_OF_ADDRESS = 'M|MM|Mme|Mmes|Mlle|Mr|Mrs|Ms|Dr|Drs|Prof|Pr|Hr|Sr|Sra|Srta|Dott|Sig|Dhr|Mevr';
const TITLE_BEFORE_NAME = new RegExp(`(?:^|[\\s(])(?:${TITLES_OF_ADDRESS})\\.\\s*$`, 'u');

export function splitSentences(text: string, lang: string): string[] {
  let segmenter = cache.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    cache.set(lang, segmenter);
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let pending = '';
    for (const s of segmenter.segment(line)) {
      // The segment ends with a title and the next one starts with the name: one sentence, as written.
      if (TITLE_BEFORE_NAME.test(s.segment)) {
        pending += s.segment;
        continue;
      }
      const sentence = (pending + s.segment).trim();
      pending = '';
      if (sentence) out.push(sentence);
    }
    if (pending.trim()) out.push(pending.trim());
  }
  return out;
}
