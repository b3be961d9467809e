// What the other storage would have cost this run: per-object (sccache's GitHub cache backend, two
// requests to read an object, three to write one) against one archive of SCCACHE_DIR per job
// (`backend: local`: one download before the build, one upload after it). The backend in use is
// measured by the run itself (sccache's read and write times, setup's restore); the other is
// estimated from the public figures below, the same ones the benchmark's github-like service
// profile uses (bench/README.md). Pure.
import type { Facts } from './facts.js';

/**
 * Per-object times on GitHub's cache from hosted runners: average read hit 0.034 s
 * (mozilla-actions/sccache-action#70) to 0.317 s (near/nearcore#10445); average write 0.026 s to
 * 0.451 s in the same threads. The estimate takes the geometric middle of each range; a lookup that
 * misses is one request, half a read.
 */
export const GHA_READ_HIT_SECONDS = 0.1;
export const GHA_WRITE_SECONDS = 0.11;
export const GHA_MISS_LOOKUP_SECONDS = 0.05;
/** GitHub's cache takes 200 new entries a minute per repository, then answers 429 (changelog 2026-01-16). */
export const GHA_UPLOADS_PER_MINUTE = 200;
/**
 * One archive: a few requests and tar + zstd on each side (ARCHIVE_FIXED_SECONDS), then the bytes at
 * the transfer rates the github-like profile uses for a hosted runner and Azure blob storage.
 */
export const ARCHIVE_FIXED_SECONDS = 1.5;
export const ARCHIVE_DOWNLOAD_BYTES_PER_SECOND = 100 * 1024 ** 2;
export const ARCHIVE_UPLOAD_BYTES_PER_SECOND = 50 * 1024 ** 2;
/**
 * Object sizes when nothing better is known: the benchmark's Rust workload averages 0.94 MB per
 * object (34 objects, 31.9 MB); C and C++ objects are far smaller.
 */
export const RUST_OBJECT_BYTES = 1024 ** 2;
export const C_OBJECT_BYTES = 64 * 1024;

/** Recommend the other backend only when it wins by this factor and by this many seconds. */
export const ADVICE_FACTOR = 1.5;
export const ADVICE_MIN_SECONDS = 10;

export interface CostSide {
  /** Seconds of the job's wall time this storage costs (per-object time spread over the cores). */
  readonly seconds: number;
  /** How the figure was made, for the evidence. */
  readonly how: string;
}

export interface BackendEstimate {
  readonly current: 'gha' | 'local';
  readonly perObject: CostSide;
  readonly archive: CostSide;
  /** Objects the upload limit refused in this run (from the log): lost to the next run too. */
  readonly rateLimitedWrites: number;
  /** Objects this job stores per run, against GHA_UPLOADS_PER_MINUTE. */
  readonly writes: number;
}

const s = (seconds: number): string => `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(0)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/** Compiles in flight at once: the runner's cores, as cargo's and CMake's default -j. */
const lanes = (facts: Facts): number => Math.max(1, facts.parallelism ?? 2);

/** The size of an archive of what this job reads and writes. */
function archiveBytes(facts: Facts, objects: number): { bytes: number; how: string } {
  const restored = facts.setup?.localCache?.restoredBytes;
  if (restored !== undefined && restored > 0) return { bytes: restored, how: `the ${mb(restored)} restored` };
  const rustObjects = facts.languages
    .filter((l) => l.language === 'Rust')
    .reduce((n, l) => n + l.hits + l.misses, 0);
  const others = Math.max(0, objects - rustObjects);
  const bytes = rustObjects * RUST_OBJECT_BYTES + others * C_OBJECT_BYTES;
  return { bytes, how: `${objects} objects at about ${rustObjects > others ? '1 MiB' : '64 KiB'} each` };
}

/**
 * One request's time on this run's service, for the lookups that missed when there is no log to
 * time them: a read hit is two requests, a write three; a lookup that missed is one.
 */
function requestSeconds(facts: Facts, writes: number): number {
  if (facts.hits > 0 && facts.stats.cacheReadHitSeconds > 0)
    return facts.stats.cacheReadHitSeconds / facts.hits / 2;
  const writeSeconds = facts.stats.cacheWriteSeconds ?? 0;
  if (writes > 0 && writeSeconds > 0) return writeSeconds / writes / 3;
  return GHA_MISS_LOOKUP_SECONDS;
}

/** Undefined when the run tells too little (no lookups, text stats without writes, another store). */
export function estimateBackends(facts: Facts): BackendEstimate | undefined {
  const backend = facts.location.backend;
  const writes = facts.stats.cacheWrites;
  if ((backend !== 'gha' && backend !== 'local') || writes === null || facts.lookups === 0) return undefined;
  // Setup chose local disk as a fallback or for an old sccache: not a choice to advise on.
  if (backend === 'local' && facts.setup?.backend !== 'local') return undefined;
  const n = lanes(facts);
  const objects = facts.hits + writes;
  const size = archiveBytes(facts, objects);
  const download = ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_DOWNLOAD_BYTES_PER_SECOND;
  const upload = writes > 0 ? ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_UPLOAD_BYTES_PER_SECOND : 0;
  const rateLimitedWrites = facts.log?.rateLimitedWrites ?? 0;

  if (backend === 'gha') {
    // Read time without a hit to show for it is not a per-object cost (an edited or reset counter).
    const measured =
      (facts.hits > 0 ? facts.stats.cacheReadHitSeconds : 0) +
      (facts.stats.cacheWriteSeconds ?? 0) +
      (facts.log?.missLookupSeconds ?? facts.misses * requestSeconds(facts, writes));
    return {
      current: 'gha',
      perObject: {
        seconds: measured / n,
        how: `${s(measured)} in the cache this run (${facts.hits} reads, ${writes} writes, ${facts.misses} lookups that missed) over ${n} parallel compiles`,
      },
      archive: {
        seconds: download + upload,
        how: `one ${mb(size.bytes)} archive (${size.how}): ${s(download)} to restore${upload ? `, ${s(upload)} to save` : ''}`,
      },
      rateLimitedWrites,
      writes,
    };
  }
  const restoreSeconds = facts.setup?.localCache?.restoreSeconds;
  const restore = restoreSeconds ?? download;
  const estimated =
    facts.hits * GHA_READ_HIT_SECONDS + writes * GHA_WRITE_SECONDS + facts.misses * GHA_MISS_LOOKUP_SECONDS;
  return {
    current: 'local',
    perObject: {
      seconds: estimated / n,
      how: `${facts.hits} reads at ${GHA_READ_HIT_SECONDS} s, ${writes} writes at ${GHA_WRITE_SECONDS} s and ${facts.misses} lookups at ${GHA_MISS_LOOKUP_SECONDS} s over ${n} parallel compiles`,
    },
    archive: {
      seconds: restore + upload,
      how: `${restoreSeconds !== undefined ? `${s(restore)} restoring` : `about ${s(restore)} to restore`} ${mb(size.bytes)}${upload ? `, about ${s(upload)} to save` : ''}`,
    },
    rateLimitedWrites,
    writes,
  };
}

/** Whether `a` beats `b` by the advice's margin. */
export const winsClearly = (a: number, b: number): boolean =>
  b >= a * ADVICE_FACTOR && b - a >= ADVICE_MIN_SECONDS;

export const formatSeconds = s;
