// Findings about a shared store other than GitHub's cache name it, in setup's words when setup
// configured it (backend s3, redis, webdav) or from sccache's cache_location otherwise, and never
// with a credential: read-only-cache, write-errors, backend-fallback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { edited, findingIn, setupRecord } from './rules/helpers.js';

const PASSWORD = 'hunter2-redis-password';

/** newest.json: every write refused (read-only storage), here on another store. */
const onStore = (location: string) =>
  edited('newest.json', (d) => {
    d.cache_location = location;
  });

test('read-only-cache names the S3 bucket from cache_location', () => {
  const f = findingIn(onStore('s3, name: ci-cache, prefix: /ci/'), 'read-only-cache');
  assert.match(f?.title ?? '', /^S3 bucket `ci-cache` was read-only: all \d+ writes failed$/);
});

test("with setup's store: its words up to the first comma, no credential", () => {
  const setup = setupRecord({
    version: '0.16.0',
    inputs: { backend: 'redis', 'redis-endpoint': 'redis://127.0.0.1:6379', 'redis-password': PASSWORD },
  });
  assert.equal(setup.store?.described, 'Redis at redis://127.0.0.1:6379, with a password');
  const f = findingIn(onStore('redis, name: redis://127.0.0.1:6379, prefix: /'), 'read-only-cache', {
    setup,
  });
  assert.match(f?.title ?? '', /^Redis at redis:\/\/127\.0\.0\.1:6379 was read-only: all \d+ writes failed$/);
  assert.ok(!JSON.stringify(f).includes(PASSWORD));
});

test('backend-fallback names the store asked for, not "the external cache"', () => {
  const setup = setupRecord({
    version: '0.16.0',
    inputs: { backend: 's3', 's3-bucket': 'ci-cache', 's3-endpoint': 'http://127.0.0.1:9000' },
    preflight: {
      ok: false,
      fallback: false,
      error:
        'cache storage failed to read: ConfigInvalid (permanent) at read => S3Error { code: "NoSuchBucket" }',
    },
  });
  assert.equal(setup.backend, 'local');
  const f = findingIn(
    edited('real-0.16.0-rust-cold.json', () => undefined),
    'backend-fallback',
    { setup },
  );
  assert.equal(
    f?.title,
    'S3 bucket `ci-cache` at http://127.0.0.1:9000 failed its preflight; this run used local disk',
  );
  assert.match(f?.evidence ?? '', /NoSuchBucket/);
});
