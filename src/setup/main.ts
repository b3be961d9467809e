// The main step: find or install sccache, plan the environment its version needs, start the server
// with it and check that the backend works. A broken cache becomes a warning and local disk, never a
// broken build (unless on-backend-failure: fail). run() takes everything it touches as deps, so the
// fallback and the record are unit-tested with a recording core and a scripted sccache.
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { maskSecrets, runnerCore, type Core } from '../github/core.js';
import { jobLabel } from '../github/job.js';
import { restoreLocalCache, type RestoreResult } from '../github/sccache-dir-archive.js';
import { directorySize } from '../github/cache-entry-size.js';
import { localCacheKeys } from '../github/sccache-dir-key.js';
import {
  describePreflight,
  serializeSetupRecord,
  STATE,
  SUM_CHECKED,
  type ForeignServer,
  type LocalCacheRecord,
  type SumSource,
} from '../handoff.js';
import { binaryVersion, ghaCompiledIn } from '../sccache/binary.js';
import { credentialsToMask } from '../sccache/credentials.js';
import { readLogFacts } from '../sccache/log-reader.js';
import type { LogFacts } from '../sccache/log-scanner.js';
import {
  DEFAULT_SERVER_PORT,
  describeServer,
  serverLocation,
  startServer,
  stopServer,
  type ServerEnv,
  type ServerIdentity,
} from '../sccache/server.js';
import {
  capabilitiesOf,
  NEWEST_TESTED_VERSION,
  VersionParseError,
  type SccacheVersion,
} from '../sccache/version.js';
import { freePort, isListening } from '../util/ports.js';
import { redact } from '../util/redact.js';
import { actionTempDir } from '../util/temp-dir.js';
import { InputError, readSettings, type Settings } from './inputs.js';
import { findOnPath, InstallError, installRelease, type InstallRequest, type Installed } from './install.js';
import { fallbackPlan, planSetup, type Plan, type PlanInput } from './plan.js';
import { startAndCheck, type ServerControl } from './preflight.js';
import { buildSetupRecord } from './record.js';

export interface SetupDeps {
  readonly core: Core;
  /** The action's own environment: runner variables and the ACTIONS_* only JavaScript actions get. */
  readonly env: NodeJS.ProcessEnv;
  readonly sccache: ServerControl & {
    readonly findOnPath: () => Promise<string | undefined>;
    readonly install: (request: InstallRequest) => Promise<Installed>;
    readonly version: (binary: string) => Promise<SccacheVersion>;
    readonly ghaCompiledIn: (binary: string) => Promise<boolean | null>;
    readonly describeServer: (binary: string, env: ServerEnv) => Promise<ServerIdentity>;
  };
  /** Loopback ports: whether one is taken, and a free one for this job's server. */
  readonly ports: {
    readonly isListening: (port: number) => Promise<boolean>;
    readonly freePort: () => Promise<number>;
  };
  readonly restoreArchive: (dir: string, key: string, restorePrefix: string) => Promise<RestoreResult>;
  readonly readLog: (path: string | undefined) => Promise<LogFacts | undefined>;
  /** The clock: when setup began, so the report can tell a restored target/ from a built one. */
  readonly now: () => Date;
}

export const runnerSetupDeps = (): SetupDeps => ({
  core: runnerCore,
  env: process.env,
  sccache: {
    findOnPath,
    install: installRelease,
    version: binaryVersion,
    ghaCompiledIn,
    stopServer,
    startServer,
    serverLocation,
    describeServer,
  },
  ports: { isListening, freePort },
  restoreArchive: restoreLocalCache,
  readLog: readLogFacts,
  now: () => new Date(),
});

