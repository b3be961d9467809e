// One small cache entry (a few KB of JSON) read and written as sccache writes its objects: the bytes
// themselves under a key, through the cache service's v2 twirp API and the signed blob URLs it
// hands out (docs: ../shared/reference/cache-service-protocol.md). @actions/cache would pack the
// file with tar and zstd and load the Azure storage SDK: for the run record that is most of the post
// step's CPU time (bench/RESULTS.md), for a file that needs neither. v1 (GHES) has no such path: the
// record store keeps @actions/cache there.
import { redact } from '../util/redact.js';

const SERVICE = 'github.actions.results.api.v1.CacheService';

export interface CacheServiceEndpoint {
  /** ACTIONS_RESULTS_URL */
  readonly resultsUrl: string;
  /** ACTIONS_RUNTIME_TOKEN */
  readonly token: string;
}

/** The v2 service this step may call, or undefined (GHES's v1, or no runtime variables). */
export function v2Endpoint(env: NodeJS.ProcessEnv): CacheServiceEndpoint | undefined {
  const flag = (env['ACTIONS_CACHE_SERVICE_V2'] ?? '').toLowerCase();
  const resultsUrl = env['ACTIONS_RESULTS_URL'];
  const token = env['ACTIONS_RUNTIME_TOKEN'];
  if (!['true', '1', 'on', 'yes'].includes(flag) || !resultsUrl || !token) return undefined;
  return { resultsUrl, token };
}

/** A failure worded for the summary: never a signed URL or a token (they are redacted). */
export class CacheEntryError extends Error {
  constructor(message: string) {
    super(redact(message));
    this.name = 'CacheEntryError';
  }
}

/** fetch, with a failure to connect or a timeout worded as what happened (ECONNREFUSED, timed out). */
async function call(what: string, url: URL | string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const reason =
      (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause ?? (error as Error).message);
    throw new CacheEntryError(`${what} failed: ${reason}`);
  }
}

async function twirp<T>(
  endpoint: CacheServiceEndpoint,
  method: string,
  body: unknown,
  signal: AbortSignal,
): Promise<T> {
  const url = new URL(`twirp/${SERVICE}/${method}`, endpoint.resultsUrl.replace(/\/?$/, '/'));
  const response = await call(method, url, {
    method: 'POST',
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  if (!response.ok) {
    const message = /"msg"\s*:\s*"([^"]{0,200})"/.exec(text)?.[1] ?? text.slice(0, 200);
    throw new CacheEntryError(
      `${method} answered ${response.status}${response.status === 429 ? ' (rate limited)' : ''}: ${message}`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CacheEntryError(`${method} answered ${response.status} with a body that is not JSON`);
  }
}

export interface EntryRequest {
  readonly key: string;
  /** The entry's version: lookups and saves of one kind of entry share it. */
  readonly version: string;
  readonly signal: AbortSignal;
}

/**
 * The newest entry matching `key` exactly or, failing that, a restore key as a prefix (the
 * service's order: this ref first, then the default branch); undefined when none matches. A body
 * over `maxBytes` is refused before it is read whole.
 */
export async function downloadEntry(
  endpoint: CacheServiceEndpoint,
  request: EntryRequest & { readonly restoreKeys: readonly string[]; readonly maxBytes: number },
): Promise<{ readonly matchedKey: string; readonly body: Buffer } | undefined> {
  const answer = await twirp<{ ok?: boolean; signed_download_url?: string; matched_key?: string }>(
    endpoint,
    'GetCacheEntryDownloadURL',
    { key: request.key, restore_keys: request.restoreKeys, version: request.version },
    request.signal,
  );
  if (!answer.ok || !answer.signed_download_url) return undefined;
  const blob = await call('the download', answer.signed_download_url, { signal: request.signal });
  if (!blob.ok) throw new CacheEntryError(`the download answered ${blob.status}`);
  const declared = Number(blob.headers.get('content-length') ?? NaN);
  if (declared > request.maxBytes) {
    await blob.body?.cancel();
    throw new CacheEntryError(`the entry is ${declared} bytes, more than ${request.maxBytes}`);
  }
  const body = Buffer.from(await blob.arrayBuffer());
  if (body.length > request.maxBytes)
    throw new CacheEntryError(`the entry is ${body.length} bytes, more than ${request.maxBytes}`);
  return { matchedKey: answer.matched_key || request.key, body };
}

/** Creates the entry, uploads `body` as one block blob, and finalizes it; the bytes stored. */
export async function uploadEntry(
  endpoint: CacheServiceEndpoint,
  request: EntryRequest & { readonly body: Buffer },
): Promise<{ readonly bytes: number }> {
  const { key, version, signal, body } = request;
  const created = await twirp<{ ok?: boolean; signed_upload_url?: string; message?: string }>(
    endpoint,
    'CreateCacheEntry',
    { key, version },
    signal,
  );
  if (!created.ok || !created.signed_upload_url) {
    throw new CacheEntryError(
      `the cache service did not create the entry${created.message ? `: ${created.message}` : ' (it may exist already)'}`,
    );
  }
  const put = await call('the upload', created.signed_upload_url, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/octet-stream' },
    body,
    signal,
  });
  if (!put.ok) throw new CacheEntryError(`the upload answered ${put.status}`);
  const finalized = await twirp<{ ok?: boolean; message?: string }>(
    endpoint,
    'FinalizeCacheEntryUpload',
    { key, version, size_bytes: String(body.length) },
    signal,
  );
  if (!finalized.ok) {
    throw new CacheEntryError(
      `the cache service did not finalize the entry${finalized.message ? `: ${finalized.message}` : ''}`,
    );
  }
  return { bytes: body.length };
}
