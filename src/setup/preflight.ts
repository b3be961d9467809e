// Starts the sccache server with the plan's environment and checks that it stores where the plan
// intended, and whether it will write: a server whose startup write check failed (a 429 at start)
// runs read-only for its whole life, which only its log tells. The server reads its whole
// configuration once, from the environment that starts it, so this is where the backend is really
// chosen; what later steps see is only what compiles need.
import type { Preflight } from '../handoff.js';
import type { CacheLocation } from '../sccache/location.js';
import { readLogFacts } from '../sccache/log-reader.js';
import type { LogFacts, StorageCheck } from '../sccache/log-scanner.js';
import type { ServerEnv, StartResult } from '../sccache/server.js';
import type { Plan } from './plan.js';

/** Variables that select a cache backend: stripped from the server's environment on fallback. */
const BACKEND_VARIABLE =
  /^(SCCACHE_(GHA_|BUCKET|REDIS|MEMCACHED|GCS|AZURE|WEBDAV|OSS|COS|S3|MULTILEVEL)|ACTIONS_CACHE_SERVICE_V2$)/;

/**
 * What the action was handed but the server must not hold: it runs for the rest of the job, and a
 * later step running as the same user can read a process's environment (/proc/<pid>/environ). The
 * action's inputs (the github-token among them), the OIDC request token, our saved state, and the
 * runner's cache credentials unless the plan gives them back (the gha backend needs them).
 */
const NOT_FOR_THE_SERVER =
  /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/;

/** Set in the job, these would keep our server in the foreground, holding the step open. */
const FOREGROUND_VARIABLES = new Set(['SCCACHE_NO_DAEMON', 'SCCACHE_START_SERVER']);

type JobEnv = Readonly<Record<string, string | undefined>>;

/** The server control preflight needs: sccache/server.ts in the action, a script in unit tests. */
export interface ServerControl {
  readonly stopServer: (binary: string, env: ServerEnv) => Promise<void>;
  readonly startServer: (binary: string, env: ServerEnv) => Promise<StartResult>;
  readonly serverLocation: (binary: string, env: ServerEnv) => Promise<CacheLocation>;
  /** Reads the server log (SCCACHE_ERROR_LOG); sccache/log-reader.ts when not given. */
  readonly readLog?: (path: string | undefined) => Promise<LogFacts | undefined>;
}

/**
 * What the server just started logged about its write check. Undefined without a log, or when the
 * log has no word on it (local disk checks nothing; a log level above debug hides the result, and
 * before sccache 0.8 there was no read-only mode). Never fails the preflight: the log is evidence.
 */
async function writeCheckOf(server: ServerControl, env: ServerEnv): Promise<StorageCheck | undefined> {
  const read = server.readLog ?? readLogFacts;
  const log = await read(env['SCCACHE_ERROR_LOG']).catch(() => undefined);
  return log?.storageCheck;
}

/**
 * The environment the server starts with: the job's, without what is not for the server, plus the
 * plan's. A local plan drops every backend variable of the job.
 */
export function serverEnv(plan: Plan, jobEnv: JobEnv): ServerEnv {
  // A local plan drops the job's backend variables, and so does a named store: a stray
  // SCCACHE_BUCKET would win over Redis (sccache prefers S3).
  const stripBackends = plan.backend === 'local' || plan.store !== undefined;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(jobEnv)) {
    if (value === undefined || FOREGROUND_VARIABLES.has(name) || NOT_FOR_THE_SERVER.test(name)) continue;
    if (stripBackends && BACKEND_VARIABLE.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...plan.exports, ...plan.serverOnly };
}

/** The environment later steps will give the sccache client: the job's, plus our exports. */
export function clientEnv(plan: Plan, jobEnv: JobEnv): ServerEnv {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(jobEnv)) if (value !== undefined) env[name] = value;
  return { ...env, ...plan.exports };
}

/** Starts the server with the plan's environment and checks it stores where the plan intended. */
export async function startAndCheck(
  server: ServerControl,
  sccache: string,
  plan: Plan,
  jobEnv: JobEnv,
): Promise<Preflight> {
  const env = serverEnv(plan, jobEnv);
  // Nothing to stop first: the plan's port is this job's own, and nothing listened there.
  const started = await server.startServer(sccache, env);
  if (!started.ok) return { ok: false, error: started.error, fallback: false };
  try {
    // Asked the way a compile step will ask: a client that cannot even parse the job's
    // configuration (an invalid SCCACHE_GHA_ENABLED from 0.8) would fail every compile.
    const location = await server.serverLocation(sccache, clientEnv(plan, jobEnv));
    const wanted = plan.store
      ? location.backend === plan.store.kind
      : plan.backend === 'external'
        ? location.backend !== 'none' && location.backend !== 'local'
        : location.backend === plan.backend;
    const protocolOk = plan.backend !== 'gha' || location.protocol === plan.protocol;
    if (wanted && protocolOk) {
      const writeCheck = await writeCheckOf(server, env);
      return { ok: true, location: location.raw, fallback: false, ...(writeCheck ? { writeCheck } : {}) };
    }
    await server.stopServer(sccache, env);
    return {
      ok: false,
      location: location.raw,
      error: `the server started with cache location "${location.raw}", not the planned ${plan.store?.kind ?? plan.backend}${plan.protocol ? ` (${plan.protocol})` : ''} cache`,
      fallback: false,
    };
  } catch (error) {
    await server.stopServer(sccache, env);
    return {
      ok: false,
      error: `the server started but a client could not read its stats: ${(error as Error).message}`,
      fallback: false,
    };
  }
}
