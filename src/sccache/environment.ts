// What the job's environment already says to sccache, judged for this version: which variables
// select a backend before GHA (`CacheConfigs::into_fallback` in sccache's src/config.rs), which ones
// no release reads, and which values a release rejects. Pure: reads a plain record of variables.
import semver from 'semver';
import type { Capabilities, SccacheVersion } from './version.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvVarIssue {
  readonly name: string;
  /** Why it does nothing, or what this version does with its value. Never the value of a secret. */
  readonly why: string;
}

export interface EnvironmentReport {
  /** Backend variables that sccache picks before GHA (S3 > Redis > Memcached > GCS > GHA). */
  readonly higherPrecedenceBackends: readonly string[];
  readonly dead: readonly EnvVarIssue[];
  readonly invalid: readonly EnvVarIssue[];
}

/** The variables that select a backend sccache prefers to GHA (others, like SCCACHE_REDIS_TTL, only tune one). */
const HIGHER_THAN_GHA: ReadonlySet<string> = new Set([
  'SCCACHE_BUCKET',
  'SCCACHE_REDIS',
  'SCCACHE_REDIS_ENDPOINT',
  'SCCACHE_REDIS_CLUSTER_ENDPOINTS',
  'SCCACHE_MEMCACHED',
  'SCCACHE_MEMCACHED_ENDPOINT',
  'SCCACHE_GCS_BUCKET',
  'SCCACHE_MULTILEVEL_CHAIN',
]);

const NEVER_EXISTED: Readonly<Record<string, string>> = {
  SCCACHE_BASEDIR: 'no sccache release reads it; SCCACHE_BASEDIRS (0.14+, C/C++ only) is the real one',
  SCCACHE_LOG_LEVEL: 'no sccache release reads it; SCCACHE_LOG sets the log filter',
  SCCACHE_STARTUP_TIMEOUT:
    'no sccache release reads it; the startup wait is the config key server_startup_timeout_ms',
};

const V03_ONLY = [
  'SCCACHE_GHA_CACHE_TO',
  'SCCACHE_GHA_CACHE_FROM',
  'SCCACHE_GHA_CACHE_URL',
  'SCCACHE_GHA_RUNTIME_TOKEN',
];

const set = (env: Env, name: string) => env[name] !== undefined;

export function inspectEnvironment(env: Env, version: SccacheVersion, caps: Capabilities): EnvironmentReport {
  const names = Object.keys(env).filter((n) => set(env, n));
  // Empty values select nothing (a secret that is not available on a fork's pull request).
  const higherPrecedenceBackends = names.filter((n) => HIGHER_THAN_GHA.has(n) && env[n] !== '').sort();

  const dead: EnvVarIssue[] = [];
  for (const name of names.filter((n) => n in NEVER_EXISTED).sort())
    dead.push({ name, why: NEVER_EXISTED[name]! });
  if (caps.ghaEnabledVariable) {
    for (const name of V03_ONLY.filter((n) => set(env, n))) {
      dead.push({ name, why: `only sccache 0.3.x read it; ${version.raw} ignores it` });
    }
  }
  if (set(env, 'SCCACHE_GHA_RW_MODE') && !caps.ghaReadOnlyMode) {
    dead.push({
      name: 'SCCACHE_GHA_RW_MODE',
      why: `it exists from sccache 0.16.0; ${version.raw} ignores it`,
    });
  }

  const invalid: EnvVarIssue[] = [];
  const enabled = env['SCCACHE_GHA_ENABLED'];
  if (enabled !== undefined) {
    if (caps.strictBooleanEnv) {
      if (!/^(true|on|1|false|off|0)$/i.test(enabled)) {
        invalid.push({
          name: 'SCCACHE_GHA_ENABLED',
          why: `"${enabled}" is not true/on/1/false/off/0: sccache ${version.raw} refuses to start and every compile fails`,
        });
      }
    } else if (caps.ghaEnabledVariable && !/^(true|on|false|off|0)$/.test(enabled)) {
      // Before 0.8 only exactly "true"/"on" enable; "1", "yes" or "TRUE" were meant to and do not.
      invalid.push({
        name: 'SCCACHE_GHA_ENABLED',
        why: `sccache ${version.raw} enables GHA only for exactly "true" or "on"; "${enabled}" leaves it off`,
      });
    }
  }
  if (env['SCCACHE_GHA_VERSION'] === '' && caps.emptyGhaVersionEnables) {
    invalid.push({
      name: 'SCCACHE_GHA_VERSION',
      why: `an empty value still turns the GHA backend on in sccache ${version.raw} (before 0.16)`,
    });
  }
  if (caps.refusesCargoIncremental && env['CARGO_INCREMENTAL'] === '1') {
    invalid.push({
      name: 'CARGO_INCREMENTAL',
      why: `sccache ${version.raw} refuses to run with CARGO_INCREMENTAL=1 ("incremental compilation is prohibited"): the build fails`,
    });
  }
  return { higherPrecedenceBackends, dead, invalid };
}

