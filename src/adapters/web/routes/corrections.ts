/**
 * The corrections desk. GET /corrections: proposals, corrections in force, withdrawn ones;
 * GET /corrections/:id: one correction and every answer that gave it. POST /log/:id/approve approves
 * an answer for that entry's question; POST /proposals/:id/approve approves a staff reply (as written
 * or edited); POST /proposals/:id/dismiss and POST /corrections/:id/withdraw. A refused form comes back
 * as typed, with what to fix.
 */
import type { Hono } from 'hono';
import type { LoggedCitation } from '../../../core/answer-log.js';
import type { CorrectionSource, NewCorrection, Proposal } from '../../../core/corrections/correction.js';
import { isSogaError } from '../../../core/errors.js';
import { correctionDetailPage, correctionsPage, type CorrectionFormValues, type CorrectionFormView, type ProposalView } from '../pages/corrections.js';
import { logDetailPage } from '../pages/log-detail.js';
import { filterFromQuery } from '../request-filters.js';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import type { WebEnv, WebServices } from '../web-env.js';
import { fail, seeOther, sendPage, type WebContext } from '../web-responses.js';
import { ENTRY_ID } from './log-entry.js';

const MAX_QUESTION = 2000;
const MAX_ANSWER = 8000;

type Checked = { ok: true; values: CorrectionFormValues; input: Omit<NewCorrection, 'reviewer'> } | { ok: false; values: CorrectionFormValues; error: string };

function sourceOf(c: LoggedCitation): CorrectionSource {
  const url = (c as LoggedCitation & { url?: string }).url;
  return { docId: c.docId, chunkId: c.chunkId, title: c.title, source: c.source, ...(url ? { url } : {}), date: c.date, lang: c.lang, quote: c.quote };
}

/** The form's values, checked: a clear message for each thing to fix, the typed text kept. */
function checkForm(c: WebContext, form: URLSearchParams, citations: LoggedCitation[], languages: string[]): Checked {
  const t = c.var.ctx.t;
  const values: CorrectionFormValues = {
    question: (form.get('question') ?? '').slice(0, MAX_QUESTION * 2),
    lang: form.get('lang') ?? '',
    answer: (form.get('answer') ?? '').slice(0, MAX_ANSWER * 2),
    sources: form.getAll('source'),
  };
  if (!values.question.trim()) return { ok: false, values, error: t('web.corrections.errorQuestion') };
  if (values.question.trim().length > MAX_QUESTION) return { ok: false, values, error: t('web.corrections.errorTooLong', { max: MAX_QUESTION }) };
  if (!values.answer.trim()) return { ok: false, values, error: t('web.corrections.errorAnswer') };
  if (values.answer.trim().length > MAX_ANSWER) return { ok: false, values, error: t('web.corrections.errorTooLong', { max: MAX_ANSWER }) };
  if (!languages.includes(values.lang)) return { ok: false, values, error: t('web.corrections.errorLanguage') };
  const chosen = citations.filter((cit) => values.sources.includes(cit.chunkId));
  if (chosen.length !== new Set(values.sources).size) return { ok: false, values, error: t('web.corrections.errorSource') };
  return { ok: true, values, input: { question: values.question.trim(), lang: values.lang, answer: values.answer.trim(), sources: chosen.map(sourceOf) } };
}

function languagesOf(s: WebServices, ...more: string[]): string[] {
  return [...new Set([...s.answerLanguages, ...more.filter(Boolean)])];
}

async function proposalView(s: WebServices, p: Proposal, state?: { values: CorrectionFormValues; error: string }): Promise<ProposalView> {
  const bot = await s.log.get(p.botEntryId);
  const citations = bot?.citations ?? [];
  const lang = bot?.lang ?? '';
  return {
    proposal: p,
    bot,
    form: {
      action: `/proposals/${p.id}/approve`,
      idPrefix: `proposal-${p.id}`,
      citations,
      languages: languagesOf(s, lang),
      values: state?.values ?? { question: p.question, lang, answer: p.reply, sources: [] },
      ...(state ? { error: state.error } : {}),
    },
  };
}

async function renderDesk(
  c: WebContext,
  s: WebServices,
  status: number,
  options: { notice?: string; failed?: { proposalId: string; values: CorrectionFormValues; error: string } } = {},
): Promise<Response> {
  const desk = s.corrections!;
  const proposals = await Promise.all((await desk.listProposals('open')).map((p) => proposalView(s, p, options.failed?.proposalId === p.id ? options.failed : undefined)));
  const all = await desk.listCorrections({ includeWithdrawn: true });
  return sendPage(
    c,
    status,
    correctionsPage(c.var.ctx, {
      proposals,
      active: all.filter((x) => !x.withdrawn),
      withdrawn: all.filter((x) => x.withdrawn),
      uses: await desk.useCounts(),
      notice: options.notice,
    }),
  );
}

