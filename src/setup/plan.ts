// The setup plan: a pure function of the settings, the sccache version and the runner's environment,
// returning exactly the variables to export and what to tell the user. Which variable each version
// reads is in src/sccache/version.ts and src/sccache/environment.ts, with the sccache source they
// come from.
import { cacheMode, type CacheMode } from '../github/cache-mode.js';
import { hostFromServerUrl, type HostKind } from '../github/host.js';
import type { BackendInUse, CacheSizeSetting, ReadOnlyDecision } from '../handoff.js';
import { cacheSizeVariable } from '../sccache/cache-size.js';
import { inspectEnvironment, type Env, type EnvironmentReport } from '../sccache/environment.js';
import { ghaNamespace } from '../sccache/location.js';
import { readOnlyVariable, storeVariables, type StoreKind, type StoreVariables } from '../sccache/stores.js';
import type { Capabilities, SccacheVersion } from '../sccache/version.js';
import type { Settings } from './inputs.js';
import { decideReadOnly } from './read-only.js';

export interface PlanInput {
  readonly settings: Settings;
  readonly version: SccacheVersion;
  readonly capabilities: Capabilities;
  /** Absolute path of the sccache binary. */
  readonly sccachePath: string;
  /** The action's own environment (process.env): runner variables and the ACTIONS_* it alone gets. */
  readonly env: Env;
  /** `sccache --help` lists "GHA: true"; false for builds without it (Debian's). null when unknown. */
  readonly ghaCompiledIn: boolean | null;
  /** Where the log goes: a file under RUNNER_TEMP. */
  readonly logPath: string;
  /** The local cache directory when the local backend is used. */
  readonly localCacheDir: string;
  /** The loopback port of this job's own server, exported so that later steps' clients find it. */
  readonly serverPort: string;
}

export interface Plan {
  readonly backend: BackendInUse;
  readonly host: HostKind;
  readonly protocol?: 'v1' | 'v2';
  /** The GHA namespace in clear, e.g. sccache-v0.16.0-linux. */
  readonly namespace?: string;
  readonly readOnly: ReadOnlyDecision;
  /** SCCACHE_CACHE_SIZE for the local backend, as exported. */
  readonly cacheSize?: CacheSizeSetting;
  /** Variables to export for the server start and for later steps. */
  readonly exports: Readonly<Record<string, string>>;
  /**
   * Variables for the server start only: SCCACHE_LOG (in a client it prints debug lines into the build
   * log) and, unless export-credentials, the GitHub cache credentials and settings.
   */
  readonly serverOnly: Readonly<Record<string, string>>;
  /** Whether the cache credentials go to later steps too (export-credentials), or stay in the server. */
  readonly credentialsExported: boolean;
  /** Values to mask before anything is printed. */
  readonly secrets: readonly string[];
  /** Why GHA was not chosen when it was asked for or would have been the default. */
  readonly ghaUnavailableBecause?: string;
  /** Why this sccache cannot use the GitHub cache on this host (too old for v2 on github.com, or no GHA build). */
  readonly tooOldBecause?: string;
  readonly environment: EnvironmentReport;
  /**
   * backend s3, redis or webdav: the store, described without a credential; its name (where it is,
   * as findings and warnings call it); and what to know about it.
   */
  readonly store?: {
    readonly kind: StoreKind;
    readonly described: string;
    readonly name: string;
    readonly notes: readonly string[];
  };
}

/** Whether this sccache can use the GitHub cache here, and if not, why. */
function ghaSupport(
  input: PlanInput,
  host: HostKind,
): { ok: true; protocol: 'v1' | 'v2' } | { ok: false; why: string; tooOld?: string } {
  const { version, capabilities, env } = input;
  if (input.ghaCompiledIn === false) {
    return {
      ok: false,
      why: `this sccache (${version.raw}) was built without the GHA backend`,
      tooOld: `sccache ${version.raw} has no GHA backend compiled in`,
    };
  }
  if (!capabilities.ghaEnabledVariable) {
    const why = `sccache ${version.raw} predates the GHA backend configuration sccache-guard supports (0.4.0+)`;
    return { ok: false, why, tooOld: why };
  }
  if (host !== 'ghes' && !capabilities.ghaV2) {
    const why =
      `sccache ${version.raw} speaks only the v1 cache protocol, which ${host} shut down on 2025-04-15: ` +
      'enabling GHA would make every compile fail; sccache 0.10.0 is the first with v2';
    return { ok: false, why, tooOld: why };
  }
  if (!env['ACTIONS_RUNTIME_TOKEN'])
    return { ok: false, why: 'ACTIONS_RUNTIME_TOKEN is not in the action environment' };
  if (host === 'ghes') {
    if (!env['ACTIONS_CACHE_URL'])
      return {
        ok: false,
        why: 'ACTIONS_CACHE_URL is not in the action environment (GHES uses the v1 service)',
      };
    return { ok: true, protocol: 'v1' };
  }
  if (!env['ACTIONS_RESULTS_URL'])
    return { ok: false, why: 'ACTIONS_RESULTS_URL is not in the action environment' };
  return { ok: true, protocol: 'v2' };
}

