/** GET /sign-in shows the form; POST /sign-in checks the password (or token) under the per-address lockout. */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { sameToken } from '../admin-auth.js';
import { signInPage } from '../pages/sign-in.js';
import { FORM_LIMIT, limitBody, readForm } from '../web-forms.js';
import { SESSION_COOKIE, SIGN_IN_COOKIE, type WebEnv, type WebServices } from '../web-env.js';
import { fail, safeLocalPath, seeOther, sendPage, writeCookie, type WebContext } from '../web-responses.js';

function signInForm(c: WebContext, options: { error?: string; status?: number; name?: string } = {}): Response {
  const formToken = randomBytes(24).toString('base64url');
  // Before a session exists, CSRF is a double-submit: the form's token must match this cookie.
  writeCookie(c, SIGN_IN_COOKIE, formToken, 3600);
  const next = safeLocalPath(c.req.query('next'), '/overview');
  return sendPage(c, options.status ?? 200, signInPage(c.var.ctx, { formToken, next, error: options.error, name: options.name }));
}

export function signInRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.get('/sign-in', (c) => (c.var.session ? seeOther(c, safeLocalPath(c.req.query('next'), '/overview')) : signInForm(c)));

  app.post('/sign-in', limitBody(FORM_LIMIT), async (c) => {
    const form = await readForm(c);
    if (!sameToken(form.get('_csrf') ?? undefined, getCookie(c, SIGN_IN_COOKIE))) return fail(c, 403, c.var.ctx.t('web.error.csrf'));
    const { address } = c.var;
    const name =
      (form.get('name') ?? '')
        .trim()
        .replace(/[\p{Cc}]/gu, '')
        .slice(0, 40) || 'admin';
    if ((await s.limiter.check(address)).blocked) return signInForm(c, { error: c.var.ctx.t('web.signIn.tooMany'), status: 429, name });
    if (!s.credentials.verify(form.get('password') ?? '')) {
      await s.limiter.fail(address);
      await s.log.audit(name, 'sign_in_failed', null, address);
      return signInForm(c, { error: c.var.ctx.t('web.signIn.wrong'), status: 401, name });
    }
    await s.limiter.succeed(address);
    const session = await s.sessions.create(name);
    await s.log.audit(name, 'sign_in', null, address);
    writeCookie(c, SESSION_COOKIE, session.id, s.config.SOGA_WEB_SESSION_HOURS * 3600);
    writeCookie(c, SIGN_IN_COOKIE, '', 0);
    return seeOther(c, safeLocalPath(form.get('next'), '/overview'));
  });
}
