// What setup hands the report, through the action's saved state (GITHUB_STATE → STATE_* variables):
// the plan, the version, the backend actually in use and the preflight result. Names only, never a
// secret value. The schema number changes whenever a field changes meaning; a report that finds
// another schema treats setup as not having run, never misreads it.
import type { HostKind } from './github/host.js';
import type { EnvironmentReport } from './sccache/environment.js';
import type { StorageCheck } from './sccache/log-scanner.js';

/** The state keys, in one place: setup saves them, the report reads them. */
export const STATE = {
  /** The whole SetupRecord as JSON. */
  setupRecord: 'setup-record',
  /** The sccache binary, saved as soon as it is known: the report can ask it for stats even when
   *  setup stopped before writing its record. */
  sccachePath: 'sccache-path',
  /** Why setup stopped before it could hand the build a server (a bad input, a failed install): one
   *  line, so the report says that instead of a misleading "no compile requests". */
  setupFailure: 'setup-failure',
} as const;

/** What setup checked a downloaded sccache archive's SHA-256 against (src/setup/install.ts). */
export type SumSource = 'given' | 'committed' | 'release';

/** Said in setup's log and the summary's Setup section. */
export const SUM_CHECKED: Readonly<Record<SumSource, string>> = {
  given: 'checked against the sccache-sha256 input',
  committed: "checked against this action's committed sum",
  release: "checked against the release's own sum (this action carries none for it)",
};

export const HANDOFF_SCHEMA = 3;

/**
 * The `summary` input: the whole report, only the headline and what to act on (a matrix of many
 * jobs puts every job's summary on one page), or none. Setup refuses anything else; the report reads
 * it with the same list.
 */
export const SUMMARY_MODES = ['full', 'compact', 'off'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];

/** The input as the report reads it: anything setup would have refused counts as the default. */
export const summaryMode = (input: string): SummaryMode =>
  (SUMMARY_MODES as readonly string[]).includes(input.trim()) ? (input.trim() as SummaryMode) : 'full';

/**
 * The `save` input: when the report saves the local backend's archive of SCCACHE_DIR. auto: when
 * this run stored new objects; always: every run (an entry kept fresh against GitHub's 7-day
 * eviction, a directory filled some other way); never: restore only. A read-only run never saves.
 * Setup refuses anything else; the report reads it with the same list.
 */
export const SAVE_POLICIES = ['auto', 'always', 'never'] as const;
export type SavePolicy = (typeof SAVE_POLICIES)[number];

/** The input as the report reads it: anything setup would have refused counts as the default. */
export const savePolicy = (input: string): SavePolicy =>
  (SAVE_POLICIES as readonly string[]).includes(input.trim()) ? (input.trim() as SavePolicy) : 'auto';

/**
 * The `min-hit-rate` input: the percent under which the post step fails a job whose cache should
 * have been warm (src/report/hit-rate-floor.ts). Setup and the report read it with this one parser:
 * setup refuses an invalid value, naming the input; the report, a process of its own, reads it again.
 */
export type MinHitRate = { readonly off: true } | { readonly percent: number } | { readonly invalid: string };

/** '' is no floor; "80", "72.5" and "80 %" are percents; anything else, or beyond 0–100, is invalid. */
export function parseMinHitRate(input: string): MinHitRate {
  const text = input.trim();
  if (text === '') return { off: true };
  const match = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(text);
  const percent = match ? Number(match[1]) : NaN;
  if (!(percent >= 0 && percent <= 100)) {
    return { invalid: `"${text}" is not a percent from 0 to 100, such as 80` };
  }
  return { percent };
}

/**
 * The floor as the report applies it: a value setup would have refused counts as no floor, so that
 * the report never fails a job on an input it cannot read (a report whose setup did not run).
 */
export const minHitRate = (input: string): number | undefined => {
  const parsed = parseMinHitRate(input);
  return 'percent' in parsed ? parsed.percent : undefined;
};

