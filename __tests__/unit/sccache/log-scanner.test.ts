// The log scanner over real sccache 0.16.0 server logs (scripts/capture-log-fixtures.ts and, for the
// fault-* logs, __tests__/e2e/faults.e2e.test.ts with CAPTURE_FIXTURES=1).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeStats } from '../../../src/report/analyze.js';
import { failureCause, networkErrorOf, scanLog } from '../../../src/sccache/log-scanner.js';
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

// Faults injected into the cache-service emulator under real sccache 0.16.0, captured by
// __tests__/e2e/faults.e2e.test.ts with CAPTURE_FIXTURES=1.
const fault = (name: string) => log(`real-0.16.0-fault-${name}.log`);
const text = (name: string) => readFileSync(`${FIXTURES}logs/real-0.16.0-fault-${name}.log`, 'utf8');

test('the startup write check: what it answered, and why it failed, in sccache 0.16 words', () => {
  assert.deepEqual(fault('rate-limited-mid-build').storageCheck, { result: 'read-write', checked: true });
  assert.deepEqual(fault('read-only-configured').storageCheck, {
    result: 'read-only (manually set)',
    checked: true,
  });
  const refused = fault('check-write-429').storageCheck;
  assert.equal(refused?.result, 'read-only');
  assert.equal(refused?.failure?.cause, 'rate-limited');
  assert.equal(refused?.failure?.status, 429);
  assert.match(
    refused?.failure?.quote ?? '',
    /^storage write check failed: RateLimited \(temporary\) at write => /,
  );
  const status = fault('check-write-500').storageCheck?.failure;
  assert.equal(status?.cause, 'server-error');
  assert.equal(status?.status, 500, 'from the Context block below the first line');
  const reset = fault('check-write-reset').storageCheck?.failure;
  assert.equal(reset?.cause, 'unreachable');
  assert.equal(reset?.networkError, 'connection closed mid-request');
  assert.equal(
    reset?.quote,
    'storage write check failed: Unexpected (temporary) at write => send http request',
  );
});

test('the check belongs to the last server started: a later local-disk server replaces a failed one', () => {
  // Setup's GHA server did not start (nothing listening); its fallback on local disk did.
  const facts = fault('refused');
  assert.equal(facts.startupFailures, 1);
  // Local disk is not probed: only "server has setup with ReadWrite" says its mode.
  assert.deepEqual(facts.storageCheck, { result: 'read-write', checked: false });
  // Without debug lines, "server has setup with …" is the only word on it.
  const infoOnly = scanLog(
    text('check-write-429')
      .split('\n')
      .filter((line) => !line.includes('storage check result'))
      .join('\n'),
  );
  assert.equal(infoOnly.storageCheck?.result, 'read-only');
  assert.equal(infoOnly.storageCheck?.checked, false);
  assert.equal(infoOnly.storageCheck?.failure?.status, 429);
  // A log that starts another server and says nothing about its check has no check.
  const restarted = scanLog(
    `${text('check-write-429')}\n[2026-11-26T00:00:00Z INFO  sccache::server] start_server: 127.0.0.1:1\n`,
  );
  assert.equal(restarted.storageCheck, undefined);
});

