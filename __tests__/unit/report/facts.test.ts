import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostFromServerUrl } from '../../../src/github/host.js';
import { buildFacts, hitRate } from '../../../src/report/facts.js';
import { parseStats } from '../../../src/sccache/stats.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../fixtures/index.js';

test('hit rate is hits / (hits + misses), null with no lookups', () => {
  assert.equal(hitRate(0, 0), null);
  assert.equal(hitRate(5, 2), 5 / 7);
  assert.equal(hitRate(0, 3), 0);
});

test('totals and per-language rates come from the stats of every fixture', () => {
  for (const name of statsFixtureNames()) {
    const doc = statsDocument(name);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const facts = buildFacts(parseStats(statsFixture(name)));
    const hits = sum(doc.stats.cache_hits.counts);
    const misses = sum(doc.stats.cache_misses.counts);
    assert.equal(facts.hits, hits, name);
    assert.equal(facts.misses, misses, name);
    assert.equal(facts.hitRate, hits + misses ? hits / (hits + misses) : null, name);
    for (const row of facts.languages) {
      const h = doc.stats.cache_hits.counts[row.language] ?? 0;
      const m = doc.stats.cache_misses.counts[row.language] ?? 0;
      assert.equal(row.hitRate, h + m ? h / (h + m) : null, `${name} ${row.language}`);
    }
    assert.equal(
      facts.expectedNonCacheable + facts.fixableNonCacheable,
      doc.stats.requests_not_cacheable,
      name,
    );
  }
});

test('non-cacheable reasons split into expected and fixable', () => {
  const facts = buildFacts(parseStats(statsFixture('v0.10.json')));
  const incremental = facts.nonCacheable.find((r) => r.reason === 'incremental');
  assert.equal(incremental?.kind, 'fixable');
  assert.equal(facts.nonCacheable.find((r) => r.reason === 'crate-type')?.kind, 'expected');
  assert.equal(facts.fixableNonCacheable, statsDocument('v0.10.json').stats.not_cached.incremental);
});

test('the host decides GHES the way @actions/cache does', () => {
  assert.equal(hostFromServerUrl(undefined).assumed, true);
  assert.equal(hostFromServerUrl('https://github.com').kind, 'github.com');
  assert.equal(hostFromServerUrl('https://acme.ghe.com').kind, 'ghe.com');
  assert.equal(hostFromServerUrl('http://gh.localhost').kind, 'github.com');
  assert.equal(hostFromServerUrl('https://git.example.org').kind, 'ghes');
});

test('the v2 namespace is decoded from the version the stats report', () => {
  const facts = buildFacts(parseStats(statsFixture('v0.10.json')));
  assert.equal(facts.location.protocol, 'v2');
  assert.equal(facts.location.namespace, 'sccache-v0.10.0');
});
