// Types for register.mjs, so TypeScript tests (strict, no allowJs) can import it.
export interface RegisteredUser {
  user_id: string;
  access_token: string;
  device_id: string;
}

export interface RegisterUserOptions {
  /** default: $SYNAPSE_URL or http://127.0.0.1:$SYNAPSE_PORT (8448) */
  baseUrl?: string;
  /** default: $SYNAPSE_SHARED_SECRET or 'soga-test-secret' */
  sharedSecret?: string;
  /** localpart, e.g. 'bot' -> @bot:localhost */
  username: string;
  password: string;
  admin?: boolean;
  displayname?: string;
}

/** Error thrown when Synapse refuses (e.g. errcode M_USER_IN_USE) or cannot be reached. */
export interface RegisterError extends Error {
  status?: number;
  errcode?: string;
}

export const DEFAULT_SHARED_SECRET: string;
export function defaultBaseUrl(): string;
export function registrationMac(p: { sharedSecret: string; nonce: string; username: string; password: string; admin?: boolean }): string;
export function registerUser(options: RegisterUserOptions): Promise<RegisteredUser>;
