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
