import http from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { Client, minimalPdf, PASSWORD, startHarness, TOKEN, type Harness } from './web-harness.js';
import type { AdminSessionStore } from '../../../src/core/admin-sessions.js';
import { SogaError } from '../../../src/core/errors.js';
import { MemorySignInLockout } from '../../../src/infra/memory/memory-sign-in-lockout.js';

let h: Harness;
let client: Client;

beforeEach(async () => {
  h = await startHarness();
  client = new Client(h.url);
});
afterEach(async () => {
  await h.stop();
});

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }): { body: Buffer; type: string } {
  const boundary = '----soga' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(name: string, data: Buffer, type = 'application/octet-stream', csrf = client.csrf) {
  const { body, type: contentType } = multipart({ _csrf: csrf }, { name, type, data });
  return client.fetch('/documents', { method: 'POST', body, headers: { 'content-type': contentType } });
}

async function waitForJobs(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await client.fetch('/documents');
    const page = await res.text();
    if (!/data-state="(queued|running)"/.test(page)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('jobs did not finish');
}

describe('without a session nothing is served', () => {
  it('redirects pages to sign-in, answers 401 to the API and 403 to POSTs', async () => {
    for (const p of ['/', '/overview', '/log', '/log/1', '/documents', '/playground', '/log/export?format=csv']) {
      const res = await client.fetch(p);
      expect(res.status, p).toBe(p === '/' ? 303 : 303);
      expect(res.headers.get('location'), p).toMatch(p === '/' ? /^\/(overview|sign-in)/ : /^\/sign-in\?next=/);
    }
    const api = await client.fetch('/api/entries');
    expect(api.status).toBe(401);
    expect(api.headers.get('www-authenticate')).toBe('Bearer');
    expect((await client.postForm('/log/1/review', { status: 'reviewed' })).status).toBe(403);
    expect((await client.postForm('/playground', { question: 'hi' })).status).toBe(403);
    expect((await upload('a.md', Buffer.from('# A\n\ntext'))).status).toBe(403);
    expect((h.corpus as FakeCorpus).uploads).toHaveLength(0);
  });

  it('accepts the admin token on the API only, and refuses a wrong one', async () => {
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'q1' }) });
    const ok = await client.fetch('/api/entries', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { total: number }).total).toBe(1);
    expect((await client.fetch('/api/entries', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await client.fetch('/log', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(303);
  });
});

describe('the admin token is locked out like sign-in', () => {
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('refuses even the right token after ten wrong ones from the same address', async () => {
    for (let i = 0; i < 10; i++) expect((await client.fetch('/api/entries', bearer(`guess-${i}`))).status).toBe(401);
    const locked = await client.fetch('/api/entries', bearer(TOKEN));
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await h.log.listAudit()).filter((a) => a.action === 'token_failed')).toHaveLength(10);
  });

  it('refuses the token from an address locked out of sign-in', async () => {
    for (let i = 0; i < 10; i++) expect((await client.signIn(`wrong-${i}`)).status).toBe(401);
    expect((await client.signIn()).status).toBe(429);
    expect((await client.fetch('/api/entries', bearer(TOKEN))).status).toBe(429);
  });

  it('counts wrong tokens against sign-in too', async () => {
    for (let i = 0; i < 10; i++) await client.fetch('/api/entries', bearer(`guess-${i}`));
    expect((await client.signIn()).status).toBe(429);
  });
});

describe('the language and colour switches', () => {
  it('remembers a known theme only, and goes back only to a local path', async () => {
    await client.signIn();
    const res = await client.fetch('/theme/dark?next=//evil.example/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/overview');
    expect(client.cookies.get('soga_theme')).toBe('dark');
    expect(await (await client.fetch('/log')).text()).toContain('<html lang="en" data-theme="dark">');
    await client.fetch('/theme/pink?next=/log');
    expect(client.cookies.get('soga_theme')).toBe('dark');
    await client.fetch('/theme/auto?next=/log');
    expect(await (await client.fetch('/log')).text()).toContain('<html lang="en">');
  });

  it('goes back only to a clean local path: a header injection in next falls back to the overview', async () => {
    const res = await client.fetch('/lang/fr?next=/%0d%0aX-Injected:%201');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/overview');
    expect(res.headers.get('x-injected')).toBeNull();
    expect(h.reports).toEqual([]);
  });
});

