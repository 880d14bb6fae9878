/**
 * The admin web: sign-in, answer log review, overview, documents and playground, server-rendered with
 * Node's http module (a dozen routes do not justify a framework, and every header stays visible here).
 * Every route but sign-in and static files needs a session (pages) or the admin token (API); every POST
 * needs the session's CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../config/load.js';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import { describeError, isSogaError, SogaError, type SogaErrorCode } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { AnswerLogAdmin } from '../../core/answer-log.js';
import { AdminCredentials, sameToken, SessionStore, SignInLimiter, type Session } from './admin-auth.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { html } from './html.js';
import { parseForm, readBody, redirect, safeLocalPath, securityHeaders, sendHtml, sendJson } from './http-io.js';
import { IngestionJobs } from './ingestion-jobs.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { documentsPage, knownCode } from './pages/documents.js';
import { errorPage } from './pages/layout.js';
import { logDetailPage } from './pages/log-detail.js';
import { logListPage } from './pages/log-list.js';
import { overviewPage } from './pages/overview.js';
import type { PageContext } from './pages/page-context.js';
import { playgroundPage } from './pages/playground.js';
import { signInPage } from './pages/sign-in.js';
import { dateOnly, filterFromQuery, pageFromQuery } from './request-filters.js';
import { checkUploadContent, safeUploadName } from './upload-check.js';
import { isWebLanguage, pickLanguage } from './web-locale.js';

export interface WebDeps {
  config: Config;
  /** Records what it answers (main's recording assistant): the playground's answers are in the log like any other. */
  assistant: Assistant;
  corpus: CorpusManager;
  /** The answer log's staff side (main opens it and runs retention); null (SOGA_LOG_ENABLED=false) is refused at start. */
  log: AnswerLogAdmin | null;
  messages: Messages;
  /** Operator messages (unexpected errors, purges); stderr by default. */
  report?: (message: string) => void;
  now?: () => Date;
}

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

const SESSION_COOKIE = 'soga_session';
const SIGN_IN_COOKIE = 'soga_signin';
const LANG_COOKIE = 'soga_lang';
const FORM_LIMIT = 256 * 1024;
/** Room for the multipart boundaries and the CSRF field around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const STATUS_OF: Partial<Record<SogaErrorCode, number>> = {
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  INVALID_PDF: 415,
  ENCRYPTED_PDF: 415,
  BINARY_CONTENT: 415,
  EMPTY_DOCUMENT: 422,
  FILE_TOO_COMPLEX: 422,
  UNREADABLE_FILE: 400,
  NOT_FOUND: 404,
};

function readStatic(name: string): Buffer {
  return readFileSync(new URL(`./static/${name}`, import.meta.url));
}

interface RequestState {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ctx: PageContext;
  session: Session | null;
  /** Who is acting, for the audit trail: the session's name, or "token" for API calls. */
  actor: string | null;
  cookies: Record<string, string>;
  secure: boolean;
  /** False while the request body is unread: an error must then close the connection. */
  bodyRead: boolean;
}

/** Host of an Origin header, or null when it is not a URL (then it cannot match ours). */
function originHost(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}

