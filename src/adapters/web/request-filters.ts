/** Reads the log filters from a query string, dropping anything malformed rather than failing the page. */
import type { LogFilter } from '../../core/answer-log.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function short(value: string | null, max = 80): string | undefined {
  const v = value?.trim();
  return v ? v.slice(0, max) : undefined;
}

export function filterFromQuery(q: URLSearchParams): LogFilter {
  const date = (name: string) => {
    const v = q.get(name)?.trim();
    return v && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
  };
  return {
    from: date('from'),
    to: date('to'),
    surface: short(q.get('surface'), 40),
    lang: short(q.get('lang'), 10),
    text: short(q.get('q'), 200),
    thumbsDownOnly: q.get('down') === '1' || undefined,
    refusedOnly: q.get('refused') === '1' || undefined,
    unreviewedOnly: q.get('unreviewed') === '1' || undefined,
  };
}

export function pageFromQuery(q: URLSearchParams): number {
  const n = Number(q.get('page'));
  return Number.isInteger(n) && n > 0 && n < 1e6 ? n : 1;
}

export function dateOnly(d: Date): string {
  return d.toISOString().slice(0, 10);
}
