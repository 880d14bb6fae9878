/**
 * One redaction for everything that reaches stderr or a log: a server that echoes its request (an LLM
 * endpoint, a homeserver) must not print the API key or access token it was sent. Configured secrets
 * are replaced wherever they appear; credential-shaped values are replaced even when nobody configured
 * them (a token in an error body that the program never saw).
 */
const MARK = '[redacted]';

/** Values of credential fields in JSON, query strings and headers: `"access_token": "…"`, `api_key=…`. */
const FIELD = /(["']?\b(?:access_token|refresh_token|api[_-]?key|apikey|token|password|secret|client_secret|authorization|x-api-key)\b["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"'&,;}]{4,}/gi;
/** `Authorization: Bearer …` and bare bearer tokens. */
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
/** Key formats that are secret by shape: OpenAI/Mistral-style `sk-…`, Synapse `syt_…`, Discord bot tokens. */
const SHAPED = /\b(?:sk-[A-Za-z0-9_-]{16,}|syt_[A-Za-z0-9_]{10,}|[MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,})/g;

/** Shorter values are too likely to occur in ordinary text ("a", "test") to be replaced everywhere. */
const MIN_SECRET_LENGTH = 6;

export type Redactor = (text: string) => string;

export function createRedactor(secrets: readonly (string | undefined | null)[] = []): Redactor {
  // Longest first: a secret that contains another is replaced whole.
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join(MARK);
    return out.replace(FIELD, `$1${MARK}`).replace(BEARER, `$1 ${MARK}`).replace(SHAPED, MARK);
  };
}

/** With no configured secret: only the credential-shaped values. */
export const redactCredentials: Redactor = createRedactor();
