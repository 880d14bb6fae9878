/** `{{name}}` placeholders of the prompt files; an unknown name is left as written, so a typo shows in the prompt. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
}

/** English name of a language for prompts ("French"); the code itself when the runtime has no name for it. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** An AbortSignal that fires on the caller's signal or after `ms`. */
export function deadline(ms: number, outer?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([outer, timeout]) : timeout;
}