test('failures by cause: no answer, 429, 500 and read-only, for reads and writes apart', () => {
  const killed = fault('killed-mid-build').failures;
  assert.equal(killed.reads.unreachable, 1);
  assert.equal(killed.writes.unreachable, 2);
  assert.deepEqual(killed.networkErrors, ['connection refused']);
  assert.match(
    killed.examples.reads.unreachable ?? '',
    /^error sending request for url \(http:\/\/127\.0\.0\.1:40000\/twirp\/.*GetCacheEntryDownloadURL\): .*Connection refused \(os error 111\)$/,
  );
  assert.match(
    killed.examples.writes.unreachable ?? '',
    /^Error executing cache write: Unexpected \(temporary\) at write, context: \{…\} => send http request, source: /,
  );

  const reset = fault('reset-mid-upload').failures;
  assert.equal(reset.writes.unreachable, 2);
  assert.equal(reset.reads.unreachable, 0);
  // The signed upload URL loses its query in the quote (and the fixture was redacted already).
  assert.match(reset.examples.writes.unreachable ?? '', /actions-cache\/[0-9a-f]+\?…/);
  assert.doesNotMatch(reset.examples.writes.unreachable ?? '', /sig=/);

  const status = fault('status-500').failures;
  assert.deepEqual([status.reads['server-error'], status.writes['server-error']], [2, 2]);
  assert.deepEqual(status.statuses, [500]);
  assert.match(
    status.examples.reads['server-error'] ?? '',
    /^Got unexpected error: Unexpected \(temporary\) at read => /,
  );

  const limited = fault('rate-limited-mid-build').failures;
  assert.equal(limited.writes['rate-limited'], 2);
  assert.deepEqual(limited.statuses, [429]);
  assert.equal(fault('check-write-429').failures.writes['read-only'], 2);
});

test('the counts start again with each server and each zero_stats, like the stats', () => {
  for (const event of [
    'INFO  sccache::server] server started, listening on 127.0.0.1:1',
    'DEBUG sccache::server] handle_client: zero_stats',
  ]) {
    const after = scanLog(`${text('killed-mid-build')}\n[2026-11-26T00:00:00Z ${event}\n`);
    assert.equal(after.failures.writes.unreachable, 0, event);
    assert.equal(after.missLookups, 0, event);
    assert.equal(after.writeErrors, 2, 'the whole-log count stays');
  }
});

test('lookups that missed, with the time they waited; timeouts with their line', () => {
  const slow = fault('latency-2s');
  assert.equal(slow.missLookups, 2);
  assert.ok(slow.missLookupSeconds >= 4 && slow.missLookupSeconds < 5, String(slow.missLookupSeconds));
  const timedOut = fault('lookup-timed-out');
  assert.equal(timedOut.timeouts, 1);
  assert.match(timedOut.firstTimeout ?? '', /^\[unit0\.o\]: Cache timed out 60\.\d{3} s$/);
});

test('failure causes from the words alone', () => {
  assert.equal(failureCause('Cannot write to read-only storage', undefined), 'read-only');
  assert.equal(failureCause('RateLimited (temporary) at write', undefined), 'rate-limited');
  assert.equal(
    failureCause('Unexpected (temporary) at write => send http request', undefined),
    'unreachable',
  );
  assert.equal(failureCause('Unexpected (temporary) at read => {"code":"internal"}', 503), 'server-error');
  assert.equal(failureCause('Unexpected (permanent) at read => {"code":"unauthenticated"}', 401), 'denied');
  assert.equal(failureCause('Unexpected (permanent) at read => nope', undefined), 'other');
  assert.equal(
    networkErrorOf('client error (Connect): tcp connect error: Connection refused (os error 111)'),
    'connection refused',
  );
  assert.equal(
    networkErrorOf('connection error: Connection reset by peer (os error 104)'),
    'connection reset',
  );
  assert.equal(networkErrorOf('something else'), undefined);
});

test('writesFinished counts "Cache write finished" lines of the whole log, restarts included', () => {
  const real = log('real-0.16.0-rust.log');
  assert.equal(real.writesFinished, 2, 'demo_core and demo_util were written');
  const more = scanLog(
    `${readFileSync(`${FIXTURES}logs/real-0.16.0-rust.log`, 'utf8')}\n` +
      '[2026-11-26T00:00:01Z DEBUG sccache::server] [demo_app]: Cache write finished in 0.002 s\n' +
      '[2026-11-26T00:00:01Z DEBUG sccache::server] Cache write finished in the prose, not a write\n',
  );
  assert.equal(more.writesFinished, 3);
});
