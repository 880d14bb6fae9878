import { describe, expect, it } from 'vitest';
import { AdminCredentials, hashAdminPassword } from '../../../src/adapters/web/admin-auth.js';
import { html } from '../../../src/adapters/web/html.js';
import { fillDays, weeklyShares } from '../../../src/adapters/web/svg-chart.js';
import { checkUploadContent, safeUploadName } from '../../../src/adapters/web/upload-check.js';
import { extractText, kindOf } from '../../../ingest/load.js';
import { pickLanguage } from '../../../src/adapters/web/web-locale.js';
import { safeLocalPath } from '../../../src/adapters/web/web-responses.js';

describe('upload names and content', () => {
  it.each([
    ['../../x.pdf', 'x.pdf'],
    ['..\\..\\windows\\evil.md', 'evil.md'],
    ['/etc/passwd', 'passwd'],
    ['..', 'upload'],
    ['.htaccess', 'htaccess'],
    ['rapport\u0000annuel.PDF', 'rapportannuel.pdf'],
    ['<script>.md', '_script_.md'],
    ['Été 2025.md', 'Été 2025.md'],
  ])('reduces %j to the harmless label %j', (input, expected) => {
    expect(safeUploadName(input)).toBe(expected);
  });

  it('refuses HTML named .pdf, binary named .md, unknown types and empty files; accepts real ones', async () => {
    await expect(checkUploadContent('a.pdf', Buffer.from('<html><body>hi</body></html>'))).rejects.toThrow(/not a PDF/);
    await expect(checkUploadContent('a.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toThrow(/binary/);
    await expect(checkUploadContent('a.exe', Buffer.from('MZ'))).rejects.toThrow(/only/);
    await expect(checkUploadContent('a.md', Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(checkUploadContent('a.pdf', Buffer.from('%PDF-1.4\n…'))).resolves.toBeUndefined();
    await expect(checkUploadContent('a.html', Buffer.from('<h1>Été</h1>'))).resolves.toBeUndefined();
  });
});

describe('the upload check follows the loader', () => {
  const samples: [string, Buffer][] = [
    ['latin1.txt', Buffer.from("Été à Lyon, août 2025 : la fête de l'économie sociale.", 'latin1')],
    ['utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Été\n\nLa rencontre a lieu à Lyon.', 'utf16le')])],
    ['utf8.html', Buffer.from('<h1>Été</h1><p>à Lyon</p>')],
    ['image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
  ];

  it.each(samples)('accepts %s exactly when `soga ingest` would', async (name, bytes) => {
    const loader = await extractText(bytes, kindOf(name)!, name).then(
      () => 'accepted',
      (e: unknown) => (e as { code: string }).code,
    );
    const upload = await checkUploadContent(name, bytes).then(
      () => 'accepted',
      (e: unknown) => (e as { code: string }).code,
    );
    expect(upload).toBe(loader);
  });

  it('accepts Latin-1 and UTF-16 text (the loader reads them)', async () => {
    await expect(checkUploadContent('latin1.txt', samples[0][1])).resolves.toBeUndefined();
    await expect(checkUploadContent('utf16.md', samples[1][1])).resolves.toBeUndefined();
  });
});

describe('escaping', () => {
  it('escapes interpolated values, including inside attributes, but not nested safe HTML', () => {
    const q = `<img src=x onerror=alert(1)> "'&`;
    expect(html`<p title="${q}">${q}</p>`.value).toBe('<p title="&lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt; &quot;&#39;&amp;</p>');
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('only redirects to local paths', () => {
    expect(safeLocalPath('/log?x=1')).toBe('/log?x=1');
    expect(safeLocalPath('//evil.example')).toBe('/');
    expect(safeLocalPath('/\\evil.example')).toBe('/');
    expect(safeLocalPath('https://evil.example')).toBe('/');
    expect(safeLocalPath('/\r\nSet-Cookie: x=1')).toBe('/');
    expect(safeLocalPath('/log\u0000')).toBe('/');
  });
});

describe('admin credentials', () => {
  it('accepts the password, a stored hash of it, and the token, and nothing else', () => {
    const creds = new AdminCredentials({ password: 'pa55word!', token: 'tok-123' });
    expect(creds.verify('pa55word!')).toBe(true);
    expect(creds.verify('tok-123')).toBe(true);
    expect(creds.verify('pa55word')).toBe(false);
    expect(creds.verifyPassword('tok-123')).toBe(false);
    expect(creds.verify('')).toBe(false);
    expect(creds.verifyToken('pa55word!')).toBe(false);
    const hashed = new AdminCredentials({ passwordHash: hashAdminPassword('s3cret') });
    expect(hashed.verify('s3cret')).toBe(true);
    expect(hashed.verify('S3cret')).toBe(false);
    expect(() => new AdminCredentials({})).toThrow(/SOGA_ADMIN_PASSWORD/);
    expect(() => new AdminCredentials({ passwordHash: 'md5$abc' })).toThrow(/scrypt/);
  });
});

describe('interface language', () => {
  it('prefers the switch, then the best supported Accept-Language, then the default', () => {
    expect(pickLanguage('fr', 'en', 'en')).toBe('fr');
    expect(pickLanguage(undefined, 'de-DE,fr;q=0.8,en;q=0.5', 'en')).toBe('fr');
    expect(pickLanguage(undefined, 'en;q=0.2,fr;q=0.9', 'en')).toBe('fr');
    expect(pickLanguage(undefined, 'de', 'fr')).toBe('fr');
    expect(pickLanguage('xx', undefined, 'de')).toBe('en');
  });
});

describe('weekly quality', () => {
  it('groups days into weeks starting on Monday with the shares refused and rated down, empty weeks marked', () => {
    const days = fillDays(
      [
        { day: '2026-11-29', questions: 2, refused: 1, thumbsDown: 0 }, // a Sunday: the week of Monday 23
        { day: '2026-11-30', questions: 3, refused: 0, thumbsDown: 1 }, // Monday
        { day: '2026-12-06', questions: 1, refused: 1, thumbsDown: 1 }, // Sunday of the same week
      ],
      '2026-11-29',
      '2026-12-14',
    );
    expect(weeklyShares(days)).toEqual([
      { week: '2026-11-23', questions: 2, refused: 0.5, thumbsDown: 0 },
      { week: '2026-11-30', questions: 4, refused: 0.25, thumbsDown: 0.5 },
      { week: '2026-12-07', questions: 0, refused: null, thumbsDown: null },
      { week: '2026-12-14', questions: 0, refused: null, thumbsDown: null },
    ]);
  });
});

describe('chart days', () => {
  it('fills the days without questions so gaps show', () => {
    const days = fillDays([{ day: '2025-01-02', questions: 3, refused: 1, thumbsDown: 0 }], '2025-01-01', '2025-01-03');
    expect(days.map((d) => [d.day, d.questions])).toEqual([
      ['2025-01-01', 0],
      ['2025-01-02', 3],
      ['2025-01-03', 0],
    ]);
  });
});
