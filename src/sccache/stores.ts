// Which SCCACHE_* variables configure an S3, Redis or WebDAV store for a given sccache version, and
// what that version then does with them. Pure. Each fact names the sccache tag and file it was read
// in (or the opendal, reqsign or url release that tag locks in Cargo.lock); docs/stores.md has the
// per-version table. The variables are read in `config_from_env` (src/config.rs) and the stores
// built in src/cache/{s3,redis,webdav}.rs, on opendal from v0.4.0.
import semver from 'semver';
import { NEWEST_TESTED_VERSION, type SccacheVersion } from './version.js';

export type StoreKind = 's3' | 'redis' | 'webdav';

export interface S3Store {
  readonly bucket: string;
  /** Absent with an endpoint: us-east-1 is exported. Absent without one: AWS_REGION must be set. */
  readonly region?: string;
  /** `http://…` or `https://…` of an S3-compatible server (MinIO, moto, R2); absent for AWS itself. */
  readonly endpoint?: string;
  readonly keyPrefix?: string;
  /** Anonymous requests (SCCACHE_S3_NO_CREDENTIALS): a public bucket, read without credentials. */
  readonly noCredentials?: boolean;
}

export interface RedisStore {
  /** `redis://host[:port]` or `rediss://host[:port]` (TLS): no user, password, path or query. */
  readonly endpoint: string;
  readonly username?: string;
  readonly password?: string;
  /** The database number; 0 when absent. */
  readonly db?: number;
  readonly keyPrefix?: string;
  /** Seconds before an entry expires; absent or 0: never. */
  readonly ttlSeconds?: number;
}

export interface WebdavStore {
  /** `http://…` or `https://…`, with no user or password in it. */
  readonly endpoint: string;
  /** Basic authentication: a username, and a password or not. */
  readonly username?: string;
  readonly password?: string;
  /** Bearer authentication, instead of a username and password. */
  readonly token?: string;
  readonly keyPrefix?: string;
}

export type StoreSettings =
  | { readonly kind: 's3'; readonly s3: S3Store }
  | { readonly kind: 'redis'; readonly redis: RedisStore }
  | { readonly kind: 'webdav'; readonly webdav: WebdavStore };

export interface StoreVariables {
  /** What the server must find in its environment. No empty value: before 0.16 one is read as set. */
  readonly exports: Readonly<Record<string, string>>;
  /** Every credential among the export values (a password, a token, a URL that holds a password). */
  readonly secrets: readonly string[];
  /** One line for the summary and the record, with no credential in it. */
  readonly described: string;
  /** What the user should know about this store on this version, with no credential in it. */
  readonly notes: readonly string[];
  /**
   * Variables that, present where the server starts, make this version use another store (they
   * come first in `CacheConfigs::into_fallback`, or a multi-level chain replaces it) or refuse to
   * start (a conflicting setting): setup leaves them out of the server's environment.
   */
  readonly mustBeUnset: readonly string[];
}

/** Why this store cannot be set up, for this version or with these settings; never a credential. */
export type StorePlan = StoreVariables | { readonly unsupported: string };

