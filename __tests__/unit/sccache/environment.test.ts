// The job's environment judged for an sccache version: dead, invalid and overriding variables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectEnvironment } from '../../../src/sccache/environment.js';
import { capabilitiesOf, parseVersionOutput } from '../../../src/sccache/version.js';

test('environment: dead, invalid and overriding variables, by version', () => {
  const v = (s: string) => parseVersionOutput(`sccache ${s}`);
  const report = (env: Record<string, string>, version: string) =>
    inspectEnvironment(env, v(version), capabilitiesOf(v(version)));
  const dead = report(
    {
      SCCACHE_GHA_CACHE_TO: 'k',
      SCCACHE_BASEDIR: '/w',
      SCCACHE_LOG_LEVEL: 'debug',
      SCCACHE_STARTUP_TIMEOUT: '30',
    },
    '0.10.0',
  );
  assert.deepEqual(
    dead.dead.map((d) => d.name),
    ['SCCACHE_BASEDIR', 'SCCACHE_LOG_LEVEL', 'SCCACHE_STARTUP_TIMEOUT', 'SCCACHE_GHA_CACHE_TO'],
  );
  assert.deepEqual(report({ SCCACHE_GHA_CACHE_TO: 'k' }, '0.3.3').dead, [], 'alive in 0.3');
  assert.deepEqual(
    report({ SCCACHE_GHA_RW_MODE: 'READ_ONLY' }, '0.14.0').dead.map((d) => d.name),
    ['SCCACHE_GHA_RW_MODE'],
  );
  assert.match(report({ SCCACHE_GHA_ENABLED: 'yes' }, '0.10.0').invalid[0]?.why ?? '', /refuses to start/);
  assert.match(report({ SCCACHE_GHA_ENABLED: '1' }, '0.7.7').invalid[0]?.why ?? '', /exactly "true" or "on"/);
  assert.deepEqual(report({ SCCACHE_GHA_ENABLED: 'false' }, '0.7.7').invalid, [], 'off, as meant');
  assert.deepEqual(
    report({ SCCACHE_BUCKET: '', SCCACHE_REDIS_TTL: '60' }, '0.16.0').higherPrecedenceBackends,
    [],
  );
  assert.deepEqual(report({ SCCACHE_GHA_ENABLED: '1' }, '0.8.2').invalid, []);
  assert.deepEqual(report({ SCCACHE_GHA_ENABLED: 'TRUE' }, '0.16.0').invalid, []);
  assert.equal(report({ SCCACHE_GHA_VERSION: '' }, '0.15.0').invalid[0]?.name, 'SCCACHE_GHA_VERSION');
  assert.deepEqual(report({ SCCACHE_GHA_VERSION: '' }, '0.16.0').invalid, []);
  assert.equal(report({ CARGO_INCREMENTAL: '1' }, '0.16.0').invalid[0]?.name, 'CARGO_INCREMENTAL');
  assert.deepEqual(
    report({ SCCACHE_REDIS_ENDPOINT: 'x', SCCACHE_GCS_BUCKET: 'g', SCCACHE_WEBDAV_ENDPOINT: 'w' }, '0.16.0')
      .higherPrecedenceBackends,
    ['SCCACHE_GCS_BUCKET', 'SCCACHE_REDIS_ENDPOINT'],
  );
});
