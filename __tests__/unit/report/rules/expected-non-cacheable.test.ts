// expected-non-cacheable: calls sccache never caches by design (bins, proc-macros, probes): a notice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, findingIn, total } from './helpers.js';

const ID = 'expected-non-cacheable';

test('expected-non-cacheable: a notice with the breakdown, leaving out fixable reasons', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === ID);
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.doesNotMatch(f.evidence, /incremental/);
  assert.match(f.evidence, /`crate-type` \d+/);
});

test('expected-non-cacheable: the count and each reason, from the fixture, less `incremental`', () => {
  const notCached: Record<string, number> = statsDocument('v0.10.json').stats.not_cached;
  const { incremental, ...expected } = notCached;
  assert.ok(incremental! > 0, 'the fixture has a fixable reason to leave out');
  const f = findingIn(statsFixture('v0.10.json'), ID);
  assert.ok(f);
  assert.equal(f.actionable, false);
  assert.equal(f.title, `${total(expected)} calls are never cached, as expected`);
  for (const [reason, count] of Object.entries(expected)) {
    assert.ok(f.evidence.includes(`\`${reason}\` ${count}`), `${reason}: ${f.evidence}`);
  }
  assert.equal(f.fix, '', 'nothing can be changed');
  assert.match(f.evidence, /: bins, proc-macros, build scripts and probes, which sccache never caches\.$/);
});

test('expected-non-cacheable: more than six reasons end in "and N more"', () => {
  const many = edited('v0.14.json', (d) => {
    d.stats.not_cached = { a: 8, b: 7, c: 6, d: 5, e: 4, f: 3, g: 2, h: 1 };
    d.stats.requests_not_cacheable = 36;
  });
  const f = findingIn(many, ID);
  assert.ok(f);
  assert.match(f.evidence, /^`a` 8, `b` 7, `c` 6, `d` 5, `e` 4, `f` 3, and 2 more: /);
  assert.match(f.evidence, /preprocessing, linking, probes, several inputs, which sccache never caches\.$/);
});

test('expected-non-cacheable: silent with nothing in not_cached, or only fixable reasons', () => {
  assert.deepEqual(statsDocument('debian-0.4-c-forced-recache.json').stats.not_cached, {});
  assert.equal(findingIn(statsFixture('debian-0.4-c-forced-recache.json'), ID), undefined);
  const onlyIncremental = edited('real-0.16.0-rust-incremental.json', (d) => {
    d.stats.not_cached = { incremental: d.stats.not_cached.incremental };
  });
  assert.equal(findingIn(onlyIncremental, ID), undefined);
});
