/**
 * GET /playground (?turns=ids to show a conversation), POST /playground asks (a follow-up when turns are
 * given: they become the history), POST /playground/feedback records 👍/👎 on the last answer.
 */
import type { Hono } from 'hono';
import { SogaError } from '../../../core/errors.js';
import { answeredTurns, statedIn } from '../../../core/conversation/turns.js';
import type { Messages } from '../../../core/i18n.js';
import type { ChatTurn } from '../../../core/types.js';
import type { LogEntry } from '../../../core/answer-log.js';
import { playgroundPage } from '../pages/playground.js';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendPage } from '../web-responses.js';

/** Enough context for a follow-up; older turns only lengthen the prompt. */
const MAX_TURNS = 10;

/** The conversation's entries, oldest first; unknown or purged ids are dropped. */
async function turnsOf(s: WebServices, value: string | null | undefined): Promise<LogEntry[]> {
  const ids = (value ?? '')
    .split(',')
    .filter((id) => /^\d{1,15}$/.test(id))
    .slice(-MAX_TURNS);
  return (await Promise.all(ids.map((id) => s.log.get(id)))).filter((e): e is LogEntry => e !== null && e.surface === 'web');
}

/**
 * The turns as the other surfaces record them when they answer, rebuilt from the log: the sentence that
 * stated what was asked is the answer's first line, when it is one (a follow-up needs the value it gave).
 */
function historyOf(turns: LogEntry[], messages: Messages): ChatTurn[] {
  return turns.flatMap((t) => answeredTurns(t.question, { text: t.answerText, citations: t.citations, direct: statedIn(t.answerText, messages) }));
}

export function playgroundRoutes(app: Hono<WebEnv>, s: WebServices): void {
  const pickLocale = (value: string | null | undefined, fallback: string) => (value && s.answerLanguages.includes(value) ? value : fallback);

  app.get('/playground', async (c) => {
    const rated = c.req.query('rated');
    return sendPage(
      c,
      200,
      playgroundPage(c.var.ctx, {
        turns: await turnsOf(s, c.req.query('turns')),
        locale: pickLocale(c.req.query('locale'), c.var.ctx.lang),
        languages: s.answerLanguages,
        rated: rated === 'up' || rated === 'down' ? rated : undefined,
      }),
    );
  });

  app.post('/playground', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const ctx = c.var.ctx;
    const question = (form.get('question') ?? '').slice(0, 20_000);
    const locale = pickLocale(form.get('locale'), ctx.lang);
    const earlier = await turnsOf(s, form.get('turns'));
    // The assistant main hands in records the answer; its entry is the new turn of the conversation.
    const answer = await s.assistant.ask(question, { surface: 'web', place: 'playground', asker: `web:${c.var.actor}`, locale, now: s.now(), history: historyOf(earlier, s.messages) });
    const entry = answer.logEntryId ? await s.log.get(answer.logEntryId) : null;
    if (!entry) throw new SogaError('STORE_UNAVAILABLE', 'the playground answer was not recorded in the answer log');
    return sendPage(c, 200, playgroundPage(ctx, { turns: [...earlier, entry], locale, languages: s.answerLanguages }));
  });

  app.post('/playground/feedback', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const rating = form.get('rating');
    const entry = form.get('entry') ?? '';
    if ((rating !== 'up' && rating !== 'down') || !/^\d{1,15}$/.test(entry)) return fail(c, 400, c.var.ctx.t('web.error.badRequest'));
    await s.log.addFeedback(entry, { rating, by: `web:${c.var.actor}` });
    await s.log.audit(c.var.actor!, 'feedback', entry, rating);
    const query = new URLSearchParams({ turns: form.get('turns') ?? entry, rated: rating, locale: pickLocale(form.get('locale'), c.var.ctx.lang) });
    return seeOther(c, `/playground?${query.toString()}`);
  });
}
