// The run's history and surroundings, collected for the facts: the previous run record of this job,
// what went into this run's keys (toolchain, env, Cargo.lock), the checkout's target/, the wrapper
// later steps used, and what the repository's cache holds. Each piece is optional: what cannot be
// read becomes a line for the summary, never a failure.
import type { CacheListing, ListingRequest, ListingResult } from '../github/cache-listing.js';
import type { FoundRecord } from '../github/run-record-store.js';
import type { KeyInputs, RunRecord } from '../github/run-record.js';
import type { SetupRecord } from '../handoff.js';
import type { LogFacts } from '../sccache/log-scanner.js';
import type { SccacheStats } from '../sccache/stats.js';
import type { SccacheVersion } from '../sccache/version.js';
import { withinBudget } from '../util/deadline.js';
import { redact } from '../util/redact.js';
import type { WorkspaceFacts } from './facts.js';
import type { JobFacts } from './job-facts.js';
import { keyInputs, type Toolchain } from './key-inputs.js';
import type { WorkspaceSnapshot } from './workspace.js';

export interface HistoryDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly findRecord: (prefix: string) => Promise<FoundRecord>;
  readonly toolchain: (
    rustcPath: string | undefined,
    env: NodeJS.ProcessEnv,
  ) => Promise<Toolchain | undefined>;
  readonly workspace: (
    workspace: string,
    targetDir: string,
    since: string | undefined,
  ) => Promise<WorkspaceSnapshot>;
  readonly wrapperVersion: (path: string) => Promise<SccacheVersion>;
  readonly listCaches: (request: ListingRequest) => Promise<ListingResult>;
}

export interface HistoryRequest {
  readonly setup?: SetupRecord;
  readonly stats: SccacheStats;
  readonly log?: LogFacts;
  readonly job?: JobFacts;
  /** The run-record series of this job; undefined when run-record is off. */
  readonly recordPrefix?: string;
  /** The github-token input; '' without one. */
  readonly githubToken: string;
  /** The GHA namespace's version as the service stores it (the hash in cache_location). */
  readonly namespaceVersion?: string;
  readonly namespace?: string;
  /** Values this run masked: never recorded. */
  readonly secrets: readonly string[];
}

export interface History {
  readonly previousRun?: RunRecord;
  readonly inputs: KeyInputs;
  readonly workspace?: WorkspaceFacts;
  readonly wrapper?: { readonly path: string; readonly version?: string };
  readonly cacheListing?: CacheListing;
  /** One line each, for the summary: what was compared, what could not be read. */
  readonly notes: readonly string[];
}

/** The whole listing and the record lookup each give up after this long (see docs/run-record.md). */
export const HISTORY_TIMEOUT_MS = 5_000;

export async function collectHistory(deps: HistoryDeps, request: HistoryRequest): Promise<History> {
  const env = deps.env;
  const setup = request.setup;
  const notes: string[] = [];
  // A run whose setup fell back, or whose store failed its preflight, leaves the cache alone.
  const storeUsable = setup !== undefined && setup.preflight.ok && !setup.preflight.fallback;

  let previousRun: RunRecord | undefined;
  if (request.recordPrefix && storeUsable) {
    const found = await withinBudget(
      deps.findRecord(request.recordPrefix),
      HISTORY_TIMEOUT_MS,
      'the run record lookup',
    ).catch((error: Error) => ({ none: redact(error.message) }));
    if ('record' in found) previousRun = found.record;
    else notes.push(`No earlier run to compare with: ${found.none}.`);
  } else if (request.recordPrefix && setup) {
    notes.push('No earlier run looked up: the store failed its preflight or setup fell back to local disk.');
  }

  const workspaceDir = env['GITHUB_WORKSPACE'] || process.cwd();
  const snapshot = await deps
    .workspace(workspaceDir, env['CARGO_TARGET_DIR'] || `${workspaceDir}/target`, setup?.startedAt)
    .catch(() => undefined);
  const toolchain = await deps.toolchain(request.log?.rustcPath, env).catch(() => undefined);
  const inputs = keyInputs({
    env,
    sccacheVersion: request.stats.version ?? setup?.sccacheVersion ?? 'unknown',
    ...(request.namespace ? { namespace: request.namespace } : {}),
    ...(toolchain ? { toolchain } : {}),
    logTargets: request.log?.targets ?? [],
    ...(request.job ? { job: request.job } : {}),
    workingDirectory: workspaceDir,
    ...(snapshot?.cargoLockSha256 ? { cargoLockSha256: snapshot.cargoLockSha256 } : {}),
    secrets: request.secrets,
  });

  // The wrapper later steps used (GITHUB_ENV reaches the post step too), when it is not setup's.
  let wrapper: History['wrapper'];
  const wrapperPath = env['RUSTC_WRAPPER'];
  if (setup && wrapperPath && wrapperPath !== setup.sccachePath && wrapperPath !== 'sccache') {
    const version = await deps.wrapperVersion(wrapperPath).then(
      (v) => v.raw,
      () => undefined,
    );
    wrapper = { path: wrapperPath, ...(version ? { version } : {}) };
  }

  let cacheListing: History['cacheListing'];
  const repository = env['GITHUB_REPOSITORY'];
  // The listing explains misses (where the entries are, against the quota): a run where every
  // lookup hit has none to explain, and saves the API call and the client's load.
  const missed = Object.values(request.stats.cacheMisses).some((count) => count > 0);
  if (setup?.backend === 'gha' && request.namespaceVersion && repository && missed) {
    if (!request.githubToken) {
      notes.push('What the cache holds was not listed: no github-token.');
    } else {
      const listed = await deps
        .listCaches({
          token: request.githubToken,
          repository,
          ...(env['GITHUB_API_URL'] ? { apiUrl: env['GITHUB_API_URL'] } : {}),
          version: request.namespaceVersion,
          timeoutMs: HISTORY_TIMEOUT_MS,
        })
        .catch((error: Error) => ({ unavailable: `the cache listing failed: ${error.message}` }));
      if ('listing' in listed) cacheListing = listed.listing;
      else notes.push(`What the cache holds was not listed: ${redact(listed.unavailable)}.`);
    }
  }
  // No note may carry a credential: URLs were redacted where each note was made; any masked value
  // is cut out whole.
  const clean = (note: string) =>
    request.secrets
      .filter((s) => s.length >= 4)
      .reduce((text, secret) => text.replaceAll(secret, '***'), note);
  return {
    ...(previousRun ? { previousRun } : {}),
    inputs,
    ...(snapshot ? { workspace: snapshot.facts } : {}),
    ...(wrapper ? { wrapper } : {}),
    ...(cacheListing ? { cacheListing } : {}),
    notes: notes.map(clean),
  };
}
