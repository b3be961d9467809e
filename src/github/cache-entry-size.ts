// How much a save added to the repository's cache. @actions/cache's saveCache returns only an id,
// but says `File Size: <bytes>` of the archive it is about to upload in a debug line (v1 and v2
// alike, @actions/cache 4 to 6), which `quietly` collects. When that line is missing, the files of
// the directory it packed give an approximate size.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheVoice } from './cache-voice.js';

export interface EntrySize {
  readonly bytes: number;
  /** False: the directory's files before packing (tar adds headers, compression takes little off). */
  readonly exact: boolean;
}

/** The archive's size as @actions/cache measured it before the upload. */
export function archiveSize(voice: CacheVoice): EntrySize | undefined {
  const line = voice.debug.findLast((l) => /^File Size: \d+$/.test(l));
  return line ? { bytes: Number(line.slice('File Size: '.length)), exact: true } : undefined;
}

/** The bytes of the files under `dir` (links not followed); undefined when it cannot be read. */
export async function directorySize(dir: string): Promise<EntrySize | undefined> {
  try {
    let bytes = 0;
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await lstat(join(entry.parentPath, entry.name))).size;
    }
    return { bytes, exact: false };
  } catch {
    return undefined;
  }
}
