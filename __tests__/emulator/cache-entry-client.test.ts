// cache-entry-client against the cache-service emulator's v2 twirp API and blob store: a raw entry
// saved and found again by exact key and by prefix, misses, the service's refusals worded without
// a signed URL, a body over the limit refused, a service that is down.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  CacheEntryError,
  downloadEntry,
  uploadEntry,
  v2Endpoint,
  type CacheServiceEndpoint,
} from '../../src/github/cache-entry-client.js';
import { startCacheService, type CacheService } from './cache-service.js';

const services: CacheService[] = [];
after(async () => {
  await Promise.all(services.map((s) => s.close()));
});

async function service(): Promise<{ svc: CacheService; endpoint: CacheServiceEndpoint }> {
  const svc = await startCacheService();
  services.push(svc);
  return { svc, endpoint: { resultsUrl: svc.url, token: svc.tokenFor({ ref: 'refs/heads/main' }) } };
}

const VERSION = 'a'.repeat(64);
const signal = () => AbortSignal.timeout(5000);

test('v2Endpoint: only with the v2 flag, the results URL and the token', () => {
  const env = {
    ACTIONS_CACHE_SERVICE_V2: 'True',
    ACTIONS_RESULTS_URL: 'https://r/',
    ACTIONS_RUNTIME_TOKEN: 't',
  };
  assert.deepEqual(v2Endpoint(env), { resultsUrl: 'https://r/', token: 't' });
  assert.equal(v2Endpoint({ ...env, ACTIONS_CACHE_SERVICE_V2: '' }), undefined, 'GHES: v1');
  assert.equal(v2Endpoint({ ...env, ACTIONS_RUNTIME_TOKEN: '' }), undefined);
  assert.equal(v2Endpoint({ ...env, ACTIONS_RESULTS_URL: undefined }), undefined);
});

test('an entry saved raw is found by its key and by prefix, newest first; another version misses', async () => {
  const { svc, endpoint } = await service();
  const body = Buffer.from(JSON.stringify({ schema: 2, note: 'ünïcode' }));
  assert.deepEqual(
    await uploadEntry(endpoint, { key: 'rec-1-1', version: VERSION, body, signal: signal() }),
    {
      bytes: body.length,
    },
  );
  await uploadEntry(endpoint, {
    key: 'rec-2-1',
    version: VERSION,
    body: Buffer.from('{"n":2}'),
    signal: signal(),
  });
  const exact = await downloadEntry(endpoint, {
    key: 'rec-1-1',
    restoreKeys: [],
    version: VERSION,
    maxBytes: 1024,
    signal: signal(),
  });
  assert.equal(exact?.matchedKey, 'rec-1-1');
  assert.ok(exact?.body.equals(body));
  const newest = await downloadEntry(endpoint, {
    key: 'rec-~none',
    restoreKeys: ['rec-'],
    version: VERSION,
    maxBytes: 1024,
    signal: signal(),
  });
  assert.deepEqual(
    { key: newest?.matchedKey, body: newest?.body.toString() },
    { key: 'rec-2-1', body: '{"n":2}' },
  );
  const otherVersion = await downloadEntry(endpoint, {
    key: 'rec-1-1',
    restoreKeys: ['rec-'],
    version: 'b'.repeat(64),
    maxBytes: 1024,
    signal: signal(),
  });
  assert.equal(otherVersion, undefined);
  // Stored as the bytes themselves: what the emulator holds is the JSON.
  assert.equal(svc.entryData('rec-2-1', VERSION)?.toString(), '{"n":2}');
});

test('refusals: an existing key, a rate limit, a body over the limit; no signed URL in any message', async () => {
  const { svc, endpoint } = await service();
  const body = Buffer.alloc(2000, 0x7b);
  await uploadEntry(endpoint, { key: 'big', version: VERSION, body, signal: signal() });
  await assert.rejects(
    uploadEntry(endpoint, { key: 'big', version: VERSION, body, signal: signal() }),
    (error: Error) =>
      error instanceof CacheEntryError && /did not create the entry|answered 409/.test(error.message),
  );
  await assert.rejects(
    downloadEntry(endpoint, {
      key: 'big',
      restoreKeys: [],
      version: VERSION,
      maxBytes: 1000,
      signal: signal(),
    }),
    /the entry is 2000 bytes, more than 1000/,
  );
  await svc.setFaults({ rateLimit: { uploads: 0, windowMs: 60_000 } });
  await assert.rejects(
    uploadEntry(endpoint, { key: 'limited', version: VERSION, body, signal: signal() }),
    (error: Error) => {
      assert.match(error.message, /^CreateCacheEntry answered 429 \(rate limited\)/);
      assert.ok(!/sig=|https?:\/\/\S*\?/.test(error.message), error.message);
      return true;
    },
  );
  await svc.setFaults({ rateLimit: undefined });
});

test('a token the service did not issue, and a service that is down, reject with a reason', async () => {
  const { svc, endpoint } = await service();
  await assert.rejects(
    downloadEntry(
      { ...endpoint, token: 'not-a-token' },
      { key: 'k', restoreKeys: [], version: VERSION, maxBytes: 10, signal: signal() },
    ),
    /GetCacheEntryDownloadURL answered 401/,
  );
  await svc.setFaults({ refuse: true });
  await assert.rejects(
    uploadEntry(endpoint, { key: 'k', version: VERSION, body: Buffer.from('x'), signal: signal() }),
    /CreateCacheEntry failed: ECONNREFUSED$/,
  );
  await svc.setFaults({ refuse: false });
});
