// The one read-only decision: why it is wanted, and how (or whether) each backend enforces it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheMode } from '../../../src/github/cache-mode.js';
import { describeReadOnly, readOnlyInEffect } from '../../../src/handoff.js';
import { capabilitiesOf, parseVersion } from '../../../src/sccache/version.js';
import { decideReadOnly, type ReadOnlyInput } from '../../../src/setup/read-only.js';

const base = (over: Partial<ReadOnlyInput> = {}): ReadOnlyInput => ({
  choice: 'auto',
  event: 'push',
  cacheMode: 'unset',
  backend: 'gha',
  sccacheVersion: '0.16.0',
  capabilities: capabilitiesOf(parseVersion('0.16.0')),
  ...over,
});

test('auto: pull requests are read-only, pushes are not', () => {
  assert.deepEqual(decideReadOnly(base()), { wanted: false });
  const pr = decideReadOnly(base({ event: 'pull_request' }));
  assert.ok(pr.wanted && pr.enforced);
  assert.equal(pr.how, 'SCCACHE_GHA_RW_MODE=READ_ONLY');
  assert.match(pr.why, /PR ref/);
  const target = decideReadOnly(base({ event: 'pull_request_target' }));
  assert.ok(target.wanted);
  assert.match(target.why, /untrusted code/);
});

test('the input: true forces it, false turns the event rule off', () => {
  const forced = decideReadOnly(base({ choice: 'true' }));
  assert.ok(forced.wanted);
  assert.equal(forced.why, 'read-only: true');
  assert.deepEqual(decideReadOnly(base({ choice: 'false', event: 'pull_request' })), { wanted: false });
});

test('ACTIONS_CACHE_MODE read or none outranks read-only: false (the service refuses writes anyway)', () => {
  for (const mode of ['read', 'none'] as const) {
    const decision = decideReadOnly(base({ choice: 'false', cacheMode: mode }));
    assert.ok(decision.wanted, mode);
    assert.match(decision.why, new RegExp(`ACTIONS_CACHE_MODE is ${mode}`));
  }
  assert.deepEqual(decideReadOnly(base({ cacheMode: 'write' })), { wanted: false });
  assert.deepEqual(decideReadOnly(base({ cacheMode: 'write-only' })), { wanted: false });
});

test('enforcement per backend: GHA needs 0.16, local skips the archive, external cannot', () => {
  const old = decideReadOnly(
    base({
      event: 'pull_request',
      sccacheVersion: '0.15.0',
      capabilities: capabilitiesOf(parseVersion('0.15.0')),
    }),
  );
  assert.ok(old.wanted && !old.enforced);
  assert.match(old.whyNot, /sccache 0\.15\.0 has no SCCACHE_GHA_RW_MODE/);
  assert.equal(readOnlyInEffect(old), false);
  assert.match(describeReadOnly(old), /^no: read-only wanted \(a pull_request run/);

  const local = decideReadOnly(base({ event: 'pull_request', backend: 'local' }));
  assert.ok(local.wanted && local.enforced);
  assert.match(local.how, /archive is restored but not saved/);
  assert.match(describeReadOnly(local), /^yes: /);

  const external = decideReadOnly(base({ event: 'pull_request', backend: 'external' }));
  assert.ok(external.wanted && !external.enforced);
  assert.match(external.whyNot, /backend: external/);
});

test('cacheMode reads ACTIONS_CACHE_MODE as @actions/cache does: trimmed, any case, unknown = unset', () => {
  assert.equal(cacheMode({ ACTIONS_CACHE_MODE: ' READ ' }), 'read');
  assert.equal(cacheMode({ ACTIONS_CACHE_MODE: 'write-only' }), 'write-only');
  assert.equal(cacheMode({ ACTIONS_CACHE_MODE: 'bogus' }), 'unset');
  assert.equal(cacheMode({}), 'unset');
});
