/**
 * Questions per day as an SVG bar chart made on the server: no chart library, no script, and it works
 * under the Content-Security-Policy. Refused answers are drawn as the darker lower part of each bar.
 */
import type { DayStat } from '../../core/answer-log.js';
import { html, type SafeHtml } from './html.js';

/** Every day between the first and last, so gaps show as gaps. */
export function fillDays(stats: DayStat[], from?: string, to?: string): DayStat[] {
  const byDay = new Map(stats.map((s) => [s.day, s]));
  const first = from ?? stats[0]?.day;
  const last = to ?? stats.at(-1)?.day;
  if (!first || !last) return [];
  const out: DayStat[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  for (let guard = 0; day <= end && guard < 3660; guard++) {
    const key = day.toISOString().slice(0, 10);
    out.push(byDay.get(key) ?? { day: key, questions: 0, refused: 0, thumbsDown: 0 });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

export function questionsPerDayChart(days: DayStat[], labels: { title: string; questions: string; refused: string }): SafeHtml {
  const width = 720;
  const height = 200;
  const pad = { left: 36, right: 8, top: 10, bottom: 28 };
  const max = Math.max(1, ...days.map((d) => d.questions));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = days.length ? plotW / days.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const bars = days.map((d, i) => {
    const x = (pad.left + i * slot + (slot - barW) / 2).toFixed(1);
    const total = html`<rect class="bar" x="${x}" y="${y(d.questions).toFixed(1)}" width="${barW.toFixed(1)}" height="${(plotH - (y(d.questions) - pad.top)).toFixed(1)}" fill="#4a7bd0"><title>${d.day}: ${d.questions} ${labels.questions}, ${d.refused} ${labels.refused}</title></rect>`;
    const refused = d.refused
      ? html`<rect class="bar-refused" x="${x}" y="${y(d.refused).toFixed(1)}" width="${barW.toFixed(1)}" height="${(plotH - (y(d.refused) - pad.top)).toFixed(1)}" fill="#c0504d"></rect>`
      : '';
    const label = i % labelEvery === 0 ? html`<text x="${x}" y="${height - 8}" font-size="10" fill="#444">${d.day.slice(5)}</text>` : '';
    return html`${total}${refused}${label}`;
  });
  return html`<svg class="chart" role="img" aria-label="${labels.title}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
  <title>${labels.title}</title>
  <line x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}" stroke="#888"></line>
  <text x="4" y="${pad.top + 8}" font-size="10" fill="#444">${max}</text>
  <text x="4" y="${pad.top + plotH}" font-size="10" fill="#444">0</text>
  ${bars}
</svg>`;
}

export interface WeekShare {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  questions: number;
  /** 0–1 of the week's questions; null when the week had none. */
  refused: number | null;
  thumbsDown: number | null;
}

/** Days grouped into weeks starting on Monday, with the share refused and the share rated 👎. */
export function weeklyShares(days: DayStat[]): WeekShare[] {
  const weeks = new Map<string, { questions: number; refused: number; thumbsDown: number }>();
  for (const d of days) {
    const date = new Date(`${d.day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    const key = date.toISOString().slice(0, 10);
    const w = weeks.get(key) ?? { questions: 0, refused: 0, thumbsDown: 0 };
    w.questions += d.questions;
    w.refused += d.refused;
    w.thumbsDown += d.thumbsDown;
    weeks.set(key, w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, w]) => ({
      week,
      questions: w.questions,
      refused: w.questions ? w.refused / w.questions : null,
      thumbsDown: w.questions ? w.thumbsDown / w.questions : null,
    }));
}

/** Two lines, 0–100 %: the share refused and the share rated 👎 per week; going down means answers got better. */
export function sharesPerWeekChart(weeks: WeekShare[], labels: { title: string; refused: string; thumbsDown: string; weekOf: (week: string) => string }): SafeHtml {
  const width = 720;
  const height = 180;
  const pad = { left: 44, right: 24, top: 10, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (weeks.length > 1 ? (i / (weeks.length - 1)) * plotW : plotW / 2);
  const y = (share: number) => pad.top + plotH - share * plotH;
  const line = (pick: (w: WeekShare) => number | null, cls: string, colour: string, name: string) => {
    const points = weeks.map((w, i) => ({ i, v: pick(w), w })).filter((p): p is { i: number; v: number; w: WeekShare } => p.v !== null);
    return html`<polyline class="${cls}" fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}"></polyline>
${points.map((p) => {
  const title = html`<title>${labels.weekOf(p.w.week)}: ${Math.round(p.v * 100)} % ${name}</title>`;
  // Squares for refusals, dots for 👎: equal shares stay distinguishable where the points overlap.
  return cls === 'line-refused'
    ? html`<rect class="${cls}-point" x="${(x(p.i) - 5).toFixed(1)}" y="${(y(p.v) - 5).toFixed(1)}" width="10" height="10" fill="none" stroke="${colour}" stroke-width="2">${title}</rect>`
    : html`<circle class="${cls}-point" cx="${x(p.i).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3.5" fill="${colour}">${title}</circle>`;
})}`;
  };
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
  return html`<svg class="chart" role="img" aria-label="${labels.title}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
  <title>${labels.title}</title>
  <line x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}" stroke="#888"></line>
  <line x1="${pad.left}" y1="${y(0.5)}" x2="${width - pad.right}" y2="${y(0.5)}" stroke="#ccc" stroke-dasharray="4 4"></line>
  <text x="4" y="${pad.top + 8}" font-size="10" fill="#888">100 %</text>
  <text x="4" y="${y(0.5) + 3}" font-size="10" fill="#888">50 %</text>
  <text x="4" y="${pad.top + plotH}" font-size="10" fill="#888">0 %</text>
  ${line((w) => w.refused, 'line-refused', '#c0504d', labels.refused)}
  ${line((w) => w.thumbsDown, 'line-down', '#8a5a00', labels.thumbsDown)}
  ${weeks.map((w, i) => (i % labelEvery === 0 ? html`<text x="${x(i).toFixed(1)}" y="${height - 8}" font-size="10" fill="#888" text-anchor="middle">${w.week.slice(5)}</text>` : ''))}
</svg>`;
}
