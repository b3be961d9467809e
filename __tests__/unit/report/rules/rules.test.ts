// Every rule against real fixtures (where it must fire and where it must stay silent) and against
// documents edited to show exactly one cause.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { RULES } from '../../../../src/report/rules/index.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';

const ids = (text: string, serverUrl?: string) =>
  analyzeStats(text, serverUrl ? { serverUrl } : {}).findings.map((f) => f.id);
const idsOf = (name: string) => ids(statsFixture(name));
const edited = (name: string, edit: (doc: Record<string, any>) => void) => {
  const doc = statsDocument(name);
  edit(doc);
  return JSON.stringify(doc);
};

test('rule ids are unique and kebab-case', () => {
  const seen = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!seen.has(rule.id), rule.id);
    seen.add(rule.id);
  }
});

test('no-compilations: a fresh server, and nothing else', () => {
  assert.deepEqual(idsOf('debian-0.4-empty-fresh-server.json'), ['no-compilations']);
  for (const name of statsFixtureNames().filter((n) => !n.includes('fresh-server') && !n.includes('empty'))) {
    assert.ok(!idsOf(name).includes('no-compilations'), name);
  }
});

test('nothing-cacheable: incremental-only build; silent when anything was looked up', () => {
  // An incremental-only build has its own finding, not this one.
  assert.ok(!idsOf('debian-0.4-rust-incremental1-after-zero.json').includes('nothing-cacheable'));
  assert.ok(idsOf('debian-0.4-rust-incremental1-after-zero.json').includes('incremental-compilation'));
  const restoredTarget = edited('debian-0.4-rust-cold-incremental0.json', (d) => {
    d.stats.cache_misses.counts = {};
    d.stats.requests_executed = 0;
    d.stats.cache_writes = 0;
  });
  const findings = analyzeStats(restoredTarget).findings;
  const f = findings.find((x) => x.id === 'nothing-cacheable');
  assert.ok(f);
  assert.match(f.evidence, /0 hits and 0 misses out of 6 compile requests \(5 non-cacheable/);
  assert.ok(!idsOf('v0.14.json').includes('nothing-cacheable'));
});

test('incremental-compilation: counts the incremental calls', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === 'incremental-compilation');
  assert.ok(f);
  const count = statsDocument('v0.10.json').stats.not_cached.incremental;
  assert.match(f.title, new RegExp(`^${count} Rust compilations`));
  assert.match(f.fix, /CARGO_INCREMENTAL: "0"/);
  assert.ok(!idsOf('debian-0.4-rust-cold-incremental0.json').includes('incremental-compilation'));
});

test('cold-cache: first run; not when reads failed or recaches were forced', () => {
  assert.ok(idsOf('debian-0.4-rust-cold-incremental0.json').includes('cold-cache'));
  assert.ok(!idsOf('debian-0.4-rust-warm-after-clean-incremental0.json').includes('cold-cache'));
  assert.ok(!idsOf('debian-0.4-c-broken-cache-dir.json').includes('cold-cache'));
  assert.ok(!idsOf('debian-0.4-c-forced-recache.json').includes('cold-cache'));
  const ghaCold = edited('newest.json', (d) => {
    d.stats.cache_hits = { counts: {}, adv_counts: {} };
    d.stats.cache_write_errors = 0;
    d.stats.cache_writes = 159;
  });
  const f = analyzeStats(ghaCold).findings.find((x) => x.id === 'cold-cache');
  assert.ok(f);
  assert.match(f.fix, /namespace sccache-v0\.17\.0/);
  assert.match(f.fix, /refs\/pull\/N\/merge/);
});

test('read-only-cache: every write refused', () => {
  assert.ok(idsOf('newest.json').includes('read-only-cache'));
  assert.ok(!idsOf('newest.json').includes('write-errors'));
  assert.ok(!idsOf('v0.10.json').includes('read-only-cache'));
});

test('write-errors: some writes refused, also per level in a multi-level cache', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === 'write-errors');
  assert.ok(f);
  const d = statsDocument('v0.10.json').stats;
  assert.match(
    f.title,
    new RegExp(`^${d.cache_write_errors} of ${d.cache_writes + d.cache_write_errors} cache writes failed`),
  );
  const multi = analyzeStats(statsFixture('newest-multilevel.json')).findings.find(
    (x) => x.id === 'write-errors',
  );
  assert.ok(multi);
  assert.match(multi.title, /^24 of 120 cache writes to L1 \(ghac\) failed \(20\.0 %\)/);
  assert.match(multi.evidence, /^96 writes to L1 \(ghac\) succeeded and 24 failed/);
  assert.ok(!idsOf('v0.14.json').includes('write-errors'));
});

test('gha-protocol-v1: a clear-text namespace on github.com, not on GHES', () => {
  assert.ok(idsOf('v0.4.json').includes('gha-protocol-v1'));
  assert.ok(!ids(statsFixture('v0.4.json'), 'https://ghes.example.com').includes('gha-protocol-v1'));
  assert.ok(ids(statsFixture('v0.4.json'), 'https://acme.ghe.com').includes('gha-protocol-v1'));
  assert.ok(!idsOf('v0.10.json').includes('gha-protocol-v1'));
  const v1On014 = edited('v0.14.json', (d) => {
    d.cache_location = 'ghac, name: sccache-v0.14.0, prefix: /sccache/';
  });
  const f = analyzeStats(v1On014).findings.find((x) => x.id === 'gha-protocol-v1');
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.match(f.fix, /ACTIONS_CACHE_SERVICE_V2: "on"/);
  assert.doesNotMatch(f.fix, /upgrade/);
  const old = analyzeStats(statsFixture('v0.4.json')).findings.find((x) => x.id === 'gha-protocol-v1');
  assert.match(old?.fix ?? '', /upgrade to 0\.10\.0/);
});

test('cache-timeouts, cache-errors, forced-recache', () => {
  const timeouts = edited('v0.14.json', (d) => {
    d.stats.cache_timeouts = 3;
  });
  assert.ok(ids(timeouts).includes('cache-timeouts'));
  assert.ok(!idsOf('v0.14.json').includes('cache-timeouts'));
  assert.ok(idsOf('debian-0.4-c-broken-cache-dir.json').includes('cache-errors'));
  assert.ok(!idsOf('v0.14.json').includes('cache-errors'));
  assert.ok(idsOf('debian-0.4-c-forced-recache.json').includes('forced-recache'));
  assert.ok(!idsOf('v0.14.json').includes('forced-recache'));
});

test('expected-non-cacheable: a notice with the breakdown, leaving out fixable reasons', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === 'expected-non-cacheable');
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.doesNotMatch(f.evidence, /incremental/);
  assert.match(f.evidence, /`crate-type` \d+/);
});

test('a healthy warm run raises no error or warning', () => {
  for (const name of statsFixtureNames().filter((n) => /warm|v0\.14\.json/.test(n))) {
    const severe = analyzeStats(statsFixture(name)).findings.filter((f) => f.severity !== 'notice');
    assert.deepEqual(severe, [], name);
  }
});

test('findings are ordered most severe first', () => {
  const order = analyzeStats(statsFixture('v0.4.json')).findings.map((f) => f.severity);
  assert.deepEqual(
    order,
    [...order].sort(
      (a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b),
    ),
  );
});
