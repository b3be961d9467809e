// The s3-*, redis-* and webdav-* inputs → the store setup configures for backend s3, redis or
// webdav. Every bad value is an InputError naming the input; an input of another store's is named
// too, since it would do nothing. Credentials are read here only to be handed on and masked.
import type { StoreKind, StoreSettings } from '../sccache/stores.js';
import { InputError } from './input-error.js';

type Get = (name: string) => string;

/** The inputs each store reads, and which one it cannot do without. */
const STORE_INPUTS: Readonly<
  Record<StoreKind, { readonly required: string; readonly all: readonly string[] }>
> = {
  s3: { required: 's3-bucket', all: ['s3-bucket', 's3-region', 's3-endpoint', 's3-key-prefix'] },
  redis: { required: 'redis-endpoint', all: ['redis-endpoint', 'redis-password'] },
  webdav: { required: 'webdav-endpoint', all: ['webdav-endpoint', 'webdav-username', 'webdav-password'] },
};

export const isStoreKind = (backend: string): backend is StoreKind => backend in STORE_INPUTS;

function url(get: Get, name: string, schemes: readonly string[]): string {
  const value = get(name).trim();
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new InputError(name, `"${value}" is not a URL (${schemes.map((s) => `${s}//…`).join(' or ')})`);
  }
  if (!schemes.includes(parsed.protocol))
    throw new InputError(name, `"${value}" is not a ${schemes.join(' or ')} URL`);
  // A password belongs in its own input, from a secret: a URL is printed in more places.
  if (parsed.password)
    throw new InputError(name, 'holds a password: put it in the password input, from a secret');
  return value;
}

/** The store a backend input of s3, redis or webdav names; undefined for the other backends. */
export function readStoreSettings(get: Get, backend: string): StoreSettings | undefined {
  const given = Object.values(STORE_INPUTS)
    .flatMap((store) => store.all)
    .filter((name) => get(name).trim() !== '');
  if (!isStoreKind(backend)) {
    const first = given[0];
    if (first)
      throw new InputError(
        first,
        `is only read with backend: ${first.split('-')[0]} (backend is ${backend})`,
      );
    return undefined;
  }
  const own = STORE_INPUTS[backend];
  const stray = given.find((name) => !own.all.includes(name));
  if (stray) throw new InputError(stray, `is not read with backend: ${backend}`);
  if (!get(own.required).trim()) throw new InputError(own.required, `is required with backend: ${backend}`);
  const optional = (name: string) => {
    const value = get(name).trim();
    return value === '' ? undefined : value;
  };
  switch (backend) {
    case 's3': {
      const bucket = get('s3-bucket').trim();
      // S3 bucket names: 3 to 63 lower-case letters, digits, dots and hyphens.
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
        throw new InputError('s3-bucket', `"${bucket}" is not an S3 bucket name`);
      const region = optional('s3-region');
      if (region && !/^[a-z0-9-]{2,32}$/.test(region))
        throw new InputError('s3-region', `"${region}" is not a region`);
      const endpoint = optional('s3-endpoint') && url(get, 's3-endpoint', ['http:', 'https:']);
      const keyPrefix = optional('s3-key-prefix');
      return {
        kind: 's3',
        s3: {
          bucket,
          ...(region ? { region } : {}),
          ...(endpoint ? { endpoint } : {}),
          ...(keyPrefix ? { keyPrefix } : {}),
        },
      };
    }
    case 'redis': {
      const endpoint = url(get, 'redis-endpoint', ['redis:', 'rediss:']);
      const password = optional('redis-password');
      return { kind: 'redis', redis: { endpoint, ...(password ? { password } : {}) } };
    }
    case 'webdav': {
      // sccache appends `/<key>` to the endpoint: a trailing slash would make `//key`, which some
      // servers read as an absolute URI (cheroot answers 400).
      const endpoint = url(get, 'webdav-endpoint', ['http:', 'https:']).replace(/\/+$/, '');
      const username = optional('webdav-username');
      const password = optional('webdav-password');
      return {
        kind: 'webdav',
        webdav: { endpoint, ...(username ? { username } : {}), ...(password ? { password } : {}) },
      };
    }
  }
}
