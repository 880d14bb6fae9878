/**
 * One error type for failures (not for expected outcomes, which are values). The `code` is stable so
 * adapters can map it to a localised message and tests can assert on it.
 */
export type SogaErrorCode =
  | 'CONFIG_INVALID'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UNREADABLE_FILE'
  | 'INVALID_PDF'
  | 'ENCRYPTED_PDF'
  | 'BINARY_CONTENT'
  | 'FILE_TOO_LARGE'
  | 'FILE_TOO_COMPLEX'
  | 'EMPTY_DOCUMENT'
  | 'STORE_UNAVAILABLE'
  | 'STORE_WRITE_FAILED'
  | 'DISK_FULL'
  | 'EMBEDDING_FAILED'
  | 'EMBEDDING_DIMENSION_MISMATCH'
  | 'DICTIONARY_UNREADABLE'
  | 'LLM_FAILED'
  | 'LLM_TIMEOUT'
  | 'EVAL_FILE_INVALID'
  | 'SOURCES_FILE_INVALID'
  | 'INVALID_URL'
  | 'NOT_FOUND'
  | 'LOG_KEY_MISMATCH';

export class SogaError extends Error {
  readonly code: SogaErrorCode;
  /** What the person running the command can do about it. */
  readonly hint?: string;

  constructor(code: SogaErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SogaError';
    this.code = code;
    this.hint = options?.hint;
  }
}

export function isSogaError(error: unknown, code?: SogaErrorCode): error is SogaError {
  return error instanceof SogaError && (code === undefined || error.code === code);
}

/** Message of any thrown value, with its cause chain, for logs. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return describeValue(error);
  const parts = [error.message];
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
    parts.push(cause.message);
    cause = (cause as { cause?: unknown }).cause;
  }
  const hint = error instanceof SogaError && error.hint ? ` (${error.hint})` : '';
  return parts.join(': ') + hint;
}

/**
 * A thrown or logged value that is not an Error: SDKs log and reject with plain objects (matrix-bot-sdk's
 * `{ errcode, error }` bodies, HTTP responses), which String() turns into "[object Object]".
 */
function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  const body = typeof o.body === 'object' && o.body !== null ? (o.body as Record<string, unknown>) : o;
  const status = o.statusCode ?? o.status;
  const code = body.errcode ?? body.code;
  const text = body.error ?? body.message ?? o.message;
  const parts = [typeof status === 'number' ? `HTTP ${status}` : '', typeof code === 'string' ? code : '', typeof text === 'string' ? text : ''].filter(Boolean);
  if (parts.length) return parts.join(' ');
  try {
    const json = JSON.stringify(value);
    return json.length > 500 ? `${json.slice(0, 500)}…` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
