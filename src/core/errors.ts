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
  | 'NOT_FOUND';

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
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
    parts.push(cause.message);
    cause = (cause as { cause?: unknown }).cause;
  }
  const hint = error instanceof SogaError && error.hint ? ` (${error.hint})` : '';
  return parts.join(': ') + hint;
}
