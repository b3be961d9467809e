// The read-only decision, made once: whether this run should leave the shared cache as it found it,
// why, and how that is enforced for the backend in use (or why it cannot be). The plan carries the
// result into the record; the report, the summary and the rules only read it. Pure.
import type { CacheMode } from '../github/cache-mode.js';
import type { BackendInUse, ReadOnlyDecision } from '../handoff.js';
import type { Capabilities } from '../sccache/version.js';
import type { ReadOnlyChoice } from './inputs.js';

export interface ReadOnlyInput {
  /** The read-only input: auto, true or false. */
  readonly choice: ReadOnlyChoice;
  /** GITHUB_EVENT_NAME. */
  readonly event: string;
  readonly cacheMode: CacheMode;
  readonly backend: BackendInUse;
  readonly sccacheVersion: string;
  readonly capabilities: Capabilities;
  /** backend s3, redis or webdav: the store, and its read-only switch when this sccache has one. */
  readonly store?: { readonly kind: string; readonly readOnlyVariable?: string };
}

/** Why this run should not write, or undefined when it may. */
function reasonToStayReadOnly({ choice, event, cacheMode }: ReadOnlyInput): string | undefined {
  if (choice === 'true') return 'read-only: true';
  // The runner's cache mode outranks the input: the service refuses the writes whatever we export.
  if (cacheMode === 'none') return 'ACTIONS_CACHE_MODE is none: this job may not use the GitHub cache';
  if (cacheMode === 'read') return 'ACTIONS_CACHE_MODE is read: the cache service refuses writes';
  if (choice === 'false') return undefined;
  if (event === 'pull_request')
    return 'a pull_request run writes into its PR ref, which no other run can read';
  if (event === 'pull_request_target')
    return 'a pull_request_target run builds untrusted code: it must not write the base branch cache';
  return undefined;
}

export function decideReadOnly(input: ReadOnlyInput): ReadOnlyDecision {
  const why = reasonToStayReadOnly(input);
  if (!why) return { wanted: false };
  switch (input.backend) {
    case 'gha':
      return input.capabilities.ghaReadOnlyMode
        ? { wanted: true, why, enforced: true, how: 'SCCACHE_GHA_RW_MODE=READ_ONLY' }
        : {
            wanted: true,
            why,
            enforced: false,
            whyNot:
              `sccache ${input.sccacheVersion} has no SCCACHE_GHA_RW_MODE (0.16.0+): ` +
              "it will write as usual (into this run's scope)",
          };
    case 'local':
      return { wanted: true, why, enforced: true, how: 'the local cache archive is restored but not saved' };
    case 'external':
      if (input.store) {
        return input.store.readOnlyVariable
          ? { wanted: true, why, enforced: true, how: `${input.store.readOnlyVariable}=READ_ONLY` }
          : {
              wanted: true,
              why,
              enforced: false,
              whyNot: `sccache ${input.sccacheVersion} has no read-only mode for ${input.store.kind} (0.16.0+): it will write as usual`,
            };
      }
      return {
        wanted: true,
        why,
        enforced: false,
        whyNot:
          'backend: external uses the store your own SCCACHE_* variables configure, and sccache-guard does ' +
          "not change them: set that store's read-only mode yourself if it has one",
      };
  }
}