/** Where a variable is set, as far as its effect on sccache goes. */
export interface Situation {
  /** The cache is a remote store (GHA, S3, Redis, …), not local disk. */
  readonly remoteBackend: boolean;
  readonly buildsRust: boolean;
  readonly buildsCxx: boolean;
  /** It reaches only steps after the server was started (a later step's env, a later GITHUB_ENV write). */
  readonly afterServerStart: boolean;
  readonly version: SccacheVersion;
}

/** Read by the server once, when it starts (src/config.rs builds the whole config then). */
const SERVER_START_ONLY: ReadonlySet<string> = new Set([
  'SCCACHE_IDLE_TIMEOUT',
  'SCCACHE_CACHE_SIZE',
  'SCCACHE_DIR',
  'SCCACHE_GHA_ENABLED',
  'SCCACHE_GHA_VERSION',
  'SCCACHE_GHA_RW_MODE',
  'SCCACHE_LOCAL_RW_MODE',
  'SCCACHE_CACHE_ZSTD_LEVEL',
  'SCCACHE_MULTILEVEL_CHAIN',
  'SCCACHE_LOG',
  'SCCACHE_ERROR_LOG',
  ...HIGHER_THAN_GHA,
]);

/** Only the local disk cache reads these (src/cache/disk.rs; direct mode is disk-only, 0.7.0+). */
const LOCAL_DISK_ONLY: Readonly<Record<string, string>> = {
  SCCACHE_CACHE_SIZE: 'it sizes the local disk cache only',
  SCCACHE_DIR: 'it places the local disk cache only',
  SCCACHE_DIRECT: 'direct (preprocessor) mode exists for the local disk cache only',
};

/**
 * Why a variable that sccache does read changes nothing where it is set, or undefined when it may.
 * Dead and invalid variables are inspectEnvironment's; this is for valid ones in the wrong place.
 */
export function whyNoEffect(name: string, situation: Situation): string | undefined {
  if (situation.afterServerStart && SERVER_START_ONLY.has(name)) {
    return 'the server reads it once, when it starts, and setup started the server before this step';
  }
  if (situation.remoteBackend && LOCAL_DISK_ONLY[name])
    return `${LOCAL_DISK_ONLY[name]}, and this job uses a remote cache`;
  if (name === 'SCCACHE_CACHE_MULTIARCH' && !situation.buildsCxx) {
    return 'only C/C++ compiles with several -arch flags read it (0.5.1+), and this job builds no C/C++';
  }
  if (name === 'SCCACHE_DIRECT' && !situation.buildsCxx) {
    return 'direct mode is for C/C++ preprocessing, and this job builds no C/C++';
  }
  if (name === 'SCCACHE_C_CUSTOM_CACHE_BUSTER' && !situation.buildsCxx) {
    return 'only C/C++ keys include it, and this job builds no C/C++';
  }
  const rustKeysIgnoreBasedirs =
    situation.version.semver === null ||
    semver.lte(semver.coerce(situation.version.semver) ?? '0.0.0', '0.17.99');
  if (name === 'SCCACHE_BASEDIRS' && situation.buildsRust && !situation.buildsCxx && rustKeysIgnoreBasedirs) {
    return `Rust cache keys ignore it (src/compiler/rust.rs never reads it, through 0.17), and this job builds only Rust`;
  }
  return undefined;
}