async function locateSccache(
  { core, sccache }: SetupDeps,
  settings: Settings,
): Promise<{ path: string; checkedAgainst?: SumSource } | undefined> {
  const onPath = await sccache.findOnPath();
  if (onPath) {
    core.info(`sccache found on PATH: ${onPath}`);
    return { path: onPath };
  }
  try {
    const installed = await sccache.install({
      version: settings.sccacheVersion,
      urlTemplate: settings.sccacheDownloadUrl,
      sha256: settings.sccacheSha256,
      committedSumsOnly: settings.committedSumsOnly,
      platform: process.platform,
      arch: process.arch,
    });
    core.addPath(dirname(installed.path));
    const sum = installed.checkedAgainst ? `, ${SUM_CHECKED[installed.checkedAgainst]}` : '';
    core.info(`sccache ${installed.version} from ${installed.source}${sum}: ${installed.path}`);
    return {
      path: installed.path,
      ...(installed.checkedAgainst ? { checkedAgainst: installed.checkedAgainst } : {}),
    };
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    if (error.kind === 'checksum') throw error;
    core.saveState(STATE.setupFailure, `sccache could not be installed: ${redact(error.message)}`);
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

async function readVersion({ core, sccache }: SetupDeps, binary: string): Promise<SccacheVersion> {
  let version: SccacheVersion;
  try {
    version = await sccache.version(binary);
  } catch (error) {
    if (!(error instanceof VersionParseError)) throw error;
    // An sccache that prints its version some new way still gets the newest known behaviour.
    core.notice(`${error.message}; assuming sccache ${NEWEST_TESTED_VERSION} behaviour.`, {
      title: 'sccache-guard setup',
    });
    return { raw: NEWEST_TESTED_VERSION, semver: NEWEST_TESTED_VERSION, newerThanTested: false };
  }
  if (version.newerThanTested) {
    core.notice(
      `sccache ${version.raw} is newer than the versions sccache-guard has tested; assuming the newest known behaviour.`,
      { title: 'sccache-guard setup' },
    );
  }
  return version;
}

function logPlan(core: Core, plan: Plan): void {
  core.info(
    `sccache backend: ${plan.backend}${plan.protocol ? ` (protocol ${plan.protocol})` : ''}${plan.namespace ? `, namespace ${plan.namespace}` : ''}`,
  );
  if (plan.ghaUnavailableBecause) core.info(`GitHub cache not used: ${plan.ghaUnavailableBecause}`);
  if (plan.cacheSize) {
    const replaced = plan.cacheSize.replaced;
    core.info(
      `local cache bound: SCCACHE_CACHE_SIZE=${plan.cacheSize.value} (cache-size)${replaced !== undefined ? `, replacing the job's own ${JSON.stringify(replaced)}` : ''}`,
    );
  }
  if (plan.readOnly.wanted) {
    core.info(
      plan.readOnly.enforced
        ? `read-only: ${plan.readOnly.why} (${plan.readOnly.how})`
        : `read-only wanted (${plan.readOnly.why}) but not enforced: ${plan.readOnly.whyNot}`,
    );
  }
  // Names only: the token's value is masked, but it is never printed by us in the first place.
  if (plan.store) {
    core.info(`store: ${plan.store.described}`);
    for (const note of plan.store.notes) core.info(`  ${note}`);
  }
  core.info(`exporting: ${Object.keys(plan.exports).sort().join(', ')}`);
}

/** The local backend starts from the newest archive of this job's SCCACHE_DIR (one download). */
async function restoreArchive(deps: SetupDeps, plan: Plan, settings: Settings): Promise<LocalCacheRecord> {
  const dir = plan.exports['SCCACHE_DIR']!;
  const keys = localCacheKeys(deps.env, jobLabel(settings.jobLabel, deps.env));
  const started = performance.now();
  const restored = await deps.restoreArchive(dir, keys.key, keys.restorePrefix);
  // What the restore cost, for the report's backend-advice: the time, and the bytes unpacked.
  const restoreSeconds = Math.round(performance.now() - started) / 1000;
  const size = restored.restored ? await directorySize(dir) : undefined;
  deps.core.info(
    `local cache: ${restored.restored ? `restored ${dir} from ${restored.matchedKey} in ${restoreSeconds} s` : `nothing restored (${restored.reason})`}`,
  );
  return {
    dir,
    ...keys,
    ...(restored.restored
      ? { restoredKey: restored.matchedKey, restoreSeconds, ...(size ? { restoredBytes: size.bytes } : {}) }
      : { restoreNote: restored.reason }),
  };
}

/**
 * The port of this job's own server: the job's SCCACHE_SERVER_PORT when it set one and nothing
 * listens there, else a free one. Setup never stops a server it did not start: one found on the
 * port that would have been used (another job's on a shared machine, or an earlier job's) is left
 * running and described for the report.
 */
async function chooseServerPort(
  deps: SetupDeps,
  sccache: string,
): Promise<{ port: string; foreign?: ForeignServer }> {
  const asked = /^\d{1,5}$/.test(deps.env['SCCACHE_SERVER_PORT'] ?? '')
    ? deps.env['SCCACHE_SERVER_PORT']!
    : '';
  const usual = Number(asked || DEFAULT_SERVER_PORT);
  if (!(await deps.ports.isListening(usual))) {
    return { port: asked || String(await deps.ports.freePort()) };
  }
  const identity = await deps.sccache.describeServer(sccache, { SCCACHE_SERVER_PORT: String(usual) });
  const foreign: ForeignServer = { port: String(usual), ...identity, ...(asked ? { namedByJob: true } : {}) };
  const port = String(await deps.ports.freePort());
  deps.core.info(
    `a sccache server already listens on port ${usual}${identity.version ? ` (sccache ${identity.version})` : ''}: left alone; this job's server uses port ${port}`,
  );
  return { port, foreign };
}

async function setUp(deps: SetupDeps): Promise<void> {
  const { core, env } = deps;
  const startedAt = deps.now().toISOString();

  let settings: Settings;
  try {
    settings = readSettings((name) => core.getInput(name));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    core.saveState(STATE.setupFailure, error.message);
    return core.setFailed(error.message);
  }

  const located = await locateSccache(deps, settings);
  if (!located) return;
  const sccache = located.path;
  core.saveState(STATE.sccachePath, sccache);
  const version = await readVersion(deps, sccache);
  const tempDir = await actionTempDir(env);
  const server = await chooseServerPort(deps, sccache);
  const input: PlanInput = {
    settings,
    version,
    capabilities: capabilitiesOf(version),
    sccachePath: sccache,
    env,
    ghaCompiledIn: await deps.sccache.ghaCompiledIn(sccache),
    logPath: join(tempDir, 'sccache.log'),
    localCacheDir: join(env['HOME'] || tmpdir(), '.cache', 'sccache'),
    serverPort: server.port,
  };
  const planned = planSetup(input);
  for (const secret of planned.secrets) core.setSecret(secret);
  logPlan(core, planned);
  const localCache = planned.backend === 'local' ? await restoreArchive(deps, planned, settings) : undefined;

  let plan = planned;
  let preflight = await startAndCheck(deps.sccache, sccache, planned, env);
  if (!preflight.ok) {
    const store = planned.store ? planned.store.name : `the ${planned.backend} cache`;
    const what = `sccache could not use ${store}: ${preflight.error}`;
    if (settings.onBackendFailure === 'fail') {
      core.setFailed(what);
    } else if (planned.backend !== 'local') {
      plan = fallbackPlan(planned, input, preflight.error ?? 'preflight failed');
      const local = await startAndCheck(deps.sccache, sccache, plan, env);
      if (local.ok) {
        preflight = { ...local, error: preflight.error, fallback: true };
        core.warning(`${what}. Falling back to local disk for this run.`, {
          title: 'sccache-guard: cache backend failed',
        });
      } else {
        // Nothing is exported then: say so, with both errors, instead of promising local disk.
        preflight = {
          ok: false,
          error: `${preflight.error}; local disk failed too: ${local.error}`,
          fallback: false,
        };
        core.warning(`${what}. Local disk failed too (${local.error}): the build runs without sccache.`, {
          title: 'sccache-guard: sccache did not start',
        });
      }
    } else {
      core.warning(`${what}. The build runs without sccache.`, {
        title: 'sccache-guard: sccache did not start',
      });
    }
  }
  if (preflight.ok && preflight.writeCheck?.result === 'read-only' && !plan.readOnly.wanted) {
    // The server is up but will refuse every write of this job: say it now, not only in the report.
    core.warning(
      `sccache started, but its cache is read-only for this job: ${describePreflight(preflight)}.`,
      {
        title: 'sccache-guard: cache read-only',
      },
    );
  }
  // What the log holds now is setup's own doing; the report counts what comes after.
  const log = await deps.readLog(input.logPath).catch(() => undefined);
  const serverLog = log
    ? { starts: log.serverStarts, shutdowns: log.shutdowns, zeroStats: log.zeroStats }
    : undefined;
  const record = buildSetupRecord({
    settings,
    sccachePath: sccache,
    sccacheVersion: version.raw,
    planned,
    plan,
    preflight,
    logPath: input.logPath,
    startedAt,
    ...(serverLog ? { serverLog } : {}),
    ...(localCache ? { localCache } : {}),
    ...(server.foreign ? { foreignServer: server.foreign } : {}),
    ...(env['RUNNER_ENVIRONMENT'] ? { runnerEnvironment: env['RUNNER_ENVIRONMENT'] } : {}),
    ...(located.checkedAgainst ? { sumCheckedAgainst: located.checkedAgainst } : {}),
  });
  // Only a running server gets the build: exporting RUSTC_WRAPPER for a server that cannot start
  // would make every compile fail.
  if (preflight.ok) {
    for (const [name, value] of Object.entries(plan.exports)) core.exportVariable(name, value);
  }
  core.saveState(STATE.setupRecord, serializeSetupRecord(record));
}

/** Never rejects: a bug of ours becomes a warning, and the build goes on without sccache-guard. */
export async function run(given: SetupDeps = runnerSetupDeps()): Promise<void> {
  let core = given.core;
  try {
    // Secrets first: the runtime token and the storage credentials sccache is configured with (a
    // Redis URL's password, AWS keys, ...) are masked before anything is printed, and scrubbed from
    // our files.
    const secrets = [
      given.env['ACTIONS_RUNTIME_TOKEN'] ?? '',
      // A store's password input, masked before the inputs are even validated.
      given.core.getInput('redis-password').trim(),
      given.core.getInput('webdav-password').trim(),
      ...credentialsToMask(given.env),
    ];
    core = maskSecrets(given.core, secrets);
    await setUp({ ...given, core });
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    try {
      core.saveState(STATE.setupFailure, message);
      if (error instanceof InstallError && error.kind === 'checksum') return core.setFailed(message);
      core.warning(`sccache-guard setup failed unexpectedly, the build runs without it: ${message}`, {
        title: 'sccache-guard setup',
      });
    } catch {
      // Not even the runner's files can be written: there is nothing left to tell it with.
    }
  }
}
