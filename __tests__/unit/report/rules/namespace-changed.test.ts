// namespace-changed: the GitHub cache namespace of this run differs from the previous run's, so the
// entries that run wrote are invisible to this one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PINNED_SCCACHE } from '../../../../src/report/rules/fixes.js';
import { ghaNamespace, hashNamespace } from '../../../../src/sccache/location.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, findingIn, previousRunRecord, setupRecord, total } from './helpers.js';

const ID = 'namespace-changed';
const NAME = 'newest.json';
const doc = statsDocument(NAME);
const now = ghaNamespace(doc.version);
const previous = previousRunRecord('1234', 'sccache-v0.16.0', 900, 1000);

test('namespace-changed: a notice when this run still hit, naming both namespaces and the earlier run', () => {
  assert.notEqual(previous.namespace, now);
  const f = findingIn(statsFixture(NAME), ID, { previousRun: previous });
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.equal(f.title, `The GitHub cache namespace changed from ${previous.namespace} to ${now}`);
  const hits = total(doc.stats.cache_hits.counts);
  const misses = total(doc.stats.cache_misses.counts);
  assert.equal(
    f.evidence,
    `run 1234 of this job used namespace ${previous.namespace} (900 hits in 1000 lookups); this run uses ` +
      `${now} and cannot see those entries (${hits} hits, ${misses} misses).`,
  );
  assert.ok(f.fix.includes(PINNED_SCCACHE), f.fix);
  assert.match(f.fix, /cache-namespace: /);
});

test('namespace-changed: a warning when this run found nothing', () => {
  const cold = edited(NAME, (d) => {
    d.stats.cache_hits = { counts: {}, adv_counts: {} };
  });
  assert.equal(findingIn(cold, ID, { previousRun: previous })?.severity, 'warning');
});

test("namespace-changed: a cache-namespace suffix is decoded with setup's record", () => {
  // The server hashed sccache-v<version>-linux; only setup knows the suffix.
  const withSuffix = ghaNamespace(doc.version, 'linux');
  const hashed = edited(NAME, (d) => {
    d.cache_location = `ghac, name: ${hashNamespace(withSuffix)}, prefix: /sccache/`;
  });
  const setup = setupRecord({ version: doc.version, inputs: { 'cache-namespace': 'linux' } });
  assert.equal(setup.namespace, withSuffix);
  const f = findingIn(hashed, ID, { setup, previousRun: previous });
  assert.ok(f);
  assert.equal(f.title, `The GitHub cache namespace changed from ${previous.namespace} to ${withSuffix}`);
  // Without the record this run's namespace is unknown, and the rule does not guess.
  assert.equal(findingIn(hashed, ID, { previousRun: previous }), undefined);
  // The same suffix as last time: nothing changed.
  const same = previousRunRecord('1234', withSuffix, 900, 1000);
  assert.equal(findingIn(hashed, ID, { setup, previousRun: same }), undefined);
});

test('namespace-changed: silent with the same namespace, no earlier run, or no GitHub cache', () => {
  const same = previousRunRecord('1234', now, 900, 1000);
  assert.equal(findingIn(statsFixture(NAME), ID, { previousRun: same }), undefined);
  assert.equal(findingIn(statsFixture(NAME), ID), undefined);
  assert.equal(findingIn(statsFixture('v0.14.json'), ID, { previousRun: previous }), undefined);
});
