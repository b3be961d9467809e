// cache-unreachable: reads and writes that got no answer at all (refused, reset, cut mid-upload),
// told apart from a read-only storage and from writes the service refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { scanLog } from '../../../../src/sccache/log-scanner.js';
import { statsFixture } from '../../../fixtures/index.js';
import { faultFinding, faultIds, faultRun, findingIn, logFixture, logLines } from './helpers.js';

const ID = 'cache-unreachable';
const KILLED = 'killed-mid-build';
const RESET = 'reset-mid-upload';

test('cache-unreachable: a service that dies mid-build, and uploads reset mid-way', () => {
  for (const name of [KILLED, RESET]) {
    const found = faultIds(name);
    assert.ok(found.includes(ID), `${name}: ${found.join()}`);
    assert.ok(!found.includes('read-only-cache'), name);
    assert.ok(!found.includes('write-errors'), name);
    // The stats alone cannot tell: every write failed, which is what read-only looks like.
    assert.ok(faultIds(name, false).includes('read-only-cache'), name);
  }
});

test('cache-unreachable: reads and writes counted apart, with what the network said and one log line', () => {
  const f = faultFinding(KILLED, ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, '3 cache requests got no answer from the cache service (connection refused)');
  assert.ok(
    f.evidence.startsWith(
      '1 cache read (of 2 lookups, each counted as a miss) and 2 cache writes (of 2) failed without an answer ' +
        'from the service (connection refused). The startup check had written its probe (storage check result: ' +
        'ReadWrite)',
    ),
    f.evidence,
  );
  // A read's Source line, which says what the network did, quoted as the log has it.
  const source = logLines(
    `real-0.16.0-fault-${KILLED}.log`,
    'error sending request for url',
    'Connection refused',
  )[0];
  assert.ok(source);
  assert.ok(f.evidence.endsWith(` The sccache log says: ${source.trim()}.`), f.evidence);
  assert.ok(f.fix.endsWith(USE_LOCAL_BACKEND), f.fix);
});

test('cache-unreachable: writes cut mid-upload quote the write, without its signed URL', () => {
  const f = faultFinding(RESET, ID);
  assert.ok(f);
  assert.equal(f.title, '2 cache requests got no answer from the cache service');
  assert.match(f.evidence, /^2 cache writes \(of 2\) failed without an answer from the service\./);
  assert.match(
    f.evidence,
    /The sccache log says: Error executing cache write: .* => send http request, source: /,
  );
  assert.doesNotMatch(f.evidence, /sig=|sv=/);
});

test('cache-unreachable: silent when the service answered (429, 500), on a healthy run, and without a log', () => {
  for (const name of [
    'rate-limited-mid-build',
    'status-500',
    'status-500-30pct',
    'check-write-429',
    'latency-2s',
  ]) {
    assert.ok(!faultIds(name).includes(ID), name);
  }
  assert.equal(
    findingIn(statsFixture('real-0.16.0-rust-cold.json'), ID, {
      log: scanLog(logFixture('real-0.16.0-rust.log')),
    }),
    undefined,
  );
  assert.equal(findingIn(faultRun(KILLED).stats, ID), undefined);
});
