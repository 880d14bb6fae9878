/**
 * Reading POST bodies within limits, and the CSRF check every staff POST passes. Bodies are bounded by
 * Hono's bodyLimit: a declared Content-Length over the limit is refused before any byte is read, a
 * chunked body as soon as it passes the limit, so a 200 MB upload never sits in memory.
 */
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { SogaError } from '../../core/errors.js';
import { sameToken } from './admin-auth.js';
import { fail, type WebContext } from './web-responses.js';
import type { WebEnv } from './web-env.js';

/** Sign-in, review and playground forms. */
export const FORM_LIMIT = 256 * 1024;
/** Room for the multipart boundaries and the CSRF field around an uploaded file. */
export const MULTIPART_OVERHEAD = 64 * 1024;

export function limitBody(maxBytes: number): MiddlewareHandler<WebEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new SogaError('FILE_TOO_LARGE', `request body is over the ${maxBytes}-byte limit`);
    },
  });
}

export async function readForm(c: WebContext): Promise<URLSearchParams> {
  return new URLSearchParams(await c.req.text());
}

/** The session's CSRF token, from the form or the X-CSRF-Token header (scripts of app.js). */
export function csrfOk(c: WebContext, fromForm: string | null | undefined): boolean {
  const token = fromForm ?? c.req.header('x-csrf-token');
  return !!c.var.session && sameToken(token ?? undefined, c.var.session.csrf);
}

/** The form, or a 403 response when its CSRF token is not the session's. */
export async function readCheckedForm(c: WebContext): Promise<URLSearchParams | Response> {
  const form = await readForm(c);
  if (!csrfOk(c, form.get('_csrf'))) return fail(c, 403, c.var.ctx.t('web.error.csrf'));
  return form;
}