/** The approve form of a log entry: its question and language, the reviewer's corrected answer if any, every cited passage ticked. */
export function entryApproveForm(
  s: WebServices,
  entry: { id: string; question: string; lang: string; correctedAnswer: string | null; citations: LoggedCitation[] },
  state?: { values: CorrectionFormValues; error: string },
): CorrectionFormView {
  return {
    action: `/log/${entry.id}/approve`,
    idPrefix: 'approve',
    citations: entry.citations,
    languages: languagesOf(s, entry.lang),
    values: state?.values ?? { question: entry.question, lang: entry.lang, answer: entry.correctedAnswer ?? '', sources: entry.citations.map((x) => x.chunkId) },
    ...(state ? { error: state.error } : {}),
  };
}

export function correctionsRoutes(app: Hono<WebEnv>, s: WebServices): void {
  if (!s.corrections) return;
  const desk = s.corrections;

  app.get('/corrections', async (c) => {
    await s.log.audit(c.var.actor!, 'view_corrections');
    const done = c.req.query('done');
    const notice = done && ['approved', 'dismissed', 'withdrawn'].includes(done) ? c.var.ctx.t(`web.corrections.notice.${done}`) : undefined;
    return renderDesk(c, s, 200, { notice });
  });

  app.get(`/corrections/:id${ENTRY_ID}`, async (c) => {
    const correction = await desk.getCorrection(c.req.param('id'));
    if (!correction) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const done = c.req.query('done');
    const notice = done === 'approved' || done === 'withdrawn' ? c.var.ctx.t(`web.corrections.notice.${done}`) : undefined;
    return sendPage(c, 200, correctionDetailPage(c.var.ctx, { correction, uses: await desk.uses(correction.id), notice }));
  });

  app.post(`/corrections/:id${ENTRY_ID}/withdraw`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    try {
      await desk.withdraw(id, c.var.actor!);
    } catch (error) {
      if (isSogaError(error, 'NOT_FOUND')) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
      throw error;
    }
    await s.log.audit(c.var.actor!, 'withdraw_correction', id);
    return seeOther(c, `/corrections/${id}?done=withdrawn`);
  });

  app.post(`/log/:id${ENTRY_ID}/approve`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    const entry = await s.log.get(id);
    if (!entry) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const checked = checkForm(c, form, entry.citations, languagesOf(s, entry.lang));
    if (!checked.ok) {
      const filter = filterFromQuery(new URL(c.req.url).searchParams);
      return sendPage(c, 400, logDetailPage(c.var.ctx, { entry, filter, next: null, conversation: await s.log.conversation(id), approve: entryApproveForm(s, entry, checked), correction: null }));
    }
    const correction = await desk.approve({ ...checked.input, reviewer: c.var.actor!, fromEntryId: id });
    await s.log.audit(c.var.actor!, 'approve_correction', correction.id, `entry ${id}`);
    return seeOther(c, `/corrections/${correction.id}?done=approved`);
  });

  app.post(`/proposals/:id${ENTRY_ID}/approve`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    const proposal = await desk.getProposal(id);
    if (!proposal || proposal.status !== 'open') return fail(c, 404, c.var.ctx.t('web.error.notFound'));
    const bot = await s.log.get(proposal.botEntryId);
    const checked = checkForm(c, form, bot?.citations ?? [], languagesOf(s, bot?.lang ?? ''));
    if (!checked.ok) return renderDesk(c, s, 400, { failed: { proposalId: id, values: checked.values, error: checked.error } });
    const correction = await desk.approveProposal(id, { ...checked.input, reviewer: c.var.actor!, fromEntryId: proposal.botEntryId });
    await s.log.audit(c.var.actor!, 'approve_proposal', id, `correction ${correction.id}`);
    return seeOther(c, `/corrections/${correction.id}?done=approved`);
  });

  app.post(`/proposals/:id${ENTRY_ID}/dismiss`, limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    try {
      await desk.dismissProposal(id, c.var.actor!);
    } catch (error) {
      if (isSogaError(error, 'NOT_FOUND')) return fail(c, 404, c.var.ctx.t('web.error.notFound'));
      throw error;
    }
    await s.log.audit(c.var.actor!, 'dismiss_proposal', id);
    return seeOther(c, '/corrections?done=dismissed');
  });
}
