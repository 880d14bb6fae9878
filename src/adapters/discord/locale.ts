/** Discord locales ("pt-BR", "en-GB", "es-419") to the catalog languages ("pt", "en", "es"). */
import type { Messages } from '../../core/i18n.js';

export function languageOfLocale(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang || undefined;
}

/** The first of the candidates the catalogs have, else the fallback (English fills any gap). */
export function pickLanguage(messages: Messages, candidates: (string | null | undefined)[], fallback: string): string {
  for (const candidate of candidates) {
    const lang = languageOfLocale(candidate);
    if (lang && messages.has(lang)) return lang;
  }
  return messages.has(fallback) ? fallback : 'en';
}
