// The cache-service emulator's service profile: the pure model (latency sampler, bandwidth,
// sliding-window limits, all with injected clocks: no timing here), then the limits as a real
// client meets them. How fast the profile makes things is for the benchmarks to measure.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startCacheService } from './cache-service.js';
import type { CacheService, CacheServiceOptions } from './cache-service.js';
import {
  Link,
  MINUTE_MS,
  PROFILES,
  SlidingWindow,
  describeProfile,
  latencySampler,
  logNormalParams,
  mulberry32,
  resolveProfile,
  transferDelayMs,
} from './service-profile.js';
import type { LatencyProfile, ServiceProfile } from './service-profile.js';

const MiB = 1024 * 1024;

// ---- the pure model ---------------------------------------------------------------------------

/** The q-quantile of sorted values (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function samples(latency: LatencyProfile, n: number): number[] {
  const next = latencySampler(latency);
  return Array.from({ length: n }, next);
}

test('mulberry32: the same seed gives the same uniforms in [0, 1); another seed others', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 1000 }, a);
  assert.deepEqual(Array.from({ length: 1000 }, b), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(Array.from({ length: 1000 }, mulberry32(43)), xs);
  // Roughly uniform: the mean of 1000 draws is near 1/2.
  assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
});

test('latency sampler: deterministic per seed; the seed is what changes the sequence', () => {
  const latency = { medianMs: 35, p95Ms: 120, seed: 7 };
  assert.deepEqual(samples(latency, 500), samples(latency, 500));
  assert.notDeepEqual(samples({ ...latency, seed: 8 }, 500), samples(latency, 500));
  // No seed means seed 1.
  assert.deepEqual(samples({ medianMs: 35, p95Ms: 120 }, 50), samples({ ...latency, seed: 1 }, 50));
});

test('latency sampler: over 20,000 draws the median and p95 are the configured ones (±4 %)', () => {
  for (const latency of [
    PROFILES['github-like'].latency as LatencyProfile,
    { medianMs: 10, p95Ms: 200, seed: 3 },
    { medianMs: 250, p95Ms: 300, seed: 99 },
  ]) {
    const sorted = samples(latency, 20_000).sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const p95 = quantile(sorted, 0.95);
    const near = (got: number, want: number) => Math.abs(got / want - 1) < 0.04;
    assert.ok(near(median, latency.medianMs), `median ${median} for ${JSON.stringify(latency)}`);
    assert.ok(near(p95, latency.p95Ms), `p95 ${p95} for ${JSON.stringify(latency)}`);
    assert.ok(sorted.every((x) => x > 0 && Number.isFinite(x)));
  }
});

test('latency sampler: p95 = median is a constant delay; no latency or a zero median is none', () => {
  assert.deepEqual(samples({ medianMs: 20, p95Ms: 20 }, 5), [20, 20, 20, 20, 20]);
  assert.deepEqual(Array.from({ length: 3 }, latencySampler(undefined)), [0, 0, 0]);
  assert.deepEqual(samples({ medianMs: 0, p95Ms: 0 }, 3), [0, 0, 0]);
  const { mu, sigma } = logNormalParams({ medianMs: 35, p95Ms: 120 });
  assert.equal(mu, Math.log(35));
  assert.ok(Math.abs(sigma - Math.log(120 / 35) / 1.645) < 1e-3);
});

test('github-like latency: a read hit (2 requests) and a write (3) average inside the public range', () => {
  // The log-normal's mean is exp(mu + sigma^2 / 2): math on the preset, not a measurement.
  const { mu, sigma } = logNormalParams(PROFILES['github-like'].latency as LatencyProfile);
  const perRequestS = Math.exp(mu + (sigma * sigma) / 2) / 1000;
  const hit = 2 * perRequestS;
  const write = 3 * perRequestS;
  assert.ok(hit >= 0.034 && hit <= 0.317, `read hit ${hit} s`);
  assert.ok(write >= 0.026 && write <= 0.451, `write ${write} s`);
});

test('bandwidth: bytes / rate; unlimited, empty or a nonsense rate is no delay', () => {
  assert.equal(transferDelayMs(50 * MiB, 50 * MiB), 1000);
  assert.equal(transferDelayMs(1024, 1024 * 1000), 1);
  assert.equal(transferDelayMs(10 * MiB, undefined), 0);
  assert.equal(transferDelayMs(0, MiB), 0);
  assert.equal(transferDelayMs(MiB, 0), 0);
});

test('bandwidth: one link per direction, shared by transfers in arrival order', () => {
  const link = new Link(MiB); // 1 MiB/s: 1 MiB takes 1000 ms
  assert.equal(link.reserve(0, MiB), 1000);
  // Two more at once, while the first is still on the link: they queue behind it.
  assert.equal(link.reserve(500, MiB), 1500);
  assert.equal(link.reserve(500, MiB / 2), 2000);
  // Idle again: a lone transfer takes bytes / rate.
  assert.equal(link.reserve(10_000, MiB / 4), 250);
  assert.equal(new Link(undefined).reserve(0, 100 * MiB), 0);
});

test('limits: a sliding 60 s window and its Retry-After, on an injected clock', () => {
  const w = new SlidingWindow();
  const take = (now: number) => {
    const wait = w.retryAfter(now, 2, MINUTE_MS);
    if (wait === undefined) w.record(now);
    return wait;
  };
  assert.equal(take(0), undefined);
  assert.equal(take(1_000), undefined);
  assert.equal(take(1_001), 59, 'full: the slot of t=0 frees at 60 s, 58.999 s away');
  assert.equal(take(59_999), 1);
  assert.equal(take(60_000), undefined, 't=0 has left the window');
  assert.equal(take(60_500), 1, 't=1000 is still in it, for 0.5 s');
  assert.equal(take(61_000), undefined);
  // A limit of 0 refuses everything, for a whole window at a time.
  assert.equal(new SlidingWindow().retryAfter(5, 0, MINUTE_MS), 60);
});

test('limits (property): never more than the limit in any window; Retry-After is 1…60 s and exact', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 12 }),
      fc.oneof(fc.constant(MINUTE_MS), fc.integer({ min: 1, max: 120_000 })),
      fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 200 }),
      (limit, windowMs, gaps) => {
        const w = new SlidingWindow();
        const accepted: number[] = [];
        const inWindow = (from: number, to: number) => accepted.filter((t) => t > from && t <= to).length;
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          const wait = w.retryAfter(now, limit, windowMs);
          if (wait === undefined) {
            w.record(now);
            accepted.push(now);
            assert.ok(inWindow(now - windowMs, now) <= limit);
            continue;
          }
          assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= Math.ceil(windowMs / 1000), `${wait}`);
          if (windowMs === MINUTE_MS) assert.ok(wait <= 60);
          assert.equal(inWindow(now - windowMs, now), limit, 'refused only when full');
          if (limit === 0) continue;
          // Retrying after Retry-After succeeds; a second earlier would not have.
          const later = now + wait * 1000;
          assert.ok(inWindow(later - windowMs, now) < limit, 'free after Retry-After');
          if (wait > 1) assert.equal(inWindow(later - 1000 - windowMs, now), limit, 'still full 1 s before');
        }
      },
    ),
    { seed: 20261126, numRuns: 300 },
  );
});

test('profiles: presets by name, custom ones checked, one-line descriptions', () => {
  assert.equal(resolveProfile(undefined), PROFILES.instant);
  assert.equal(resolveProfile('github-like'), PROFILES['github-like']);
  assert.deepEqual(PROFILES['github-like'].limits, { uploadsPerMinute: 200, downloadsPerMinute: 1500 });
  assert.throws(() => resolveProfile('fast' as never), /unknown service profile "fast"/);
  assert.throws(() => resolveProfile({ latency: { medianMs: 50, p95Ms: 10 } }), RangeError);
  assert.throws(() => resolveProfile({ bandwidth: { uploadBytesPerSec: 0 } }), RangeError);
  assert.throws(() => resolveProfile({ limits: { downloadsPerMinute: 1.5 } }), RangeError);
  const custom: ServiceProfile = { name: 'tiny', limits: { uploadsPerMinute: 2 } };
  assert.equal(resolveProfile(custom), custom);
  assert.equal(describeProfile(PROFILES.instant), 'instant: no delay, no limit');
  assert.equal(
    describeProfile(PROFILES['github-like']),
    'github-like: latency median 35 ms, p95 120 ms; blobs down 85 MiB/s, up 115 MiB/s; ' +
      'uploads 200/min, downloads 1500/min',
  );
  assert.equal(describeProfile(custom), 'tiny: uploads 2/min, downloads unlimited');
});

// ---- against a running service ----------------------------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'service-profile-test-'));
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

/** Tiny limits, no delay: what the integration tests run against. */
const TINY: ServiceProfile = {
  name: 'tiny',
  latency: { medianMs: 0, p95Ms: 0 },
  limits: { uploadsPerMinute: 2, downloadsPerMinute: 3 },
};

