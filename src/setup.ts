// The main step: find or install sccache, plan the environment its version needs, start the server
// with it and check that the backend works. A broken cache becomes a warning and local disk, never a
// broken build (unless on-backend-failure: fail).
import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  SETUP_RECORD_STATE,
  serializeSetupRecord,
  type LocalCacheRecord,
  type Preflight,
  type SetupRecord,
} from './context/setup-record.js';
import { jobLabel } from './context/job.js';
import { localCacheKeys } from './storage/local-key.js';
import { restoreLocalCache } from './storage/local.js';
import { InputError, readSettings, type Settings } from './inputs.js';
import { runSccache } from './sccache/command.js';
import { findOnPath, InstallError, installRelease } from './sccache/install.js';
import { fallbackPlan, planSetup, type Plan, type PlanInput } from './sccache/plan.js';
import { serverLocation, startServer, stopServer, type ServerEnv } from './sccache/server.js';
import {
  capabilitiesOf,
  NEWEST_TESTED_VERSION,
  parseVersionOutput,
  VersionParseError,
  type SccacheVersion,
} from './sccache/version.js';

/** Variables that select a cache backend: stripped from the server's environment on fallback. */
const BACKEND_VARIABLE =
  /^(SCCACHE_(GHA_|BUCKET|REDIS|MEMCACHED|GCS|AZURE|WEBDAV|OSS|COS|S3|MULTILEVEL)|ACTIONS_CACHE_SERVICE_V2$)/;

async function locateSccache(settings: Settings): Promise<string | undefined> {
  const onPath = await findOnPath();
  if (onPath) {
    core.info(`sccache found on PATH: ${onPath}`);
    return onPath;
  }
  try {
    const installed = await installRelease({
      version: settings.sccacheVersion,
      urlTemplate: settings.sccacheDownloadUrl,
      sha256: settings.sccacheSha256,
      platform: process.platform,
      arch: process.arch,
    });
    core.addPath(dirname(installed.path));
    core.info(`sccache ${installed.version} from ${installed.source}: ${installed.path}`);
    return installed.path;
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    if (error.kind === 'checksum') throw error;
    if (settings.onBackendFailure === 'fail') {
      core.setFailed(`sccache could not be installed: ${error.message}`);
      return undefined;
    }
    core.warning(`sccache could not be installed, so this build runs without it: ${error.message}`, {
      title: 'sccache-guard setup',
    });
    return undefined;
  }
}

async function readVersion(sccache: string): Promise<SccacheVersion> {
  let version: SccacheVersion;
  try {
    version = parseVersionOutput((await runSccache(sccache, ['--version'])).stdout);
  } catch (error) {
    if (!(error instanceof VersionParseError)) throw error;
    // An sccache that prints its version some new way still gets the newest known behaviour.
    core.notice(`${error.message}; assuming sccache ${NEWEST_TESTED_VERSION} behaviour.`);
    return { raw: NEWEST_TESTED_VERSION, semver: NEWEST_TESTED_VERSION, newerThanTested: false };
  }
  if (version.newerThanTested) {
    core.notice(
      `sccache ${version.raw} is newer than the versions sccache-guard has tested; assuming the newest known behaviour.`,
    );
  }
  return version;
}

/** `sccache --help` ends with "Enabled features: … GHA: true|false" on the versions that list them. */
async function ghaCompiledIn(sccache: string): Promise<boolean | null> {
  try {
    const { stdout } = await runSccache(sccache, ['--help']);
    const match = /\bGHA:\s*(true|false)\b/.exec(stdout);
    return match ? match[1] === 'true' : null;
  } catch {
    return null;
  }
}

/** Set in the job, these would keep our server in the foreground, holding the step open. */
const FOREGROUND_VARIABLES = new Set(['SCCACHE_NO_DAEMON', 'SCCACHE_START_SERVER']);

/** The environment the server starts with. A local plan drops every backend variable of the job. */
function serverEnv(plan: Plan): ServerEnv {
  const stripBackends = plan.backend === 'local';
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || FOREGROUND_VARIABLES.has(name)) continue;
    if (stripBackends && BACKEND_VARIABLE.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...plan.exports, ...plan.serverOnly };
}

/** The environment later steps will give the sccache client: the job's, plus our exports. */
function clientEnv(plan: Plan): ServerEnv {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return { ...env, ...plan.exports };
}

/** Starts the server with the plan's environment and checks it stores where the plan intended. */
async function startAndCheck(sccache: string, plan: Plan, env: ServerEnv): Promise<Preflight> {
  await stopServer(sccache, env);
  const started = await startServer(sccache, env);
  if (!started.ok) return { ok: false, error: started.error, fallback: false };
  try {
    // Asked the way a compile step will ask: a client that cannot even parse the job's
    // configuration (an invalid SCCACHE_GHA_ENABLED from 0.8) would fail every compile.
    const location = await serverLocation(sccache, clientEnv(plan));
    const wanted =
      plan.backend === 'external'
        ? location.backend !== 'none' && location.backend !== 'local'
        : location.backend === plan.backend;
    const protocolOk = plan.backend !== 'gha' || location.protocol === plan.protocol;
    if (wanted && protocolOk) return { ok: true, location: location.raw, fallback: false };
    await stopServer(sccache, env);
    return {
      ok: false,
      location: location.raw,
      error: `the server started with cache location "${location.raw}", not the planned ${plan.backend}${plan.protocol ? ` (${plan.protocol})` : ''} cache`,
      fallback: false,
    };
  } catch (error) {
    await stopServer(sccache, env);
    return {
      ok: false,
      error: `the server started but a client could not read its stats: ${(error as Error).message}`,
      fallback: false,
    };
  }
}

