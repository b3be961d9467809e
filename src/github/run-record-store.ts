// Reads and writes run records through the GitHub cache (@actions/cache). The caller decides when
// (never when read-only, never after setup fell back); failures reach it as exceptions to word.
import { loadActionsCache } from './actions-cache.js';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { quietly, reasonFrom } from './cache-voice.js';
import { archiveSize } from './cache-entry-size.js';
import { MAX_RECORD_BYTES, parseRecord, RECORD_PATH, recordKey, type RunRecord } from './run-record.js';

const recordFile = () => join(homedir(), RECORD_PATH.slice(2));

export type FoundRecord = { readonly record: RunRecord; readonly key: string } | { readonly none: string };

/** The newest record of this job series: this ref's, else the default branch's (the service's order). */
export async function findPreviousRecord(prefix: string): Promise<FoundRecord> {
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
  const parsed = parseRecord(await readFile(file, 'utf8'));
  return 'invalid' in parsed
    ? { none: `the record under ${key} is not readable (${parsed.invalid})` }
    : { record: parsed, key };
}

/** The key the record was saved under, and the size of its entry when @actions/cache said it. */
export interface SavedRecord {
  readonly key: string;
  readonly bytes?: number;
}

export async function saveRecord(prefix: string, record: RunRecord): Promise<SavedRecord> {
  const cache = await loadActionsCache();
  // Without the service's address @actions/cache would still pack the file and then fail slowly.
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this step');
  const file = recordFile();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record));
  const key = recordKey(prefix, record);
  const { result: id, voice } = await quietly(() => cache.saveCache([RECORD_PATH], key));
  // saveCache answers -1, having only logged why, when the service did not take the entry.
  if (id === -1) throw new Error(reasonFrom(voice, 'the cache service did not accept it'));
  const size = archiveSize(voice);
  return { key, ...(size ? { bytes: size.bytes } : {}) };
}
