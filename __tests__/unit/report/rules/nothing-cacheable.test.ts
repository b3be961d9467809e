// nothing-cacheable: compile requests arrived, but not one could be looked up in the cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { statsDocument, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, findingIn, idsOf } from './helpers.js';

const ID = 'nothing-cacheable';
const COLD = 'debian-0.4-rust-cold-incremental0.json';
// target/ restored by another cache: cargo rebuilds only bins and probes, sccache looks nothing up.
const restoredTarget = edited(COLD, (d) => {
  d.stats.cache_misses.counts = {};
  d.stats.requests_executed = 0;
  d.stats.cache_writes = 0;
});

test('nothing-cacheable: incremental-only build; silent when anything was looked up', () => {
  // An incremental-only build has its own finding, not this one.
  assert.ok(!idsOf('debian-0.4-rust-incremental1-after-zero.json').includes(ID));
  assert.ok(idsOf('debian-0.4-rust-incremental1-after-zero.json').includes('incremental-compilation'));
  const findings = analyzeStats(restoredTarget).findings;
  const f = findings.find((x) => x.id === ID);
  assert.ok(f);
  const { stats } = statsDocument(COLD);
  assert.match(
    f.evidence,
    new RegExp(
      `0 hits and 0 misses out of ${stats.compile_requests} compile requests \\(${stats.requests_not_cacheable} non-cacheable`,
    ),
  );
  assert.ok(!idsOf('v0.14.json').includes(ID));
});

test('nothing-cacheable: title, the non-cacheable reasons, and the rust-cache fix', () => {
  const f = findingIn(restoredTarget, ID);
  assert.ok(f);
  const { stats } = statsDocument(COLD);
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.title,
    `${stats.compile_requests} compile requests, but none could be looked up in the cache`,
  );
  assert.ok(f.evidence.includes(`${stats.requests_not_compile} not compilations).`), f.evidence);
  for (const [reason, count] of Object.entries(stats.not_cached)) {
    assert.ok(f.evidence.includes(`\`${reason}\` ${count}`), `${reason}: ${f.evidence}`);
  }
  assert.match(f.fix, /Swatinem\/rust-cache@v2\n {2}with:\n {4}cache-targets: false/);
});

test('nothing-cacheable: silent for requests that were compile errors, not calls sccache declined', () => {
  const failedOnly = edited(COLD, (d) => {
    d.stats.cache_misses.counts = {};
    d.stats.requests_not_cacheable = 0;
    d.stats.not_cached = {};
    d.stats.compile_fails = d.stats.compile_requests;
  });
  assert.equal(findingIn(failedOnly, ID), undefined);
});

test('nothing-cacheable: silent on every committed fixture: each looked something up, or was incremental or empty', () => {
  for (const name of statsFixtureNames()) assert.ok(!idsOf(name).includes(ID), name);
});
