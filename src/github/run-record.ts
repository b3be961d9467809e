// What a run remembers for the next one: its GHA namespace and hit rate, carried in the key of one
// tiny GitHub cache entry, so that the next run can say "the namespace changed since run N" with one
// lookup and no download. Pure: keys in, records out.
import { jobKeyPart } from './job.js';

export interface RunRecord {
  readonly runId: string;
  readonly attempt: string;
  /** The GHA namespace in clear, e.g. sccache-v0.16.0-linux. */
  readonly namespace: string;
  readonly hits: number;
  readonly lookups: number;
}

/** The one path saved with each record: the key carries the data, this file only satisfies the API. */
export const RECORD_PATH = '~/.cache/sccache-guard/run-record.json';
const KEY_PREFIX = 'sccache-guard-run-v1';

/** One series of records per job (and matrix label). */
export function recordKeyPrefix(job: string, label: string): string {
  return `${KEY_PREFIX}-${jobKeyPart(job, label)}-`;
}

export function recordKey(prefix: string, record: RunRecord): string {
  return `${prefix}${record.runId}.${record.attempt}-ns=${record.namespace}-hits=${record.hits}-lookups=${record.lookups}`;
}

/** Undefined for a key this version did not write. */
export function parseRecordKey(prefix: string, key: string): RunRecord | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const match = /^(\d+)\.(\d+)-ns=([A-Za-z0-9._-]+)-hits=(\d+)-lookups=(\d+)$/.exec(key.slice(prefix.length));
  if (!match) return undefined;
  return {
    runId: match[1]!,
    attempt: match[2]!,
    namespace: match[3]!,
    hits: Number(match[4]),
    lookups: Number(match[5]),
  };
}
