/** The page frame: navigation, language switch, sign-out, and the static CSS/JS (no inline code). */
import { html, type HtmlValue, type SafeHtml } from '../html.js';
import { WEB_LANGUAGES } from '../web-locale.js';
import { THEMES, type PageContext } from './page-context.js';

const NAV = [
  ['/overview', 'web.nav.overview'],
  ['/log', 'web.nav.log'],
  ['/corrections', 'web.nav.corrections'],
  ['/documents', 'web.nav.documents'],
  ['/playground', 'web.nav.playground'],
] as const;

export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.session?.csrf ?? ''}">`;
}

export function layout(ctx: PageContext, title: string, body: HtmlValue, options: { head?: HtmlValue } = {}): SafeHtml {
  const here = ctx.path.split('?')[0];
  const themes = html`<span class="theme-switch">${ctx.t('web.theme.label')}: ${THEMES.map(
    (t, i) =>
      html`${i ? ' · ' : ''}${t === ctx.theme ? html`<strong aria-current="true">${ctx.t(`web.theme.${t}`)}</strong>` : html`<a href="/theme/${t}?next=${encodeURIComponent(ctx.path)}">${ctx.t(`web.theme.${t}`)}</a>`}`,
  )}</span>`;
  const switcher = WEB_LANGUAGES.map((l) =>
    l === ctx.lang ? html`<strong lang="${l}">${l.toUpperCase()}</strong>` : html`<a lang="${l}" href="/lang/${l}?next=${encodeURIComponent(ctx.path)}">${l.toUpperCase()}</a>`,
  );
  const nav = ctx.session
    ? html`<nav><ul>${NAV.map(([href, key]) => html`<li><a href="${href}"${here?.startsWith(href) ? html` aria-current="page"` : ''}>${ctx.t(key)}</a></li>`)}</ul>
      <form method="post" action="/sign-out" class="sign-out">${csrfField(ctx)}<span>${ctx.session.user}</span> <button type="submit">${ctx.t('web.signOut')}</button></form></nav>`
    : '';
  return html`<html lang="${ctx.lang}"${ctx.theme === 'auto' ? '' : html` data-theme="${ctx.theme}"`}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · SOGA Assistant</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
${options.head ?? ''}
</head>
<body>
<a class="skip" href="#content">${ctx.t('web.skip')}</a>
<header><span class="brand">SOGA Assistant · ${ctx.t('web.admin')}</span><span class="lang-switch">${switcher}</span>${themes}${nav}</header>
<main id="content">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

export function errorPage(ctx: PageContext, status: number, message: string): SafeHtml {
  return layout(ctx, ctx.t('web.error.title', { status }), html`<p class="error" role="alert">${message}</p><p><a href="/overview">${ctx.t('web.back')}</a></p>`);
}
