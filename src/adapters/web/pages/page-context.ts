/** What every page renderer gets: the translator for the chosen language and the signed-in session. */
import type { WebLanguage } from '../web-locale.js';

export interface PageContext {
  lang: WebLanguage;
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** Current path with query, for the language switch to come back to. */
  path: string;
  /** Null on the sign-in page. */
  session: { user: string; csrf: string } | null;
}

export function formatDateTime(iso: string | null, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }) + ' UTC';
}

export function percent(share: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
