// The local backend: SCCACHE_DIR restored before the build and saved after it as one archive with
// @actions/cache. One upload per job instead of one per object: the answer to GitHub's 200
// uploads a minute and to GHES. Failures come back as messages, never as exceptions: the cache is
// a speed-up, never a reason to fail.
import { loadActionsCache } from './actions-cache.js';
import { archiveSize, directorySize, type EntrySize } from './cache-entry-size.js';
import { quietly, reasonFrom } from './cache-voice.js';

export type RestoreResult =
  | { readonly restored: true; readonly matchedKey: string }
  | { readonly restored: false; readonly reason: string };

export async function restoreLocalCache(
  dir: string,
  key: string,
  restorePrefix: string,
): Promise<RestoreResult> {
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable()) {
    return { restored: false, reason: 'the GitHub cache service is not available to this step' };
  }
  try {
    const { result: matchedKey, voice } = await quietly(() =>
      cache.restoreCache([dir], key, [restorePrefix]),
    );
    if (matchedKey) return { restored: true, matchedKey };
    return {
      restored: false,
      reason: voice.complaints.length ? reasonFrom(voice, '') : 'no earlier archive of this job',
    };
  } catch (error) {
    return { restored: false, reason: (error as Error).message };
  }
}

export type SaveResult =
  { readonly saved: true; readonly size?: EntrySize } | { readonly saved: false; readonly reason: string };

export async function saveLocalCache(dir: string, key: string): Promise<SaveResult> {
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable())
    return { saved: false, reason: 'the GitHub cache service is not available' };
  try {
    const { result: id, voice } = await quietly(() => cache.saveCache([dir], key));
    if (id === -1) return { saved: false, reason: reasonFrom(voice, 'the cache service did not accept it') };
    const size = archiveSize(voice) ?? (await directorySize(dir));
    return { saved: true, ...(size ? { size } : {}) };
  } catch (error) {
    return { saved: false, reason: (error as Error).message };
  }
}