/** The release each behaviour starts from. */
const SINCE = {
  // opendal-backed S3, Redis and WebDAV, and the `<scheme>, name: …, prefix: …` location: v0.4.0
  // src/cache/{s3,redis,webdav}.rs and src/cache/cache.rs. The 0.4.0-pre.N builds changed from
  // one to the next (WebDAV from pre.8, the opendal location from pre.4) and Debian's pre.6 has
  // no remote backend compiled in: they are left out.
  stores: '0.4.0',
  // SCCACHE_WEBDAV_USERNAME, _PASSWORD and _TOKEN: read in v0.4.2 src/config.rs, not in v0.4.1.
  webdavCredentials: '0.4.2',
  // rediss:// (TLS): opendal 0.40.0 (v0.6.0 Cargo.lock) parses it in services/redis/backend.rs;
  // opendal 0.27–0.37 (v0.4.0–v0.5.4) answer "invalid or unsupported scheme".
  rediss: '0.6.0',
  // Without SCCACHE_REGION (or AWS_REGION) and without a custom endpoint, opendal 0.34+ (v0.5.0+)
  // refuses the S3 store ("region is missing"); 0.27–0.30 (v0.4.x) asked the bucket for it. With a
  // custom endpoint 0.34–0.37 (v0.5.x) took us-east-1, 0.40+ (v0.6.0+) refuse it too
  // (core/src/services/s3/backend.rs of each opendal release).
  s3RegionRequired: '0.5.0',
  // The 24-hour expiry hard-coded in v0.4.0–v0.4.1 src/cache/redis.rs (`default_ttl`) is gone in v0.4.2.
  redisNoFixedTtl: '0.4.2',
  // SCCACHE_REDIS_TTL: v0.7.6 src/config.rs (seconds, 0 = never).
  redisTtl: '0.7.6',
  // SCCACHE_REDIS_ENDPOINT, _USERNAME, _PASSWORD, _DB, _KEY_PREFIX, _EXPIRATION, _CLUSTER_ENDPOINTS
  // and SCCACHE_MEMCACHED_ENDPOINT: v0.8.0 src/config.rs. SCCACHE_REDIS is still read, as the
  // "deprecated API" (v0.8.0–v0.16.0 src/cache/cache.rs), and SCCACHE_REDIS_TTL as a synonym of
  // SCCACHE_REDIS_EXPIRATION (v0.8.0 docs/Redis.md).
  redisSplit: '0.8.0',
  // SCCACHE_MULTILEVEL_CHAIN: v0.15.0 src/config.rs; when set it replaces the fallback order.
  multiLevel: '0.15.0',
  // SCCACHE_{S3,REDIS,WEBDAV,…}_RW_MODE: v0.16.0 src/config.rs (bdbab18e, #2705), not in v0.15.0.
  rwMode: '0.16.0',
} as const;

type AtLeast = (min: string) => boolean;

/** Unknown versions get the newest known behaviour, as in capabilitiesOf. */
function atLeastFor(version: SccacheVersion): AtLeast {
  const v = version.semver ?? NEWEST_TESTED_VERSION;
  return (min) => semver.gte(v, min);
}

/** SCCACHE_<KIND>_RW_MODE (READ_ONLY / READ_WRITE) when this version has it: 0.16.0+. */
export function readOnlyVariable(kind: StoreKind, version: SccacheVersion): string | undefined {
  return atLeastFor(version)(SINCE.rwMode) ? `SCCACHE_${kind.toUpperCase()}_RW_MODE` : undefined;
}

export function storeVariables(store: StoreSettings, version: SccacheVersion): StorePlan {
  const atLeast = atLeastFor(version);
  if (!atLeast(SINCE.stores)) {
    return {
      unsupported: `sccache ${version.raw} predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)`,
    };
  }
  switch (store.kind) {
    case 's3':
      return s3Variables(store.s3, atLeast);
    case 'redis':
      return redisVariables(store.redis, version, atLeast);
    case 'webdav':
      return webdavVariables(store.webdav, version, atLeast);
  }
}

// ------------------------------------------------------------------ precedence

/**
 * The variables that select a store sccache prefers to `kind`. `CacheConfigs::into_fallback`
 * (src/config.rs, v0.4.0 through v0.16.0) tries S3 > Redis > Memcached > GCS > GHA > Azure > WebDAV,
 * and from v0.15.0 SCCACHE_MULTILEVEL_CHAIN replaces that order altogether.
 */