function chooseBackend(
  input: PlanInput,
  host: HostKind,
  mode: CacheMode,
): { backend: BackendInUse; why?: string; protocol?: 'v1' | 'v2'; tooOld?: string } {
  const { settings, env } = input;
  if (settings.backend === 'local' || settings.backend === 'external') return { backend: settings.backend };
  // A named store is the user's choice: sccache reads it as it reads any store of its own.
  if (settings.store) return { backend: 'external' };
  const configuredElsewhere = inspectEnvironment(
    env,
    input.version,
    input.capabilities,
  ).higherPrecedenceBackends;
  if (settings.backend === 'auto' && configuredElsewhere.length) {
    // The user configured a store of their own, which sccache would pick over GHA anyway.
    return { backend: 'external', why: `${configuredElsewhere.join(', ')} configure another backend` };
  }
  if (mode === 'none') {
    return { backend: 'local', why: 'ACTIONS_CACHE_MODE is none: this job may not use the GitHub cache' };
  }
  const support = ghaSupport(input, host);
  if (support.ok) return { backend: 'gha', protocol: support.protocol };
  return { backend: 'local', why: support.why, ...(support.tooOld ? { tooOld: support.tooOld } : {}) };
}

export function planSetup(input: PlanInput): Plan {
  const { settings, env, version, capabilities, sccachePath } = input;
  const host = hostFromServerUrl(env['GITHUB_SERVER_URL']).kind;
  const environment = inspectEnvironment(env, version, capabilities);
  const mode = cacheMode(env);
  let choice = chooseBackend(input, host, mode);
  // The variables this sccache reads for the named store; a version without that store uses disk.
  let store: StoreVariables | undefined;
  if (settings.store) {
    const planned = storeVariables(settings.store, version);
    if ('unsupported' in planned) choice = { backend: 'local', why: planned.unsupported };
    else store = planned;
  }
  const storeKind = store ? settings.store?.kind : undefined;
  const storeReadOnly = storeKind ? readOnlyVariable(storeKind, version) : undefined;
  const readOnly = decideReadOnly({
    choice: settings.readOnly,
    event: env['GITHUB_EVENT_NAME'] ?? '',
    cacheMode: mode,
    backend: choice.backend,
    sccacheVersion: version.raw,
    capabilities,
    ...(storeKind
      ? { store: { kind: storeKind, ...(storeReadOnly ? { readOnlyVariable: storeReadOnly } : {}) } }
      : {}),
  });
  const exports: Record<string, string> = {};
  const secrets: string[] = [];

  // Keep the server, and its stats, alive until the report; keep a log for the report to read.
  exports['SCCACHE_IDLE_TIMEOUT'] = '0';
  // A server of this job's own: on a shared machine the default port may be another job's.
  exports['SCCACHE_SERVER_PORT'] = input.serverPort;
  exports['SCCACHE_ERROR_LOG'] = input.logPath;
  const serverOnly: Record<string, string> =
    settings.logLevel !== 'off' ? { SCCACHE_LOG: settings.logLevel } : {};
  if (settings.rustcWrapper) {
    exports['RUSTC_WRAPPER'] = sccachePath;
    exports['CARGO_INCREMENTAL'] = '0';
  }
  if (settings.cmakeLaunchers) {
    exports['CMAKE_C_COMPILER_LAUNCHER'] = sccachePath;
    exports['CMAKE_CXX_COMPILER_LAUNCHER'] = sccachePath;
  }

  let namespace: string | undefined;
  let cacheSize: CacheSizeSetting | undefined;
  if (choice.backend === 'gha') {
    // The server reads its storage configuration once, when it starts: setup starts it, so later
    // steps (which may build untrusted code, e.g. on pull_request_target) need none of this, and the
    // runtime token would let them write the default branch's cache. A server a later step starts
    // itself then finds no GHA settings and uses local disk, which still compiles.
    const gha = settings.exportCredentials ? exports : serverOnly;
    const token = env['ACTIONS_RUNTIME_TOKEN']!;
    secrets.push(token);
    gha['ACTIONS_RUNTIME_TOKEN'] = token;
    gha['SCCACHE_GHA_ENABLED'] = 'true';
    if (choice.protocol === 'v2') {
      gha['ACTIONS_RESULTS_URL'] = env['ACTIONS_RESULTS_URL']!;
      gha['ACTIONS_CACHE_SERVICE_V2'] = 'on';
    } else {
      gha['ACTIONS_CACHE_URL'] = env['ACTIONS_CACHE_URL']!;
      if (env['ACTIONS_RESULTS_URL']) gha['ACTIONS_RESULTS_URL'] = env['ACTIONS_RESULTS_URL'];
    }
    // Never set empty: an empty SCCACHE_GHA_VERSION still enables GHA before 0.16.
    if (settings.cacheNamespace) gha['SCCACHE_GHA_VERSION'] = settings.cacheNamespace;
    namespace = ghaNamespace(version.raw, settings.cacheNamespace || undefined);
    if (readOnly.wanted && readOnly.enforced) gha['SCCACHE_GHA_RW_MODE'] = 'READ_ONLY';
  } else if (store && storeKind) {
    // As with the GitHub cache: the server reads the store's settings when setup starts it, and
    // later steps get them (credentials included) only with export-credentials.
    const target = settings.exportCredentials ? exports : serverOnly;
    Object.assign(target, store.exports);
    secrets.push(...store.secrets);
    // sccache's S3 client reads the job's AWS credentials itself: mask them like ours.
    if (storeKind === 's3') {
      for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
        const value = env[name];
        if (value) secrets.push(value);
      }
    }
    if (readOnly.wanted && readOnly.enforced && storeReadOnly) target[storeReadOnly] = 'READ_ONLY';
  } else if (choice.backend === 'local') {
    exports['SCCACHE_DIR'] = env['SCCACHE_DIR'] || input.localCacheDir;
    // Its bound is the archive's: one per job, all in the repository's 10 GB. Exported like the
    // directory, so that a server a later step starts keeps both.
    cacheSize = { value: cacheSizeVariable(settings.cacheSize, capabilities) };
    exports['SCCACHE_CACHE_SIZE'] = cacheSize.value;
    // The input has a default, so it always wins: say so when the job had its own value.
    const own = env['SCCACHE_CACHE_SIZE'];
    if (own !== undefined && own !== cacheSize.value) cacheSize = { ...cacheSize, replaced: own };
    // Read-only here is enforced by the report, which then saves no new archive.
    // A job-level SCCACHE_GHA_ENABLED would still reach the compiler steps' clients: turn it off with
    // a value every version accepts (an invalid one makes every client call fail from 0.8).
    if (env['SCCACHE_GHA_ENABLED'] !== undefined) exports['SCCACHE_GHA_ENABLED'] = 'false';
  }

  return {
    backend: choice.backend,
    host,
    ...(choice.protocol ? { protocol: choice.protocol } : {}),
    ...(namespace ? { namespace } : {}),
    ...(cacheSize ? { cacheSize } : {}),
    readOnly,
    exports,
    serverOnly,
    credentialsExported: (choice.backend === 'gha' || store !== undefined) && settings.exportCredentials,
    secrets,
    ...(choice.why ? { ghaUnavailableBecause: choice.why } : {}),
    ...(choice.tooOld && settings.backend !== 'local' && settings.backend !== 'external'
      ? { tooOldBecause: choice.tooOld }
      : {}),
    environment,
    ...(store && storeKind
      ? {
          store: {
            kind: storeKind,
            described: store.described,
            // The description up to its first comma: where the store is, not how it authenticates.
            name: store.described.split(', ')[0]!,
            notes: store.notes,
          },
        }
      : {}),
  };
}

/** The plan to fall back to when the planned backend failed its preflight: local disk, no GHA. */
export function fallbackPlan(plan: Plan, input: PlanInput, why: string): Plan {
  const settings: Settings = { ...input.settings, backend: 'local' };
  delete (settings as { store?: unknown }).store;
  const local = planSetup({ ...input, settings });
  return {
    ...local,
    ghaUnavailableBecause: why,
    environment: plan.environment,
    ...(plan.tooOldBecause ? { tooOldBecause: plan.tooOldBecause } : {}),
  };
}
