// What the repository's GitHub cache holds for one sccache namespace, from the REST API
// (`GET /repos/{owner}/{repo}/actions/caches`, filtered by key prefix, paginated; and
// `/actions/cache/usage` for the quota), through @actions/github's Octokit. It turns "cold" into a
// fact: how many entries each ref holds. Needs `actions: read`; without it (403), on a GHES without
// the API, or without a token, the caller gets one sentence, never an exception.
import { restClient, restFailure, statusOf, type RestTarget } from './rest-client.js';

/** GitHub's cache quota per repository (docs: "Usage limits and eviction policy"). */
export const REPOSITORY_QUOTA_BYTES = 10 * 1024 ** 3;
/** sccache's GHA keys all start so (src/cache/gha.rs: root /sccache). */
const SCCACHE_KEY_PREFIX = 'sccache/';
const MAX_PAGES = 20;
const PER_PAGE = 100;

export interface RefEntries {
  readonly ref: string;
  readonly entries: number;
  readonly bytes: number;
}

export interface CacheListing {
  /** Entries of this namespace per ref, most entries first. */
  readonly byRef: readonly RefEntries[];
  /** The oldest last access among them: what eviction takes next. */
  readonly oldestAccess?: string;
  /** All caches of the repository, against the quota. */
  readonly repositoryBytes?: number;
  readonly quotaBytes: number;
  /** More entries than were read (the listing stopped after MAX_PAGES pages). */
  readonly truncated: boolean;
}

export type ListingResult = { readonly listing: CacheListing } | { readonly unavailable: string };

export interface ListingRequest extends RestTarget {
  /** The namespace's version as the cache service stores it: the 64-hex hash in cache_location. */
  readonly version: string;
  /** The whole listing gives up after this long. */
  readonly timeoutMs: number;
}

interface ApiEntry {
  key?: string;
  ref?: string;
  version?: string;
  size_in_bytes?: number;
  last_accessed_at?: string;
}

export async function listNamespace(request: ListingRequest): Promise<ListingResult> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const client = await restClient(request, signal);
  if ('unavailable' in client) return client;
  const { octokit, owner, repo } = client;
  try {
    const perRef = new Map<string, { entries: number; bytes: number }>();
    let oldest: string | undefined;
    let pages = 0;
    let truncated = false;
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.getActionsCacheList, {
      owner,
      repo,
      key: SCCACHE_KEY_PREFIX,
      per_page: PER_PAGE,
    })) {
      for (const entry of page.data as ApiEntry[]) {
        // sccache's startup write check leaves one entry that is not an object.
        if (entry.version !== request.version || !entry.ref || entry.key?.endsWith('/.sccache_check'))
          continue;
        const counts = perRef.get(entry.ref) ?? { entries: 0, bytes: 0 };
        counts.entries++;
        counts.bytes += entry.size_in_bytes ?? 0;
        perRef.set(entry.ref, counts);
        if (entry.last_accessed_at && (!oldest || entry.last_accessed_at < oldest))
          oldest = entry.last_accessed_at;
      }
      if (++pages >= MAX_PAGES) {
        truncated = true;
        break;
      }
    }
    const usage = await octokit.rest.actions
      .getActionsCacheUsage({ owner, repo })
      .then((r) => r.data.active_caches_size_in_bytes)
      .catch(() => undefined);
    return {
      listing: {
        byRef: [...perRef]
          .map(([ref, c]) => ({ ref, ...c }))
          .sort((a, b) => b.entries - a.entries || a.ref.localeCompare(b.ref)),
        ...(oldest ? { oldestAccess: oldest } : {}),
        ...(usage !== undefined ? { repositoryBytes: usage } : {}),
        quotaBytes: REPOSITORY_QUOTA_BYTES,
        truncated,
      },
    };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 401)
      return { unavailable: 'the token may not list caches (the job needs `permissions: actions: read`)' };
    if (status === 404) return { unavailable: 'this GitHub has no cache listing API (GHES before 3.8?)' };
    return { unavailable: restFailure(error, signal, request.timeoutMs, 'the cache listing') };
  }
}
