// The REST API client the listing and the pruning share: @actions/github's Octokit with the run's
// token, the API URL (GHES), an abort signal and no retries (both callers work within a time limit),
// and the one sentence a failure becomes. Neither caller may throw into the report.
import type { getOctokit as GetOctokit } from '@actions/github';

export type RestClient = ReturnType<typeof GetOctokit>;

export interface RestTarget {
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  /** GITHUB_API_URL */
  readonly apiUrl?: string;
}

export type ClientResult =
  | { readonly octokit: RestClient; readonly owner: string; readonly repo: string }
  | { readonly unavailable: string };

export async function restClient(target: RestTarget, signal: AbortSignal): Promise<ClientResult> {
  const [owner, repo, extra] = target.repository.split('/');
  if (!owner || !repo || extra !== undefined)
    return { unavailable: `GITHUB_REPOSITORY "${target.repository}" is not owner/name` };
  // Loaded here, not at the top: @actions/github parses GITHUB_EVENT_PATH when it loads, and a broken
  // event file must cost this call, not the report.
  let getOctokit: typeof GetOctokit;
  try {
    ({ getOctokit } = await import('@actions/github'));
  } catch (error) {
    return { unavailable: `@actions/github could not load: ${(error as Error).message.split('\n')[0]}` };
  }
  const octokit = getOctokit(target.token, {
    // Octokit joins paths to it as given: a trailing slash would make them `//repos/…`.
    ...(target.apiUrl ? { baseUrl: target.apiUrl.replace(/\/+$/, '') } : {}),
    request: { signal, retries: 0 },
  });
  return { octokit, owner, repo };
}

/** The HTTP status of an Octokit error, when it has one. */
export const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

/** Why a call failed, in one line: `what` names the call ("the cache listing"). */
export function restFailure(error: unknown, signal: AbortSignal, timeoutMs: number, what: string): string {
  if (signal.aborted) return `${what} did not answer within ${timeoutMs / 1000} s`;
  return `${what} failed: ${(error as Error).message.split('\n')[0]}`;
}
