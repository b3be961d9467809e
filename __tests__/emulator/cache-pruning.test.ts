// pruneOlderEntries against the cache-service emulator's REST API (list by key prefix and ref,
// newest first by creation; DELETE by id), through the real @actions/github Octokit: what goes (this
// series, this ref, older than the entry just saved), what stays, and the sentences it answers with
// when the token may not, or the API is down. olderThanSaved, the pure choice, under fast-check.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import {
  MAX_DELETIONS,
  olderThanSaved,
  pruneOlderEntries,
  type PruneRequest,
} from '../../src/github/cache-pruning.js';
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
const MAIN = 'refs/heads/main';
const PREFIX = 'sccache-guard-run-v2-build-0123abcd-';
const VERSION = 'f'.repeat(64);

/** Entries created in distinct milliseconds, so creation order is the order they are seeded in. */
async function seed(svc: CacheService, key: string, scope = MAIN, bytes = 100): Promise<void> {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((resolve) => setTimeout(resolve, 1));
  svc.seed({ key, version: VERSION, scope, data: Buffer.alloc(bytes, 1) });
}

const request = (svc: CacheService, savedKey: string, more: Partial<PruneRequest> = {}): PruneRequest => ({
  token: svc.apiToken({ actionsRead: true, actionsWrite: true }),
  repository: REPO,
  apiUrl: svc.url,
  prefix: PREFIX,
  savedKey,
  ref: MAIN,
  timeoutMs: 5000,
  ...more,
});

const keys = (svc: CacheService) => svc.entries.filter((e) => e.finalized).map((e) => `${e.scope} ${e.key}`);

test('pruneOlderEntries: deletes this series on this ref older than the saved entry, and nothing else', async () => {
  const svc = await service();
  await seed(svc, `${PREFIX}1-1`, MAIN, 300);
  await seed(svc, `${PREFIX}2-1`, MAIN, 200);
  await seed(svc, `${PREFIX}3-1`, 'refs/heads/feature'); // another ref: a pull request may read it
  await seed(svc, `${PREFIX}x-1-1`); // another job whose prefix extends ours
  await seed(svc, 'sccache-guard-run-v2-test-0123abcd-2-1'); // another job
  await seed(svc, `${PREFIX}4-1`, MAIN, 50); // this run's
  await seed(svc, `${PREFIX}5-1`, MAIN, 50); // a concurrent run that saved after it
  const result = await pruneOlderEntries(request(svc, `${PREFIX}4-1`));
  assert.deepEqual(result, { deleted: 2, bytes: 500, left: 0 });
  assert.deepEqual(keys(svc), [
    `refs/heads/feature ${PREFIX}3-1`,
    `${MAIN} ${PREFIX}x-1-1`,
    `${MAIN} sccache-guard-run-v2-test-0123abcd-2-1`,
    `${MAIN} ${PREFIX}4-1`,
    `${MAIN} ${PREFIX}5-1`,
  ]);
  assert.deepEqual(
    svc.requestsFor('DeleteCacheById').map((r) => r.status),
    [204, 204],
  );
  // Again: nothing older is left.
  assert.deepEqual(await pruneOlderEntries(request(svc, `${PREFIX}4-1`)), { deleted: 0, bytes: 0, left: 0 });
});

test('pruneOlderEntries: a backlog goes MAX_DELETIONS per run', async () => {
  const svc = await service();
  const backlog = MAX_DELETIONS + 3;
  for (let i = 1; i <= backlog; i++) await seed(svc, `${PREFIX}${i}-1`, MAIN, 10);
  await seed(svc, `${PREFIX}999-1`);
  const first = await pruneOlderEntries(request(svc, `${PREFIX}999-1`));
  assert.deepEqual(first, { deleted: MAX_DELETIONS, bytes: MAX_DELETIONS * 10, left: 3 });
  const second = await pruneOlderEntries(request(svc, `${PREFIX}999-1`));
  assert.deepEqual(second, { deleted: 3, bytes: 30, left: 0 });
  assert.deepEqual(keys(svc), [`${MAIN} ${PREFIX}999-1`]);
});

