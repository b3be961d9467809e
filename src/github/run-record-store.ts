// Reads and writes run records through the GitHub cache (@actions/cache). Every failure is reported
// to the caller as a message, never thrown: the record is a nicety, never a reason to fail.
import * as cache from '@actions/cache';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseRecordKey, RECORD_PATH, recordKey, type RunRecord } from './run-record.js';

export async function findPreviousRecord(prefix: string): Promise<RunRecord | undefined> {
  if (!cache.isFeatureAvailable()) return undefined;
  // lookupOnly: the newest matching key is all we need; nothing is downloaded.
  const matched = await cache.restoreCache([RECORD_PATH], `${prefix}~none`, [prefix], { lookupOnly: true });
  return matched ? parseRecordKey(prefix, matched) : undefined;
}

export async function saveRecord(prefix: string, record: RunRecord): Promise<void> {
  if (!cache.isFeatureAvailable()) return;
  const file = join(homedir(), RECORD_PATH.slice(2));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record));
  await cache.saveCache([RECORD_PATH], recordKey(prefix, record));
}
