/** What every page renderer gets: the translator for the chosen language and the signed-in session, and the formats staff read. */
import type { WebLanguage } from '../web-locale.js';

export interface PageContext {
  lang: WebLanguage;
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** Current path with query, for the language switch to come back to. */
  path: string;
  /** Null on the sign-in page. */
  session: { user: string; csrf: string } | null;
  /** Colours chosen with the switch; "auto" follows the browser's preference. */
  theme: Theme;
}

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: string | undefined | null): value is Theme {
  return !!value && (THEMES as readonly string[]).includes(value);
}

const LOCALE: Record<WebLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The Intl locale of an interface language: British English writes the day before the month. */
export function intlLocale(lang: string): string {
  return LOCALE[lang as WebLanguage] ?? 'en-GB';
}

/** "6 Dec 2026, 14:03 UTC": the month named, so 06/12 cannot be read as June or December. */
export function formatDateTime(iso: string | null, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = LOCALE[lang as WebLanguage] ?? 'en-GB';
  return `${d.toLocaleString(locale, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`;
}

/** "30 Nov 2026": a day, the month named. */
export function formatDate(day: string, lang: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(LOCALE[lang as WebLanguage] ?? 'en-GB', { timeZone: 'UTC', dateStyle: 'medium' });
}

export function percent(share: number, lang: string): string {
  return new Intl.NumberFormat(LOCALE[lang as WebLanguage] ?? 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** "French" for fr (in the interface's language), the code itself when Intl does not know it. */
export function languageName(code: string, lang: string): string {
  if (!code || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) return code || '—';
  try {
    const name = new Intl.DisplayNames([LOCALE[lang as WebLanguage] ?? 'en-GB'], { type: 'language', fallback: 'code' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : code;
  } catch {
    // Intl refuses a tag it cannot parse: show the code staff would see in the data.
    return code;
  }
}

/** "12 ms" below a second, "3.1 s" above. */
export function formatDuration(ms: number, lang: string): string {
  const locale = LOCALE[lang as WebLanguage] ?? 'en-GB';
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(ms))} ms`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

const NAMED_STAGES = new Set(['languageMs', 'condenseMs', 'embedMs', 'retrieveMs', 'answerMs']);

/** Timings as staff read them: "finding passages 12 ms, writing the answer 3.1 s", the total apart. */
export function stageTimings(ctx: PageContext, timings: Record<string, number | undefined>): { stages: string; total: string | null } {
  const stages = Object.entries(timings)
    .filter(([key, value]) => key !== 'totalMs' && typeof value === 'number')
    .map(([key, value]) => {
      // A stage added to the engine after these labels still reads as words: "rerankMs" → "rerank".
      const readable = NAMED_STAGES.has(key)
        ? ctx.t(`web.timing.${key}`)
        : key
            .replace(/Ms$/, '')
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toLowerCase();
      return `${readable} ${formatDuration(value!, ctx.lang)}`;
    });
  return { stages: stages.join(', '), total: typeof timings.totalMs === 'number' ? formatDuration(timings.totalMs, ctx.lang) : null };
}
