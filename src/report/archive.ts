// The local backend's archive of SCCACHE_DIR at the end of the job: whether to save a new one, and
// what happened, as data for the summary and the log. Pure; the post step does the I/O.
import { readOnlyInEffect, type LocalCacheRecord, type SetupRecord } from '../handoff.js';
import type { Facts } from './facts.js';

export type ArchiveDecision =
  | { readonly save: true; readonly local: LocalCacheRecord }
  | { readonly save: false; readonly local: LocalCacheRecord; readonly why: string };

/** What the summary says about the archive: where it came from and where it went. */
export interface ArchiveOutcome {
  readonly dir: string;
  /** The key it was restored from, or why nothing was restored. */
  readonly restored: { readonly key: string } | { readonly note: string };
  /** The key it was saved as, or why it was not saved. */
  readonly saved: { readonly key: string } | { readonly note: string };
}

/** Undefined when this job did not use the local backend. */
export function decideArchive(setup: SetupRecord, facts: Facts): ArchiveDecision | undefined {
  const local = setup.localCache;
  if (!local || setup.backend !== 'local') return undefined;
  if (readOnlyInEffect(setup.readOnly)) return { save: false, local, why: 'read-only run' };
  if (facts.stats.cacheWrites === 0) return { save: false, local, why: 'this run stored no new objects' };
  return { save: true, local };
}

export function archiveOutcome(local: LocalCacheRecord, saved: ArchiveOutcome['saved']): ArchiveOutcome {
  return {
    dir: local.dir,
    restored: local.restoredKey ? { key: local.restoredKey } : { note: local.restoreNote ?? 'no archive' },
    saved,
  };
}

/** "restored from `k1`; saved as `k2`" (the log line and the summary's sentence). */
export function describeArchive(outcome: ArchiveOutcome): string {
  const restored =
    'key' in outcome.restored
      ? `restored from \`${outcome.restored.key}\``
      : `nothing restored (${outcome.restored.note})`;
  const saved =
    'key' in outcome.saved ? `saved as \`${outcome.saved.key}\`` : `not saved: ${outcome.saved.note}`;
  return `${restored}; ${saved}`;
}
