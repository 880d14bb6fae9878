/** The admin pages' language: the switch (a cookie) wins, then Accept-Language, then the default. */
export const WEB_LANGUAGES = ['en', 'fr'] as const;
export type WebLanguage = (typeof WEB_LANGUAGES)[number];

export function isWebLanguage(value: string | undefined | null): value is WebLanguage {
  return !!value && (WEB_LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(cookie: string | undefined, acceptLanguage: string | undefined, fallback: string): WebLanguage {
  if (isWebLanguage(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: (tag ?? '').trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.lang && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) if (isWebLanguage(lang)) return lang;
  return isWebLanguage(fallback) ? fallback : 'en';
}
