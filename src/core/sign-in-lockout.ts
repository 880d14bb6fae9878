/**
 * Failed sign-ins (and failed bearer tokens) per client address on the admin web: after a few within
 * a window the address is locked out until the window ends. A port, because with several replicas
 * behind a load balancer one count for all (PostgreSQL) is what makes the limit a limit: counted per
 * process, N replicas would give a guesser N times the tries.
 */

export interface SignInLockoutState {
  blocked: boolean;
  /** Seconds until the address may try again (for Retry-After); 0 when it is not blocked. */
  retryAfterSeconds: number;
}

export interface SignInLockout {
  check(address: string): Promise<SignInLockoutState>;
  /** Counts a failure; the window starts at the first failure after the last one expired. */
  fail(address: string): Promise<void>;
  /** A success clears the address's failures. */
  succeed(address: string): Promise<void>;
}

/** Ten failures per address in fifteen minutes. */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
