// Inputs a real run can produce that once went wrong: credentials in locations, u64 counters,
// reason keys named like Object.prototype members, partial write failures, multi-level v1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../src/report/analyze.js';
import { formatPercent } from '../../../src/util/percent.js';
import { hitRatePercent, renderExplainJson } from '../../../src/report/render/outputs.js';
import { redact } from '../../../src/util/redact.js';
import { renderSummary } from '../../../src/report/render/summary.js';
import { statsDocument } from '../../fixtures/index.js';

const edited = (name: string, edit: (doc: Record<string, any>) => void) => {
  const doc = statsDocument(name);
  edit(doc);
  return JSON.stringify(doc);
};

test('a Redis password in cache_location never reaches the summary or the JSON', () => {
  const text = edited('debian-0.4-empty-fresh-server.json', (d) => {
    d.cache_location = 'redis, name: redis://:hunter2@127.0.0.1:6379/0, prefix: /';
  });
  const { facts, findings } = analyzeStats(text);
  const everything = renderSummary({ facts, findings }) + JSON.stringify(renderExplainJson(facts, findings));
  assert.doesNotMatch(everything, /hunter2/);
  assert.match(everything, /redis:\/\/\*\*\*@127\.0\.0\.1/);
  assert.equal(
    redact('GET https://x.blob/c/b?sig=SECRET&se=2099&comp=block'),
    'GET https://x.blob/c/b?sig=***&se=***&comp=block',
  );
});

test('u64 counters beyond 2^53 parse; a BOM is tolerated', () => {
  const text = edited('v0.14.json', (d) => {
    d.max_cache_size = 1;
  }).replace('"max_cache_size":1', '"max_cache_size":18446744073709551615');
  assert.ok(analyzeStats('\uFEFF' + text).facts.stats.maxCacheSize! > 1e19);
});

test('reason keys named like prototype members are plain reasons', () => {
  const text = edited('v0.14.json', (d) => {
    d.stats.not_cached = { constructor: 1, toString: 2, __proto__x: 1 };
    d.stats.requests_not_cacheable = 4;
  });
  const { facts } = analyzeStats(text);
  assert.deepEqual(
    facts.nonCacheable.map((r) => [r.reason, r.kind]),
    [
      ['toString', 'expected'],
      ['__proto__x', 'expected'],
      ['constructor', 'expected'],
    ],
  );
});

test('write errors short of read-only are still reported', () => {
  const text = edited('v0.14.json', (d) => {
    d.stats.cache_hits.counts = {};
    d.stats.cache_hits.adv_counts = {};
    d.stats.cache_misses.counts = { 'C/C++': 100 };
    d.stats.cache_writes = 0;
    d.stats.cache_write_errors = 50;
  });
  const ids = analyzeStats(text).findings.map((f) => f.id);
  assert.ok(ids.includes('write-errors'), ids.join());
  assert.ok(!ids.includes('read-only-cache'));
});

test('cache errors from a failed probe are a notice; errors on every miss are a warning', () => {
  const probe = analyzeStats(
    edited('v0.14.json', (d) => {
      d.stats.cache_errors.counts = { 'C/C++': 1 };
    }),
  ).findings.find((f) => f.id === 'cache-errors');
  assert.equal(probe?.severity, 'notice');
  const broken = analyzeStats(
    JSON.stringify(statsDocument('debian-0.4-c-broken-cache-dir.json')),
  ).findings.find((f) => f.id === 'cache-errors');
  assert.equal(broken?.severity, 'warning');
});

test('a multi-level GHA level on v1 is named; its v2 hash is decoded', () => {
  const v1 = analyzeStats(
    edited('newest-multilevel.json', (d) => {
      d.stats.multi_level[1].location = 'ghac, name: sccache-v0.17.0, prefix: /sccache/';
    }),
  );
  assert.ok(v1.findings.some((f) => f.id === 'gha-protocol-v1'));
  const v2 = analyzeStats(JSON.stringify(statsDocument('newest-multilevel.json')));
  assert.equal(v2.facts.levels[1]?.location.namespace, 'sccache-v0.17.0');
  assert.match(renderSummary(v2), /namespace `sccache-v0\.17\.0`/);
});

test('rounding never shows 100.0 with misses, and stays exact at the edges', () => {
  assert.equal(formatPercent(9996 / 10000), '99.9 %');
  assert.equal(hitRatePercent(1), '100.0');
  assert.equal(hitRatePercent(0.29), '29.0');
  assert.equal(hitRatePercent(5 / 7), '71.4');
  assert.equal(hitRatePercent(0), '0.0');
});
