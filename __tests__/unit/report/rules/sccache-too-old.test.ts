// sccache-too-old: setup kept an sccache that cannot use the GitHub cache here on local disk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ourStep, PINNED_SCCACHE } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, GHES, GITHUB_COM, setupRecord } from './helpers.js';

const ID = 'sccache-too-old';
const OLD = 'real-0.7.7-rust-cold.json';

test('sccache-too-old: 0.7.7 on github.com speaks only v1; setup used local disk and says why', () => {
  const version = statsDocument(OLD).version;
  const setup = setupRecord({ version });
  assert.equal(setup.backend, 'local');
  const f = findingIn(statsFixture(OLD), ID, { setup, serverUrl: GITHUB_COM });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `sccache ${version} cannot use the GitHub cache on github.com`);
  assert.ok(f.evidence.startsWith(`${setup.tooOldBecause}; `), f.evidence);
  assert.match(f.evidence, /speaks only the v1 cache protocol/);
  assert.match(f.evidence, /this run used local cache storage instead\.$/);
  assert.ok(f.fix.endsWith(ourStep(PINNED_SCCACHE)), f.fix);
  assert.match(f.fix, /no older sccache earlier on PATH/);
});

test("sccache-too-old: Debian's 0.4 build has no GHA backend at all", () => {
  const setup = setupRecord({ version: '0.4.0-pre.6', ghaCompiledIn: false });
  const f = findingIn(statsFixture('real-debian-0.4-rust-cold.json'), ID, { setup, serverUrl: GITHUB_COM });
  assert.ok(f);
  assert.equal(f.title, 'sccache 0.4.0-pre.6 cannot use the GitHub cache on github.com');
  assert.match(f.evidence, /has no GHA backend compiled in/);
});

test('sccache-too-old: silent on GHES, with backend local, with 0.10.0, and without setup', () => {
  const version = statsDocument(OLD).version;
  const onGhes = setupRecord({ version, serverUrl: GHES });
  assert.equal(onGhes.backend, 'gha', 'GHES still serves v1');
  assert.equal(findingIn(statsFixture(OLD), ID, { setup: onGhes, serverUrl: GHES }), undefined);
  const local = setupRecord({ version, inputs: { backend: 'local' } });
  assert.equal(findingIn(statsFixture(OLD), ID, { setup: local }), undefined);
  const v010 = 'real-0.10.0-rust-cold.json';
  const current = setupRecord({ version: statsDocument(v010).version });
  assert.equal(current.backend, 'gha');
  assert.equal(findingIn(statsFixture(v010), ID, { setup: current }), undefined);
  assert.equal(findingIn(statsFixture(OLD), ID), undefined);
});
