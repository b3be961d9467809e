// hitRateTrend: each run record carries the series up to its run, so one record is the whole trend.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_TREND_RUNS, parseRecord } from '../../../src/github/run-record.js';
import { hitRateTrend } from '../../../src/report/trend.js';
import { runInputs, runRecord } from './rules/helpers.js';

const inputs = runInputs({ sccacheVersion: '0.16.0' });

test('trend: the first run is a series of one; the next continues the record’s series', () => {
  assert.deepEqual(hitRateTrend(undefined, 0), [0]);
  const first = runRecord({ inputs, hits: 0, misses: 10, trend: [0] });
  assert.deepEqual(hitRateTrend(first, 1), [0, 1]);
});

test('trend: a record written before trends were kept contributes its own hit rate', () => {
  const old = runRecord({ inputs, hits: 3, misses: 1 });
  assert.equal(old.trend, undefined);
  assert.deepEqual(hitRateTrend(old, null), [0.75, null]);
});

test('trend: at most MAX_TREND_RUNS, the oldest dropped; a rate short of 100 % stays short of it', () => {
  const full = runRecord({ inputs, trend: Array.from({ length: MAX_TREND_RUNS }, (_, i) => i / 100) });
  const next = hitRateTrend(full, 0.99999);
  assert.equal(next.length, MAX_TREND_RUNS);
  assert.equal(next[0], 0.01);
  assert.equal(next.at(-1), 0.9999);
});

test('trend: a record with a longer series, or rates outside [0, 1], is not a record', () => {
  const base = runRecord({ inputs });
  for (const trend of [Array(MAX_TREND_RUNS + 1).fill(1), [1.5], [-0.1], ['1']]) {
    const parsed = parseRecord(JSON.stringify({ ...base, trend }));
    assert.ok('invalid' in parsed, JSON.stringify(trend));
    assert.match(parsed.invalid, /^trend/);
  }
});
