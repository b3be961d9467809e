// verdictOf: the headline's words, from real stats fixtures and the rules' own findings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { verdictOf } from '../../../../src/report/render/verdict.js';
import { statsFixture } from '../../../fixtures/index.js';
import { edited } from '../rules/helpers.js';

const verdict = (statsJson: string) => {
  const { facts, findings } = analyzeStats(statsJson);
  return verdictOf(facts, findings);
};

test('verdict: a fresh server looked nothing up, which no-compilations makes a problem', () => {
  const v = verdict(statsFixture('real-0.16.0-fresh-server.json'));
  assert.equal(v.state, 'problems');
  assert.equal(v.words, '1 problem to fix — no cache lookups');
});

test('verdict: all hits is warm, with the count', () => {
  const v = verdict(statsFixture('real-0.16.0-rust-warm.json'));
  assert.equal(v.state, 'warm');
  assert.match(v.words, /^warm: 100\.0 % of \d+ lookups hit$/);
});

test('verdict: a cold cache off the default branch is "cold", not a first run', () => {
  const v = verdict(statsFixture('real-0.16.0-rust-cold.json'));
  assert.equal(v.state, 'cold');
  assert.match(v.words, /^cold: all \d+ lookups missed$/);
  assert.deepEqual(v.said, []);
});

test('verdict: some hits, some misses with no rule to explain them', () => {
  const json = edited('real-0.16.0-rust-warm.json', (d) => {
    d.stats.cache_misses = { counts: { Rust: 1 }, adv_counts: { rust: 1 } };
  });
  const v = verdict(json);
  assert.equal(v.state, 'partly-warm');
  assert.match(v.words, /^\d+\.\d % of \d+ lookups hit, 1 miss with no known cause$/);
});

test('verdict: findings to act on are counted as problems with what they cost', () => {
  const v = verdict(statsFixture('real-0.16.0-rust-incremental.json'));
  assert.equal(v.state, 'problems');
  assert.match(v.words, /^\d+ problems? to fix — /);
});
