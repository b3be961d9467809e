// Decodes sccache's `cache_location` string into where the cache lives, and for the GitHub Actions
// cache, which namespace and protocol sccache used. Formats: `location()` in sccache's
// src/cache/cache.rs (opendal backends, 0.4.0+) and src/cache/disk.rs; the namespace is
// `sccache-v{version}[-{SCCACHE_GHA_VERSION}]` (src/cache/gha.rs), sent as its SHA-256 by the v2
// protocol (opendal core/src/services/ghac/core.rs, 0.52.0+, which sccache 0.10.0 brought in).
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
  /** The string as sccache printed it. */
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
 * @param knownNamespaces namespaces this run could have used (e.g. from the sccache version and the
 *   configured suffix): a hashed v2 name matching one of them is decoded back to it.
 */
export function decodeLocation(raw: string, knownNamespaces: readonly string[] = []): CacheLocation {
  if (raw === '') return { backend: 'none', raw };
  const local = /^Local disk: "(.*)"$/.exec(raw);
  if (local) return { backend: 'local', raw, path: local[1]!.replace(/\\\\/g, '\\') };
  const multi = /^Multi-level \((\d+) levels?\)$/.exec(raw);
  if (multi) return { backend: 'multi-level', raw, levels: Number(multi[1]) };

  const opendal = /^(\w+), name: (.*), prefix: (.*)$/.exec(raw);
  if (opendal) {
    const backend = OPENDAL_SCHEMES[opendal[1]!] ?? 'unknown';
    const name = opendal[2]!;
    const prefix = opendal[3]!;
    if (backend !== 'gha') return { backend, raw, name, prefix };
    if (HEX64.test(name)) {
      const namespace = knownNamespaces.find((candidate) => hashNamespace(candidate) === name);
      return { backend, raw, name, prefix, protocol: 'v2', ...(namespace ? { namespace } : {}) };
    }
    return { backend, raw, name, prefix, protocol: 'v1', namespace: name };
  }

  // sccache 0.3.x printed its own formats before the opendal migration.
  if (raw.startsWith('GHA, ')) return { backend: 'gha', raw, protocol: 'v1' };
  const legacy = /^(S3|Redis|Memcached|GCS|Azure)\b/.exec(raw);
  if (legacy) return { backend: legacy[1]!.toLowerCase() as Backend, raw };
  return { backend: 'unknown', raw };
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