export async function startWeb(deps: WebDeps): Promise<WebServer> {
  const { config, assistant, corpus, messages } = deps;
  if (!deps.log) {
    throw new SogaError('CONFIG_INVALID', 'the admin web needs the answer log (review, overview, audit trail), but it is disabled', {
      hint: 'set SOGA_LOG_ENABLED=true and SOGA_LOG_HMAC_KEY, or SOGA_WEB_ENABLED=false',
    });
  }
  const log = deps.log;
  const report = deps.report ?? ((m: string) => process.stderr.write(`${m}\n`));
  const now = deps.now ?? (() => new Date());
  const credentials = new AdminCredentials({
    password: config.SOGA_ADMIN_PASSWORD,
    passwordHash: config.SOGA_ADMIN_PASSWORD_HASH,
    token: config.SOGA_ADMIN_TOKEN,
  });
  const sessions = new SessionStore(config.SOGA_WEB_SESSION_HOURS * 3600 * 1000);
  const limiter = new SignInLimiter();
  const jobs = new IngestionJobs(report);
  const statics: Record<string, { body: Buffer; type: string }> = {
    '/static/app.css': { body: readStatic('app.css'), type: 'text/css; charset=utf-8' },
    '/static/app.js': { body: readStatic('app.js'), type: 'text/javascript; charset=utf-8' },
  };
  const maxUpload = config.SOGA_UPLOAD_MAX_BYTES;
  const httpsPublic = config.SOGA_WEB_PUBLIC_URL?.startsWith('https:') ?? false;
  const answerLanguages = messages.languages().sort();

  const cookie = (s: RequestState, name: string, value: string, maxAgeSeconds?: number) =>
    serializeCookie(name, value, { secure: s.secure, maxAgeSeconds });

  const fail = (s: RequestState, status: number, message: string) => {
    if (s.url.pathname.startsWith('/api/')) return sendJson(s.res, status, { error: message });
    return sendHtml(s.res, status, errorPage(s.ctx, status, message));
  };

  async function readFormChecked(s: RequestState): Promise<URLSearchParams | null> {
    const form = parseForm(await readBody(s.req, FORM_LIMIT));
    s.bodyRead = true;
    if (!csrfOk(s, form.get('_csrf'))) {
      fail(s, 403, s.ctx.t('web.error.csrf'));
      return null;
    }
    return form;
  }

  function csrfOk(s: RequestState, fromForm: string | null | undefined): boolean {
    const token = fromForm ?? (s.req.headers['x-csrf-token'] as string | undefined);
    return !!s.session && sameToken(token ?? undefined, s.session.csrf);
  }

  // ---- handlers -------------------------------------------------------------------------------

  async function signInForm(s: RequestState, error?: string, status = 200, name?: string) {
    const formToken = randomBytes(24).toString('base64url');
    sendHtml(s.res, status, signInPage(s.ctx, { formToken, next: safeLocalPath(s.url.searchParams.get('next'), '/overview'), error, name }), {
      'Set-Cookie': cookie(s, SIGN_IN_COOKIE, formToken, 3600),
    });
  }

  async function signIn(s: RequestState) {
    const form = parseForm(await readBody(s.req, FORM_LIMIT));
    s.bodyRead = true;
    // Before a session exists, CSRF is a double-submit: the form's token must match the cookie set with it.
    if (!sameToken(form.get('_csrf') ?? undefined, s.cookies[SIGN_IN_COOKIE])) return fail(s, 403, s.ctx.t('web.error.csrf'));
    const address = s.req.socket.remoteAddress ?? 'unknown';
    const name = (form.get('name') ?? '').trim().replace(/[\p{Cc}]/gu, '').slice(0, 40) || 'admin';
    if (limiter.blocked(address)) return signInForm(s, s.ctx.t('web.signIn.tooMany'), 429, name);
    if (!credentials.verify(form.get('password') ?? '')) {
      limiter.fail(address);
      log.audit(name, 'sign_in_failed', null, address);
      return signInForm(s, s.ctx.t('web.signIn.wrong'), 401, name);
    }
    limiter.succeed(address);
    const session = sessions.create(name);
    log.audit(name, 'sign_in', null, address);
    redirect(s.res, safeLocalPath(form.get('next'), '/overview'), {
      'Set-Cookie': [cookie(s, SESSION_COOKIE, session.id, config.SOGA_WEB_SESSION_HOURS * 3600), cookie(s, SIGN_IN_COOKIE, '', 0)],
    });
  }

  async function signOut(s: RequestState) {
    if (!(await readFormChecked(s))) return;
    sessions.destroy(s.session!.id);
    log.audit(s.actor!, 'sign_out');
    redirect(s.res, '/sign-in', { 'Set-Cookie': cookie(s, SESSION_COOKIE, '', 0) });
  }

  function overview(s: RequestState) {
    const to = s.url.searchParams.get('to') && /^\d{4}-\d{2}-\d{2}$/.test(s.url.searchParams.get('to')!) ? s.url.searchParams.get('to')! : dateOnly(now());
    const fromDefault = new Date(`${to}T00:00:00Z`);
    fromDefault.setUTCDate(fromDefault.getUTCDate() - 29);
    const fromParam = s.url.searchParams.get('from');
    const from = fromParam && /^\d{4}-\d{2}-\d{2}$/.test(fromParam) && fromParam <= to ? fromParam : dateOnly(fromDefault);
    const stats = log.stats({ from, to });
    log.audit(s.actor!, 'view_overview', null, `${from}..${to}`);
    sendHtml(s.res, 200, overviewPage(s.ctx, stats, { from, to }));
  }

  function logList(s: RequestState) {
    const filter = filterFromQuery(s.url.searchParams);
    const page = log.list(filter, { page: pageFromQuery(s.url.searchParams), pageSize: 50 });
    log.audit(s.actor!, 'view_log', null, s.url.search.slice(1) || null);
    sendHtml(s.res, 200, logListPage(s.ctx, { page, filter, surfaces: log.surfaces(), languages: log.languages() }));
  }

  function logDetail(s: RequestState, id: string) {
    const entry = log.get(id);
    if (!entry) return fail(s, 404, s.ctx.t('web.error.notFound'));
    log.audit(s.actor!, 'view_entry', id);
    sendHtml(s.res, 200, logDetailPage(s.ctx, entry, s.url.searchParams.get('saved') ? s.ctx.t('web.detail.saved') : undefined));
  }

  async function review(s: RequestState, id: string) {
    const form = await readFormChecked(s);
    if (!form) return;
    const status = form.get('status');
    if (status !== 'unreviewed' && status !== 'reviewed' && status !== 'flagged') return fail(s, 400, s.ctx.t('web.error.badRequest'));
    log.review(id, {
      status,
      by: s.actor!,
      correctedAnswer: (form.get('corrected') ?? '').slice(0, 10_000),
      correctedFacts: (form.get('facts') ?? '').split(/\r?\n/).slice(0, 50),
      correctedAnswerable: form.get('unanswerable') === '1' ? false : (form.get('corrected') ?? '').trim() ? true : null,
    });
    log.audit(s.actor!, 'review', id, status);
    redirect(s.res, `/log/${encodeURIComponent(id)}?saved=1`);
  }

  async function exportLog(s: RequestState) {
    const format = s.url.searchParams.get('format');
    if (format !== 'jsonl' && format !== 'csv' && format !== 'eval') return fail(s, 400, s.ctx.t('web.error.badRequest'));
    const filter = filterFromQuery(s.url.searchParams);
    log.audit(s.actor!, 'export', null, `${format} ${s.url.search.slice(1)}`);
    const stamp = dateOnly(now());
    const ext = format === 'csv' ? 'csv' : 'jsonl';
    s.res.writeHead(200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="soga-${format === 'eval' ? 'eval-questions' : 'answers'}-${stamp}.${ext}"`,
      'Cache-Control': 'no-store',
    });
    const lines = format === 'eval' ? log.exportEvalQuestions().map((q) => `${JSON.stringify(q)}\n`) : log.exportLines(format, filter);
    for (const line of lines) {
      if (!s.res.write(line)) await new Promise((resolve) => s.res.once('drain', resolve));
    }
    s.res.end();
  }

  async function documents(s: RequestState, error?: { status: number; message: string }) {
    const jobId = s.url.searchParams.get('job');
    const job = (jobId && jobs.get(jobId)) || jobs.active()[0] || null;
    const page = documentsPage(s.ctx, { docs: await corpus.list(), job, recent: jobs.recent(), maxBytes: maxUpload, error: error?.message });
    sendHtml(s.res, error?.status ?? 200, page);
  }

  function wantsJson(s: RequestState): boolean {
    return (s.req.headers.accept ?? '').includes('application/json');
  }

  async function upload(s: RequestState) {
    const boundary = boundaryOf(s.req.headers['content-type']);
    if (!boundary) return fail(s, 400, s.ctx.t('web.error.badRequest'));
    // Throws FILE_TOO_LARGE on a declared or counted size over the cap, before the body is kept.
    const body = await readBody(s.req, maxUpload + MULTIPART_OVERHEAD);
    s.bodyRead = true;
    const parts = parseMultipart(body, boundary);
    if (!csrfOk(s, parts.fields.get('_csrf'))) return fail(s, 403, s.ctx.t('web.error.csrf'));
    const file = parts.files.find((f) => f.field === 'file');
    if (!file) return fail(s, 400, s.ctx.t('web.error.badRequest'));
    if (file.data.length > maxUpload) throw new SogaError('FILE_TOO_LARGE', `${file.data.length} bytes is over the ${maxUpload}-byte limit`);
    // The browser's name is only a label; the corpus manager generates the stored file name.
    const name = safeUploadName(file.filename);
    checkUploadContent(name, file.data);
    const actor = s.actor!;
    const job = jobs.start('upload', name, actor, () => corpus.addFile(name, file.data, { uploadedBy: actor }));
    log.audit(actor, 'upload', name, `${file.data.length} bytes`);
    if (wantsJson(s)) return sendJson(s.res, 202, { job });
    redirect(s.res, `/documents?job=${job.id}`);
  }

  async function deleteDocument(s: RequestState, docId: string) {
    if (!(await readFormChecked(s))) return;
    const job = jobs.start('delete', docId, s.actor!, () => corpus.remove(docId));
    log.audit(s.actor!, 'delete_document', docId);
    if (wantsJson(s)) return sendJson(s.res, 202, { job });
    redirect(s.res, `/documents?job=${job.id}`);
  }

  async function reingest(s: RequestState) {
    if (!(await readFormChecked(s))) return;
    const job = jobs.start('reingest', s.ctx.t('web.docs.allDocuments'), s.actor!, () => corpus.reingest());
    log.audit(s.actor!, 'reingest');
    if (wantsJson(s)) return sendJson(s.res, 202, { job });
    redirect(s.res, `/documents?job=${job.id}`);
  }

  async function playgroundAsk(s: RequestState) {
    const form = await readFormChecked(s);
    if (!form) return;
    const question = (form.get('question') ?? '').slice(0, 20_000);
    const localeParam = form.get('locale') ?? s.ctx.lang;
    const locale = answerLanguages.includes(localeParam) ? localeParam : s.ctx.lang;
    const answer = await assistant.ask(question, { surface: 'web', place: 'playground', asker: `web:${s.actor}`, locale, now: now() });
    const entryId = answer.logEntryId;
    sendHtml(s.res, 200, playgroundPage(s.ctx, { question, locale, answer, entryId, languages: answerLanguages }));
  }

  // ---- routing --------------------------------------------------------------------------------

  type Handler = (s: RequestState, param: string) => unknown;
  const routes: { method: string; path: RegExp; handler: Handler; api?: boolean }[] = [
    { method: 'GET', path: /^\/$/, handler: (s) => redirect(s.res, '/overview') },
    { method: 'GET', path: /^\/overview$/, handler: overview },
    { method: 'GET', path: /^\/log$/, handler: logList },
    { method: 'GET', path: /^\/log\/export$/, handler: exportLog },
    { method: 'GET', path: /^\/log\/(\d{1,15})$/, handler: logDetail },
    { method: 'POST', path: /^\/log\/(\d{1,15})\/review$/, handler: review },
    { method: 'GET', path: /^\/documents$/, handler: (s) => documents(s) },
    { method: 'POST', path: /^\/documents$/, handler: upload },
    { method: 'POST', path: /^\/documents\/reingest$/, handler: reingest },
    { method: 'POST', path: /^\/documents\/([^/]+)\/delete$/, handler: (s, id) => deleteDocument(s, decodeURIComponent(id)) },
    { method: 'GET', path: /^\/playground$/, handler: (s) => sendHtml(s.res, 200, playgroundPage(s.ctx, { languages: answerLanguages })) },
    { method: 'POST', path: /^\/playground$/, handler: playgroundAsk },
    { method: 'POST', path: /^\/sign-out$/, handler: signOut },
    { method: 'GET', path: /^\/api\/entries$/, api: true, handler: (s) => sendJson(s.res, 200, log.list(filterFromQuery(s.url.searchParams), { page: pageFromQuery(s.url.searchParams), pageSize: Number(s.url.searchParams.get('pageSize')) || 50 })) },
    { method: 'GET', path: /^\/api\/entries\/(\d{1,15})$/, api: true, handler: (s, id) => {
      const entry = log.get(id);
      if (!entry) return fail(s, 404, 'not found');
      log.audit(s.actor!, 'view_entry', id, 'api');
      sendJson(s.res, 200, entry);
    } },
    { method: 'GET', path: /^\/api\/stats$/, api: true, handler: (s) => sendJson(s.res, 200, log.stats(filterFromQuery(s.url.searchParams))) },
    { method: 'GET', path: /^\/api\/documents$/, api: true, handler: async (s) => sendJson(s.res, 200, await corpus.list()) },
    { method: 'GET', path: /^\/api\/jobs\/([0-9a-f-]{36})$/, api: true, handler: (s, id) => {
      const job = jobs.get(id);
      return job ? sendJson(s.res, 200, job) : fail(s, 404, 'not found');
    } },
  ];

  async function route(s: RequestState): Promise<void> {
    const { req, res, url } = s;
    const method = req.method ?? 'GET';
    const path = url.pathname;

    const asset = statics[path];
    if (asset && (method === 'GET' || method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, 'Cache-Control': 'no-cache' });
      return void res.end(method === 'HEAD' ? undefined : asset.body);
    }
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/sign-in') {
      if (method === 'GET') return s.session ? redirect(res, safeLocalPath(url.searchParams.get('next'), '/overview')) : signInForm(s);
      if (method === 'POST') return signIn(s);
    }
    const langMatch = /^\/lang\/([a-z]{2})$/.exec(path);
    if (langMatch && method === 'GET') {
      const headers = isWebLanguage(langMatch[1]) ? { 'Set-Cookie': cookie(s, LANG_COOKIE, langMatch[1], 365 * 24 * 3600) } : undefined;
      return redirect(res, safeLocalPath(url.searchParams.get('next'), '/overview'), headers);
    }

    const isApi = path.startsWith('/api/');
    if (!s.actor) {
      if (isApi) return sendJson(res, 401, { error: 'sign in or send Authorization: Bearer <SOGA_ADMIN_TOKEN>' }, { 'WWW-Authenticate': 'Bearer' });
      if (method === 'GET' || method === 'HEAD') return redirect(res, `/sign-in?next=${encodeURIComponent(path + url.search)}`);
      return fail(s, 403, s.ctx.t('web.error.signInFirst'));
    }
    // A cross-site form cannot carry our SameSite=Strict cookie, but an Origin mismatch is refused outright too.
    const origin = req.headers.origin;
    if (method === 'POST' && origin && origin !== 'null' && originHost(origin) !== req.headers.host) return fail(s, 403, s.ctx.t('web.error.csrf'));

    for (const r of routes) {
      if (r.method !== method && !(r.method === 'GET' && method === 'HEAD')) continue;
      const m = r.path.exec(path);
      if (!m) continue;
      if (isApi !== !!r.api) continue;
      if (!isApi && !s.session) return fail(s, 403, s.ctx.t('web.error.signInFirst'));
      await r.handler(s, m[1] ?? '');
      return;
    }
    return fail(s, 404, s.ctx.t('web.error.notFound'));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://admin.invalid');
    const cookies = parseCookies(req.headers.cookie);
    const session = sessions.get(cookies[SESSION_COOKIE]);
    const auth = req.headers.authorization;
    const tokenOk = !!auth && url.pathname.startsWith('/api/') && /^Bearer\s+/i.test(auth) && credentials.verifyToken(auth.replace(/^Bearer\s+/i, '').trim());
    const lang = pickLanguage(cookies[LANG_COOKIE], req.headers['accept-language'], config.SOGA_DEFAULT_LANGUAGE);
    const ctx: PageContext = {
      lang,
      t: (key, vars) => messages.t(lang, key, vars),
      path: url.pathname + url.search,
      session: session ? { user: session.user, csrf: session.csrf } : null,
    };
    const s: RequestState = {
      req, res, url, ctx, session, cookies,
      actor: session?.user ?? (tokenOk ? 'token' : null),
      secure: httpsPublic || ('encrypted' in req.socket && !!req.socket.encrypted),
      bodyRead: req.method === 'GET' || req.method === 'HEAD',
    };
    try {
      await route(s);
    } catch (error) {
      const status = isSogaError(error) ? (STATUS_OF[error.code] ?? 500) : 500;
      if (status === 500) report(`admin web: ${req.method} ${url.pathname} failed: ${describeError(error)}`);
      if (res.headersSent) return void res.destroy();
      if (!s.bodyRead) {
        // The client may still be sending (a 200 MB upload): answer now, then drop the connection.
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.destroy());
      }
      const message = isSogaError(error)
        ? status === 404 ? ctx.t('web.error.notFound') : `${ctx.t(`web.uploadError.${knownCode(error.code)}`, { mb: (maxUpload / 1048576).toFixed(1) })} (${error.message})`
        : ctx.t('web.error.internal');
      if (url.pathname === '/documents' && req.method === 'POST' && !url.pathname.startsWith('/api/') && !wantsJson(s) && s.session) {
        return documents(s, { status, message }).catch((e) => {
          report(`admin web: documents page failed: ${describeError(e)}`);
          if (!res.headersSent) fail(s, status, message);
        });
      }
      if (wantsJson(s)) return sendJson(res, status, { error: message, code: isSogaError(error) ? error.code : 'INTERNAL' });
      fail(s, status, message);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      report(`admin web: ${describeError(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.requestTimeout = 5 * 60 * 1000;
  server.headersTimeout = 30 * 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.SOGA_WEB_PORT, config.SOGA_WEB_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await jobs.idle();
    },
  };
}

