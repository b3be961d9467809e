import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLocation, ghaNamespace, hashNamespace } from '../../../src/sccache/location.js';

test('the v2 namespace of sccache 0.10.0 is the SHA-256 the reference gives', () => {
  assert.equal(
    hashNamespace(ghaNamespace('0.10.0')),
    '8a6df4cb573bcfbf8c8e0bad63dc2287eedbfcc340fd86fbbdfa3b71d52e1c25',
  );
  assert.equal(
    hashNamespace('sccache-v0.17.0'),
    'cb1f7e366526abf6ae1eead078b47c23b3cb3bd4371944adbb7fae50b8e89210',
  );
});

test('a 64-hex GHA name is v2 and is decoded when the namespace is known', () => {
  const raw =
    'ghac, name: 8a6df4cb573bcfbf8c8e0bad63dc2287eedbfcc340fd86fbbdfa3b71d52e1c25, prefix: /sccache/';
  const known = decodeLocation(raw, ['sccache-v0.10.0']);
  assert.equal(known.backend, 'gha');
  assert.equal(known.protocol, 'v2');
  assert.equal(known.namespace, 'sccache-v0.10.0');
  assert.equal(known.prefix, '/sccache/');
  assert.equal(decodeLocation(raw, ['sccache-v0.16.0']).namespace, undefined);
});

test('a suffixed namespace is recognised from SCCACHE_GHA_VERSION', () => {
  const name = hashNamespace(ghaNamespace('0.16.0', 'linux-x64'));
  const location = decodeLocation(`ghac, name: ${name}, prefix: /sccache/`, ['sccache-v0.16.0-linux-x64']);
  assert.equal(location.namespace, 'sccache-v0.16.0-linux-x64');
});

test('a plain sccache-v name is the v1 protocol', () => {
  const location = decodeLocation('ghac, name: sccache-v0.14.0, prefix: /sccache/');
  assert.equal(location.protocol, 'v1');
  assert.equal(location.namespace, 'sccache-v0.14.0');
});

test('local disk, multi-level, empty, other opendal and 0.3 formats', () => {
  assert.deepEqual(decodeLocation('Local disk: "/home/runner/.cache/sccache"'), {
    backend: 'local',
    raw: 'Local disk: "/home/runner/.cache/sccache"',
    path: '/home/runner/.cache/sccache',
  });
  assert.equal(decodeLocation('Local disk: "C:\\\\Users\\\\sccache"').path, 'C:\\Users\\sccache');
  assert.equal(decodeLocation('Multi-level (2 levels)').levels, 2);
  assert.equal(decodeLocation('').backend, 'none');
  assert.equal(decodeLocation('s3, name: my-bucket, prefix: /ci/').name, 'my-bucket');
  assert.equal(decodeLocation('redis, name: , prefix: /').backend, 'redis');
  assert.equal(decodeLocation('GHA, url: https://x, cache_to: None, cache_from: []').protocol, 'v1');
  assert.equal(decodeLocation('S3, bucket: b').backend, 's3');
  assert.equal(decodeLocation('something new').backend, 'unknown');
});
