/** POST /sign-out ends the session (CSRF-checked, so another site cannot sign staff out). */
import type { Hono } from 'hono';
import { FORM_LIMIT, limitBody, readCheckedForm } from '../web-forms.js';
import { SESSION_COOKIE, type WebEnv, type WebServices } from '../web-env.js';
import { seeOther, writeCookie } from '../web-responses.js';

export function signOutRoutes(app: Hono<WebEnv>, s: WebServices): void {
  app.post('/sign-out', limitBody(FORM_LIMIT), async (c) => {
    const form = await readCheckedForm(c);
    if (form instanceof Response) return form;
    await s.sessions.destroy(c.var.session!.id);
    await s.log.audit(c.var.actor!, 'sign_out');
    writeCookie(c, SESSION_COOKIE, '', 0);
    return seeOther(c, '/sign-in');
  });
}
