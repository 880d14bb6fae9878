/**
 * The web address a member gives with an upload ("!corpus add https://…", a file's caption, a form
 * field): the first http(s) address in the text, without the punctuation that ends the sentence.
 */
export function firstWebLink(text: string): string | undefined {
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'`]+/giu)) {
    const candidate = m[0].replace(/[.,;:!?)\]»”’]+$/u, '');
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return candidate;
    } catch {
      // "https://" alone, or an address cut short: look for the next one.
    }
  }
  return undefined;
}
