/** GET /playground and POST /playground: ask as a member would; the exchange is logged with surface "web". */
import type { Hono } from 'hono';
import { playgroundPage } from '../pages/playground.js';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { sendPage } from '../web-responses.js';

export function playgroundRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/playground', (c) => sendPage(c, 200, playgroundPage(c.var.ctx, { languages: s.answerLanguages })));

  app.post('/playground', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const ctx = c.var.ctx;
    const question = (form.get('question') ?? '').slice(0, 20_000);
    const localeParam = form.get('locale') ?? ctx.lang;
    const locale = s.answerLanguages.includes(localeParam) ? localeParam : ctx.lang;
    const answer = await s.assistant.ask(question, { surface: 'web', place: 'playground', asker: `web:${c.var.actor}`, locale, now: s.now() });
    return sendPage(c, 200, playgroundPage(ctx, { question, locale, answer, entryId: answer.logEntryId, languages: s.answerLanguages }));
  });
}