describe('signing in', () => {
  it('refuses a wrong password and a sign-in form without its token', async () => {
    expect((await client.signIn('wrong')).status).toBe(401);
    const res = await client.postForm('/sign-in', { name: 'x', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(client.cookies.has('soga_session')).toBe(false);
  });

  it('sets an HttpOnly SameSite=Strict session cookie and records the sign-in in the audit trail', async () => {
    const page = await client.fetch('/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const res = await client.postForm('/sign-in', { _csrf: token, name: 'Camille', password: PASSWORD, next: '//evil.example/' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/overview');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('soga_session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    expect((await h.log.listAudit()).map((a) => [a.actor, a.action])).toContainEqual(['Camille', 'sign_in']);
    expect((await client.fetch('/log')).status).toBe(200);
  });

  it('marks cookies Secure when the public address is https', async () => {
    await h.stop();
    h = await startHarness({ env: { SOGA_WEB_PUBLIC_URL: 'https://soga.example.org' } });
    client = new Client(h.url);
    const res = await client.fetch('/sign-in');
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('signs out and the old session no longer works', async () => {
    await client.signIn();
    const old = new Map(client.cookies);
    expect((await client.postForm('/sign-out', { _csrf: client.csrf })).status).toBe(303);
    client.cookies = old;
    expect((await client.fetch('/log')).status).toBe(303);
  });
});

describe('a session store that cannot be read', () => {
  it('answers a localised error page with status 500 and reports why, serving nothing protected', async () => {
    await h.stop();
    const down: AdminSessionStore = {
      create: () => Promise.reject(new SogaError('STORE_UNAVAILABLE', 'cannot read the admin session from PostgreSQL')),
      get: () => Promise.reject(new SogaError('STORE_UNAVAILABLE', 'cannot read the admin session from PostgreSQL')),
      destroy: () => Promise.reject(new SogaError('STORE_UNAVAILABLE', 'cannot end the admin session in PostgreSQL')),
    };
    h = await startHarness({ sessions: down });
    client = new Client(h.url);
    const res = await client.fetch('/log', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('The request could not be processed');
    expect(h.reports.join('\n')).toContain('cannot read the admin session from PostgreSQL');
  });
});

describe('CSRF protection', () => {
  it('refuses a POST with a session but without the right token, and changes nothing', async () => {
    const id = await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'q' }) });
    await client.signIn();
    expect((await client.postForm(`/log/${id}/review`, { status: 'reviewed' })).status).toBe(403);
    expect((await client.postForm(`/log/${id}/review`, { status: 'reviewed', _csrf: 'forged' })).status).toBe(403);
    expect((await h.log.get(id))!.reviewStatus).toBe('unreviewed');
    const crossSite = await client.postForm(`/log/${id}/review`, { status: 'reviewed', _csrf: client.csrf }, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await h.log.get(id))!.reviewStatus).toBe('unreviewed');
    const ok = await client.postForm(`/log/${id}/review`, { status: 'flagged', _csrf: client.csrf, corrected: 'Better answer', facts: '14\n2023' });
    expect(ok.status).toBe(303);
    expect(await h.log.get(id)).toMatchObject({ reviewStatus: 'flagged', reviewedBy: 'Camille', correctedAnswer: 'Better answer', correctedFacts: ['14', '2023'] });
  });

  it('refuses an upload with a forged token', async () => {
    await client.signIn();
    expect((await upload('a.md', Buffer.from('# A\n\nbody'), 'text/markdown', 'forged')).status).toBe(403);
    expect((h.corpus as FakeCorpus).uploads).toHaveLength(0);
  });
});

describe('uploads', () => {
  beforeEach(async () => {
    await client.signIn();
  });

  it('refuses a declared 200 MB upload before reading its body', async () => {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const started = Date.now();
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      const req = http.request(`${h.url}/documents`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) },
      });
      let sent = 0;
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode!, sent });
      });
      req.on('error', (e) => (sent > 0 ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, 97);
      req.write(chunk, () => (sent += chunk.length));
      // The rest is never sent: the server must answer without waiting for it.
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThanOrEqual(64 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((h.corpus as FakeCorpus).uploads).toHaveLength(0);
  });

  it('stops a chunked upload as soon as it passes the cap', async () => {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const cap = h.config.SOGA_UPLOAD_MAX_BYTES;
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      const req = http.request(`${h.url}/documents`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
      });
      let sent = 0;
      let done = false;
      req.on('response', (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode!, sent });
      });
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = () => {
        // Up to 200 MB, unless the server answers first.
        if (done || sent >= 200 * 1024 * 1024) return;
        sent += chunk.length;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    });
    expect(result.status).toBe(413);
    // Socket buffers let a little more through before the server's answer arrives, but nowhere near 200 MB.
    expect(result.sent).toBeLessThan(cap * 8);
  });

  it('refuses an HTML file named .pdf, judging by content', async () => {
    const res = await upload('report.pdf', Buffer.from('<!doctype html><html><body><h1>Not a PDF</h1></body></html>'), 'application/pdf');
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('not a PDF');
    expect((h.corpus as FakeCorpus).uploads).toHaveLength(0);
  });

  it('hands the uploaded bytes over intact, boundary-like sequences included', async () => {
    const bytes = Buffer.concat([minimalPdf('Annual report'), Buffer.from([0, 13, 10, 45, 45, 255, 13, 10])]);
    const res = await upload('report.pdf', bytes, 'application/pdf');
    expect(res.status).toBe(303);
    await waitForJobs();
    expect((h.corpus as FakeCorpus).uploads.map((u) => u.size)).toEqual([bytes.length]);
  });

  it('answers 400 to a malformed multipart body and to a missing file', async () => {
    const broken = await client.fetch('/documents', { method: 'POST', body: '--x\r\ngarbage', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(broken.status).toBe(400);
    const { body, type } = multipart({ _csrf: client.csrf }, { name: 'a.md', type: 'text/markdown', data: Buffer.from('# A') });
    const noFile = await client.fetch('/documents', { method: 'POST', body: body.toString('latin1').replace('name="file"', 'name="other"'), headers: { 'content-type': type } });
    expect(noFile.status).toBe(400);
    expect((h.corpus as FakeCorpus).uploads).toHaveLength(0);
  });

  it('accepts a Latin-1 text file, as `soga ingest` does', async () => {
    const res = await upload('ete.txt', Buffer.from("Été à Lyon : la rencontre des acteurs de l'économie sociale et solidaire a lieu en août.", 'latin1'), 'text/plain');
    expect(res.status).toBe(303);
    await waitForJobs();
    expect((h.corpus as FakeCorpus).uploads.map((u) => u.originalName)).toEqual(['ete.txt']);
  });

  it('refuses binary content named .md', async () => {
    const res = await upload('notes.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(res.status).toBe(415);
  });

  it('stores ../../x.pdf under a safe name, never as a path', async () => {
    const res = await upload('../../x.pdf', minimalPdf('Annual report of the accelerator'), 'application/pdf');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/documents\?job=[0-9a-f-]{36}$/);
    await waitForJobs();
    expect((h.corpus as FakeCorpus).uploads.map((u) => u.originalName)).toEqual(['x.pdf']);
    expect(existsSync(path.join(h.dir, '..', 'x.pdf'))).toBe(false);
    expect(existsSync(path.join(h.dir, 'data', '..', '..', 'x.pdf'))).toBe(false);
    expect(readdirSync(h.dir)).toEqual(['data']);
    const docs = (await (await client.fetch('/api/documents')).json()) as { source: string }[];
    expect(docs).toHaveLength(1);
    expect(docs[0].source).not.toContain('..');
  });

  it('ingests a Markdown upload in the background and reports progress through the job API', async () => {
    (h.corpus as FakeCorpus).delayMs = 300;
    const { body, type } = multipart({ _csrf: client.csrf }, { name: 'faq.md', type: 'text/markdown', data: Buffer.from('# Member FAQ\n\nThe hackathon takes place in Lyon.') });
    const res = await client.fetch('/documents', { method: 'POST', body, headers: { 'content-type': type, accept: 'application/json' } });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    const running = (await (await client.fetch(`/api/jobs/${job.id}`)).json()) as { state: string };
    expect(['queued', 'running']).toContain(running.state);
    await new Promise((r) => setTimeout(r, 500));
    const done = (await (await client.fetch(`/api/jobs/${job.id}`)).json()) as { state: string; change: { added: string[] } };
    expect(done.state).toBe('done');
    expect(done.change.added).toEqual(['member-faq']);
  });

  it('hands the link typed beside the file to the corpus with the upload', async () => {
    const { body, type } = multipart(
      { _csrf: client.csrf, url: ' https://example.org/member-faq ' },
      { name: 'faq.md', type: 'text/markdown', data: Buffer.from('# Member FAQ\n\nThe hackathon takes place in Lyon.') },
    );
    expect((await client.fetch('/documents', { method: 'POST', body, headers: { 'content-type': type, accept: 'application/json' } })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect((h.corpus as FakeCorpus).uploads.at(-1)).toMatchObject({ originalName: 'faq.md', url: 'https://example.org/member-faq' });
  });
});

describe('pages are escaped and locked down', () => {
  beforeEach(async () => {
    await client.signIn();
  });

  it('says on the entry page when the answer came from an index behind the documents, and not otherwise', async () => {
    const behind = await h.log.record({ surface: 'matrix', answer: makeAnswer({ question: 'Who hosts the spring meetup?' }), freshness: { index: 4, store: 6 } });
    const current = await h.log.record({ surface: 'matrix', answer: makeAnswer({ question: 'Who hosts the autumn meetup?' }), freshness: { index: 6, store: 6 } });
    const unknown = await h.log.record({ surface: 'matrix', answer: makeAnswer({ question: 'Who hosts the winter meetup?' }) });
    expect(await (await client.fetch(`/log/${behind}?lang=en`)).text()).toMatch(/id="index-behind">Answered from an index behind the documents \(change 4 of 6\)/);
    for (const id of [current, unknown]) expect(await (await client.fetch(`/log/${id}?lang=en`)).text()).not.toContain('index-behind');
  });

  it('renders a hostile question as text and sends a CSP without inline scripts', async () => {
    const id = await h.log.record({ surface: 'discord', answer: makeAnswer({ question: '<img src=x onerror=alert(1)>' }) });
    for (const p of ['/log', `/log/${id}`]) {
      const res = await client.fetch(p);
      const page = await res.text();
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page).not.toContain('<img src=x');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(page).not.toMatch(/ style=/);
    }
    expect((await h.log.listAudit()).map((a) => a.action)).toContain('view_entry');
  });

  it('links a citation’s title to its article on the answer page, and never a script address', async () => {
    const cite = (n: number, title: string, url: string) => ({ n, chunkId: `d${n}#0`, docId: `d${n}`, title, source: `d${n}.md`, url, quote: 'q', date: null, lang: 'fr', score: 0.5 });
    const answer = makeAnswer({ outcome: 'answered', text: 'Yes [1][2].', citations: [cite(1, 'Repair café', 'https://example.org/repair'), cite(2, 'Planted', 'javascript:alert(1)')] });
    const page = await (await client.fetch(`/log/${await h.log.record({ surface: 'web', answer })}`)).text();
    expect(page).toContain('<a href="https://example.org/repair">Repair café</a>');
    expect(page).not.toContain('javascript:');
  });

  it('filters the log from the query string', async () => {
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'refused one', language: 'fr' }) });
    await h.log.record({ surface: 'matrix', answer: makeAnswer({ question: 'answered one', outcome: 'answered' }) });
    const page = await (await client.fetch('/log?refused=1')).text();
    expect(page).toContain('refused one');
    expect(page).not.toContain('answered one');
    const json = (await (await client.fetch('/api/entries?surface=matrix')).json()) as { items: { question: string }[] };
    expect(json.items.map((e: { question: string }) => e.question)).toEqual(['answered one']);
  });

  it('draws the overview chart as inline SVG from the server', async () => {
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'a' }) });
    const page = await (await client.fetch('/overview')).text();
    expect(page).toMatch(/<svg class="chart"[^>]*>/);
    expect(page).toMatch(/<rect class="bar-refused"/);
    expect(page).toContain('id="stat-refused">100%');
  });

  it('shows the weekly quality trend and which documents answers cite or never cite', async () => {
    const corpus = h.corpus as FakeCorpus;
    const [cited] = (await corpus.addFile('summit.md', Buffer.from('# Strasbourg summit\n\nPeople from 14 countries came.'))).added;
    await corpus.addFile('garden.md', Buffer.from('# Community garden\n\nThe garden opened in Rennes.'));
    const citation = { n: 1, chunkId: `${cited}#0`, docId: cited, title: 'Strasbourg summit', source: 'summit.md', quote: '14 countries', date: null, lang: 'en', score: 0.9 };
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'How many countries?', outcome: 'answered', citations: [citation] }) });
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'Who came?', outcome: 'answered', citations: [citation, { ...citation, n: 2, chunkId: `${cited}#1` }] }) });
    const page = await (await client.fetch('/overview')).text();
    expect(page).toMatch(/<polyline class="line-refused"/);
    expect(page).toMatch(/<polyline class="line-down"/);
    expect(page).toMatch(/id="most-cited"><li>Strasbourg summit <span class="hint">cited by 2 answers<\/span>/);
    expect(page).toMatch(/id="never-cited"><li>Community garden /);
    expect(page).not.toMatch(/id="never-cited">.*Strasbourg summit/s);
  });

  it('searches documents by title, file or language, accents ignored, and shows how often answers cited each', async () => {
    const corpus = h.corpus as FakeCorpus;
    const [summit] = (await corpus.addFile('summit.md', Buffer.from('# Sommet de Strasbourg\n\nLes participants venaient de 14 pays et la rencontre a eu lieu en mai.'))).added;
    await corpus.addFile('garden.md', Buffer.from('# Community garden\n\nThe garden opened in Rennes and the harvest is shared.'));
    const citation = { n: 1, chunkId: `${summit}#0`, docId: summit, title: 'Sommet de Strasbourg', source: 'summit.md', quote: '14 pays', date: null, lang: 'fr', score: 0.9 };
    await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'Combien de pays ?', outcome: 'answered', citations: [citation] }) });
    const rows = async (q: string) => {
      const page = await (await client.fetch(`/documents?q=${encodeURIComponent(q)}`)).text();
      return [...page.matchAll(/<tr class="document" data-id="([^"]+)">.*?<td class="cited"[^>]*>(\d+)<\/td>/gs)].map((m) => [m[1], Number(m[2])]);
    };
    expect(await rows('STRASBOURG')).toEqual([[summit, 1]]);
    expect(await rows('french sommet')).toEqual([[summit, 1]]);
    expect((await rows('garden english')).map(([, n]) => n)).toEqual([0]);
    expect(await rows('lyon')).toEqual([]);
    expect(await rows('')).toHaveLength(2);
    expect(await (await client.fetch('/documents?q=lyon')).text()).toContain('0 of 2 documents match');
  });

  it('speaks French when the browser asks for it, and follows the switch', async () => {
    const fr = await (await client.fetch('/log', { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } })).text();
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Journal des réponses');
    await client.fetch('/lang/en?next=/log');
    const en = await (await client.fetch('/log', { headers: { 'accept-language': 'fr' } })).text();
    expect(en).toContain('Answer log');
  });

  it('logs playground questions with surface web', async () => {
    const res = await client.postForm('/playground', { _csrf: client.csrf, question: 'Where is the hackathon?', locale: 'en' });
    expect(res.status).toBe(200);
    const entries = await h.log.list({ surface: 'web' });
    expect(entries.items.map((e) => e.question)).toEqual(['Where is the hackathon?']);
    expect(await res.text()).toContain(`/log/${entries.items[0].id}`);
  });

  it('exports CSV and corrected answers as eval questions', async () => {
    const id = await h.log.record({ surface: 'discord', answer: makeAnswer({ question: 'How many countries?' }) });
    await h.log.review(id, { status: 'reviewed', by: 'x', correctedAnswer: '14 countries', correctedFacts: ['14'] });
    const csv = await client.fetch('/log/export?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('How many countries?');
    const evalRes = await client.fetch('/log/export?format=eval');
    expect(JSON.parse((await evalRes.text()).trim())).toEqual({ id: `log-${id}`, lang: 'en', q: 'How many countries?', evidence: [], facts: ['14'], answerable: true });
  });
});

