// The setup plan: a pure function of the settings, the sccache version and the runner's environment,
// returning exactly the variables to export and what to tell the user (reference sccache.md §3.5).
import { hostFromServerUrl, type HostKind } from '../diagnose/facts.js';
import type { Settings } from '../inputs.js';
import { inspectEnvironment, type Env, type EnvironmentReport } from './environment.js';
import { ghaNamespace } from './location.js';
import type { Capabilities, SccacheVersion } from './version.js';

export type BackendInUse = 'gha' | 'local' | 'external';

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
}

export interface Plan {
  readonly backend: BackendInUse;
  readonly host: HostKind;
  readonly protocol?: 'v1' | 'v2';
  /** The GHA namespace in clear, e.g. sccache-v0.16.0-linux. */
  readonly namespace?: string;
  readonly readOnly: boolean;
  /** Why read-only was chosen (or why it could not be enforced). */
  readonly readOnlyNote?: string;
  /** Variables to export for the server start and for later steps. */
  readonly exports: Readonly<Record<string, string>>;
  /** Variables for the server start only: SCCACHE_LOG in a client prints debug lines into the build log. */
  readonly serverOnly: Readonly<Record<string, string>>;
  /** Values to mask before anything is printed. */
  readonly secrets: readonly string[];
  /** Why GHA was not chosen when it was asked for or would have been the default. */
  readonly ghaUnavailable?: string;
  /** sccache cannot use the GitHub cache on this host (too old for v2 on github.com, or no GHA build). */
  readonly tooOld?: string;
  readonly environment: EnvironmentReport;
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

function resolveReadOnly(settings: Settings, env: Env): { readOnly: boolean; why?: string } {
  if (settings.readOnly === 'true') return { readOnly: true, why: 'read-only: true' };
  if (settings.readOnly === 'false') return { readOnly: false };
  const event = env['GITHUB_EVENT_NAME'] ?? '';
  if (event === 'pull_request') {
    return { readOnly: true, why: 'a pull_request run writes into its PR ref, which no other run can read' };
  }
  if (event === 'pull_request_target') {
    return {
      readOnly: true,
      why: 'a pull_request_target run builds untrusted code: it must not write the base branch cache',
    };
  }
  if ((env['ACTIONS_CACHE_MODE'] ?? '').toLowerCase() === 'read') {
    return { readOnly: true, why: 'ACTIONS_CACHE_MODE is read: the cache service refuses writes' };
  }
  return { readOnly: false };
}

function chooseBackend(
  input: PlanInput,
  host: HostKind,
): { backend: BackendInUse; why?: string; protocol?: 'v1' | 'v2'; tooOld?: string } {
  const { settings, env } = input;
  if (settings.backend === 'local' || settings.backend === 'external') return { backend: settings.backend };
  const configuredElsewhere = inspectEnvironment(
    env,
    input.version,
    input.capabilities,
  ).higherPrecedenceBackends;
  if (settings.backend === 'auto' && configuredElsewhere.length) {
    // The user configured a store of their own, which sccache would pick over GHA anyway.
    return { backend: 'external', why: `${configuredElsewhere.join(', ')} configure another backend` };
  }
  if ((env['ACTIONS_CACHE_MODE'] ?? '').toLowerCase() === 'none') {
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
  const choice = chooseBackend(input, host);
  const exports: Record<string, string> = {};
  const secrets: string[] = [];

  // Keep the server, and its stats, alive until the report; keep a log for the report to read.
  exports['SCCACHE_IDLE_TIMEOUT'] = '0';
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

  let readOnly = false;
  let readOnlyNote: string | undefined;
  let namespace: string | undefined;
  if (choice.backend === 'gha') {
    const token = env['ACTIONS_RUNTIME_TOKEN']!;
    secrets.push(token);
    exports['ACTIONS_RUNTIME_TOKEN'] = token;
    exports['SCCACHE_GHA_ENABLED'] = 'true';
    if (choice.protocol === 'v2') {
      exports['ACTIONS_RESULTS_URL'] = env['ACTIONS_RESULTS_URL']!;
      exports['ACTIONS_CACHE_SERVICE_V2'] = 'on';
    } else {
      exports['ACTIONS_CACHE_URL'] = env['ACTIONS_CACHE_URL']!;
      if (env['ACTIONS_RESULTS_URL']) exports['ACTIONS_RESULTS_URL'] = env['ACTIONS_RESULTS_URL'];
    }
    // Never exported empty: an empty SCCACHE_GHA_VERSION still enables GHA before 0.16.
    if (settings.cacheNamespace) exports['SCCACHE_GHA_VERSION'] = settings.cacheNamespace;
    namespace = ghaNamespace(version.raw, settings.cacheNamespace || undefined);
    const ro = resolveReadOnly(settings, env);
    if (ro.readOnly && capabilities.ghaReadOnlyMode) {
      readOnly = true;
      readOnlyNote = ro.why;
      exports['SCCACHE_GHA_RW_MODE'] = 'READ_ONLY';
    } else if (ro.readOnly) {
      readOnlyNote =
        `read-only wanted (${ro.why}) but sccache ${version.raw} has no SCCACHE_GHA_RW_MODE (0.16.0+): ` +
        "it will write as usual (into this run's scope)";
    }
  } else if (choice.backend === 'local') {
    exports['SCCACHE_DIR'] = env['SCCACHE_DIR'] || input.localCacheDir;
    // Read-only here means: restore the archive, do not save a new one.
    const ro = resolveReadOnly(settings, env);
    readOnly = ro.readOnly;
    if (ro.readOnly) readOnlyNote = `${ro.why}; the local cache archive is restored but not saved`;
    // A job-level SCCACHE_GHA_ENABLED would still reach the compiler steps' clients: turn it off with
    // a value every version accepts (an invalid one makes every client call fail from 0.8).
    if (env['SCCACHE_GHA_ENABLED'] !== undefined) exports['SCCACHE_GHA_ENABLED'] = 'false';
  }

  return {
    backend: choice.backend,
    host,
    ...(choice.protocol ? { protocol: choice.protocol } : {}),
    ...(namespace ? { namespace } : {}),
    readOnly,
    ...(readOnlyNote ? { readOnlyNote } : {}),
    exports,
    serverOnly,
    secrets,
    ...(choice.why ? { ghaUnavailable: choice.why } : {}),
    ...(choice.tooOld && settings.backend !== 'local' && settings.backend !== 'external'
      ? { tooOld: choice.tooOld }
      : {}),
    environment,
  };
}

/** The plan to fall back to when the planned backend failed its preflight: local disk, no GHA. */
export function fallbackPlan(plan: Plan, input: PlanInput, why: string): Plan {
  const local = planSetup({ ...input, settings: { ...input.settings, backend: 'local' } });
  return {
    ...local,
    ghaUnavailable: why,
    environment: plan.environment,
    ...(plan.tooOld ? { tooOld: plan.tooOld } : {}),
  };
}
