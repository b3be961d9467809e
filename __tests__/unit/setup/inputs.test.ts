// Action inputs: the defaults in action.yml agree with the code, and every bad value names its input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { NEWEST_TESTED_VERSION } from '../../../src/sccache/version.js';
import { DEFAULT_DOWNLOAD_URL, InputError, readSettings } from '../../../src/setup/inputs.js';
import { resolveVersion } from '../../../src/setup/install.js';

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
  assert.equal(settings.minHitRate, undefined, 'no floor: the report never fails the job');
  assert.deepEqual(settings.cacheSize, { bytes: 2 * 2 ** 30, text: '2G' }, 'well under the 10 GB quota');
  assert.deepEqual(readSettings(() => '').cacheSize, settings.cacheSize, 'no input: the same default');
  assert.equal(settings.save, 'auto');
  assert.equal(readSettings((n) => (n === 'min-hit-rate' ? '72.5' : '')).minHitRate, 72.5);
  for (const [name, input] of Object.entries(actionYml.inputs as Record<string, { description?: string }>)) {
    assert.match(name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case');
    assert.ok((input.description ?? '').length > 20, `${name} has a description`);
  }
});

test('a bad input value is an error naming the input', () => {
  const bad: [string, string, RegExp][] = [
    [
      'backend',
      'memcached',
      /input backend: "memcached" is not one of auto, gha, local, s3, redis, webdav, external/,
    ],
    ['read-only', 'maybe', /input read-only/],
    ['rustc-wrapper', 'yes', /input rustc-wrapper: "yes" is not a boolean/],
    ['on-backend-failure', 'ignore', /input on-backend-failure/],
    ['sccache-version', 'latest', /input sccache-version/],
    ['cache-namespace', 'a b', /input cache-namespace/],
    ['sccache-sha256', 'abc', /input sccache-sha256/],
    ['sccache-download-url', 'ftp://x', /input sccache-download-url/],
    ['log-level', 'debug; rm', /input log-level/],
    ['run-record', 'no', /input run-record: "no" is not a boolean/],
    ['export-credentials', '1', /input export-credentials: "1" is not a boolean/],
    ['summary', 'short', /input summary: "short" is not one of full, compact, off/],
    ['min-hit-rate', '101', /input min-hit-rate: "101" is not a percent from 0 to 100/],
    ['min-hit-rate', 'eighty', /input min-hit-rate: "eighty" is not a percent/],
    ['min-hit-rate', '-5', /input min-hit-rate: "-5" is not a percent/],
    ['save', 'on-success', /input save: "on-success" is not one of auto, always, never/],
    ['save', 'true', /input save: "true" is not one of auto, always, never/],
    ['cache-size', '2GB', /input cache-size: "2GB" is not a size sccache reads, such as 2G, 500M/],
    ['cache-size', '2 G', /input cache-size: "2 G" is not a size sccache reads/],
    ['cache-size', '1.5G', /input cache-size: "1.5G" is not a size sccache reads/],
    ['cache-size', '-1G', /input cache-size: "-1G" is not a size sccache reads/],
    ['cache-size', '2P', /input cache-size: "2P" is not a size sccache reads/],
    ['cache-size', '0G', /input cache-size: "0G" would keep nothing/],
    ['cache-size', '16777216T', /input cache-size: "16777216T" is more than sccache can count/],
  ];
  for (const [name, value, message] of bad) {
    assert.throws(
      () => readSettings((n) => (n === name ? value : '')),
      (e: unknown) => e instanceof InputError && e.input === name && message.test(e.message),
    );
  }
});

test('every yes/no input reads the YAML 1.2 booleans, as core.getBooleanInput does', () => {
  const yesNo = ['rustc-wrapper', 'cmake-launchers', 'run-record', 'export-credentials', 'read-only'];
  const field = {
    'rustc-wrapper': (s: ReturnType<typeof readSettings>) => s.rustcWrapper,
    'cmake-launchers': (s: ReturnType<typeof readSettings>) => s.cmakeLaunchers,
    'run-record': (s: ReturnType<typeof readSettings>) => s.runRecord,
    'export-credentials': (s: ReturnType<typeof readSettings>) => s.exportCredentials,
    'read-only': (s: ReturnType<typeof readSettings>) => s.readOnly === 'true',
  } as const;
  for (const name of yesNo) {
    for (const [text, value] of [
      ['true', true],
      ['True', true],
      ['TRUE', true],
      ['false', false],
      ['False', false],
      ['FALSE', false],
    ] as const) {
      const settings = readSettings((n) => (n === name ? text : ''));
      assert.equal(field[name as keyof typeof field](settings), value, `${name}: ${text}`);
    }
    for (const text of ['nope', 'no', '0', 'yes', 'tRUE', 'on']) {
      assert.throws(
        () => readSettings((n) => (n === name ? text : '')),
        (e: unknown) => e instanceof InputError && e.input === name && e.message.includes(`"${text}"`),
        `${name}: ${text} must be refused`,
      );
    }
  }
});

test("cache-size: sccache's own syntax (parse_size), exported in the form every release reads", () => {
  const size = (text: string) => readSettings((n) => (n === 'cache-size' ? text : '')).cacheSize;
  const table: [string, number, string][] = [
    ['2G', 2 * 2 ** 30, '2G'],
    ['500M', 500 * 2 ** 20, '500M'],
    ['64K', 64 * 1024, '64K'],
    ['1T', 2 ** 40, '1T'],
    // Lower case is read from 0.11 only: exported upper case, so that older releases read it too.
    ['500m', 500 * 2 ** 20, '500M'],
    ['2g', 2 * 2 ** 30, '2G'],
    ['1048576', 1048576, '1048576'],
    [' 02G ', 2 * 2 ** 30, '2G'],
    ['16777215T', 16777215 * 2 ** 40, '16777215T'],
  ];
  for (const [text, bytes, canonical] of table) {
    assert.deepEqual(size(text), { bytes, text: canonical }, text);
  }
});