describe('starting the web', () => {
  it('refuses to start without an admin secret or without a usable answer log', async () => {
    const { startWeb } = await import('../../../src/adapters/web/start-web.js');
    const { loadMessages } = await import('../../../src/infra/prompt-files.js');
    const messages = await loadMessages('prompts');
    await expect(
      startWeb({
        config: { ...h.config, SOGA_ADMIN_PASSWORD: undefined, SOGA_ADMIN_TOKEN: undefined },
        assistant: h.assistant,
        corpus: h.corpus,
        log: h.log,
        messages,
        sessions: h.sessions,
        signInLockout: new MemorySignInLockout(),
      }),
    ).rejects.toThrow(/SOGA_ADMIN_PASSWORD/);
    await expect(startWeb({ config: h.config, assistant: h.assistant, corpus: h.corpus, log: null, messages, sessions: h.sessions, signInLockout: new MemorySignInLockout() })).rejects.toThrow(
      /answer log/,
    );
  });

  it('serves the static files to anyone (HEAD too) with the security headers, and 404s unknown routes by kind', async () => {
    const head = await client.fetch('/static/app.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/text\/css/);
    expect(head.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await head.text()).toBe('');
    const api = await client.fetch('/api/nothing-here', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    await client.signIn();
    const page = await client.fetch('/nothing-here');
    expect(page.status).toBe(404);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('<html lang="en"');
  });

  it('answers 404 for a missing entry once signed in', async () => {
    await client.signIn();
    expect((await client.fetch('/log/424242')).status).toBe(404);
    expect((await client.fetch('/api/entries/424242')).status).toBe(404);
  });
});
