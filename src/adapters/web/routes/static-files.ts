/** GET /static/app.css and /static/app.js: the only CSS and JS (the CSP forbids inline code), read once at start. */
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { WebEnv } from '../web-env.js';

const FILES = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
} as const;

export function staticRoutes(app: Hono<WebEnv>): void {
  for (const [name, type] of Object.entries(FILES)) {
    const body = readFileSync(new URL(`../static/${name}`, import.meta.url));
    app.get(`/static/${name}`, (c) => c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }));
  }
  app.get('/favicon.ico', (c) => c.body(null, 204));
}
