/**
 * GET /lang/:lang?next=… sets the admin pages' language, GET /theme/:theme?next=… their colours (auto,
 * light, dark); both are cookies, and both go back to a local page.
 */
import type { Hono } from 'hono';
import { isWebLanguage } from '../web-locale.js';
import { isTheme } from '../pages/page-context.js';
import { LANG_COOKIE, THEME_COOKIE, type WebEnv } from '../web-env.js';
import { safeLocalPath, seeOther, writeCookie } from '../web-responses.js';

export function langRoutes(app: Hono<WebEnv>): void {
  app.get('/lang/:lang{[a-z]{2}}', (c) => {
    const lang = c.req.param('lang');
    if (isWebLanguage(lang)) writeCookie(c, LANG_COOKIE, lang, 365 * 24 * 3600);
    return seeOther(c, safeLocalPath(c.req.query('next'), '/overview'));
  });

  app.get('/theme/:theme{[a-z]{3,5}}', (c) => {
    const theme = c.req.param('theme');
    if (isTheme(theme)) writeCookie(c, THEME_COOKIE, theme, 365 * 24 * 3600);
    return seeOther(c, safeLocalPath(c.req.query('next'), '/overview'));
  });
}