function logPlan(plan: Plan): void {
  core.info(
    `sccache backend: ${plan.backend}${plan.protocol ? ` (protocol ${plan.protocol})` : ''}${plan.namespace ? `, namespace ${plan.namespace}` : ''}`,
  );
  if (plan.ghaUnavailable) core.info(`GitHub cache not used: ${plan.ghaUnavailable}`);
  if (plan.readOnlyNote) core.info(`read-only: ${plan.readOnlyNote}`);
  // Names only: the token's value is masked, but it is never printed by us in the first place.
  core.info(`exporting: ${Object.keys(plan.exports).sort().join(', ')}`);
}

async function run(): Promise<void> {
  // Secrets first: nothing may be printed before the token is masked.
  const token = process.env['ACTIONS_RUNTIME_TOKEN'];
  if (token) core.setSecret(token);

  let settings: Settings;
  try {
    settings = readSettings((name) => core.getInput(name));
  } catch (error) {
    if (error instanceof InputError) return core.setFailed(error.message);
    throw error;
  }

  const sccache = await locateSccache(settings);
  if (!sccache) return;
  core.saveState('sccache-path', sccache);
  const version = await readVersion(sccache);
  const logDir = join(process.env['RUNNER_TEMP'] || tmpdir(), 'sccache-guard');
  await mkdir(logDir, { recursive: true });
  const input: PlanInput = {
    settings,
    version,
    capabilities: capabilitiesOf(version),
    sccachePath: sccache,
    env: process.env,
    ghaCompiledIn: await ghaCompiledIn(sccache),
    logPath: join(logDir, 'sccache.log'),
    localCacheDir: join(process.env['HOME'] || tmpdir(), '.cache', 'sccache'),
  };
  const planned = planSetup(input);
  for (const secret of planned.secrets) core.setSecret(secret);
  logPlan(planned);

  // The local backend starts from the newest archive of this job's SCCACHE_DIR (one download).
  let localCache: LocalCacheRecord | undefined;
  if (planned.backend === 'local') {
    const dir = planned.exports['SCCACHE_DIR']!;
    const keys = localCacheKeys(process.env, jobLabel(settings.jobLabel, process.env));
    const restored = await restoreLocalCache(dir, keys.key, keys.restorePrefix);
    localCache = {
      dir,
      ...keys,
      ...(restored.restored ? { restoredKey: restored.matchedKey } : { restoreNote: restored.reason }),
    };
    core.info(
      `local cache: ${restored.restored ? `restored ${dir} from ${restored.matchedKey}` : `nothing restored (${restored.reason})`}`,
    );
  }

  let plan = planned;
  let preflight = await startAndCheck(sccache, planned, serverEnv(planned));
  if (!preflight.ok) {
    const what = `sccache could not use the ${planned.backend} cache: ${preflight.error}`;
    if (settings.onBackendFailure === 'fail') {
      core.setFailed(what);
    } else if (planned.backend !== 'local') {
      plan = fallbackPlan(planned, input, preflight.error ?? 'preflight failed');
      const local = await startAndCheck(sccache, plan, serverEnv(plan));
      preflight = { ...local, error: preflight.error, fallback: true };
      core.warning(`${what}. Falling back to local disk for this run.`, {
        title: 'sccache-guard: cache backend failed',
      });
    } else {
      core.warning(`${what}. The build runs without sccache.`, {
        title: 'sccache-guard: sccache did not start',
      });
    }
  }
  const running = preflight.ok;
  const record: SetupRecord = {
    schema: 1,
    sccachePath: sccache,
    sccacheVersion: version.raw,
    requestedBackend: settings.backend,
    plannedBackend: planned.backend,
    backend: running ? plan.backend : null,
    host: plan.host,
    ...(plan.protocol ? { protocol: plan.protocol } : {}),
    ...(plan.namespace ? { namespace: plan.namespace } : {}),
    ...(settings.cacheNamespace ? { namespaceSuffix: settings.cacheNamespace } : {}),
    readOnly: plan.readOnly,
    ...(plan.readOnlyNote ? { readOnlyNote: plan.readOnlyNote } : {}),
    ...(plan.ghaUnavailable ? { ghaUnavailable: plan.ghaUnavailable } : {}),
    ...(plan.tooOld ? { tooOld: plan.tooOld } : {}),
    environment: plan.environment,
    preflight,
    logPath: input.logPath,
    ...(localCache && running ? { localCache } : {}),
    exported: running ? Object.keys(plan.exports).sort() : [],
  };
  // Only a running server gets the build: exporting RUSTC_WRAPPER for a server that cannot start
  // would make every compile fail.
  if (running) {
    for (const [name, value] of Object.entries(plan.exports)) core.exportVariable(name, value);
  }
  core.saveState(SETUP_RECORD_STATE, serializeSetupRecord(record));
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InstallError && error.kind === 'checksum') return core.setFailed(message);
  // A bug of ours must not break the build: say so and let the job go on without sccache-guard.
  core.warning(`sccache-guard setup failed unexpectedly, the build runs without it: ${message}`);
});
