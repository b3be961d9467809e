// The one typed object every rule reads. Built once from the stats and the run's context; from here
// on everything is pure.
import { hitRateTrend } from './trend.js';
import { hitFraction } from '../util/percent.js';
import { hostFromServerUrl, type Host } from '../github/host.js';
import type { CacheListing } from '../github/cache-listing.js';
import type { KeyInputs, RunRecord } from '../github/run-record.js';
import { describeScope, type RunScope } from '../github/run-scope.js';
import { readOnlyInEffect, type ServerLogSnapshot, type SetupRecord } from '../handoff.js';
import { decodeLocation, ghaNamespace, type CacheLocation } from '../sccache/location.js';
import type { LogFacts } from '../sccache/log-scanner.js';
import { classifyReason, type ReasonKind } from '../sccache/reasons.js';
import type { LevelStats, SccacheStats } from '../sccache/stats.js';
import { capabilitiesOf, parseVersion } from '../sccache/version.js';
import { compareInputs, type InputChange } from './key-inputs.js';
import { estimateBackends, type BackendEstimate } from './backend-estimate.js';

export interface LanguageRow {
  readonly language: string;
  readonly hits: number;
  readonly misses: number;
  readonly errors: number;
  readonly hitRate: number | null;
}

export interface ReasonRow {
  readonly reason: string;
  readonly count: number;
  readonly kind: ReasonKind;
  readonly meaning: string;
  readonly fix?: string;
}

export interface Level {
  readonly stats: LevelStats;
  readonly location: CacheLocation;
}

export interface Facts {
  readonly stats: SccacheStats;
  readonly location: CacheLocation;
  /** Multi-level caches (0.15+): each level with its decoded location; empty otherwise. */
  readonly levels: readonly Level[];
  readonly host: Host;
  readonly hits: number;
  readonly misses: number;
  /** hits + misses: what sccache counts as a cache lookup. */
  readonly lookups: number;
  /** hits / (hits + misses), as sccache defines it; null when nothing was looked up. */
  readonly hitRate: number | null;
  readonly cacheErrors: number;
  readonly languages: readonly LanguageRow[];
  /** not_cached reasons, most frequent first. */
  readonly nonCacheable: readonly ReasonRow[];
  readonly expectedNonCacheable: number;
  readonly fixableNonCacheable: number;
  /** This run's GHA namespace in clear, from the decoded location or setup's plan; GHA only. */
  readonly namespace?: string;
  /** No write succeeded and the write errors cover (nearly) every miss: the stats alone. */
  readonly everyWriteRefused: boolean;
  /**
   * The storage was read-only: every write failed (everyWriteRefused) and the server log, when there
   * is one, does not say otherwise. A service that stops answering mid-build, or answers 429 or 500
   * to every write, fails them all too; the log tells those apart (sccache says "Cannot write to
   * read-only storage" for a read-only one, and its startup check said ReadWrite for the others).
   */
  readonly readOnlyStorage: boolean;
  /** Setup made this run read-only on purpose, and it was enforced. */
  readonly readOnlyByDesign: boolean;
  /** The sccache that printed the stats speaks the v2 cache protocol (0.10.0+); false when unknown. */
  readonly speaksGhaV2: boolean;
  /** What this action's setup step did, when it ran in this job. */
  readonly setup?: SetupRecord;
  /** What the sccache server log says, when there is one. */
  readonly log?: LogFacts;
  /** The newest earlier run of this job that left a record. */
  readonly previousRun?: RunRecord;
  /** Hit rates of this job's last runs from the record, oldest first, this run last (hitRateTrend). */
  readonly trend: readonly (number | null)[];
  /** The GitHub cache scope of this run (its ref, base and default branch). */
  readonly scope?: RunScope;
  /** "this push run reads entries of … and writes into …", when the scope is known. */
  readonly scopeDescription?: string;
  /** A run on a tag, or for a release/create event: it writes into a scope no later run reads. */
  readonly tagRun: boolean;
  /** What went into this run's keys (the run record's inputs). */
  readonly inputs?: KeyInputs;
  /** What differs from the record compared with, when there is one. */
  readonly inputChanges: readonly InputChange[];
  /** Where the record compared with was saved: this run's own ref, or the one the cache fell back to. */
  readonly comparedWith?: {
    readonly ref: string;
    readonly sameRef: boolean;
    /** How this run's scope relates to that ref. */
    readonly kind: 'this ref' | 'the default branch' | 'the base branch' | 'another ref';
  };
  /** Crates (or C/C++ sources) that missed, most misses first; hitBefore: the record saw them hit. */
  readonly crateMisses: readonly {
    readonly name: string;
    readonly misses: number;
    readonly hitBefore: boolean;
  }[];
  /** What happened to the server setup started, as its log tells. */
  readonly server?: ServerHistory;
  /** The RUSTC_WRAPPER later steps used, when it is not the sccache setup started. */
  readonly wrapper?: { readonly path: string; readonly version?: string };
  /** What the repository's cache holds for this namespace, when the API could be asked. */
  readonly cacheListing?: CacheListing;
  /** The checkout as the build left it. */
  readonly workspace?: WorkspaceFacts;
  /** The runner's cores: how many compiles ran at once (cargo's and CMake's default -j). */
  readonly parallelism?: number;
  /**
   * The shared store other than GitHub's cache that this run used (S3, Redis, WebDAV, ...), in words
   * for the findings about it ("S3 bucket `ci-cache`", as in "The S3 bucket `ci-cache` was read-only"); undefined for the GitHub cache and disk.
   */
  readonly remoteStore?: string;
  /** What the other backend would have cost this run (gha or setup's local only). */
  readonly backendEstimate?: BackendEstimate;
}