export type BackendInUse = 'gha' | 'local' | 'external';

/**
 * Whether this run leaves the shared cache as it found it: decided once, in setup's plan, and only
 * read after that (by the report's archive and run-record decisions, the summary and the rules).
 */
export type ReadOnlyDecision =
  | { readonly wanted: false }
  | {
      readonly wanted: true;
      /** Why: the read-only input, the event (pull requests), or ACTIONS_CACHE_MODE. */
      readonly why: string;
      readonly enforced: true;
      /** How: SCCACHE_GHA_RW_MODE=READ_ONLY, or the local archive restored but not saved. */
      readonly how: string;
    }
  | {
      readonly wanted: true;
      readonly why: string;
      readonly enforced: false;
      /** Why it cannot be: sccache < 0.16 has no read-only GHA mode; an external store is the user's. */
      readonly whyNot: string;
    };

export interface Preflight {
  readonly ok: boolean;
  /** sccache's own error, summarized, when the planned backend failed. */
  readonly error?: string;
  /** The cache_location the running server reported. */
  readonly location?: string;
  /** True when setup started sccache on local disk instead of the planned backend. */
  readonly fallback: boolean;
  /**
   * What the started server's write check answered, from its log: a server whose probe write failed
   * (a 429 at start) refuses every write for its whole life although it "started". Optional: records
   * written before it existed read the same as before (the schema number did not change).
   */
  readonly writeCheck?: StorageCheck;
}

/** What the server log held when setup finished: later starts, stops and resets are someone else's. */
export interface ServerLogSnapshot {
  readonly starts: number;
  readonly shutdowns: number;
  readonly zeroStats: number;
}

/** The local disk cache's bound, as setup exported it (SCCACHE_CACHE_SIZE). */
export interface CacheSizeSetting {
  /** The value exported, e.g. "2G". */
  readonly value: string;
  /** The job's own SCCACHE_CACHE_SIZE, which the cache-size input replaced. */
  readonly replaced?: string;
}

export interface LocalCacheRecord {
  readonly dir: string;
  readonly key: string;
  readonly restorePrefix: string;
  /** The key it was restored from, or why nothing was restored. */
  readonly restoredKey?: string;
  readonly restoreNote?: string;
  /** How long the restore took, and the bytes it unpacked (the directory after it). */
  readonly restoreSeconds?: number;
  readonly restoredBytes?: number;
}

export interface SetupRecord {
  readonly schema: typeof HANDOFF_SCHEMA;
  readonly sccachePath: string;
  readonly sccacheVersion: string;
  /** Setup downloaded sccache: what the archive's SHA-256 was checked against. */
  readonly sumCheckedAgainst?: SumSource;
  /** The backend input as given (auto, gha, local, external). */
  readonly requestedBackend: string;
  readonly plannedBackend: BackendInUse;
  /** The backend in use after the preflight; null when no server could be started at all. */
  readonly backend: BackendInUse | null;
  /** backend s3, redis or webdav: which store, described without a credential. */
  readonly store?: { readonly kind: string; readonly described: string; readonly name?: string };
  readonly host: HostKind;
  readonly protocol?: 'v1' | 'v2';
  readonly namespace?: string;
  readonly namespaceSuffix?: string;
  readonly readOnly: ReadOnlyDecision;
  /** Why the GitHub cache is not in use, when it was asked for or would have been the default. */
  readonly ghaUnavailableBecause?: string;
  /** Why this sccache cannot use the GitHub cache here at all (too old, or built without it). */
  readonly tooOldBecause?: string;
  readonly environment: EnvironmentReport;
  readonly preflight: Preflight;
  readonly logPath?: string;
  /** When setup began (ISO 8601): a target/ older than this was restored, not built. */
  readonly startedAt: string;
  /** The server log as setup left it, when logging was on. */
  readonly serverLog?: ServerLogSnapshot;
  /** The local backend's archive of SCCACHE_DIR (restored by setup, saved by the report). */
  readonly localCache?: LocalCacheRecord;
  /** SCCACHE_CACHE_SIZE as exported for the local backend (the cache-size input). */
  readonly cacheSize?: CacheSizeSetting;
  /** The names of the variables setup exported. */
  readonly exported: readonly string[];
  /**
   * The names of the cache settings and credentials only the server got (export-credentials: false):
   * later steps never saw them.
   */
  readonly keptInServer?: readonly string[];
  /** The loopback port of this job's own server (SCCACHE_SERVER_PORT), which the report stops. */
  readonly serverPort?: string;
  /** A server setup found running on the port sccache uses by default, and left alone. */
  readonly foreignServer?: ForeignServer;
  /** RUNNER_ENVIRONMENT: github-hosted or self-hosted (empty on older runners). */
  readonly runnerEnvironment?: string;
}

