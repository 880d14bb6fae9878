/**
 * A date filter: the browser's native picker (which writes the date in the browser's own format, often
 * mm/dd/yyyy, whatever the page's language) with the chosen day written beside it in the interface's
 * language, the month named ("30 Nov 2026", "30 nov. 2026"), so 06/12 is never read as June or December.
 * The value sent, and so the query string, stays ISO (YYYY-MM-DD). app.js keeps the named date in step.
 */
import { html, type SafeHtml } from '../html.js';
import { formatDate, intlLocale, type PageContext } from './page-context.js';

export function dateField(ctx: PageContext, name: string, label: string, value: string | undefined, idPrefix: string): SafeHtml {
  const id = `${idPrefix}-${name}`;
  const day = value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
  return html`<div class="date-filter"><label for="${id}">${label}</label><span class="date-field"><input type="date" id="${id}" name="${name}" value="${value ?? ''}" aria-describedby="${id}-named">
  <output id="${id}-named" for="${id}" class="date-named" data-locale="${intlLocale(ctx.lang)}" aria-live="polite">${day ? formatDate(day, ctx.lang) : ''}</output></span></div>`;
}
