// What a run remembers for the next one: what went into sccache's keys (the sccache version and
// namespace, the toolchain, the targets, RUSTFLAGS and every CARGO_* variable, the directory,
// Cargo.lock) and what came out (hits, misses, which crates missed). One small JSON file in one
// GitHub cache entry per job run; the next run of the job restores the newest by key prefix (its
// own ref first, then the default branch, as the cache service searches). Pure: keys, schema.
// The format is documented in docs/run-record.md.
import * as z from 'zod';
import { jobKeyPart } from './job.js';

/** A variable's value as a record may hold it: shown, only fingerprinted, or only known to be set. */
export const RecordedValue = z.union([
  z.object({ value: z.string().max(4096) }).strict(),
  z.object({ hash: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
  z.object({ secret: z.literal(true) }).strict(),
]);
export type RecordedValue = z.infer<typeof RecordedValue>;

const name = z.string().max(256);

export const KeyInputs = z
  .object({
    sccacheVersion: z.string().max(64),
    /** The GHA namespace in clear, e.g. sccache-v0.16.0; absent for other stores. */
    namespace: z.string().max(200).optional(),
    /** `rustc -vV` of the compiler the build used. */
    rustc: z
      .object({
        release: z.string().max(100),
        commitHash: z.string().max(64).optional(),
        host: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
    targets: z.array(z.string().max(100)).max(50),
    /** RUSTFLAGS, every CARGO_* variable, CC, CXX, CFLAGS, CXXFLAGS: what sccache hashes. */
    env: z.record(name, RecordedValue),
    workingDirectory: z.string().max(4096).optional(),
    /** sha256 of Cargo.lock. */
    cargoLock: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
export type KeyInputs = z.infer<typeof KeyInputs>;

/** The crates (Rust) or sources (C/C++) named per outcome: capped, with how many were left out. */
export const MAX_NAMED_CRATES = 300;

/** Runs a record's trend keeps: enough to see a drop, a few hundred bytes at most. */
export const MAX_TREND_RUNS = 20;

export const RunRecord = z
  .object({
    schema: z.literal(2),
    runId: z.string().regex(/^\d{1,20}$/),
    attempt: z.string().regex(/^\d{1,6}$/),
    /** The ref the run wrote into (refs/heads/main, refs/tags/v1, refs/pull/7/merge). */
    ref: z.string().max(1024),
    event: z.string().max(100),
    savedAt: z.string().max(40),
    /** The GHA namespace in clear, when the store was GitHub's cache. */
    namespace: z.string().max(200).optional(),
    hits: z.number().int().nonnegative(),
    misses: z.number().int().nonnegative(),
    lookups: z.number().int().nonnegative(),
    /**
     * The hit rates of this job's last runs, oldest first, this one last (null: nothing looked up),
     * at most MAX_TREND_RUNS: the summary's trend. Absent in records written before it existed.
     */
    trend: z.array(z.number().min(0).max(1).nullable()).max(MAX_TREND_RUNS).optional(),
    inputs: KeyInputs,
    crates: z
      .object({
        hit: z.array(name).max(MAX_NAMED_CRATES),
        missed: z.array(name).max(MAX_NAMED_CRATES),
        more: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();
export type RunRecord = z.infer<typeof RunRecord>;

/** The one path saved with each record (under the home folder, as @actions/cache wants a path). */
export const RECORD_PATH = '~/.cache/sccache-guard/run-record.json';
/** A record is a few KB; a file much larger than this is not ours. */
export const MAX_RECORD_BYTES = 256 * 1024;
const KEY_PREFIX = 'sccache-guard-run-v2';

/** One series of records per job (and matrix label). */
export function recordKeyPrefix(job: string, label: string): string {
  return `${KEY_PREFIX}-${jobKeyPart(job, label)}-`;
}

export function recordKey(prefix: string, record: Pick<RunRecord, 'runId' | 'attempt'>): string {
  return `${prefix}${record.runId}-${record.attempt}`;
}

/** A record from its JSON text, or why it is not one (another schema, a corrupt file). */
export function parseRecord(text: string): RunRecord | { readonly invalid: string } {
  if (text.length > MAX_RECORD_BYTES) return { invalid: `${text.length} bytes, more than a record holds` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { invalid: 'not JSON' };
  }
  const parsed = RunRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { invalid: `${issue?.path.join('.') || 'the record'}: ${issue?.message ?? 'not a run record'}` };
}
