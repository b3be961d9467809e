// The local backend's archive of SCCACHE_DIR at the end of the job: whether to save a new one (the
// save input's policy applied to this run), and what happened, as data for the summary and the log.
// Pure; the post step does the I/O.
import type { EntrySize } from '../github/cache-entry-size.js';
import { readOnlyInEffect, type LocalCacheRecord, type SavePolicy, type SetupRecord } from '../handoff.js';
import { formatBytes } from '../util/bytes.js';
import { counted } from '../util/words.js';

/** Whether to save, and why, in words for the summary: the policy and what of this run decided it. */
export interface ArchiveDecision {
  readonly save: boolean;
  readonly local: LocalCacheRecord;
  readonly why: string;
}

/** What the summary says about the archive: where it came from and where it went. */
export interface ArchiveOutcome {
  readonly dir: string;
  /** This run's key, and the prefix setup restored the newest earlier archive by. */
  readonly key: string;
  readonly restorePrefix: string;
  /** The key it was restored from, or why nothing was restored. */
  readonly restored: { readonly key: string } | { readonly note: string };
  /** The key it was saved as, its size and why it was saved; or why it was not saved. */
  readonly saved:
    | {
        readonly key: string;
        readonly size?: EntrySize;
        readonly why: string;
        /** What became of the older archives of this job on this ref (report/pruning.ts). */
        readonly pruned?: string;
      }
    | { readonly note: string };
}

/**
 * Undefined when this job did not use the local backend. never: no save; a read-only run: no save
 * whatever the policy; always: a save; auto: a save when this run stored objects, or when its stats
 * cannot tell (sccache's text form has no cache_writes): an archive too many costs one upload, one
 * too few costs the next run its hits.
 */
export function decideArchive(
  setup: SetupRecord,
  /** cache_writes of this run's stats: null when they are sccache's text form, which lacks it. */
  writes: number | null,
  policy: SavePolicy,
): ArchiveDecision | undefined {
  const local = setup.localCache;
  if (!local || setup.backend !== 'local') return undefined;
  if (policy === 'never') return { save: false, local, why: '`save: never`' };
  if (readOnlyInEffect(setup.readOnly)) return { save: false, local, why: 'read-only run' };
  if (policy === 'always') return { save: true, local, why: '`save: always`' };
  if (writes === null) {
    return { save: true, local, why: 'the text stats do not say whether this run stored objects' };
  }
  if (writes === 0) return { save: false, local, why: 'this run stored no new objects (`save: auto`)' };
  return { save: true, local, why: `this run stored ${counted(writes, 'new object')}` };
}

export function archiveOutcome(local: LocalCacheRecord, saved: ArchiveOutcome['saved']): ArchiveOutcome {
  return {
    dir: local.dir,
    key: local.key,
    restorePrefix: local.restorePrefix,
    restored: local.restoredKey ? { key: local.restoredKey } : { note: local.restoreNote ?? 'no archive' },
    saved,
  };
}

/** "12.3 MiB", or "about 12.3 MiB" when only the directory was measured. */
export function describeSize(size: EntrySize): string {
  return size.exact
    ? formatBytes(size.bytes)
    : `about ${formatBytes(size.bytes)}, the directory before packing`;
}

/** "restored from `k1`; saved as `k2` (12.3 MiB): this run stored 8 new objects" (the log and the summary). */
export function describeArchive(outcome: ArchiveOutcome): string {
  const restored =
    'key' in outcome.restored
      ? `restored from \`${outcome.restored.key}\``
      : `nothing restored (${outcome.restored.note})`;
  const { saved } = outcome;
  if (!('key' in saved)) return `${restored}; not saved: ${saved.note}`;
  const size = saved.size ? ` (${describeSize(saved.size)})` : '';
  return `${restored}; saved as \`${saved.key}\`${size}: ${saved.why}${saved.pruned ? `; ${saved.pruned}` : ''}`;
}
