// What the job's environment already says to sccache, judged for this version: which variables
// select a backend before GHA (`CacheConfigs::into_fallback` in sccache's src/config.rs), which ones
// no release reads, and which values a release rejects. Pure: reads a plain record of variables.
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
