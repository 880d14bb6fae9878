#!/usr/bin/env node
// Register a user on the test Synapse through the shared-secret admin API
// (POST /_synapse/admin/v1/register). No npm dependencies.
//
//   node scripts/synapse/register.mjs <user> <password> [--admin]
//     -> prints {"user_id":"@user:localhost","access_token":"...","device_id":"..."}
//
//   import { registerUser } from '../scripts/synapse/register.mjs';
//   const bot = await registerUser({ username: 'bot', password: 'pw' });
//
// Env (CLI defaults and registerUser defaults): SYNAPSE_URL (else
// http://127.0.0.1:$SYNAPSE_PORT, port 8448), SYNAPSE_SHARED_SECRET (soga-test-secret).
import { createHmac } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SHARED_SECRET = 'soga-test-secret';

/** @returns {string} base URL of the test homeserver, from the env or the defaults */
export function defaultBaseUrl() {
  return process.env.SYNAPSE_URL || `http://127.0.0.1:${process.env.SYNAPSE_PORT || 8448}`;
}

/**
 * HMAC-SHA1 (hex) over nonce\0username\0password\0admin|notadmin, keyed with the shared secret.
 * @param {{ sharedSecret: string, nonce: string, username: string, password: string, admin?: boolean }} p
 */
export function registrationMac({ sharedSecret, nonce, username, password, admin = false }) {
  return createHmac('sha1', Buffer.from(sharedSecret, 'utf8'))
    .update([nonce, username, password, admin ? 'admin' : 'notadmin'].join('\0'), 'utf8')
    .digest('hex');
}

/**
 * Register a user with Synapse's shared-secret registration API.
 * Throws an Error (with .status and .errcode, e.g. M_USER_IN_USE) when Synapse refuses.
 * @param {{ baseUrl?: string, sharedSecret?: string, username: string, password: string,
 *           admin?: boolean, displayname?: string }} options
 * @returns {Promise<{ user_id: string, access_token: string, device_id: string }>}
 */
export async function registerUser({ baseUrl = defaultBaseUrl(), sharedSecret = process.env.SYNAPSE_SHARED_SECRET || DEFAULT_SHARED_SECRET, username, password, admin = false, displayname }) {
  if (!username || !password) throw new Error('registerUser: username and password are required');
  const url = `${String(baseUrl).replace(/\/+$/, '')}/_synapse/admin/v1/register`;

  const { nonce } = await call(url, { method: 'GET' });
  const body = {
    nonce,
    username,
    password,
    admin: Boolean(admin),
    mac: registrationMac({ sharedSecret, nonce, username, password, admin }),
  };
  if (displayname !== undefined) body.displayname = displayname;

  const res = await call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { user_id: res.user_id, access_token: res.access_token, device_id: res.device_id };
}

async function call(url, init) {
  let res;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new Error(`${init.method} ${url} failed: ${cause?.cause?.code ?? cause?.message ?? cause}`, { cause });
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  if (!res.ok) {
    const err = new Error(`${init.method} ${url} -> HTTP ${res.status}${json.errcode ? ` ${json.errcode}` : ''}: ${json.error ?? text}`);
    err.status = res.status;
    err.errcode = json.errcode;
    throw err;
  }
  return json;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  const admin = args.includes('--admin');
  const positional = args.filter((a) => a !== '--admin');
  if (positional.length !== 2 || positional.some((a) => a.startsWith('--'))) {
    console.error('usage: node scripts/synapse/register.mjs <user> <password> [--admin]');
    process.exit(2);
  }
  const [username, password] = positional;
  try {
    console.log(JSON.stringify(await registerUser({ username, password, admin })));
  } catch (err) {
    console.error(`register.mjs: ${err.message}`);
    process.exit(1);
  }
}
