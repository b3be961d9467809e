// listNamespace against the cache-service emulator's REST API (`/repos/{owner}/{repo}/actions/caches`
// and `/actions/cache/usage`), through the real @actions/github Octokit: pagination, per-ref counts
// of one namespace version, the quota, and the sentences it answers with instead of throwing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, test } from 'node:test';
import {
  listNamespace,
  REPOSITORY_QUOTA_BYTES,
  type ListingRequest,
} from '../../src/github/cache-listing.js';
import { startCacheService, type CacheService } from './cache-service.js';

const services: CacheService[] = [];
after(async () => {
  await Promise.all(services.map((s) => s.close()));
});

async function service(): Promise<CacheService> {
  const s = await startCacheService();
  services.push(s);
  return s;
}

const REPO = 'octo-org/octo-repo';
/** A namespace's version as the service stores it: 64 hex digits. */
const versionOf = (namespace: string) => createHash('sha256').update(namespace).digest('hex');
const VERSION = versionOf('sccache-v0.16.0');
const OTHER_VERSION = versionOf('sccache-v0.15.0');

/** An sccache object key, as its GHA backend writes them: sccache/a/b/c/<hash>. */
const objectKey = (i: number) => {
  const hash = createHash('sha256').update(`object ${i}`).digest('hex');
  return `sccache/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash.slice(4, 6)}/${hash}`;
};

const request = (svc: CacheService, more: Partial<ListingRequest> = {}): ListingRequest => ({
  token: svc.apiToken({ actionsRead: true }),
  repository: REPO,
  apiUrl: svc.url,
  version: VERSION,
  timeoutMs: 5000,
  ...more,
});

/** Wait until the clock has moved on, so that later entries are accessed later (ISO times in ms). */
async function nextMillisecond(): Promise<void> {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((resolve) => setTimeout(resolve, 1));
}

test('listNamespace: entries of one namespace per ref across pages, their bytes, the oldest access, the usage', async () => {
  const svc = await service();
  let i = 0;
  const seed = (scope: string, version: string, bytes: number, key = objectKey(i++)) =>
    svc.seed({ key, version, scope, data: Buffer.alloc(bytes, 1) });

  // Older entries that do not count: another namespace version, another key prefix, another repository.
  for (let n = 0; n < 30; n++) seed('refs/heads/main', OTHER_VERSION, 50);
  seed('refs/heads/main', VERSION, 1000, 'sccache-guard-run-v2-build-0123abcd-1-1');
  svc.seed({
    key: objectKey(i++),
    version: VERSION,
    scope: 'refs/heads/main',
    data: 'x',
    repo: 'octo-org/other',
  });
  await nextMillisecond();
  const notBefore = new Date().toISOString();

  // 150 on main (two pages of this namespace alone), 40 on a tag, 7 on a pull request.
  for (let n = 0; n < 150; n++) seed('refs/heads/main', VERSION, 100);
  for (let n = 0; n < 40; n++) seed('refs/tags/v1', VERSION, 300);
  for (let n = 0; n < 7; n++) seed('refs/pull/7/merge', VERSION, 10);

  const result = await listNamespace(request(svc));
  assert.ok('listing' in result, JSON.stringify(result));
  const { listing } = result;
  assert.deepEqual(listing.byRef, [
    { ref: 'refs/heads/main', entries: 150, bytes: 15_000 },
    { ref: 'refs/tags/v1', entries: 40, bytes: 12_000 },
    { ref: 'refs/pull/7/merge', entries: 7, bytes: 70 },
  ]);
  assert.equal(listing.truncated, false);
  assert.equal(listing.quotaBytes, REPOSITORY_QUOTA_BYTES);
  // The usage counts every cache of the repository, whatever its key or version.
  const ours = svc.entries.filter((e) => e.repo === REPO && e.finalized);
  assert.equal(
    listing.repositoryBytes,
    ours.reduce((n, e) => n + e.size, 0),
  );
  assert.equal(listing.repositoryBytes, 30 * 50 + 1000 + 15_000 + 12_000 + 70);
  // The oldest access among this namespace's entries only.
  assert.ok(listing.oldestAccess, 'an oldest access');
  assert.ok(listing.oldestAccess >= notBefore, `${listing.oldestAccess} < ${notBefore}`);
  assert.ok(listing.oldestAccess <= new Date().toISOString());

  // Pagination ran: more than one page of `sccache/` keys was asked for, 100 at a time.
  const pages = svc.requestsFor('ListCaches');
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  for (const page of pages) {
    const query = new URLSearchParams(page.query);
    assert.equal(query.get('key'), 'sccache/');
    assert.equal(query.get('per_page'), '100');
  }
  assert.equal(svc.requestsFor('CacheUsage').length, 1);
});

