// What the summary and the log say about deleting a series' older cache entries (cache-pruning.ts):
// how many went and what they held, or why they are left for GitHub to evict. Pure.
import type { PruneResult } from '../github/cache-pruning.js';
import { formatBytes } from '../util/bytes.js';
import { counted } from '../util/words.js';

/** A pruning that ran, or why none was tried (no token, nothing saved). */
export type Pruning = PruneResult | { readonly skipped: string };

/**
 * "deleted 2 older records of this job on this ref (3.1 KiB)", or why they were left; undefined
 * when there was nothing to delete. `noun` is singular ("record", "archive").
 */
export function describePruning(pruning: Pruning, noun: string): string | undefined {
  // GitHub removes an entry nobody restored for 7 days ("Usage limits and eviction policy").
  const left = (why: string) =>
    `older ${noun}s of this job on this ref are left for GitHub to evict after 7 days unused: ${why}`;
  if ('skipped' in pruning) return left(pruning.skipped);
  if ('unavailable' in pruning) return left(pruning.unavailable);
  if (pruning.deleted === 0 && pruning.left === 0) return undefined;
  const deleted = `deleted ${counted(pruning.deleted, `older ${noun}`)} of this job on this ref (${formatBytes(pruning.bytes)})`;
  return pruning.left > 0 ? `${deleted}; ${pruning.left} more go in the next runs` : deleted;
}
