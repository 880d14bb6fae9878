/**
 * What runs around every route: the security headers, the request's context (language, session, who is
 * acting), the gate that keeps everything but sign-in and static files for staff, and the error handler
 * that turns coded errors into statuses and clear messages.
 */
import type { ErrorHandler, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { describeError, isSogaError, type SogaErrorCode } from '../../core/errors.js';
import type { AdminSession } from '../../core/admin-sessions.js';
import { knownCode } from './pages/documents.js';
import { isTheme, type PageContext } from './pages/page-context.js';
import { renderDocuments } from './routes/documents.js';
import { pickLanguage } from './web-locale.js';
import { LANG_COOKIE, SESSION_COOKIE, THEME_COOKIE, type WebEnv, type WebServices } from './web-env.js';
import { fail, sendJson, wantsJson } from './web-responses.js';

/**
 * No inline script or style anywhere: JS and CSS are static files. The SVG chart uses presentation
 * attributes, which CSP does not treat as inline style.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

export function requestContext(s: WebServices): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    let session: AdminSession | null = null;
    let failure: Error | undefined;
    try {
      session = await s.sessions.get(getCookie(c, SESSION_COOKIE));
    } catch (error) {
      failure = error instanceof Error ? error : new Error(describeError(error));
    }
    const lang = pickLanguage(getCookie(c, LANG_COOKIE), c.req.header('accept-language'), s.config.SOGA_DEFAULT_LANGUAGE);
    const url = new URL(c.req.url);
    const ctx: PageContext = {
      lang,
      t: (key, vars) => s.messages.t(lang, key, vars),
      path: url.pathname + url.search,
      session: session ? { user: session.user, csrf: session.csrf } : null,
      theme: ((theme) => (isTheme(theme) ? theme : 'auto'))(getCookie(c, THEME_COOKIE)),
    };
    const socket = c.env.incoming.socket;
    c.set('ctx', ctx);
    c.set('session', session);
    c.set('actor', session?.user ?? null);
    c.set('address', socket.remoteAddress ?? 'unknown');
    c.set('secure', s.httpsPublic || ('encrypted' in socket && !!socket.encrypted));
    // A session store that cannot be read (PostgreSQL down) fails the request, after the context the
    // error page is written with.
    if (failure !== undefined) throw failure;
    await next();
  };
}

/** Host of an Origin header, or null when it is not a URL (then it cannot match ours). */
function originHost(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}

/** Pages need a session; /api/* a session or the admin bearer token. */
export function requireStaff(s: WebServices): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const isApi = c.req.path.startsWith('/api/');
    const auth = c.req.header('authorization');
    if (isApi && !c.var.actor && auth && /^Bearer\s+/i.test(auth)) {
      // The token is a password too: wrong ones count towards the sign-in lockout of the address, and a
      // locked-out address cannot use it (else guessing would just move from the form to the API).
      const { address } = c.var;
      const lockout = await s.limiter.check(address);
      if (lockout.blocked) {
        c.header('Retry-After', String(lockout.retryAfterSeconds));
        return sendJson(c, 429, { error: 'too many failed sign-ins or tokens from this address; try again later' });
      }
      if (s.credentials.verifyToken(auth.replace(/^Bearer\s+/i, '').trim())) {
        await s.limiter.succeed(address);
        c.set('actor', 'token');
      } else {
        await s.limiter.fail(address);
        await s.log.audit('token', 'token_failed', null, address);
      }
    }
    if (!c.var.actor) {
      if (isApi) {
        c.header('WWW-Authenticate', 'Bearer');
        return sendJson(c, 401, { error: 'sign in or send Authorization: Bearer <SOGA_ADMIN_TOKEN>' });
      }
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        c.header('Cache-Control', 'no-store');
        return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return fail(c, 403, c.var.ctx.t('web.error.signInFirst'));
    }
    // A cross-site form cannot carry our SameSite=Strict cookie, but an Origin mismatch is refused outright too.
    const origin = c.req.header('origin');
    if (c.req.method === 'POST' && origin && origin !== 'null' && originHost(origin) !== c.req.header('host')) {
      return fail(c, 403, c.var.ctx.t('web.error.csrf'));
    }
    await next();
  };
}

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

export function errorHandler(s: WebServices): ErrorHandler<WebEnv> {
  return async (error, c) => {
    const status = isSogaError(error) ? (STATUS_OF[error.code] ?? 500) : 500;
    if (status === 500) s.report(`admin web: ${c.req.method} ${c.req.path} failed: ${describeError(error)}`);
    const ctx = c.var.ctx;
    const mb = (s.config.SOGA_UPLOAD_MAX_BYTES / 1048576).toFixed(1);
    const message = isSogaError(error)
      ? status === 404
        ? ctx.t('web.error.notFound')
        : `${ctx.t(`web.uploadError.${knownCode(error.code)}`, { mb })} (${error.message})`
      : ctx.t('web.error.internal');
    // The client may still be sending (a 200 MB upload): answer now and close the connection after.
    if (!c.env.incoming.complete) c.header('Connection', 'close');
    if (c.req.path === '/documents' && c.req.method === 'POST' && !wantsJson(c) && c.var.session) {
      try {
        return await renderDocuments(c, s, { status, message });
      } catch (e) {
        s.report(`admin web: documents page failed: ${describeError(e)}`);
      }
    }
    if (wantsJson(c)) return sendJson(c, status, { error: message, code: isSogaError(error) ? error.code : 'INTERNAL' });
    return fail(c, status, message);
  };
}