test('listNamespace: an API URL with a trailing slash, as GITHUB_API_URL may have', async () => {
  const svc = await service();
  svc.seed({ key: objectKey(1), version: VERSION, scope: 'refs/heads/main', data: 'abc' });
  assert.ok(svc.url.endsWith('/'));
  const result = await listNamespace(request(svc, { apiUrl: svc.url }));
  assert.ok('listing' in result, JSON.stringify(result));
  assert.deepEqual(result.listing.byRef, [{ ref: 'refs/heads/main', entries: 1, bytes: 3 }]);
  assert.ok(
    svc.requestsFor('ListCaches').every((r) => r.path === '/repos/octo-org/octo-repo/actions/caches'),
  );
});

test('listNamespace: nothing of this namespace is an empty listing, not a failure', async () => {
  const svc = await service();
  svc.seed({ key: objectKey(1), version: OTHER_VERSION, scope: 'refs/heads/main', data: 'abc' });
  const result = await listNamespace(request(svc));
  assert.ok('listing' in result);
  assert.deepEqual(result.listing.byRef, []);
  assert.equal(result.listing.oldestAccess, undefined);
  assert.equal(result.listing.repositoryBytes, 3);
});

test('listNamespace: a token without actions: read is told so', async () => {
  const svc = await service();
  svc.seed({ key: objectKey(1), version: VERSION, scope: 'refs/heads/main', data: 'abc' });
  const result = await listNamespace(request(svc, { token: svc.apiToken({ actionsRead: false }) }));
  assert.ok('unavailable' in result, JSON.stringify(result));
  assert.match(result.unavailable, /actions: read/);
  // A token the API does not know at all (401) is the same sentence.
  const unknown = await listNamespace(request(svc, { token: 'ghs_notissuedbythisservice' }));
  assert.ok('unavailable' in unknown);
  assert.match(unknown.unavailable, /actions: read/);
});

test('listNamespace: a refused or reset connection is unavailable, never an exception', async () => {
  const svc = await service();
  svc.seed({ key: objectKey(1), version: VERSION, scope: 'refs/heads/main', data: 'abc' });
  const token = svc.apiToken({ actionsRead: true });
  for (const refuse of [true, 'reset'] as const) {
    await svc.setFaults({ refuse });
    const result = await listNamespace(request(svc, { token }));
    assert.ok('unavailable' in result, `${refuse}: ${JSON.stringify(result)}`);
    assert.match(result.unavailable, /^the cache listing failed: /, String(refuse));
    assert.ok(!result.unavailable.includes(token));
  }
  await svc.setFaults({ refuse: false });
  assert.ok('listing' in (await listNamespace(request(svc, { token }))));
});

test('listNamespace: a repository that is not owner/name is unavailable before any request', async () => {
  const svc = await service();
  for (const repository of ['', 'octo-repo', '/octo-repo', 'octo-org/']) {
    const result = await listNamespace(request(svc, { repository }));
    assert.ok('unavailable' in result, repository);
    assert.match(result.unavailable, /is not owner\/name/);
  }
  assert.deepEqual(svc.requestsFor('ListCaches'), []);
});

test('listNamespace: an API that does not answer within timeoutMs is unavailable', async () => {
  const svc = await service();
  svc.seed({ key: objectKey(1), version: VERSION, scope: 'refs/heads/main', data: 'abc' });
  svc.faults.latencyMs = 1000;
  try {
    const result = await listNamespace(request(svc, { timeoutMs: 100 }));
    assert.deepEqual(result, { unavailable: 'the cache listing did not answer within 0.1 s' });
  } finally {
    svc.faults.latencyMs = 0;
  }
});