const CACHE_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
];

let tempCount = 0;

/** Run fn with @actions/cache pointed at svc (v2), then restore process.env. */
async function withCacheEnv<T>(svc: CacheService, fn: () => Promise<T>): Promise<T> {
  const saved = new Map([...CACHE_ENV, 'RUNNER_TEMP'].map((k) => [k, process.env[k]]));
  for (const k of CACHE_ENV) delete process.env[k];
  const temp = join(root, `runner-temp-${++tempCount}`);
  mkdirSync(temp, { recursive: true });
  Object.assign(process.env, {
    RUNNER_TEMP: temp,
    ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
    ACTIONS_RESULTS_URL: svc.url,
    ACTIONS_CACHE_SERVICE_V2: 'True',
  });
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('a service starts instant by default, or with a preset by name', async () => {
  assert.equal((await service()).profile, PROFILES.instant);
  const githubLike = await service({ profile: 'github-like' });
  assert.equal(githubLike.profile.name, 'github-like');
  assert.equal(githubLike.refused.downloadsLimited, 0);
});

test('@actions/cache against 2 uploads and 3 downloads a minute: the 3rd save and the 4th restore get 429', async () => {
  const cache = await import('@actions/cache');
  const svc = await service({ profile: TINY });
  const dir = join(root, 'payload');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data.txt'), 'x'.repeat(10_000));

  const saves = await withCacheEnv(svc, async () => [
    await cache.saveCache([dir], 'k1'),
    await cache.saveCache([dir], 'k2'),
    await cache.saveCache([dir], 'k3'),
  ]);
  assert.ok((saves[0] ?? 0) > 0 && (saves[1] ?? 0) > 0, `${saves}`);
  assert.equal(saves[2], -1, 'the third save is refused (the toolkit does not retry a 429)');
  const creates = svc.requestsFor('CreateCacheEntry');
  assert.deepEqual(
    creates.map((r) => r.status),
    [200, 200, 429],
  );
  assert.equal(creates[2]?.fault, 'rateLimit');
  assert.ok((creates[2]?.retryAfter ?? 0) > 0, `Retry-After ${creates[2]?.retryAfter}`);
  assert.equal(svc.refused.rateLimited, 1);

  const restores = await withCacheEnv(svc, async () => {
    const got: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) got.push(await cache.restoreCache([dir], 'k1'));
    // A miss downloads nothing: not refused, not counted, even with the window full.
    got.push(await cache.restoreCache([dir], 'absent'));
    return got;
  });
  assert.deepEqual(restores, ['k1', 'k1', 'k1', undefined, undefined]);
  const lookups = svc.requestsFor('GetCacheEntryDownloadURL');
  assert.deepEqual(
    lookups.map((r) => `${r.status} ${r.fault ?? '-'}`),
    ['200 -', '200 -', '200 -', '429 downloadRateLimit', '200 -'],
  );
  assert.ok((lookups[3]?.retryAfter ?? 0) > 0);
  assert.equal(svc.refused.downloadsLimited, 1);
  assert.equal(svc.refused.rateLimited, 1);

  // Blob bytes up and down are in the records: what a benchmark adds up.
  const size = svc.entries.find((e) => e.key === 'k1')?.size ?? 0;
  assert.ok(size > 0);
  const up = svc.requests.filter((r) => r.api === 'blob' && r.method === 'PUT');
  assert.equal(
    up.reduce((n, r) => n + r.bytes, 0),
    svc.entries.reduce((n, e) => n + e.size, 0),
  );
  const down = svc.requestsFor('GetBlob');
  assert.equal(
    down.reduce((n, r) => n + r.responseBytes, 0),
    3 * size,
  );
});

