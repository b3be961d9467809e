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

test('S3, Redis and WebDAV locations of each version decode to backend, name and prefix', () => {
  // S3, every opendal version: the bucket, and the key prefix as opendal's root.
  assert.deepEqual(decodeLocation('s3, name: ci-cache, prefix: /ci/'), {
    backend: 's3',
    raw: 's3, name: ci-cache, prefix: /ci/',
    name: 'ci-cache',
    prefix: '/ci/',
  });
  // Redis 0.4.x–0.5.x (opendal < 0.40): redis-rs's ConnectionAddr, host:port.
  assert.deepEqual(decodeLocation('redis, name: 127.0.0.1:6379, prefix: /'), {
    backend: 'redis',
    raw: 'redis, name: 127.0.0.1:6379, prefix: /',
    name: '127.0.0.1:6379',
    prefix: '/',
  });
  // Redis 0.8.0+ from SCCACHE_REDIS_ENDPOINT: the endpoint as given, no credential in it.
  assert.equal(
    decodeLocation('redis, name: redis://127.0.0.1:6379, prefix: /ci/').name,
    'redis://127.0.0.1:6379',
  );
  // WebDAV: opendal sets no name.
  assert.deepEqual(decodeLocation('webdav, name: , prefix: /ci/'), {
    backend: 'webdav',
    raw: 'webdav, name: , prefix: /ci/',
    name: '',
    prefix: '/ci/',
  });
  // 0.3.x.
  assert.equal(decodeLocation('S3, bucket: ci-cache').name, 'ci-cache');
  assert.equal(decodeLocation('Redis: redis://:*****@cache:6379/').name, 'redis://***@cache:6379/');
});

test('a Redis URL sccache prints with its password (0.6.0+, SCCACHE_REDIS) comes out without it', () => {
  // The url crate leaves ' ! $ & ( ) * + , ~ unencoded in a password, and encodes @ / : and the rest.
  const cases: readonly (readonly [string, string])[] = [
    [':s3cret', 's3cret'],
    ["ci:it's!$&()*+,~", "it's!$&()*+,~"],
    ['ci:p%40ss%2Fw%3Ard', 'p%40ss%2Fw%3Ard'],
    ['ci:a@b@c', 'a@b@c'],
  ];
  for (const [userinfo, password] of cases) {
    const raw = `redis, name: redis://${userinfo}@127.0.0.1:6379/?db=2, prefix: /`;
    const location = decodeLocation(raw);
    assert.equal(location.backend, 'redis');
    assert.equal(location.name, 'redis://***@127.0.0.1:6379/?db=2');
    assert.equal(location.raw, 'redis, name: redis://***@127.0.0.1:6379/?db=2, prefix: /');
    assert.equal(location.prefix, '/');
    assert.ok(!JSON.stringify(location).includes(password), userinfo);
  }
  const legacy = decodeLocation("Memcached: tcp://u:it's@cache:11211");
  assert.equal(legacy.raw, 'Memcached: tcp://***@cache:11211');
  // A GHA namespace keeps its user-chosen suffix whole.
  assert.equal(
    decodeLocation('ghac, name: sccache-v0.14.0-a@b, prefix: /sccache/').namespace,
    'sccache-v0.14.0-a@b',
  );
});