export interface WorkspaceFacts {
  /** `[[package]]` entries in Cargo.lock. */
  readonly lockPackages?: number;
  /** The oldest of cargo's fingerprints in target/, when it is older than setup's start (ISO 8601). */
  readonly targetBuiltBefore?: string;
}

export interface ServerHistory {
  /** Servers that started after setup's and logged here. */
  readonly laterStarts: number;
  /** Stops after setup (--stop-server, or a crash path that logs its shutdown). */
  readonly laterStops: number;
  /** Counter resets after setup (--zero-stats). */
  readonly laterZeroes: number;
  /** The log ends in a shutdown: the server that answered the report did not log here. */
  readonly endsInShutdown: boolean;
  /** Compile requests the log shows since the last start or reset, against the stats' count. */
  readonly loggedCompiles: number;
}

export interface RunContext {
  /** GITHUB_SERVER_URL; github.com is assumed when absent. */
  readonly serverUrl?: string;
  /** SCCACHE_GHA_VERSION as configured for this run, to decode the hashed namespace. */
  readonly namespaceSuffix?: string;
  readonly setup?: SetupRecord;
  readonly log?: LogFacts;
  readonly previousRun?: RunRecord;
  readonly scope?: RunScope;
  readonly inputs?: KeyInputs;
  readonly wrapper?: { readonly path: string; readonly version?: string };
  readonly cacheListing?: CacheListing;
  readonly workspace?: WorkspaceFacts;
  readonly parallelism?: number;
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** hits / (hits + misses), below 1 whenever anything missed; null when nothing was looked up. */
export const hitRate = hitFraction;

const STORE_NAMES: Partial<Record<CacheLocation['backend'], string>> = {
  s3: 'S3',
  redis: 'Redis',
  memcached: 'Memcached',
  gcs: 'GCS',
  azure: 'Azure Blob Storage',
  webdav: 'WebDAV',
  oss: 'OSS',
  cos: 'COS',
};

/** "S3 bucket `b`", "Redis", or setup's own words for the store it configured. */
function remoteStoreOf(location: CacheLocation, setup: SetupRecord | undefined): string | undefined {
  const kind = STORE_NAMES[location.backend];
  if (!kind) return undefined;
  if (setup?.store && setup.store.kind === location.backend) return setup.store.name ?? setup.store.described;
  return location.backend === 's3' && location.name ? `S3 bucket \`${location.name}\`` : kind;
}

export function buildFacts(stats: SccacheStats, context: RunContext = {}): Facts {
  const suffix = context.namespaceSuffix ?? context.setup?.namespaceSuffix;
  const namespaces = stats.version ? [ghaNamespace(stats.version, suffix), ghaNamespace(stats.version)] : [];
  const hits = sum(stats.cacheHits);
  const misses = sum(stats.cacheMisses);
  const languageNames = [
    ...new Set([
      ...Object.keys(stats.cacheHits),
      ...Object.keys(stats.cacheMisses),
      ...Object.keys(stats.cacheErrors),
    ]),
  ].sort();
  const languages = languageNames.map((language) => {
    const h = stats.cacheHits[language] ?? 0;
    const m = stats.cacheMisses[language] ?? 0;
    return { language, hits: h, misses: m, errors: stats.cacheErrors[language] ?? 0, hitRate: hitRate(h, m) };
  });
  const nonCacheable = Object.entries(stats.notCached)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count, ...classifyReason(reason) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const countOf = (kind: ReasonKind) =>
    nonCacheable.filter((r) => r.kind === kind).reduce((total, r) => total + r.count, 0);
  const location = decodeLocation(stats.cacheLocation, namespaces);
  const namespace = location.backend === 'gha' ? (location.namespace ?? context.setup?.namespace) : undefined;
  const version = stats.version ? parseVersion(stats.version) : undefined;
  const everyWriteRefused =
    stats.cacheWrites === 0 &&
    stats.cacheWriteErrors > 0 &&
    misses > 0 &&
    stats.cacheWriteErrors >= 0.9 * misses;
  const remoteStore = remoteStoreOf(location, context.setup);
  const facts: Facts = {
    ...(remoteStore ? { remoteStore } : {}),
    stats,
    location,
    levels: (stats.multiLevel ?? []).map((level) => ({
      stats: level,
      location: decodeLocation(level.location, namespaces),
    })),
    host: hostFromServerUrl(context.serverUrl),
    hits,
    misses,
    lookups: hits + misses,
    hitRate: hitRate(hits, misses),
    cacheErrors: sum(stats.cacheErrors),
    languages,
    nonCacheable,
    expectedNonCacheable: countOf('expected'),
    fixableNonCacheable: countOf('fixable'),
    ...(namespace ? { namespace } : {}),
    everyWriteRefused,
    readOnlyStorage: everyWriteRefused && !logSaysWritable(context.log),
    readOnlyByDesign: context.setup ? readOnlyInEffect(context.setup.readOnly) : false,
    speaksGhaV2: version?.semver ? capabilitiesOf(version).ghaV2 : false,
    ...(context.setup ? { setup: context.setup } : {}),
    ...(context.log ? { log: context.log } : {}),
    ...(context.previousRun ? { previousRun: context.previousRun } : {}),
    trend: hitRateTrend(context.previousRun, hitRate(hits, misses)),
    ...(context.scope ? { scope: context.scope, scopeDescription: describeScope(context.scope) } : {}),
    tagRun: isTagRun(context.scope),
    ...(context.inputs ? { inputs: context.inputs } : {}),
    inputChanges:
      context.inputs && context.previousRun ? compareInputs(context.previousRun.inputs, context.inputs) : [],
    ...(context.previousRun
      ? {
          comparedWith: comparedWith(context.previousRun.ref, context.scope),
        }
      : {}),
    crateMisses: crateMisses(context.log, context.previousRun),
    // Without setup's snapshot the log's own starts and resets cannot be told from later ones.
    ...(context.setup?.serverLog && context.log
      ? { server: serverHistory(context.setup.serverLog, context.log) }
      : {}),
    ...(context.wrapper ? { wrapper: context.wrapper } : {}),
    ...(context.cacheListing ? { cacheListing: context.cacheListing } : {}),
    ...(context.workspace ? { workspace: context.workspace } : {}),
    ...(context.parallelism ? { parallelism: context.parallelism } : {}),
  };
  const backendEstimate = estimateBackends({
    backend: location.backend,
    ...(context.setup?.backend ? { setupBackend: context.setup.backend } : {}),
    hits,
    misses,
    rustLookups: (stats.cacheHits['Rust'] ?? 0) + (stats.cacheMisses['Rust'] ?? 0),
    writes: stats.cacheWrites,
    readHitSeconds: stats.cacheReadHitSeconds,
    writeSeconds: stats.cacheWriteSeconds,
    compilerSeconds: stats.compilerSeconds,
    compilations: stats.compilations ?? null,
    ...(context.log ? { missLookupSeconds: context.log.missLookupSeconds } : {}),
    rateLimitedWrites: context.log?.rateLimitedWrites ?? 0,
    ...(context.parallelism ? { parallelism: context.parallelism } : {}),
    ...(context.setup?.localCache?.restoreSeconds !== undefined
      ? { restoreSeconds: context.setup.localCache.restoreSeconds }
      : {}),
    ...(context.setup?.localCache?.restoredBytes !== undefined
      ? { restoredBytes: context.setup.localCache.restoredBytes }
      : {}),
  });
  return backendEstimate ? { ...facts, backendEstimate } : facts;
}

/**
 * The log explains the write errors as something other than a read-only storage: each failed write
 * since the server started is logged with its cause, and none was "read-only storage"; or, with no
 * failed write logged (a log level that hides them), the startup check answered ReadWrite.
 */
function logSaysWritable(log: LogFacts | undefined): boolean {
  if (!log) return false;
  const writes = log.failures.writes;
  const logged = Object.values(writes).reduce((a, b) => a + b, 0);
  if (logged > 0) return writes['read-only'] === 0;
  return log.storageCheck?.result === 'read-write';
}

const isTagRun = (scope: RunScope | undefined): boolean =>
  scope !== undefined &&
  (scope.ref.startsWith('refs/tags/') || scope.event === 'release' || scope.event === 'create');

function crateMisses(log: LogFacts | undefined, previous: RunRecord | undefined): Facts['crateMisses'] {
  if (!log) return [];
  const hitBefore = new Set(previous?.crates.hit ?? []);
  return [...log.outcomes]
    .filter(([, counts]) => counts.misses > 0)
    .map(([name, counts]) => ({ name, misses: counts.misses, hitBefore: hitBefore.has(name) }))
    .sort(
      (a, b) =>
        Number(b.hitBefore) - Number(a.hitBefore) || b.misses - a.misses || a.name.localeCompare(b.name),
    );
}

function serverHistory(at: ServerLogSnapshot, log: LogFacts): ServerHistory {
  return {
    laterStarts: Math.max(0, log.serverStarts - at.starts),
    laterStops: Math.max(0, log.shutdowns - at.shutdowns),
    laterZeroes: Math.max(0, log.zeroStats - at.zeroStats),
    endsInShutdown: log.endsInShutdown,
    loggedCompiles: log.compileRequestsSinceReset,
  };
}

function comparedWith(ref: string, scope: RunScope | undefined): NonNullable<Facts['comparedWith']> {
  const kind =
    !scope || ref === scope.ref
      ? 'this ref'
      : scope.defaultBranch && ref === `refs/heads/${scope.defaultBranch}`
        ? 'the default branch'
        : scope.baseRef && ref === `refs/heads/${scope.baseRef}`
          ? 'the base branch'
          : 'another ref';
  return { ref, sameRef: kind === 'this ref', kind };
}