function preferredOver(kind: StoreKind, atLeast: AtLeast): string[] {
  const split = atLeast(SINCE.redisSplit);
  const s3 = ['SCCACHE_BUCKET'];
  const redis = [
    'SCCACHE_REDIS',
    ...(split ? ['SCCACHE_REDIS_ENDPOINT', 'SCCACHE_REDIS_CLUSTER_ENDPOINTS'] : []),
  ];
  const beforeWebdav = [
    ...s3,
    ...redis,
    'SCCACHE_MEMCACHED',
    ...(split ? ['SCCACHE_MEMCACHED_ENDPOINT'] : []),
    'SCCACHE_GCS_BUCKET',
    'SCCACHE_GHA_ENABLED',
    'SCCACHE_GHA_VERSION',
    'SCCACHE_AZURE_CONNECTION_STRING',
    'SCCACHE_AZURE_BLOB_CONTAINER',
  ];
  const multi = atLeast(SINCE.multiLevel) ? ['SCCACHE_MULTILEVEL_CHAIN'] : [];
  switch (kind) {
    case 's3':
      return multi;
    case 'redis':
      return [...s3, ...multi];
    case 'webdav':
      return [...beforeWebdav, ...multi];
  }
}

// ------------------------------------------------------------------ shared checks

/** Empty means absent: an empty value is read as set before 0.16.0 (#2639), so none is exported. */
const given = (value: string | undefined): value is string => value !== undefined && value !== '';

type Endpoint = { readonly url: URL } | { readonly invalid: string };

/** A URL of one of `schemes` (with the colon), with no credential in it. Never echoes the value. */
function parseEndpoint(what: string, value: string, schemes: readonly string[]): Endpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { invalid: `the ${what} is not a URL (${schemes.map((s) => `${s}//…`).join(' or ')})` };
  }
  if (!schemes.includes(url.protocol))
    return { invalid: `the ${what} must start with ${schemes.map((s) => `${s}//`).join(' or ')}` };
  if (url.username !== '' || url.password !== '')
    return { invalid: `the ${what} holds a user or password: give them as their own settings, from secrets` };
  return { url };
}

