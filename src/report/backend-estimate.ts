// What the other storage would have cost this run: per-object (sccache's GitHub cache backend, two
// requests to read an object, three to write one) against one archive of SCCACHE_DIR per job
// (`backend: local`: one download before the build, one upload after it). The backend in use is
// measured by the run itself (sccache's read and write times, setup's restore); the other is
// estimated from the public figures below, the same ones the benchmark's github-like service
// profile uses (bench/README.md). A fact of the run (Facts.backendEstimate), which the
// backend-advice rule words. Pure.
import { formatSeconds } from '../util/seconds.js';

/**
 * Per-object times on GitHub's cache from a hosted runner, as the benchmark's github-like profile
 * models them (bench/README.md): requests of 35 ms median, 46 ms mean; a read hit is two requests
 * (0.093 s), a write three (0.139 s), a lookup that missed one. Public averages span 0.034 s
 * (mozilla-actions/sccache-action#70) to 0.317 s (near/nearcore#10445) a read hit, 0.026 s to
 * 0.451 s a write.
 */
export const GHA_READ_HIT_SECONDS = 0.093;
export const GHA_WRITE_SECONDS = 0.139;
export const GHA_MISS_LOOKUP_SECONDS = 0.046;
/** GitHub's cache takes 200 new entries a minute per repository, then answers 429 (changelog 2026-01-16). */
export const GHA_UPLOADS_PER_MINUTE = 200;
/**
 * One archive: a few requests and tar + zstd on each side (ARCHIVE_FIXED_SECONDS), then the bytes at
 * the transfer rates of a hosted runner the github-like profile uses (a 4 GB restore in 45 s, a save
 * in 33 s: RunsOn's benchmark, bench/README.md).
 */
export const ARCHIVE_FIXED_SECONDS = 1.5;
export const ARCHIVE_DOWNLOAD_BYTES_PER_SECOND = 85 * 1024 ** 2;
export const ARCHIVE_UPLOAD_BYTES_PER_SECOND = 115 * 1024 ** 2;
/**
 * Object sizes when nothing better is known: the benchmark's Rust workload averages 0.94 MB per
 * object (34 objects, 31.9 MB); C and C++ objects are far smaller.
 */
export const RUST_OBJECT_BYTES = 1024 ** 2;
export const C_OBJECT_BYTES = 64 * 1024;

/** Recommend the other backend only when it wins by this factor and by this many seconds. */
export const ADVICE_FACTOR = 1.5;
export const ADVICE_MIN_SECONDS = 10;

/** What the estimate reads of the run (a subset of the facts, named here to keep facts.ts its only caller). */
export interface EstimateInput {
  /** The decoded cache location's backend: gha, local, s3, redis, … */
  readonly backend: string;
  /** The backend setup chose, when setup ran: local on purpose, not as a fallback. */
  readonly setupBackend?: string;
  readonly hits: number;
  readonly misses: number;
  /** Hits and misses of Rust: their objects are large. */
  readonly rustLookups: number;
  /** cache_writes; null in the text stats, which cannot decide. */
  readonly writes: number | null;
  readonly readHitSeconds: number;
  readonly writeSeconds: number | null;
  readonly compilerSeconds: number | null;
  readonly compilations: number | null;
  /** From the server log, when there is one. */
  readonly missLookupSeconds?: number;
  readonly rateLimitedWrites: number;
  /** The runner's cores. */
  readonly parallelism?: number;
  /** Setup's timed restore of the local archive. */
  readonly restoreSeconds?: number;
  readonly restoredBytes?: number;
}

export interface CostSide {
  /** Seconds of the job's wall time this storage costs (per-object time spread over the cores). */
  readonly seconds: number;
  /** How the figure was made, for the evidence. */
  readonly how: string;
}

export interface BackendEstimate {
  readonly current: 'gha' | 'local';
  /** Per-object storage: measured on gha, estimated on local. */
  readonly perObject: CostSide;
  /** One archive: estimated on gha, measured (the restore) on local. */
  readonly archive: CostSide;
  /** Compiles the next run repeats because the upload limit refused their objects (gha). */
  readonly refused: { readonly writes: number; readonly seconds: number };
  /** Objects this run stored, against GHA_UPLOADS_PER_MINUTE. */
  readonly writes: number;
  readonly uploadsPerMinute: number;
  /** The other backend, when it wins by ADVICE_FACTOR and ADVICE_MIN_SECONDS. */
  readonly recommend?: 'local' | 'gha';
}

const s = formatSeconds;
const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/** Whether `a` beats `b` by the advice's margin. */
export const winsClearly = (a: number, b: number): boolean =>
  b >= a * ADVICE_FACTOR && b - a >= ADVICE_MIN_SECONDS;

