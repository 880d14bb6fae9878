/** GET /lang/:lang?next=… sets the admin pages' language (a cookie) and goes back to a local page. */
import type { Hono } from 'hono';
import { isWebLanguage } from '../web-locale.js';
import { LANG_COOKIE, type WebEnv } from '../web-env.js';
import { safeLocalPath, seeOther, writeCookie } from '../web-responses.js';

export function langRoutes(app: Hono<WebEnv>): void {
  app.get('/lang/:lang{[a-z]{2}}', (c) => {
    const lang = c.req.param('lang');
    if (isWebLanguage(lang)) writeCookie(c, LANG_COOKIE, lang, 365 * 24 * 3600);
    return seeOther(c, safeLocalPath(c.req.query('next'), '/overview'));
  });
}
