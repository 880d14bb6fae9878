/** Human dates for citations: "25 novembre 2025", "février 2022", "2023", in the reader's language. */
export function formatDocDate(date: string | null, lang: string): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  try {
    if (d) return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
    if (m) return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  } catch {
    return date;
  }
  return String(y);
}

/** Whether a passage's date lies before today, for telling past events from upcoming ones. */
export function relativeToToday(date: string | null, today: Date): 'past' | 'upcoming' | 'unknown' {
  if (!date) return 'unknown';
  const [y, m = 12, d = 28] = date.split('-').map(Number);
  const end = Date.UTC(y, m - 1, d);
  return end < today.getTime() ? 'past' : 'upcoming';
}

/**
 * "article du 25 novembre 2025", "article de février 2022", "Artikel aus 2022": languages put another
 * preposition before a full date than before a month or a year, so each precision has its own message
 * (articleFrom, articleFromMonth, articleFromYear); an undated article says just that.
 */
export function articleDateLabel(date: string | null, lang: string, t: (key: string, vars: Record<string, string>) => string): string {
  const formatted = formatDocDate(date, lang);
  if (!date || !formatted) return t('undated', {});
  const parts = date.split('-').length;
  return t(parts >= 3 ? 'articleFrom' : parts === 2 ? 'articleFromMonth' : 'articleFromYear', { date: formatted });
}
