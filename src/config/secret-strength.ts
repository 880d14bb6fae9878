/**
 * Admin secrets guard the answer log and the corpus, so a guessable one is refused at start-up. The
 * rule is deliberately simple: length, variety, no run or repetition, no common word carrying it.
 */

export const SECRET_FIX = 'use at least 12 characters that are not a word, a run or a repetition, e.g. `openssl rand -base64 18`';

/** Words that make up most guessed passwords; what remains once they are removed must still be long. */
const COMMON = ['password', 'passwort', 'motdepasse', 'admin', 'soga', 'qwerty', 'azerty', 'letmein', 'welcome', 'secret', 'token', 'changeme'];

/** Classes of characters an attacker tries: the pool a brute-force search covers. */
function poolSize(value: string): number {
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(value)) pool += 33;
  return pool;
}

/** Each character one step from the previous (abcd…, 1234…, 9876…), or the same. */
function isRun(value: string): boolean {
  const codes = [...value].map((ch) => ch.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  return steps.size === 1 && Math.abs([...steps][0]) <= 1;
}

/** Why `value` is too weak for an admin secret, or null when it is acceptable. */
export function weakSecretReason(value: string): string | null {
  const chars = [...value];
  if (chars.length < 12) return `it has ${chars.length} characters`;
  if (new Set(chars).size < 6) return 'it repeats too few different characters';
  if (isRun(value)) return 'it is a run of consecutive characters';
  let rest = value.toLowerCase();
  for (const word of COMMON) rest = rest.split(word).join('');
  if (rest.length < value.length && [...rest].length < 8) return 'it is mostly a common word';
  const digitsOnly = value.replace(/[0-9]/g, '').length === 0;
  // 12 digits are only ~40 bits; anything else of 12+ characters from two classes is over 60.
  if (digitsOnly || chars.length * Math.log2(poolSize(value)) < 50) return 'it is too predictable (digits only or a single kind of character)';
  return null;
}
