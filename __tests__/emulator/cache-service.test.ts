// The cache-service emulator, driven by the real clients: @actions/cache (v2 JSON twirp and v1 REST)
// and sccache's GHA backend (v2 protobuf twirp, v1 REST against the decommissioned service).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCacheService, SCCACHE_CHECK_KEY } from './cache-service.js';
import type { CacheService, CacheServiceOptions } from './cache-service.js';
import { freePort, sccacheBinary } from '../e2e/tools.js';

const root = mkdtempSync(join(tmpdir(), 'cache-service-test-'));
const services: CacheService[] = [];
after(async () => {
  await Promise.all(services.map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

async function service(options: CacheServiceOptions = {}): Promise<CacheService> {
  const s = await startCacheService(options);
  services.push(s);
  return s;
}

let dirCount = 0;
function freshDir(name: string): string {
  const dir = join(root, `${name}-${++dirCount}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const CACHE_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_CACHE_MODE',
  'GITHUB_SERVER_URL',
  'RUNNER_TEMP',
];

/** Run fn with these cache variables (all others of CACHE_ENV unset), then restore process.env. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map(CACHE_ENV.map((k) => [k, process.env[k]]));
  for (const k of CACHE_ENV) delete process.env[k];
  Object.assign(process.env, { RUNNER_TEMP: freshDir('runner-temp') }, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const v2Env = (svc: CacheService, token: string) => ({
  ACTIONS_RUNTIME_TOKEN: token,
  ACTIONS_RESULTS_URL: svc.url,
  ACTIONS_CACHE_SERVICE_V2: 'True',
});

/** A directory with one small file, to cache. */
function payload(text: string): { dir: string; file: string } {
  const dir = freshDir('payload');
  const file = join(dir, 'data.txt');
  writeFileSync(file, text);
  return { dir, file };
}

async function roundTrip(svc: CacheService, vars: Record<string, string>): Promise<void> {
  const cache = await import('@actions/cache');
  const { dir, file } = payload('hello from the cache\n');
  await withEnv(vars, async () => {
    assert.equal(await cache.restoreCache([dir], 'rt-key-1'), undefined, 'miss before any save');
    const id = await cache.saveCache([dir], 'rt-key-1');
    assert.ok(id > 0, `saveCache returned ${id}`);

    rmSync(dir, { recursive: true });
    assert.equal(await cache.restoreCache([dir], 'rt-key-1'), 'rt-key-1', 'exact key');
    assert.equal(readFileSync(file, 'utf8'), 'hello from the cache\n');

    rmSync(dir, { recursive: true });
    assert.equal(await cache.restoreCache([dir], 'rt-other', ['rt-key-']), 'rt-key-1', 'restore-key prefix');
    assert.equal(readFileSync(file, 'utf8'), 'hello from the cache\n');

    assert.equal(await cache.saveCache([dir], 'rt-key-1'), -1, 'entries are immutable');
  });
  const entries = svc.entries;
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.key, 'rt-key-1');
  assert.equal(entries[0]?.scope, 'refs/heads/main');
  assert.ok(entries[0]?.finalized);
}

test('@actions/cache v2 (JSON twirp) round-trips: save, exact, prefix, 409 on a second save', async () => {
  const svc = await service();
  await roundTrip(svc, v2Env(svc, svc.tokenFor({ ref: 'refs/heads/main' })));
  const ops = svc.requests.map((r) => `${r.operation} ${r.status}`);
  assert.deepEqual(ops, [
    'GetCacheEntryDownloadURL 200',
    'CreateCacheEntry 200',
    'PutBlob 201',
    'FinalizeCacheEntryUpload 200',
    'GetCacheEntryDownloadURL 200',
    'GetBlob 200',
    'GetCacheEntryDownloadURL 200',
    'GetBlob 200',
    'CreateCacheEntry 409',
  ]);
  assert.ok(svc.requests.filter((r) => r.api === 'twirp').every((r) => r.encoding === 'json'));
  assert.equal(svc.requestsFor('PutBlob')[0]?.headers['x-ms-blob-type'], 'BlockBlob');
  assert.deepEqual(svc.requests[6]?.restoreKeys, ['rt-key-']);
  assert.equal(svc.requests[6]?.matchedKey, 'rt-key-1');
});

test('@actions/cache v1 (REST) round-trips: save, exact, prefix, 409 on a second save', async () => {
  const svc = await service();
  await roundTrip(svc, {
    ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
    ACTIONS_CACHE_URL: svc.url,
  });
  const ops = svc.requests.map((r) => `${r.operation} ${r.status}`);
  assert.deepEqual(ops, [
    'GetCacheEntry 204',
    'ReserveCache 201',
    'UploadChunk 204',
    'CommitCache 204',
    'GetCacheEntry 200',
    'GetBlob 200',
    'GetCacheEntry 200',
    'GetBlob 200',
    'ReserveCache 409',
  ]);
});

test('@actions/cache against decommissioned v1 fails softly (422), and an unknown token gets 401', async () => {
  const cache = await import('@actions/cache');
  const svc = await service({ decommissioned: true });
  const { dir } = payload('x');
  await withEnv(
    { ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }), ACTIONS_CACHE_URL: svc.url },
    // restoreCache turns the failure into a warning and a miss; saveCache into -1.
    async () => {
      assert.equal(await cache.restoreCache([dir], 'k'), undefined);
      assert.equal(await cache.saveCache([dir], 'k'), -1);
    },
  );
  assert.deepEqual(
    svc.requests.map((r) => `${r.operation} ${r.status}`),
    ['GetCacheEntry 422', 'ReserveCache 422'],
  );
  assert.equal(svc.refused.decommissioned, 2);
  const res = await fetch(`${svc.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
    body: JSON.stringify({ key: 'k', version: 'v' }),
  });
  assert.equal(res.status, 401);
  assert.deepEqual(await res.json(), { code: 'unauthenticated', msg: 'invalid or missing runtime token' });
});

/** A twirp call with a JSON body, as @actions/cache makes it. */
async function twirp(svc: CacheService, token: string, method: string, body: object): Promise<Response> {
  return fetch(`${svc.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

test('blob data plane: Put Block + Put Block List, Range reads, signature and size checks', async () => {
  const svc = await service();
  const token = svc.tokenFor({ ref: 'refs/heads/main' });
  const created = (await (
    await twirp(svc, token, 'CreateCacheEntry', { key: 'blocks', version: 'v' })
  ).json()) as {
    ok: boolean;
    signed_upload_url: string;
  };
  assert.equal(created.ok, true);
  const upload = created.signed_upload_url;
  assert.match(upload, /^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/actions-cache\/\w+\?.*sig=/);

  const forged = upload.replace(/sig=[^&]+/, 'sig=forged');
  assert.equal(
    (await fetch(forged, { method: 'PUT', body: 'x', headers: { 'x-ms-blob-type': 'BlockBlob' } })).status,
    403,
  );

  const ids = ['YmxvY2stMQ==', 'YmxvY2stMg=='];
  const parts = ['first block|', 'second block'];
  for (const [i, id] of ids.entries()) {
    const res = await fetch(`${upload}&comp=block&blockid=${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: parts[i],
    });
    assert.equal(res.status, 201);
  }
  const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids.map((id) => `<Latest>${id}</Latest>`).join('')}</BlockList>`;
  assert.equal((await fetch(`${upload}&comp=blocklist`, { method: 'PUT', body: list })).status, 201);

  const wrongSize = await twirp(svc, token, 'FinalizeCacheEntryUpload', {
    key: 'blocks',
    version: 'v',
    size_bytes: '5',
  });
  assert.equal(wrongSize.status, 400);
  const total = parts.join('').length;
  const fin = await twirp(svc, token, 'FinalizeCacheEntryUpload', {
    key: 'blocks',
    version: 'v',
    size_bytes: String(total),
  });
  assert.deepEqual(await fin.json(), { ok: true, entry_id: '1', message: '' });
  assert.equal(
    (await fetch(upload, { method: 'PUT', body: 'late', headers: { 'x-ms-blob-type': 'BlockBlob' } })).status,
    403,
    'the upload URL is revoked once finalized',
  );

  const dl = (await (
    await twirp(svc, token, 'GetCacheEntryDownloadURL', { key: 'blocks', version: 'v' })
  ).json()) as {
    signed_download_url: string;
    matched_key: string;
  };
  assert.equal(dl.matched_key, 'blocks');
  const whole = await fetch(dl.signed_download_url);
  assert.equal(whole.headers.get('content-length'), String(total));
  assert.equal(await whole.text(), 'first block|second block');
  const ranged = await fetch(dl.signed_download_url, { headers: { range: 'bytes=0-0' } });
  assert.equal(ranged.status, 206);
  assert.equal(ranged.headers.get('content-range'), `bytes 0-0/${total}`);
  assert.equal(await ranged.text(), 'f');
  const head = await fetch(dl.signed_download_url, { method: 'HEAD' });
  assert.equal(head.headers.get('content-length'), String(total));
  assert.equal(
    (await fetch(dl.signed_download_url, { method: 'PUT', body: 'x' })).status,
    403,
    'read-only URL',
  );
  assert.deepEqual(
    svc.requestsFor('PutBlock', 'PutBlockList').map((r) => r.status),
    [201, 201, 201],
  );
});

const SCCACHE_VERSIONS = ['0.16.0', '0.10.0'];

interface Sccache {
  run(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  stats(): Promise<any>;
  stop(): Promise<void>;
}

/** One private sccache server's command line, talking to the emulator. */
async function sccache(version: string, env: Record<string, string>): Promise<Sccache> {
  const bin = sccacheBinary(version);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !k.startsWith('SCCACHE_') &&
      !k.startsWith('ACTIONS_') &&
      k !== 'GITHUB_SERVER_URL'
    ) {
      base[k] = v;
    }
  }
  const fullEnv = {
    ...base,
    SCCACHE_GHA_ENABLED: 'true',
    SCCACHE_SERVER_PORT: String(await freePort()),
    SCCACHE_IDLE_TIMEOUT: '0',
    SCCACHE_DIR: freshDir('sccache-dir'),
    ...env,
  };
  const run = (args: string[], cwd?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(bin, args, { env: fullEnv, cwd, timeout: 30_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  return {
    run,
    stats: async () => JSON.parse((await run(['--show-stats', '--stats-format', 'json'])).stdout),
    stop: async () => {
      await run(['--stop-server']);
    },
  };
}

function cFile(): string {
  const dir = freshDir('c');
  writeFileSync(join(dir, 'add.c'), 'int add(int a, int b) { return a + b; }\n');
  return dir;
}

for (const version of SCCACHE_VERSIONS) {
  test(`sccache ${version} GHA backend (v2, protobuf): miss + write, then a hit from the service after a restart`, async () => {
    const svc = await service();
    const token = svc.tokenFor({ ref: 'refs/heads/main' });
    const sc = await sccache(version, {
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'on',
    });
    try {
      const start = await sc.run(['--start-server']);
      assert.equal(start.code, 0, start.stderr);
      const name = createHash('sha256').update(`sccache-v${version}`).digest('hex');
      assert.equal((await sc.stats()).cache_location, `ghac, name: ${name}, prefix: /sccache/`);

      const miss = await sc.run(['gcc', '-c', 'add.c', '-o', 'add.o'], cFile());
      assert.equal(miss.code, 0, miss.stderr);
      const cold = (await sc.stats()).stats;
      assert.deepEqual(
        [cold.cache_misses.counts['C/C++'], cold.cache_writes, cold.cache_write_errors],
        [1, 1, 0],
      );

      await sc.stop();
      assert.equal((await sc.run(['--start-server'])).code, 0);
      const hit = await sc.run(['gcc', '-c', 'add.c', '-o', 'add.o'], cFile());
      assert.equal(hit.code, 0, hit.stderr);
      const warm = (await sc.stats()).stats;
      assert.equal(warm.cache_hits.counts['C/C++'], 1);
    } finally {
      await sc.stop();
    }

    const twirpCalls = svc.requests.filter((r) => r.api === 'twirp');
    assert.ok(twirpCalls.every((r) => r.encoding === 'protobuf' && r.contentType === 'application/protobuf'));
    // First start: read check (miss), write check; second start: read check (hit), write (409).
    const checks = svc.requests
      .filter((r) => r.key === SCCACHE_CHECK_KEY)
      .map((r) => `${r.operation} ${r.status}`);
    assert.deepEqual(checks, [
      'GetCacheEntryDownloadURL 200',
      'CreateCacheEntry 200',
      'PutBlob 201',
      'FinalizeCacheEntryUpload 200',
      'GetCacheEntryDownloadURL 200',
      'GetBlob 200',
      'CreateCacheEntry 409',
    ]);
    const objects = svc.entries.filter((e) => e.key !== SCCACHE_CHECK_KEY);
    assert.equal(objects.length, 1);
    assert.match(objects[0]?.key ?? '', /^sccache\/([0-9a-f])\/([0-9a-f])\/([0-9a-f])\/\1\2\3[0-9a-f]{61}$/);
    const objectOps = svc.requests
      .filter((r) => r.key === objects[0]?.key)
      .map((r) => `${r.operation} ${r.status}`);
    assert.deepEqual(objectOps, [
      'GetCacheEntryDownloadURL 200',
      'CreateCacheEntry 200',
      'PutBlob 201',
      'FinalizeCacheEntryUpload 200',
      'GetCacheEntryDownloadURL 200',
      'GetBlob 200',
    ]);
    assert.ok(svc.requestsFor('PutBlob').every((r) => r.headers['x-ms-blob-type'] === 'BlockBlob'));
  });
}

test('sccache 0.16.0 with its write check rate-limited: the server starts read-only, writes fail', async () => {
  const svc = await service({ faults: { rejectCheckWrite: true } });
  const sc = await sccache('0.16.0', {
    ACTIONS_RESULTS_URL: svc.url,
    ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
    ACTIONS_CACHE_SERVICE_V2: 'on',
  });
  try {
    const start = await sc.run(['--start-server']);
    assert.equal(start.code, 0, start.stderr);
    assert.equal((await sc.run(['gcc', '-c', 'add.c', '-o', 'add.o'], cFile())).code, 0);
    const stats = (await sc.stats()).stats;
    assert.equal(stats.cache_misses.counts['C/C++'], 1);
    assert.equal(stats.cache_writes, 0);
    assert.ok(stats.cache_write_errors > 0, JSON.stringify(stats));
  } finally {
    await sc.stop();
  }
  assert.equal(svc.refused.checkWrite, 1);
  const refusedCheck = svc.requests.find((r) => r.fault === 'checkWrite');
  assert.equal(refusedCheck?.status, 429);
  assert.equal(
    svc.requestsFor('CreateCacheEntry').length,
    1,
    'read-only: no object upload is even attempted',
  );
});

test('sccache 0.16.0 without ACTIONS_CACHE_SERVICE_V2 against the decommissioned v1: startup fails', async () => {
  const svc = await service({ decommissioned: true });
  const sc = await sccache('0.16.0', {
    ACTIONS_RESULTS_URL: svc.url,
    ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
  });
  try {
    const start = await sc.run(['--start-server']);
    assert.notEqual(start.code, 0);
    assert.match(
      start.stderr,
      /^sccache: error: Server startup failed: cache storage failed to read: Unexpected \(permanent\) at read => \{.*"typeKey":"ArtifactCacheServiceDecommissionedException"/,
    );
    assert.match(start.stderr, /This legacy service is shutting down, effective April 15, 2025/);
    assert.match(start.stderr, /status: 422/);
  } finally {
    await sc.stop();
  }
  assert.equal(svc.refused.decommissioned, 1);
  assert.deepEqual(
    svc.requests.map((r) => `${r.method} ${r.path}${r.query} ${r.status}`),
    [`GET /_apis/artifactcache/cache?keys=sccache/.sccache_check&version=sccache-v0.16.0 422`],
  );
});

test('scope: PR entries stay in the PR; main entries are read from tags and PRs', async () => {
  const cache = await import('@actions/cache');
  const svc = await service();
  const main = svc.tokenFor({ ref: 'refs/heads/main' });
  const pr1 = svc.tokenFor({ ref: 'refs/pull/1/merge' });
  const pr2 = svc.tokenFor({ ref: 'refs/pull/2/merge' });
  const tag = svc.tokenFor({ ref: 'refs/tags/v1.0.0' });
  const { dir } = payload('scoped');
  const save = (token: string, key: string) => withEnv(v2Env(svc, token), () => cache.saveCache([dir], key));
  const restore = (token: string, key: string) =>
    withEnv(v2Env(svc, token), () => cache.restoreCache([dir], key));

  assert.ok((await save(pr1, 'pr-only')) > 0);
  assert.equal(await restore(pr1, 'pr-only'), 'pr-only');
  assert.equal(await restore(main, 'pr-only'), undefined);
  assert.equal(await restore(pr2, 'pr-only'), undefined);
  assert.equal(await restore(tag, 'pr-only'), undefined);

  assert.ok((await save(main, 'from-main')) > 0);
  assert.equal(await restore(tag, 'from-main'), 'from-main');
  assert.equal(await restore(pr1, 'from-main'), 'from-main');
  // The same key may be saved again in another scope; the run's own scope wins on lookup.
  assert.ok((await save(pr1, 'from-main')) > 0);
  assert.deepEqual(
    svc.entries.map((e) => `${e.scope} ${e.key}`),
    ['refs/pull/1/merge pr-only', 'refs/heads/main from-main', 'refs/pull/1/merge from-main'],
  );
  assert.deepEqual(svc.scopesOf(pr1), [
    { scope: 'refs/pull/1/merge', permission: 3 },
    { scope: 'refs/heads/main', permission: 1 },
  ]);
});

test('rate limit: the third upload within the window gets 429 + Retry-After', async () => {
  const svc = await service({ faults: { rateLimit: { uploads: 2, windowMs: 60_000 } } });
  const token = svc.tokenFor({ ref: 'refs/heads/main' });
  const statuses: number[] = [];
  let last: Response | undefined;
  for (const key of ['a', 'b', 'c']) {
    last = await twirp(svc, token, 'CreateCacheEntry', { key, version: 'v' });
    statuses.push(last.status);
  }
  assert.deepEqual(statuses, [200, 200, 429]);
  assert.equal(last?.headers.get('retry-after'), '60');
  assert.equal(((await last?.json()) as { code: string }).code, 'resource_exhausted');
  assert.equal(svc.refused.rateLimited, 1);

  // Changed at runtime: lifting the limit lets the next upload through.
  svc.faults.rateLimit = undefined;
  assert.equal((await twirp(svc, token, 'CreateCacheEntry', { key: 'c', version: 'v' })).status, 200);
  assert.equal(svc.refused.rateLimited, 1);
});

test('faults: 5xx by method, latency, refused and reset connections', async () => {
  const svc = await service({
    faults: { status5xx: { method: 'GetCacheEntryDownloadURL', count: 2, status: 503 } },
  });
  const token = svc.tokenFor({ ref: 'refs/heads/main' });
  const get = () => twirp(svc, token, 'GetCacheEntryDownloadURL', { key: 'k', version: 'v' });
  assert.equal((await twirp(svc, token, 'CreateCacheEntry', { key: 'k', version: 'v' })).status, 200);
  assert.deepEqual([(await get()).status, (await get()).status, (await get()).status], [503, 503, 200]);
  assert.equal(svc.refused.status5xx, 2);

  svc.faults.latencyMs = 150;
  const t0 = performance.now();
  await get();
  assert.ok(performance.now() - t0 >= 140);
  svc.faults.latencyMs = 0;

  await svc.setFaults({ refuse: true });
  // The first call may still pick the client's pooled keep-alive socket, which the emulator has
  // just closed; a new connection is refused by the kernel.
  const code = (err: unknown) => ((err as Error).cause as { code?: string } | undefined)?.code;
  await get().then(
    () => assert.fail('answered while refusing'),
    (err: unknown) => assert.ok(['ECONNREFUSED', 'UND_ERR_SOCKET'].includes(code(err) ?? ''), String(err)),
  );
  await assert.rejects(get(), (err) => code(err) === 'ECONNREFUSED');
  await svc.setFaults({ refuse: 'reset' });
  await assert.rejects(get());
  assert.ok(svc.refused.connections >= 1);
  await svc.setFaults({ refuse: false });
  assert.equal((await get()).status, 200);
});

test('@actions/cache v2 multi-block upload (> 128 MiB): Put Block ×3 + Put Block List', async () => {
  const cache = await import('@actions/cache');
  const svc = await service();
  const dir = freshDir('big');
  const file = join(dir, 'random.bin');
  const data = randomBytes(140 * 1024 * 1024);
  writeFileSync(file, data);
  await withEnv(v2Env(svc, svc.tokenFor({ ref: 'refs/heads/main' })), async () => {
    assert.ok((await cache.saveCache([dir], 'big')) > 0);
    rmSync(dir, { recursive: true });
    assert.equal(await cache.restoreCache([dir], 'big'), 'big');
  });
  assert.ok(readFileSync(file).equals(data));
  const blocks = svc.requestsFor('PutBlock', 'PutBlockList', 'PutBlob');
  assert.deepEqual(
    blocks.map((r) => r.operation),
    ['PutBlock', 'PutBlock', 'PutBlock', 'PutBlockList'],
  );
  // 64 MiB blocks, up to 8 in flight (so in any order), then the list.
  const sizes = blocks.slice(0, 3).map((r) => r.bytes);
  assert.deepEqual(
    sizes.filter((n) => n === 64 * 1024 * 1024),
    [64 * 1024 * 1024, 64 * 1024 * 1024],
  );
  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    svc.entries[0]?.size,
  );
});
