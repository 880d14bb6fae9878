/**
 * Localised strings. Catalogs live in prompts/locales/<lang>.json (staff can edit them without a
 * developer); English is the fallback for a missing language or key.
 */
export type Catalog = Record<string, string>;
export type Catalogs = Record<string, Catalog>;

export class Messages {
  constructor(
    private readonly catalogs: Catalogs,
    private readonly fallback = 'en',
  ) {}

  languages(): string[] {
    return Object.keys(this.catalogs);
  }

  has(lang: string): boolean {
    return lang in this.catalogs;
  }

  /** `t('fr', 'tooLong', { max: 1000 })` → the French text with {max} filled in. */
  t(lang: string, key: string, vars: Record<string, string | number> = {}): string {
    const text = this.catalogs[lang]?.[key] ?? this.catalogs[this.fallback]?.[key];
    if (text === undefined) throw new Error(`missing message "${key}" in the ${this.fallback} catalog`);
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  }
}
