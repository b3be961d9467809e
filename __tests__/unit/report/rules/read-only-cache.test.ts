// read-only-cache: not one object written, and the refusals cover the misses: the storage was
// read-only, by configuration (a notice) or because its startup write check failed (a warning).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { scanLog } from '../../../../src/sccache/log-scanner.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import {
  edited,
  faultFinding,
  faultIds,
  faultRun,
  findingIn,
  ids,
  idsOf,
  logFacts,
  logFixture,
  logLines,
  setupRecord,
  total,
} from './helpers.js';

const ID = 'read-only-cache';
const READ_ONLY = 'newest.json';
const REFUSED_LOG = 'real-0.16.0-gha-check-write-refused.log';

test('read-only-cache: every write refused', () => {
  assert.ok(idsOf(READ_ONLY).includes(ID));
  assert.ok(!idsOf(READ_ONLY).includes('write-errors'));
  assert.ok(!idsOf('v0.10.json').includes(ID));
});

test('read-only-cache: the numbers of the run, and one archive per job as the fix', () => {
  const { stats } = statsDocument(READ_ONLY);
  const f = findingIn(statsFixture(READ_ONLY), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `The cache was read-only: all ${stats.cache_write_errors} writes failed`);
  assert.equal(
    f.evidence,
    `0 writes and ${stats.cache_write_errors} write errors for ${total(stats.cache_misses.counts)} misses.`,
  );
  assert.match(f.fix, /storage write check failed/);
  assert.ok(f.fix.endsWith(USE_LOCAL_BACKEND), f.fix);
});

test("read-only-cache: quotes the log's failed write check, or says the server started read-only", () => {
  const check = logLines(REFUSED_LOG, 'storage write check failed')[0];
  assert.ok(check);
  const quoted = check.slice(check.indexOf('storage write check failed'));
  const f = findingIn(statsFixture(READ_ONLY), ID, { log: logFacts(REFUSED_LOG) });
  assert.ok(f);
  assert.ok(f.evidence.endsWith(` The sccache log says: ${quoted}.`), f.evidence);
  // The same log without the write-check line: only "server has setup with ReadOnly" is left.
  const withoutCheck = logFixture(REFUSED_LOG)
    .split('\n')
    .filter((line) => !line.includes('storage write check failed'))
    .join('\n');
  const g = findingIn(statsFixture(READ_ONLY), ID, { log: scanLog(withoutCheck) });
  assert.ok(g);
  assert.ok(g.evidence.endsWith(' The server started read-only.'), g.evidence);
  assert.doesNotMatch(g.evidence, /log says/);
});

test('read-only-cache: a notice when setup made the run read-only on purpose', () => {
  const { version, stats } = statsDocument(READ_ONLY);
  const pr = setupRecord({ version, event: 'pull_request' });
  assert.ok(pr.readOnly.wanted && pr.readOnly.enforced, 'sccache 0.16+ enforces it');
  const f = findingIn(statsFixture(READ_ONLY), ID, { setup: pr });
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.equal(
    f.title,
    `The cache was read-only, as configured: ${total(stats.cache_misses.counts)} misses were not written`,
  );
  assert.equal(f.evidence, `${pr.readOnly.why}; 0 writes, ${stats.cache_write_errors} refused.`);
  assert.match(f.evidence, /^a pull_request run writes into its PR ref/);
  assert.match(f.fix, /^Nothing to fix/);
  const input = setupRecord({ version, inputs: { 'read-only': 'true' } });
  assert.match(
    findingIn(statsFixture(READ_ONLY), ID, { setup: input })?.evidence ?? '',
    /^read-only: true; /,
  );
});

test('read-only-cache: a warning when read-only was not wanted, or wanted but not enforceable', () => {
  const { version } = statsDocument(READ_ONLY);
  const push = setupRecord({ version });
  assert.equal(findingIn(statsFixture(READ_ONLY), ID, { setup: push })?.severity, 'warning');
  // sccache 0.10 has no SCCACHE_GHA_RW_MODE: a pull request writes, so a refusal of everything is a problem.
  const refused010 = edited('v0.10.json', (d) => {
    d.stats.cache_write_errors = d.stats.cache_writes + d.stats.cache_write_errors;
    d.stats.cache_writes = 0;
  });
  const pr010 = setupRecord({ version: statsDocument('v0.10.json').version, event: 'pull_request' });
  assert.ok(pr010.readOnly.wanted && !pr010.readOnly.enforced);
  const f = findingIn(refused010, ID, { setup: pr010 });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.title, /^The cache was read-only: all \d+ writes failed$/);
});

test('read-only-cache: silent while any write succeeded, or when refusals are few', () => {
  assert.equal(findingIn(statsFixture('v0.10.json'), ID), undefined);
  const fewRefused = edited(READ_ONLY, (d) => {
    d.stats.cache_write_errors = 10;
  });
  assert.equal(findingIn(fewRefused, ID), undefined);
  const oneWritten = edited(READ_ONLY, (d) => {
    d.stats.cache_writes = 1;
  });
  assert.equal(findingIn(oneWritten, ID), undefined);
  assert.ok(ids(oneWritten).includes('write-errors'), 'partial refusals are write-errors');
});

test('read-only-cache: a write check that failed at start (429, 500, no answer), quoted from the log', () => {
  for (const [name, words] of [
    ['check-write-429', /storage write check failed: RateLimited \(temporary\) at write => /],
    [
      'check-write-500',
      /storage write check failed: Unexpected \(temporary\) at write => \{"code":"internal"/,
    ],
    [
      'check-write-reset',
      /storage write check failed: Unexpected \(temporary\) at write => send http request/,
    ],
  ] as const) {
    const f = faultFinding(name, ID);
    assert.ok(f, name);
    assert.equal(f.severity, 'warning');
    assert.match(f.evidence, words, name);
  }
  const configured = faultFinding('read-only-configured', ID);
  assert.match(
    configured?.evidence ?? '',
    /started read-only as configured \(`storage check result: ReadOnly \(manually set\)`/,
  );
});

test('read-only-cache: not when the log says the writes failed otherwise, after a ReadWrite check', () => {
  // Every write failed in each of these runs, which the stats alone read as read-only.
  for (const name of ['killed-mid-build', 'reset-mid-upload', 'status-500', 'rate-limited-mid-build']) {
    const { stats, log } = faultRun(name);
    assert.equal(log.storageCheck?.result, 'read-write', name);
    assert.ok(faultIds(name, false).includes(ID), `${name}: the stats alone`);
    assert.equal(findingIn(stats, ID, { log }), undefined, name);
  }
});
