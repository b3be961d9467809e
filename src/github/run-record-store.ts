// Reads and writes run records through the GitHub cache. The caller decides when (never when
// read-only, never after setup fell back); failures reach it as exceptions to word.
// On the v2 service (github.com) the entry holds the record's JSON itself, read and written with
// cache-entry-client.ts: no tar, no zstd, no Azure SDK for a few KB. GHES's v1 service has no
// such path, and there @actions/cache packs the file as actions/cache would.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadActionsCache } from './actions-cache.js';
import { downloadEntry, uploadEntry, v2Endpoint } from './cache-entry-client.js';
import { quietly, reasonFrom } from './cache-voice.js';
import { archiveSize } from './cache-entry-size.js';
import { MAX_RECORD_BYTES, parseRecord, RECORD_PATH, recordKey, type RunRecord } from './run-record.js';

const recordFile = () => join(homedir(), RECORD_PATH.slice(2));

/**
 * The version of a record entry that holds raw JSON: its own, so that neither an @actions/cache
 * archive of the file nor an sccache object ever matches it.
 */
export const RAW_RECORD_VERSION = createHash('sha256')
  .update('sccache-guard run record, raw JSON')
  .digest('hex');

/** Each call to the service gives up after this long; the caller's budget bounds the whole. */
const CALL_TIMEOUT_MS = 10_000;

export type FoundRecord = { readonly record: RunRecord; readonly key: string } | { readonly none: string };

function parsedFrom(key: string, text: string): FoundRecord {
  const parsed = parseRecord(text);
  return 'invalid' in parsed
    ? { none: `the record under ${key} is not readable (${parsed.invalid})` }
    : { record: parsed, key };
}

/** The newest record of this job series: this ref's, else the default branch's (the service's order). */
export async function findPreviousRecord(prefix: string): Promise<FoundRecord> {
  const endpoint = v2Endpoint(process.env);
  if (endpoint) {
    try {
      const found = await downloadEntry(endpoint, {
        key: `${prefix}~none`,
        restoreKeys: [prefix],
        version: RAW_RECORD_VERSION,
        maxBytes: MAX_RECORD_BYTES,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      if (!found) return { none: 'no earlier run of this job left a record' };
      return parsedFrom(found.matchedKey, found.body.toString('utf8'));
    } catch (error) {
      return { none: `the lookup failed: ${(error as Error).message}` };
    }
  }
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable()) return { none: 'the GitHub cache service is not available to this step' };
  const file = recordFile();
  await rm(file, { force: true });
  const { result: key, voice } = await quietly(() =>
    cache.restoreCache([RECORD_PATH], `${prefix}~none`, [prefix]),
  );
  if (!key) {
    return voice.complaints.length
      ? { none: `the lookup failed: ${reasonFrom(voice, 'no answer')}` }
      : { none: 'no earlier run of this job left a record' };
  }
  const size = (await stat(file)).size;
  if (size > MAX_RECORD_BYTES) return { none: `the record under ${key} is ${size} bytes: not one of ours` };
  return parsedFrom(key, await readFile(file, 'utf8'));
}

/** The key the record was saved under, and the size of its entry when it is known. */
export interface SavedRecord {
  readonly key: string;
  readonly bytes?: number;
}

export async function saveRecord(prefix: string, record: RunRecord): Promise<SavedRecord> {
  const key = recordKey(prefix, record);
  const json = JSON.stringify(record);
  // The file stays beside the job for `sccache-guard explain --record` (the v1 path packs it).
  const file = recordFile();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, json);
  const endpoint = v2Endpoint(process.env);
  if (endpoint) {
    const { bytes } = await uploadEntry(endpoint, {
      key,
      version: RAW_RECORD_VERSION,
      body: Buffer.from(json),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    return { key, bytes };
  }
  const cache = await loadActionsCache();
  // Without the service's address @actions/cache would still pack the file and then fail slowly.
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this step');
  const { result: id, voice } = await quietly(() => cache.saveCache([RECORD_PATH], key));
  // saveCache answers -1, having only logged why, when the service did not take the entry.
  if (id === -1) throw new Error(reasonFrom(voice, 'the cache service did not accept it'));
  const size = archiveSize(voice);
  return { key, ...(size ? { bytes: size.bytes } : {}) };
}