test('pruneOlderEntries: a saved entry the listing does not show yet deletes nothing', async () => {
  const svc = await service();
  await seed(svc, `${PREFIX}1-1`);
  assert.deepEqual(await pruneOlderEntries(request(svc, `${PREFIX}2-1`)), { deleted: 0, bytes: 0, left: 0 });
  assert.equal(svc.entries.length, 1);
});

test('pruneOlderEntries: a token without actions: write, an unknown token, a down API: a sentence, nothing deleted', async () => {
  const svc = await service();
  await seed(svc, `${PREFIX}1-1`);
  await seed(svc, `${PREFIX}2-1`);
  const readOnly = await pruneOlderEntries(
    request(svc, `${PREFIX}2-1`, { token: svc.apiToken({ actionsRead: true }) }),
  );
  assert.deepEqual(readOnly, {
    unavailable: 'the github-token may not delete caches; deleting them needs `permissions: actions: write`',
  });
  const none = await pruneOlderEntries(
    request(svc, `${PREFIX}2-1`, { token: svc.apiToken({ actionsRead: false }) }),
  );
  assert.ok('unavailable' in none && /may not list caches/.test(none.unavailable), JSON.stringify(none));
  const unknown = await pruneOlderEntries(request(svc, `${PREFIX}2-1`, { token: 'ghs_notissuedhere' }));
  assert.deepEqual(unknown, { unavailable: 'the API refused the github-token (401)' });
  assert.equal(svc.entries.length, 2);

  await svc.setFaults({ refuse: true });
  const refused = await pruneOlderEntries(request(svc, `${PREFIX}2-1`));
  assert.ok('unavailable' in refused && /^the cache listing failed: /.test(refused.unavailable));
  await svc.setFaults({ refuse: false });

  svc.faults.latencyMs = 1000;
  try {
    const slow = await pruneOlderEntries(request(svc, `${PREFIX}2-1`, { timeoutMs: 100 }));
    assert.deepEqual(slow, { unavailable: 'the cache listing did not answer within 0.1 s' });
  } finally {
    svc.faults.latencyMs = 0;
  }
  assert.equal(svc.entries.length, 2);
});

const listing = fc.array(
  fc.record({
    id: fc.option(fc.nat(1000), { nil: undefined }),
    key: fc.option(
      fc.oneof(
        fc.tuple(fc.nat(20), fc.nat(3)).map(([run, attempt]) => `${PREFIX}${run}-${attempt}`),
        fc.string(),
      ),
      { nil: undefined },
    ),
    ref: fc.option(fc.constantFrom(MAIN, 'refs/heads/feature', ''), { nil: undefined }),
    size_in_bytes: fc.option(fc.nat(), { nil: undefined }),
  }),
  { maxLength: 40 },
);

test('olderThanSaved: only entries of the series on the ref, listed after the saved one, never the saved key', () => {
  fc.assert(
    fc.property(listing, fc.tuple(fc.nat(20), fc.nat(3)), (entries, [run, attempt]) => {
      const savedKey = `${PREFIX}${run}-${attempt}`;
      const chosen = olderThanSaved(entries, { prefix: PREFIX, savedKey, ref: MAIN });
      const savedAt = entries.findIndex((e) => e.key === savedKey && e.ref === MAIN);
      if (savedAt < 0) return chosen.length === 0;
      const after = entries.slice(savedAt + 1);
      return chosen.every((c) => {
        const entry = after.find((e) => e.id === c.id);
        return (
          entry !== undefined &&
          entry.ref === MAIN &&
          entry.key !== savedKey &&
          entry.key!.startsWith(PREFIX) &&
          /^\d+-\d+$/.test(entry.key!.slice(PREFIX.length))
        );
      });
    }),
  );
});