/** The size of an archive of what this job reads and writes. */
function archiveBytes(input: EstimateInput, objects: number): { bytes: number; how: string } {
  if (input.restoredBytes !== undefined && input.restoredBytes > 0)
    return { bytes: input.restoredBytes, how: `the ${mb(input.restoredBytes)} restored` };
  const rust = Math.min(objects, input.rustLookups);
  const others = objects - rust;
  return {
    bytes: rust * RUST_OBJECT_BYTES + others * C_OBJECT_BYTES,
    how: `${objects} objects at about ${rust > others ? '1 MiB' : '64 KiB'} each`,
  };
}

/**
 * One request's time on this run's service, for the lookups that missed when there is no log to
 * time them: a read hit is two requests, a write three; a lookup that missed is one.
 */
function requestSeconds(input: EstimateInput, writes: number): number {
  if (input.hits > 0 && input.readHitSeconds > 0) return input.readHitSeconds / input.hits / 2;
  const writeSeconds = input.writeSeconds ?? 0;
  if (writes > 0 && writeSeconds > 0) return writeSeconds / writes / 3;
  return GHA_MISS_LOOKUP_SECONDS;
}

/** Undefined when the run tells too little (no lookups, text stats without writes, another store). */
export function estimateBackends(input: EstimateInput): BackendEstimate | undefined {
  const { backend, writes, hits, misses } = input;
  if ((backend !== 'gha' && backend !== 'local') || writes === null || hits + misses === 0) return undefined;
  // Setup chose local disk as a fallback or for an old sccache: not a choice to advise on.
  if (backend === 'local' && input.setupBackend !== 'local') return undefined;
  const lanes = Math.max(1, input.parallelism ?? 2);
  const size = archiveBytes(input, hits + writes);
  const download = ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_DOWNLOAD_BYTES_PER_SECOND;
  const upload = writes > 0 ? ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_UPLOAD_BYTES_PER_SECOND : 0;
  const common = { writes, uploadsPerMinute: GHA_UPLOADS_PER_MINUTE };

  if (backend === 'gha') {
    // Read time without a hit to show for it is not a per-object cost (an edited or reset counter).
    const measured =
      (hits > 0 ? input.readHitSeconds : 0) +
      (input.writeSeconds ?? 0) +
      (input.missLookupSeconds ?? misses * requestSeconds(input, writes));
    const compileEach =
      input.compilerSeconds !== null && (input.compilations ?? 0) > 0
        ? input.compilerSeconds / input.compilations!
        : 0;
    const refused = {
      writes: input.rateLimitedWrites,
      seconds: (input.rateLimitedWrites * compileEach) / lanes,
    };
    const perObject = {
      seconds: measured / lanes,
      how: `${s(measured)} in the cache this run (${hits} reads, ${writes} writes, ${misses} lookups that missed) over ${lanes} parallel compiles`,
    };
    const archive = {
      seconds: download + upload,
      how: `one ${mb(size.bytes)} archive (${size.how}): ${s(download)} to restore${upload ? `, ${s(upload)} to save` : ''}`,
    };
    const wins = winsClearly(archive.seconds, perObject.seconds + refused.seconds);
    return {
      current: 'gha',
      perObject,
      archive,
      refused,
      ...common,
      ...(wins ? { recommend: 'local' } : {}),
    };
  }
  const restore = input.restoreSeconds ?? download;
  const estimated =
    hits * GHA_READ_HIT_SECONDS + writes * GHA_WRITE_SECONDS + misses * GHA_MISS_LOOKUP_SECONDS;
  const perObject = {
    seconds: estimated / lanes,
    how: `${hits} reads at ${GHA_READ_HIT_SECONDS} s, ${writes} writes at ${GHA_WRITE_SECONDS} s and ${misses} lookups at ${GHA_MISS_LOOKUP_SECONDS} s over ${lanes} parallel compiles`,
  };
  const archive = {
    seconds: restore + upload,
    how: `${input.restoreSeconds !== undefined ? `${s(restore)} restoring` : `about ${s(restore)} to restore`} ${mb(size.bytes)}${upload ? `, about ${s(upload)} to save` : ''}`,
  };
  // A job that stores more than a minute's uploads would meet the limit: the archive stays.
  const wins = writes < GHA_UPLOADS_PER_MINUTE && winsClearly(perObject.seconds, archive.seconds);
  return {
    current: 'local',
    perObject,
    archive,
    refused: { writes: 0, seconds: 0 },
    ...common,
    ...(wins ? { recommend: 'gha' } : {}),
  };
}