test('the limits over raw HTTP: twirp and v1 answer 429 with a Retry-After header and their error shapes', async () => {
  const svc = await service({ profile: TINY });
  const auth = { authorization: `Bearer ${svc.tokenFor({ ref: 'refs/heads/main' })}` };
  const twirp = (method: string, body: object) =>
    fetch(`${svc.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });
  svc.seed({ key: 'seeded', version: 'v', scope: 'refs/heads/main', data: 'abc' });

  assert.equal((await twirp('CreateCacheEntry', { key: 'a', version: 'v' })).status, 200);
  // v1 reserve counts in the same per-minute window.
  const reserve = (key: string) =>
    fetch(`${svc.url}_apis/artifactcache/caches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ key, version: 'v' }),
    });
  assert.equal((await reserve('b')).status, 201);
  const twirpUpload = await twirp('CreateCacheEntry', { key: 'c', version: 'v' });
  assert.equal(twirpUpload.status, 429);
  assert.ok(Number(twirpUpload.headers.get('retry-after')) > 0);
  assert.equal(((await twirpUpload.json()) as { code: string }).code, 'resource_exhausted');
  const v1Upload = await reserve('d');
  assert.equal(v1Upload.status, 429);
  assert.ok(Number(v1Upload.headers.get('retry-after')) > 0);
  assert.equal(((await v1Upload.json()) as { typeKey: string }).typeKey, 'RateLimitExceededException');
  assert.equal(svc.refused.rateLimited, 2);

  const lookup = () => twirp('GetCacheEntryDownloadURL', { key: 'seeded', version: 'v' });
  const v1Lookup = () =>
    fetch(`${svc.url}_apis/artifactcache/cache?keys=seeded&version=v`, { headers: auth });
  assert.deepEqual(
    [(await lookup()).status, (await v1Lookup()).status, (await lookup()).status],
    [200, 200, 200],
  );
  const twirpDownload = await lookup();
  assert.equal(twirpDownload.status, 429);
  assert.ok(Number(twirpDownload.headers.get('retry-after')) > 0);
  assert.equal(((await twirpDownload.json()) as { code: string }).code, 'resource_exhausted');
  const v1Download = await v1Lookup();
  assert.equal(v1Download.status, 429);
  assert.ok(Number(v1Download.headers.get('retry-after')) > 0);
  assert.equal(svc.refused.downloadsLimited, 2);
  // A v1 miss is a 204, as ever.
  assert.equal(
    (await fetch(`${svc.url}_apis/artifactcache/cache?keys=none&version=v`, { headers: auth })).status,
    204,
  );
});
