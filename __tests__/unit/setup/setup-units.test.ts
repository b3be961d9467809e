// Inputs, version parsing and the environment inspection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_DOWNLOAD_URL, InputError, readSettings } from '../../../src/setup/inputs.js';
import { inspectEnvironment } from '../../../src/sccache/environment.js';
import { resolveVersion } from '../../../src/setup/install.js';
import {
  capabilitiesOf,
  NEWEST_TESTED_VERSION,
  parseVersionOutput,
  VersionParseError,
} from '../../../src/sccache/version.js';

const actionYml = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8'));

test('defaults come from action.yml and agree with the code', () => {
  const defaults: Record<string, string> = Object.fromEntries(
    Object.entries(actionYml.inputs as Record<string, { default: string }>).map(([k, v]) => [
      k,
      String(v.default),
    ]),
  );
  const settings = readSettings(
    (name) => defaults[name] ?? assert.fail(`readSettings asked for undeclared input ${name}`),
  );
  assert.equal(settings.sccacheVersion, '', 'empty: chosen per runner at install');
  assert.equal(resolveVersion('', 'x86_64-unknown-linux-musl'), NEWEST_TESTED_VERSION);
  assert.equal(resolveVersion('', 'aarch64-apple-darwin'), '0.15.0', 'the newest with a committed sum there');
  assert.equal(resolveVersion('0.14.0', 'aarch64-apple-darwin'), '0.14.0');
  assert.equal(settings.backend, 'auto');
  assert.equal(settings.readOnly, 'auto');
  assert.equal(settings.rustcWrapper, true);
  assert.equal(settings.cmakeLaunchers, false);
  assert.equal(settings.onBackendFailure, 'fallback');
  assert.equal(settings.sccacheDownloadUrl, DEFAULT_DOWNLOAD_URL);
  for (const [name, input] of Object.entries(actionYml.inputs as Record<string, { description?: string }>)) {
    assert.match(name, /^[a-z]+(-[a-z0-9]+)*$/, 'kebab-case');
    assert.ok((input.description ?? '').length > 20, `${name} has a description`);
  }
});

test('a bad input value is an error naming the input', () => {
  const bad: [string, string, RegExp][] = [
    ['backend', 's3', /input backend: "s3" is not one of auto, gha, local, external/],
    ['read-only', 'maybe', /input read-only/],
    ['rustc-wrapper', 'yes', /input rustc-wrapper: "yes" is not a boolean/],
    ['on-backend-failure', 'ignore', /input on-backend-failure/],
    ['sccache-version', 'latest', /input sccache-version/],
    ['cache-namespace', 'a b', /input cache-namespace/],
    ['sccache-sha256', 'abc', /input sccache-sha256/],
    ['sccache-download-url', 'ftp://x', /input sccache-download-url/],
    ['log-level', 'debug; rm', /input log-level/],
  ];
  for (const [name, value, message] of bad) {
    assert.throws(
      () => readSettings((n) => (n === name ? value : '')),
      (e: unknown) => e instanceof InputError && e.input === name && message.test(e.message),
    );
  }
});

test('sccache --version output, and unknown versions', () => {
  assert.equal(parseVersionOutput('sccache 0.16.0\n').raw, '0.16.0');
  assert.equal(parseVersionOutput('sccache 0.4.0-pre.6').semver, '0.4.0-pre.6');
  assert.equal(parseVersionOutput('sccache 0.19.1').newerThanTested, true);
  assert.throws(() => parseVersionOutput('bash: sccache: command not found'), VersionParseError);
  const pre = capabilitiesOf(parseVersionOutput('sccache 0.4.0-pre.6'));
  assert.equal(pre.showStatsWithoutStart, false);
  assert.equal(pre.ghaEnabledVariable, true);
  const future = capabilitiesOf(parseVersionOutput('sccache 1.2.0'));
  assert.equal(future.ghaV2 && future.ghaReadOnlyMode && future.strictBooleanEnv, true);
  const v0100 = capabilitiesOf(parseVersionOutput('sccache 0.10.0'));
  assert.deepEqual([v0100.ghaV2, v0100.ghaReadOnlyMode, v0100.showStatsWithoutStart], [true, false, true]);
});

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
