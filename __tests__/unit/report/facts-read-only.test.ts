// facts.readOnlyStorage: every write failing looks the same in the stats whether the storage was
// read-only or the service went away; the server log tells them apart. Real sccache 0.16.0 runs
// against the emulator with one fault each (__tests__/e2e/faults.e2e.test.ts, CAPTURE_FIXTURES=1).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildFacts } from '../../../src/report/facts.js';
import { scanLog } from '../../../src/sccache/log-scanner.js';
import { parseStats } from '../../../src/sccache/stats.js';
import { FIXTURES } from '../../fixtures/index.js';

const run = (name: string) => {
  const base = `${FIXTURES}logs/real-0.16.0-fault-${name}`;
  return {
    stats: parseStats(readFileSync(`${base}.stats.json`, 'utf8')),
    logText: readFileSync(`${base}.log`, 'utf8'),
  };
};

test('read-only: a failed or skipped write check, whatever it failed with', () => {
  for (const name of ['check-write-429', 'check-write-500', 'check-write-reset', 'read-only-configured']) {
    const { stats, logText } = run(name);
    const facts = buildFacts(stats, { log: scanLog(logText) });
    assert.equal(facts.everyWriteRefused, true, name);
    assert.equal(facts.readOnlyStorage, true, name);
  }
});

test('not read-only: every write failed, but the log says why, after a ReadWrite check', () => {
  for (const name of ['killed-mid-build', 'reset-mid-upload', 'status-500', 'rate-limited-mid-build']) {
    const { stats, logText } = run(name);
    assert.equal(buildFacts(stats).readOnlyStorage, true, `${name}: the stats alone cannot tell`);
    const facts = buildFacts(stats, { log: scanLog(logText) });
    assert.equal(facts.everyWriteRefused, true, name);
    assert.equal(facts.readOnlyStorage, false, name);
  }
});

test('with no failed write logged (a log level that hides them), the check decides', () => {
  const hide = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.includes('Error executing cache write'))
      .join('\n');
  const killed = run('killed-mid-build');
  assert.equal(buildFacts(killed.stats, { log: scanLog(hide(killed.logText)) }).readOnlyStorage, false);
  const refused = run('check-write-429');
  assert.equal(buildFacts(refused.stats, { log: scanLog(hide(refused.logText)) }).readOnlyStorage, true);
});
