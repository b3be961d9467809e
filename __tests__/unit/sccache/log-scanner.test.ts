// The log scanner over real sccache 0.16.0 server logs (scripts/capture-log-fixtures.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeStats } from '../../../src/report/analyze.js';
import { scanLog } from '../../../src/sccache/log-scanner.js';
import { FIXTURES, statsFixture } from '../../fixtures/index.js';

const log = (name: string) => scanLog(readFileSync(`${FIXTURES}logs/${name}`, 'utf8'));

test('rate limited uploads: write errors counted as 429s', () => {
  const facts = log('real-0.16.0-gha-rate-limited.log');
  assert.ok(facts.writeErrors > 0);
  assert.equal(facts.rateLimitedWrites, facts.writeErrors);
  assert.equal(facts.startedReadOnly, false);
  assert.equal(facts.v1Requests, 0);
});

test('a refused startup write check: read-only from the start, every write refused as read-only', () => {
  const facts = log('real-0.16.0-gha-check-write-refused.log');
  assert.equal(facts.startedReadOnly, true);
  assert.match(facts.writeCheckFailure ?? '', /^storage write check failed: RateLimited/);
  assert.ok(facts.readOnlyWrites > 0);
  assert.equal(facts.readOnlyWrites, facts.writeErrors);
});

test('the shut-down v1 service: failed starts, v1 requests, the decommission message', () => {
  const facts = log('real-0.16.0-gha-v1-decommissioned.log');
  assert.ok(facts.startupFailures > 0);
  assert.ok(facts.v1Requests > 0);
  assert.equal(facts.decommissioned, true);
  assert.match(facts.firstStartupFailure ?? '', /^storage check failed for: cache storage failed to read/);
});

test('a healthy local build log has none of it', () => {
  const facts = log('real-0.16.0-rust.log');
  assert.deepEqual(
    [facts.writeErrors, facts.startupFailures, facts.v1Requests, facts.readErrors, facts.timeouts],
    [0, 0, 0, 0, 0],
  );
  assert.ok(facts.lines > 50);
});

test('log facts reach the findings: gha-protocol-v1 from a v2 location plus a v1 log', () => {
  const v1Log = log('real-0.16.0-gha-v1-decommissioned.log');
  const ids = analyzeStats(statsFixture('real-0.16.0-rust-warm.json'), { log: v1Log }).findings.map(
    (f) => f.id,
  );
  assert.ok(ids.includes('gha-protocol-v1'));
  assert.ok(
    !analyzeStats(statsFixture('real-0.16.0-rust-warm.json'), {
      log: v1Log,
      serverUrl: 'https://ghes.example.com',
    }).findings.some((f) => f.id === 'gha-protocol-v1'),
  );
});
