// invalid-env-value: a variable in the job whose value this sccache version ignores or rejects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, setupRecord } from './helpers.js';

const ID = 'invalid-env-value';
/** The finding for a warm run of the real sccache `version`, with these variables in the job. */
function check(fixture: string, env: Record<string, string>, version = statsDocument(fixture).version) {
  const setup = setupRecord({ version, env });
  return findingIn(statsFixture(fixture), ID, { setup });
}

test('invalid-env-value: SCCACHE_GHA_ENABLED=yes makes sccache 0.8+ refuse to start', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { SCCACHE_GHA_ENABLED: 'yes' });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `SCCACHE_GHA_ENABLED: a value sccache ${version} ignores or rejects`);
  assert.match(f.evidence, /^SCCACHE_GHA_ENABLED: "yes" is not true\/on\/1\/false\/off\/0: /);
  assert.ok(f.evidence.includes(`sccache ${version} refuses to start`), f.evidence);
  assert.match(f.fix, /SCCACHE_GHA_ENABLED: "true"/);
});

test('invalid-env-value: SCCACHE_GHA_ENABLED=1 is ignored before 0.8, accepted from 0.8', () => {
  const f = check('real-0.7.7-rust-warm.json', { SCCACHE_GHA_ENABLED: '1' });
  assert.ok(f);
  assert.match(f.evidence, /enables GHA only for exactly "true" or "on"; "1" leaves it off/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_ENABLED: '1' }), undefined);
});

test('invalid-env-value: CARGO_INCREMENTAL=1 breaks 0.7.7+, not Debian 0.4; several are all named', () => {
  const name = 'real-0.10.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { CARGO_INCREMENTAL: '1', SCCACHE_GHA_ENABLED: 'yes' });
  assert.ok(f);
  assert.equal(
    f.title,
    `SCCACHE_GHA_ENABLED, CARGO_INCREMENTAL: a value sccache ${version} ignores or rejects`,
  );
  assert.match(f.evidence, /; CARGO_INCREMENTAL: .*refuses to run with CARGO_INCREMENTAL=1/);
  assert.match(f.fix, /CARGO_INCREMENTAL: "0"/);
  // Debian's 0.4.0-pre.6 accepts it and reports the calls as `incremental` instead.
  assert.equal(check('real-debian-0.4-rust-warm.json', { CARGO_INCREMENTAL: '1' }, '0.4.0-pre.6'), undefined);
});

test('invalid-env-value: an empty SCCACHE_GHA_VERSION still enables GHA before 0.16', () => {
  const f = check('real-0.14.0-rust-warm.json', { SCCACHE_GHA_VERSION: '' });
  assert.ok(f);
  assert.match(f.evidence, /^SCCACHE_GHA_VERSION: an empty value still turns the GHA backend on/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_VERSION: '' }), undefined);
});

test('invalid-env-value: silent with valid values and without setup', () => {
  assert.equal(
    check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_ENABLED: 'true', CARGO_INCREMENTAL: '0' }),
    undefined,
  );
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
});
