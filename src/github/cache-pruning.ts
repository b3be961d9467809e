// Deletes the entries an immutable series of cache keys leaves behind. GitHub's cache never
// overwrites a key, so the run record and the local backend's archive save under a new key each
// run and are found again by key prefix, newest first. The older entries of the series on the same
// ref are never restored again; left alone they hold quota until GitHub evicts them (7 days without
// access, or sooner under the 10 GB limit). With `actions: write` we delete them as soon as the new
// entry is saved, through the REST API:
//   GET    /repos/{owner}/{repo}/actions/caches?key=<prefix>&ref=<ref>&sort=created_at
//   DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}
// Only entries of this series on this ref created before the one just saved go: a concurrent run's
// newer entry, another ref's (the default branch a pull request reads) and other jobs' stay.
import { restClient, restFailure, statusOf, type RestTarget } from './rest-client.js';

/** One listing page: a series keeps one entry per ref, so more than this means a backlog. */
const PER_PAGE = 100;
/** Deletions per run: each is one request; a backlog beyond this goes over the next runs. */
export const MAX_DELETIONS = 20;

export interface PruneRequest extends RestTarget {
  /** The series' key prefix, as the restore uses it. */
  readonly prefix: string;
  /** The key this run just saved: it and anything newer stay. */
  readonly savedKey: string;
  /** The ref the entry was saved on (refs/heads/main). */
  readonly ref: string;
  /** The whole pruning gives up after this long. */
  readonly timeoutMs: number;
}

export type PruneResult =
  | { readonly deleted: number; readonly bytes: number; readonly left: number }
  | { readonly unavailable: string };

interface ApiEntry {
  id?: number;
  key?: string;
  ref?: string;
  size_in_bytes?: number;
}

/** A key of the series: the prefix, then a run id and attempt (another job's prefix may extend ours). */
const inSeries = (prefix: string, key: string | undefined): boolean =>
  key !== undefined && key.startsWith(prefix) && /^\d+-\d+$/.test(key.slice(prefix.length));

/** The entries to delete from a newest-first listing: every one after the one this run saved. */
export function olderThanSaved(
  listing: readonly ApiEntry[],
  request: Pick<PruneRequest, 'prefix' | 'savedKey' | 'ref'>,
): { id: number; bytes: number }[] {
  const series = listing.filter((e) => e.ref === request.ref && inSeries(request.prefix, e.key));
  const saved = series.findIndex((e) => e.key === request.savedKey);
  // Not listed yet (or already gone): nothing is known to be older than it.
  if (saved < 0) return [];
  return series
    .slice(saved + 1)
    .filter((e): e is ApiEntry & { id: number } => typeof e.id === 'number' && e.key !== request.savedKey)
    .map((e) => ({ id: e.id, bytes: e.size_in_bytes ?? 0 }));
}

export async function pruneOlderEntries(request: PruneRequest): Promise<PruneResult> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const client = await restClient(request, signal);
  if ('unavailable' in client) return client;
  const { octokit, owner, repo } = client;
  let stage = 'the cache listing';
  try {
    const page = await octokit.rest.actions.getActionsCacheList({
      owner,
      repo,
      key: request.prefix,
      ref: request.ref,
      sort: 'created_at',
      direction: 'desc',
      per_page: PER_PAGE,
    });
    const older = olderThanSaved(page.data.actions_caches as ApiEntry[], request);
    const now = older.slice(0, MAX_DELETIONS);
    let deleted = 0;
    let bytes = 0;
    stage = 'deleting an older entry';
    for (const entry of now) {
      try {
        await octokit.rest.actions.deleteActionsCacheById({ owner, repo, cache_id: entry.id });
        deleted++;
        bytes += entry.bytes;
      } catch (error) {
        // Gone already: a concurrent run of the same job pruned it first.
        if (statusOf(error) !== 404) throw error;
      }
    }
    return { deleted, bytes, left: older.length - now.length };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) return { unavailable: 'the API refused the github-token (401)' };
    if (status === 403)
      return {
        unavailable: `the github-token may not ${stage === 'the cache listing' ? 'list' : 'delete'} caches; deleting them needs \`permissions: actions: write\``,
      };
    if (status === 404) return { unavailable: 'this GitHub has no cache API (GHES before 3.8?)' };
    return { unavailable: restFailure(error, signal, request.timeoutMs, stage) };
  }
}
