// dead-env-var: variables from advice on the web that the sccache in use does not read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, setupRecord } from './helpers.js';

const ID = 'dead-env-var';
function check(fixture: string, env: Record<string, string>, version = statsDocument(fixture).version) {
  const setup = setupRecord({ version, env });
  return findingIn(statsFixture(fixture), ID, { setup });
}

test('dead-env-var: names each variable, why it does nothing, and what to delete', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { SCCACHE_LOG_LEVEL: 'debug', SCCACHE_GHA_CACHE_TO: 'sccache-main' });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `SCCACHE_LOG_LEVEL, SCCACHE_GHA_CACHE_TO do nothing in sccache ${version}`);
  assert.match(f.evidence, /SCCACHE_LOG_LEVEL: no sccache release reads it; SCCACHE_LOG sets the log filter/);
  assert.ok(
    f.evidence.includes(`SCCACHE_GHA_CACHE_TO: only sccache 0.3.x read it; ${version} ignores it`),
    f.evidence,
  );
  assert.match(f.fix, /^# delete from the workflow env:\n# {3}SCCACHE_LOG_LEVEL\n# {3}SCCACHE_GHA_CACHE_TO$/);
});

test('dead-env-var: SCCACHE_GHA_RW_MODE does nothing before 0.16, and works from 0.16', () => {
  const f = check('real-0.14.0-rust-warm.json', { SCCACHE_GHA_RW_MODE: 'READ_ONLY' });
  assert.ok(f);
  assert.match(f.title, /^SCCACHE_GHA_RW_MODE does nothing in sccache 0\.14\.0$/);
  assert.match(f.evidence, /it exists from sccache 0\.16\.0/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_RW_MODE: 'READ_ONLY' }), undefined);
});

test('dead-env-var: the 0.3 variables are alive on 0.3', () => {
  assert.equal(check('v0.3.json', { SCCACHE_GHA_CACHE_TO: 'sccache-main' }, '0.3.3'), undefined);
});

test('dead-env-var: silent with only real variables, and without setup', () => {
  assert.equal(
    check('real-0.16.0-rust-warm.json', { SCCACHE_LOG: 'debug', SCCACHE_DIR: '/tmp/s' }),
    undefined,
  );
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
});
