/**
 * Loads matrix-bot-sdk whether or not its end-to-end-encryption native module is usable.
 *
 * matrix-bot-sdk `require`s @matrix-org/matrix-sdk-crypto-nodejs at load time, even for bots that never
 * encrypt, and that package only works once its postinstall has downloaded a native binary from GitHub.
 * Without it the whole SDK fails to load. So we try the real module first; when it is missing we put a
 * stub in Node's module cache under its resolved path, so the SDK loads and serves unencrypted rooms, and
 * anything that really needs crypto fails loudly through the stub.
 */
import { createRequire } from 'node:module';
import { SogaError, describeError } from '../../core/errors.js';

type BotSdk = typeof import('matrix-bot-sdk');

export interface LoadedSdk {
  sdk: BotSdk;
  /** True when the real native crypto module loaded; encryption can be enabled. */
  cryptoAvailable: boolean;
  /** Why the crypto module could not be loaded, for the error shown when encryption is asked for. */
  cryptoError?: string;
}

const CRYPTO_PACKAGE = '@matrix-org/matrix-sdk-crypto-nodejs';

let loaded: LoadedSdk | undefined;

export function loadMatrixSdk(): LoadedSdk {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // Resolve from the SDK's own location: that is the copy it will require.
  const sdkRequire = createRequire(require.resolve('matrix-bot-sdk'));
  let cryptoAvailable = false;
  let cryptoError: string | undefined;
  let cryptoPath: string | undefined;
  try {
    cryptoPath = sdkRequire.resolve(CRYPTO_PACKAGE);
    sdkRequire(CRYPTO_PACKAGE);
    cryptoAvailable = true;
  } catch (error) {
    cryptoError = describeError(error).split('\n')[0];
  }
  if (!cryptoAvailable && cryptoPath !== undefined) {
    const stub = new Proxy(
      {},
      {
        get(_target, name) {
          if (name === '__esModule' || typeof name === 'symbol' || name === 'then') return undefined;
          // Enums (StoreType, RequestType...) are read at call time only; any use means crypto was needed.
          throw missingCryptoError(cryptoError, `${String(name)} was used`);
        },
      },
    );
    require.cache[cryptoPath] = {
      id: cryptoPath,
      filename: cryptoPath,
      loaded: true,
      exports: stub,
      children: [],
      paths: [],
      path: cryptoPath,
    } as unknown as NodeJS.Module;
  }
  const sdk = sdkRequire('matrix-bot-sdk') as BotSdk;
  loaded = { sdk, cryptoAvailable, cryptoError };
  return loaded;
}

export function missingCryptoError(reason: string | undefined, detail?: string): SogaError {
  return new SogaError(
    'CONFIG_INVALID',
    `MATRIX_ENCRYPTION=true needs the native module ${CRYPTO_PACKAGE}, which could not be loaded` + `${reason ? ` (${reason})` : ''}${detail ? `; ${detail}` : ''}`,
    {
      hint:
        `on a machine that can reach github.com run \`npm rebuild ${CRYPTO_PACKAGE}\` ` +
        `(its install script downloads matrix-sdk-crypto.${process.platform}-${process.arch}*.node into ` +
        `node_modules/${CRYPTO_PACKAGE}/), or set MATRIX_ENCRYPTION=false to serve unencrypted rooms only; see docs/matrix.md`,
    },
  );
}
