// backend-fallback: the planned backend failed its preflight and setup started sccache on local disk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ourStep } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, logFacts, setupRecord } from './helpers.js';

const ID = 'backend-fallback';
const NAME = 'real-0.16.0-rust-cold.json';
// sccache's own words when the GitHub cache would not start (the v1 service, shut down).
const error = logFacts('real-0.16.0-gha-v1-decommissioned.log').firstStartupFailure ?? '';

test('backend-fallback: the GHA preflight failed; the finding quotes sccache and says how to fail instead', () => {
  assert.match(error, /^storage check failed for: /);
  const setup = setupRecord({
    version: statsDocument(NAME).version,
    preflight: { ok: false, error, fallback: false },
  });
  assert.equal(setup.plannedBackend, 'gha');
  assert.equal(setup.backend, 'local');
  const f = findingIn(statsFixture(NAME), ID, { setup });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.actionable, false, 'setup already annotated it');
  assert.equal(f.title, 'The gha cache failed its preflight; this run used local disk');
  assert.equal(f.evidence, `sccache said: ${error}.`);
  assert.ok(f.fix.includes(ourStep('on-backend-failure: fail')), f.fix);
});

test('backend-fallback: silent when the preflight passed, when setup was told to fail, and without setup', () => {
  const version = statsDocument(NAME).version;
  const ok = setupRecord({ version });
  assert.equal(findingIn(statsFixture(NAME), ID, { setup: ok }), undefined);
  const fail = setupRecord({
    version,
    inputs: { 'on-backend-failure': 'fail' },
    preflight: { ok: false, error, fallback: false },
  });
  assert.equal(fail.backend, null);
  assert.equal(findingIn(statsFixture(NAME), ID, { setup: fail }), undefined);
  assert.equal(findingIn(statsFixture(NAME), ID), undefined);
});
