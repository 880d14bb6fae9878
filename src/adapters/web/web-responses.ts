/**
 * How routes answer: escaped HTML pages, JSON, 303 redirects and errors, each with `Cache-Control:
 * no-store` (pages show log entries and must not stay in a shared cache), and cookies written one way
 * (HttpOnly, SameSite=Strict, Secure on https).
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SafeHtml } from './html.js';
import { errorPage } from './pages/layout.js';
import type { WebEnv } from './web-env.js';

export type WebContext = Context<WebEnv>;

export function sendPage(c: WebContext, status: number, page: SafeHtml): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>\n${page.value}`, status as ContentfulStatusCode);
}

export function sendJson(c: WebContext, status: number, value: unknown): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(value, status as ContentfulStatusCode);
}

export function seeOther(c: WebContext, location: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.redirect(location, 303);
}

/** An error for the caller: JSON on /api/*, otherwise the error page in the staff member's language. */
export function fail(c: WebContext, status: number, message: string): Response {
  if (c.req.path.startsWith('/api/')) return sendJson(c, status, { error: message });
  return sendPage(c, status, errorPage(c.var.ctx, status, message));
}

export function writeCookie(c: WebContext, name: string, value: string, maxAgeSeconds?: number): void {
  setCookie(c, name, value, { path: '/', httpOnly: true, sameSite: 'Strict', secure: c.var.secure, maxAge: maxAgeSeconds });
}

export function wantsJson(c: WebContext): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/**
 * Only same-site paths: `next=//evil.example` or `next=https://…` must not send staff elsewhere, and a
 * control character (`next=/%0d%0a…`) would be a header injection that the Location header refuses.
 */
export function safeLocalPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/\p{Cc}/u.test(value)) return fallback;
  return value;
}
