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