/** A server setup did not start: another job's on a shared machine, or one left over from an earlier job. */
export interface ForeignServer {
  readonly port: string;
  readonly version?: string;
  /** Its cache location, redacted: whose settings it runs with. */
  readonly location?: string;
  /** The port was the job's own SCCACHE_SERVER_PORT, not sccache's default. */
  readonly namedByJob?: boolean;
}

/** True when read-only is both wanted and enforced: nothing of this run reaches the shared cache. */
export const readOnlyInEffect = (decision: ReadOnlyDecision): boolean => decision.wanted && decision.enforced;

/** One line for people: "yes: a pull_request run … (SCCACHE_GHA_RW_MODE=READ_ONLY)". */
export function describeReadOnly(decision: ReadOnlyDecision): string {
  if (!decision.wanted) return 'no';
  if (decision.enforced) return `yes: ${decision.why} (${decision.how})`;
  return `no: read-only wanted (${decision.why}) but ${decision.whyNot}`;
}

/** Why the write probe failed, in a few words: "was refused with 429 (rate limited)". */
function describeCheckFailure(failure: NonNullable<StorageCheck['failure']>): string {
  const status = failure.status !== undefined ? ` ${failure.status}` : '';
  switch (failure.cause) {
    case 'rate-limited':
      return `was refused with${status || ' 429'} (rate limited)`;
    case 'server-error':
      return `failed with HTTP${status || ' 5xx'} (a server error)`;
    case 'unreachable':
      return `got no answer (${failure.networkError ?? 'the request could not be sent'})`;
    case 'denied':
      return `was denied${status ? ` with${status}` : ''} (the token)`;
    default:
      return `failed: ${failure.quote}`;
  }
}

/** The preflight in one line: "passed, read-only: the write check was refused with 429 (rate limited), …". */
export function describePreflight(preflight: Preflight): string {
  if (preflight.fallback) return `failed, fell back to local disk: ${preflight.error ?? ''}`;
  if (!preflight.ok) return `failed: ${preflight.error ?? ''}`;
  const check = preflight.writeCheck;
  if (!check) return 'passed';
  if (check.result === 'read-write') {
    return check.checked ? 'passed, read-write: the write check stored its probe' : 'passed, read-write';
  }
  if (check.result === 'read-only (manually set)') {
    return 'passed, read-only as configured (SCCACHE_*_RW_MODE=READ_ONLY): no write check';
  }
  return `passed, read-only: the write check ${check.failure ? describeCheckFailure(check.failure) : 'failed'}, so the server refuses every write this run`;
}

export function serializeSetupRecord(record: SetupRecord): string {
  return JSON.stringify(record);
}

/** Undefined when setup did not run, or left a record of another schema. */
export function parseSetupRecord(text: string): SetupRecord | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SetupRecord> | null;
    return value && value.schema === HANDOFF_SCHEMA && typeof value.sccachePath === 'string'
      ? (value as SetupRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