const isCount = (n: number, max: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= max;
const U32_MAX = 0xffff_ffff;

const prefixPart = (prefix: string | undefined) => (given(prefix) ? `, prefix \`${prefix}\`` : '');

// ------------------------------------------------------------------ S3

function s3Variables(s3: S3Store, atLeast: AtLeast): StorePlan {
  if (!given(s3.bucket)) return { unsupported: 'the S3 bucket is empty' };
  const exports: Record<string, string> = { SCCACHE_BUCKET: s3.bucket };
  const notes: string[] = [];
  const mustBeUnset = preferredOver('s3', atLeast);

  if (given(s3.endpoint)) {
    const parsed = parseEndpoint('S3 endpoint', s3.endpoint, ['http:', 'https:']);
    if ('invalid' in parsed) return { unsupported: parsed.invalid };
    exports['SCCACHE_ENDPOINT'] = s3.endpoint;
    // `endpoint_resolver` (src/cache/s3.rs, v0.4.0–v0.16.0) keeps the endpoint's scheme when
    // SCCACHE_S3_USE_SSL is unset, sets it from the variable when set, and picks plain http for an
    // endpoint without one. The variable is exported anyway, so that a job-level value cannot turn
    // a loopback http server into https: "off" and "on" are the values every version reads the
    // same way. Before 0.8.0 anything but "off" means https, "false" included (v0.7.7
    // src/config.rs: `value != "off"`); 0.8.0+ takes true/on/1/false/off/0 (`bool_from_env_var`).
    exports['SCCACHE_S3_USE_SSL'] = parsed.url.protocol === 'https:' ? 'on' : 'off';
  }
  if (given(s3.region)) {
    exports['SCCACHE_REGION'] = s3.region;
  } else if (given(s3.endpoint)) {
    // An S3-compatible server takes any region; opendal 0.40+ (sccache 0.6.0+) insists on one, and
    // older ones fell back to us-east-1 for a custom endpoint (0.4.x after asking the endpoint).
    exports['SCCACHE_REGION'] = 'us-east-1';
    notes.push('No S3 region given: us-east-1 is used with the custom endpoint.');
  } else if (s3.noCredentials) {
    // With SCCACHE_S3_NO_CREDENTIALS opendal loads no AWS configuration, AWS_REGION included
    // (`disable_config_load`, src/cache/s3.rs).
    if (atLeast(SINCE.s3RegionRequired))
      return { unsupported: 'anonymous S3 needs a region: sccache reads no AWS_REGION without credentials' };
    notes.push('No S3 region given: sccache asks the bucket for it.');
  } else {
    // reqsign's AwsConfig::from_env reads AWS_REGION (src/aws/config.rs, 0.8–0.16).
    notes.push(
      atLeast(SINCE.s3RegionRequired)
        ? 'No S3 region given: sccache takes AWS_REGION from the environment and does not start without it.'
        : 'No S3 region given: sccache takes AWS_REGION from the environment, or asks the bucket.',
    );
  }
  if (given(s3.keyPrefix)) exports['SCCACHE_S3_KEY_PREFIX'] = s3.keyPrefix;

  if (s3.noCredentials) {
    // "true" is read as set by every version: before 0.4.2 any value was (v0.4.1 src/config.rs
    // `.ok().is_some()`, so "false" too), 0.4.2–0.7.x take true/1/false/0, 0.8.0+ bool_from_env_var.
    exports['SCCACHE_S3_NO_CREDENTIALS'] = 'true';
    // src/config.rs (v0.4.0–v0.16.0) refuses to start when either is present, even empty
    // (`env::var_os(…).is_some()`): "If setting S3 credentials, SCCACHE_S3_NO_CREDENTIALS must not be set."
    mustBeUnset.push('AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY');
  } else {
    // sccache never reads the keys itself (src/config.rs only checks them against
    // SCCACHE_S3_NO_CREDENTIALS); opendal's S3 client loads them through reqsign's from_env.
    notes.push(
      'Credentials: sccache reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (or ~/.aws, AWS_PROFILE, AWS_ROLE_ARN) from its environment; setup exports none.',
    );
  }

  const where = given(s3.endpoint) ? ` at ${s3.endpoint}` : '';
  const region = given(s3.region) ? ` (${s3.region})` : '';
  const anonymous = s3.noCredentials ? ', anonymous' : '';
  return {
    exports,
    secrets: [],
    described: `S3 bucket \`${s3.bucket}\`${where}${region}${prefixPart(s3.keyPrefix)}${anonymous}`,
    notes,
    mustBeUnset,
  };
}

// ------------------------------------------------------------------ Redis

/**
 * What the url crate keeps as is in a URL's user and password (its USERINFO set encodes the rest:
 * controls, space, `"#<>?^\`{}/:;=@[\]|` and non-ASCII, url/src/parser.rs). sccache before 0.8.0
 * passes `Url::username()` and `Url::password()` to Redis, and those are the percent-encoded text
 * (url/src/lib.rs): a credential with any other character reaches Redis altered, whether it was
 * encoded in the URL or not.
 */
const URL_SAFE_USERINFO = /^[A-Za-z0-9!$%&'()*+,\-._~]*$/;

function redisVariables(redis: RedisStore, version: SccacheVersion, atLeast: AtLeast): StorePlan {
  if (!given(redis.endpoint)) return { unsupported: 'the Redis endpoint is empty' };
  const parsed = parseEndpoint('Redis endpoint', redis.endpoint, ['redis:', 'rediss:']);
  if ('invalid' in parsed) return { unsupported: parsed.invalid };
  const { url } = parsed;
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '')
    return {
      unsupported:
        'the Redis endpoint must be redis://host[:port] alone: give the database number as its own setting',
    };
  if (url.protocol === 'rediss:' && !atLeast(SINCE.rediss))
    return { unsupported: `sccache ${version.raw} has no Redis over TLS (rediss://): it came with 0.6.0` };
  if (given(redis.username) && !given(redis.password))
    return { unsupported: 'a Redis username needs a password: sccache authenticates only with a password' };
  if (redis.db !== undefined && !isCount(redis.db, U32_MAX))
    return { unsupported: 'the Redis database must be a whole number from 0' };
  if (redis.ttlSeconds !== undefined && !isCount(redis.ttlSeconds, Number.MAX_SAFE_INTEGER))
    return { unsupported: 'the Redis expiry must be a whole number of seconds from 0' };

  const ttl = redis.ttlSeconds || undefined;
  const notes: string[] = [];
  if (!atLeast(SINCE.redisNoFixedTtl)) {
    if (ttl !== undefined)
      return {
        unsupported: `sccache ${version.raw} fixes Redis entries' expiry at 24 hours (settable from 0.7.6)`,
      };
    notes.push(`sccache ${version.raw} lets Redis entries expire after 24 hours (fixed in this version).`);
  } else if (ttl !== undefined && !atLeast(SINCE.redisTtl)) {
    return {
      unsupported: `sccache ${version.raw} has no Redis expiry setting (SCCACHE_REDIS_TTL came with 0.7.6)`,
    };
  }

  const described = [
    `Redis at ${redis.endpoint}`,
    redis.db ? `, database ${redis.db}` : '',
    prefixPart(redis.keyPrefix),
    given(redis.password) ? ', with a password' : '',
    ttl !== undefined ? `, entries expire after ${ttl} s` : '',
  ].join('');

  if (atLeast(SINCE.redisSplit)) {
    // The password in its own variable, never inside a URL: sccache prints the URL of SCCACHE_REDIS
    // in cache_location (opendal names the store by its endpoint string) and logs it ("Init redis
    // single-node cache from deprecated API with url …", a warning, v0.8.0–v0.16.0 src/cache/cache.rs).
    const exports: Record<string, string> = { SCCACHE_REDIS_ENDPOINT: redis.endpoint };
    const secrets: string[] = [];
    if (given(redis.username)) exports['SCCACHE_REDIS_USERNAME'] = redis.username;
    if (given(redis.password)) {
      exports['SCCACHE_REDIS_PASSWORD'] = redis.password;
      secrets.push(redis.password);
    }
    if (redis.db) exports['SCCACHE_REDIS_DB'] = String(redis.db);
    if (given(redis.keyPrefix)) exports['SCCACHE_REDIS_KEY_PREFIX'] = redis.keyPrefix;
    // SCCACHE_REDIS_EXPIRATION, of which SCCACHE_REDIS_TTL is the older synonym; both at once is
    // an error (v0.8.0 src/config.rs: "You mustn't set both …").
    if (ttl !== undefined) exports['SCCACHE_REDIS_EXPIRATION'] = String(ttl);
    // Only one of SCCACHE_REDIS_ENDPOINT, SCCACHE_REDIS_CLUSTER_ENDPOINTS and SCCACHE_REDIS may be
    // set, or the server does not start ("Only one of `endpoint`, `cluster_endpoints`, `url` must
    // be set", src/cache/cache.rs v0.8.0–v0.16.0).
    const mustBeUnset = [
      ...preferredOver('redis', atLeast),
      'SCCACHE_REDIS',
      'SCCACHE_REDIS_CLUSTER_ENDPOINTS',
      ...(ttl !== undefined ? ['SCCACHE_REDIS_TTL'] : []),
    ];
    return { exports, secrets, described, notes, mustBeUnset };
  }

  // Before 0.8.0 the only variable is SCCACHE_REDIS, one URL with the credentials inside, read by
  // `RedisCache::build` (src/cache/redis.rs v0.4.0–v0.7.7): user and password as the url crate keeps
  // them (percent-encoded, never decoded), the database from a `?db=` query (not the path).
  const credentials = [redis.username, redis.password].filter(given);
  if (!credentials.every((c) => URL_SAFE_USERINFO.test(c)))
    return {
      unsupported: `sccache ${version.raw} takes the Redis user and password only inside the SCCACHE_REDIS URL and passes them on still percent-encoded, so one with a character other than A–Z a–z 0–9 ! $ % & ' ( ) * + , - . _ ~ cannot reach Redis: use sccache 0.8.0 or later (SCCACHE_REDIS_PASSWORD), or such a password`,
    };
  if (given(redis.keyPrefix))
    return {
      unsupported: `sccache ${version.raw} has no Redis key prefix (SCCACHE_REDIS_KEY_PREFIX came with 0.8.0)`,
    };
  const userinfo = given(redis.password) ? `${redis.username ?? ''}:${redis.password}@` : '';
  const query = redis.db ? `/?db=${redis.db}` : '';
  const full = `${url.protocol}//${userinfo}${url.host}${query}`;
  const exports: Record<string, string> = { SCCACHE_REDIS: full };
  if (ttl !== undefined) exports['SCCACHE_REDIS_TTL'] = String(ttl);
  const secrets: string[] = [];
  if (given(redis.password)) {
    secrets.push(full, redis.password);
    notes.push(
      atLeast('0.6.0')
        ? // opendal 0.40+ (v0.6.0 Cargo.lock) names the Redis store by the endpoint string, which
          // sccache gives as the whole URL (`builder.endpoint(parsed.as_str())`, src/cache/redis.rs).
          `sccache ${version.raw} prints the Redis URL, password included, in its cache_location and debug log: sccache 0.8.0 and later keep the password apart.`
        : // opendal 0.27–0.37 name it by redis-rs's ConnectionAddr, host:port; the debug line
          // "Init redis cache with url …" (src/cache/cache.rs) still has the whole URL.
          `sccache ${version.raw} writes the Redis URL, password included, to its debug log: sccache 0.8.0 and later keep the password apart.`,
    );
  }
  return { exports, secrets, described, notes, mustBeUnset: preferredOver('redis', atLeast) };
}

// ------------------------------------------------------------------ WebDAV

function webdavVariables(webdav: WebdavStore, version: SccacheVersion, atLeast: AtLeast): StorePlan {
  if (!given(webdav.endpoint)) return { unsupported: 'the WebDAV endpoint is empty' };
  const parsed = parseEndpoint('WebDAV endpoint', webdav.endpoint, ['http:', 'https:']);
  if ('invalid' in parsed) return { unsupported: parsed.invalid };
  const basic = given(webdav.username) || given(webdav.password);
  if (basic && given(webdav.token))
    // opendal's WebDAV builder sends the bearer token and drops the basic credentials (0.30–0.55).
    return { unsupported: 'give WebDAV a token or a username and password, not both' };
  if (given(webdav.password) && !given(webdav.username))
    // opendal sends basic authentication only when a username is set.
    return { unsupported: 'a WebDAV password needs a username' };
  if ((basic || given(webdav.token)) && !atLeast(SINCE.webdavCredentials))
    return {
      unsupported: `sccache ${version.raw} reads no WebDAV credentials (SCCACHE_WEBDAV_USERNAME, _PASSWORD and _TOKEN came with 0.4.2)`,
    };

  const exports: Record<string, string> = { SCCACHE_WEBDAV_ENDPOINT: webdav.endpoint };
  const secrets: string[] = [];
  if (given(webdav.keyPrefix)) exports['SCCACHE_WEBDAV_KEY_PREFIX'] = webdav.keyPrefix;
  if (given(webdav.username)) exports['SCCACHE_WEBDAV_USERNAME'] = webdav.username;
  if (given(webdav.password)) {
    exports['SCCACHE_WEBDAV_PASSWORD'] = webdav.password;
    secrets.push(webdav.password);
  }
  if (given(webdav.token)) {
    exports['SCCACHE_WEBDAV_TOKEN'] = webdav.token;
    secrets.push(webdav.token);
  }
  const auth = given(webdav.token) ? ', bearer token' : basic ? ', basic authentication' : '';
  return {
    exports,
    secrets,
    described: `WebDAV at ${webdav.endpoint}${prefixPart(webdav.keyPrefix)}${auth}`,
    notes: [],
    mustBeUnset: preferredOver('webdav', atLeast),
  };
}
