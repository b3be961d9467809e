// Decodes sccache's `cache_location` string into where the cache lives, and for the GitHub Actions
// cache, which namespace and protocol sccache used. Formats: `location()` in sccache's
// src/cache/cache.rs (opendal backends, 0.4.0+) and src/cache/disk.rs; the namespace is
// `sccache-v{version}[-{SCCACHE_GHA_VERSION}]` (src/cache/gha.rs), sent as its SHA-256 by the v2
// protocol (opendal core/src/services/ghac/core.rs, 0.52.0+, which sccache 0.10.0 brought in).
//
// A Redis location may hold a password: opendal 0.40+ (sccache 0.6.0+) names a Redis store by its
// endpoint string, and sccache gives it the whole SCCACHE_REDIS URL (`builder.endpoint(parsed.as_str())`
// in src/cache/redis.rs, v0.6.0–v0.16.0), so `redis, name: redis://user:pass@host:6379, prefix: /`.
// The url crate leaves `'` and `!$&()*+,~` unencoded there. The user and password are masked here,
// whatever redaction came before: no decoded location keeps them, `raw` included.
import { createHash } from 'node:crypto';

export type Backend =
  | 'local'
  | 'gha'
  | 's3'
  | 'redis'
  | 'memcached'
  | 'gcs'
  | 'azure'
  | 'webdav'
  | 'oss'
  | 'cos'
  | 'multi-level'
  | 'none'
  | 'unknown';

export interface CacheLocation {
  readonly backend: Backend;
  /** The string as sccache printed it, with a URL's user and password masked (`redis://***@host`). */
  readonly raw: string;
  /** local: the cache directory. */
  readonly path?: string;
  /** Remote backends: the opendal `name` (bucket, container, or the GHA namespace). */
  readonly name?: string;
  readonly prefix?: string;
  /** gha: a 64-hex name is the v2 protocol (hashed namespace); a plain `sccache-v…` name is v1. */
  readonly protocol?: 'v1' | 'v2';
  /** gha: the namespace in clear (`sccache-v0.10.0[-suffix]`) when it is known or recognised. */
  readonly namespace?: string;
  /** multi-level: the number of levels. */
  readonly levels?: number;
}

const OPENDAL_SCHEMES: Readonly<Record<string, Backend>> = {
  ghac: 'gha',
  s3: 's3',
  redis: 'redis',
  memcached: 'memcached',
  gcs: 'gcs',
  azblob: 'azure',
  webdav: 'webdav',
  oss: 'oss',
  cos: 'cos',
};

const HEX64 = /^[0-9a-f]{64}$/;

/** The GHA namespace sccache uses: `sccache-v<version>` plus `-<SCCACHE_GHA_VERSION>` when set. */
export function ghaNamespace(version: string, suffix?: string): string {
  return suffix ? `sccache-v${version}-${suffix}` : `sccache-v${version}`;
}

/** In v2 mode opendal replaces the namespace with its lower-case hex SHA-256. */
export function hashNamespace(namespace: string): string {
  return createHash('sha256').update(namespace).digest('hex');
}

/**
 * `scheme://user:pass@host…` → `scheme://***@host…`, and anything else before an `@` masked too.
 * Everything up to the last `@` goes: a user or password that holds an `@` of its own (an endpoint
 * string is printed as given) then hides more, never less. Neither a bucket nor a container has
 * an `@`, and a WebDAV name is always empty (opendal sets none).
 */
function maskUserinfo(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const scheme = text.indexOf('://');
  const start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
  return `${text.slice(0, start)}***${text.slice(at)}`;
}

/**
 * @param knownNamespaces namespaces this run could have used (e.g. from the sccache version and the
 *   configured suffix): a hashed v2 name matching one of them is decoded back to it.
 */
export function decodeLocation(raw: string, knownNamespaces: readonly string[] = []): CacheLocation {
  if (raw === '') return { backend: 'none', raw };
  const local = /^Local disk: "(.*)"$/.exec(raw);
  if (local) return { backend: 'local', raw, path: local[1]!.replace(/\\\\/g, '\\') };
  const multi = /^Multi-level \((\d+) levels?\)$/.exec(raw);
  if (multi) return { backend: 'multi-level', raw, levels: Number(multi[1]) };

  // `s`: a name is printed as given, and nothing stops an endpoint string from holding a line break.
  const opendal = /^(\w+), name: (.*), prefix: (.*)$/s.exec(raw);
  if (opendal) {
    const scheme = opendal[1]!;
    const backend = OPENDAL_SCHEMES[scheme] ?? 'unknown';
    const prefix = opendal[3]!;
    if (backend !== 'gha') {
      const name = maskUserinfo(opendal[2]!);
      return { backend, raw: `${scheme}, name: ${name}, prefix: ${prefix}`, name, prefix };
    }
    // A GHA name is a namespace (its SCCACHE_GHA_VERSION suffix is the user's) or its hash: kept.
    const name = opendal[2]!;
    if (HEX64.test(name)) {
      const namespace = knownNamespaces.find((candidate) => hashNamespace(candidate) === name);
      return { backend, raw, name, prefix, protocol: 'v2', ...(namespace ? { namespace } : {}) };
    }
    return { backend, raw, name, prefix, protocol: 'v1', namespace: name };
  }

  // sccache 0.3.x printed its own formats before the opendal migration (src/cache/*.rs v0.3.3):
  // `S3, bucket: <b>`, `Redis: <url>` with the password as `*****` (its `display_url`),
  // `Memcached: <url>`, `GCS, bucket: …`, `Azure, container: …`.
  if (raw.startsWith('GHA, ')) return { backend: 'gha', raw, protocol: 'v1' };
  const s3 = /^S3, bucket: (\S+)$/.exec(raw);
  if (s3) return { backend: 's3', raw, name: s3[1]! };
  const redis = /^Redis: (.*)$/s.exec(raw);
  if (redis) {
    const name = maskUserinfo(redis[1]!);
    return { backend: 'redis', raw: `Redis: ${name}`, name };
  }
  const legacy = /^(S3|Redis|Memcached|GCS|Azure)\b/.exec(raw);
  if (legacy) return { backend: legacy[1]!.toLowerCase() as Backend, raw: maskUserinfo(raw) };
  return { backend: 'unknown', raw: maskUserinfo(raw) };
}

/** A short human description, e.g. `GitHub Actions cache, protocol v2, namespace \`sccache-v0.10.0\``. */
export function describeLocation(location: CacheLocation): string {
  switch (location.backend) {
    case 'local':
      return `local disk at \`${location.path}\``;
    case 'gha': {
      if (location.name === undefined) return 'GitHub Actions cache (sccache 0.3 client, v1 protocol)';
      const ns = location.namespace
        ? `namespace \`${location.namespace}\``
        : `namespace hash \`${location.name}\``;
      return `GitHub Actions cache, protocol ${location.protocol ?? 'unknown'}, ${ns}`;
    }
    case 'multi-level':
      return `multi-level cache with ${location.levels} levels`;
    case 'none':
      return 'no cache storage (the server was not running and no storage could be configured)';
    case 'unknown':
      return `\`${location.raw}\``;
    default:
      return `${location.backend}${location.name ? ` \`${location.name}\`` : ''}`;
  }
}
