// min-hit-rate: a low hit rate fails the job only when the cache should have been warm and was
// reachable. Each case runs the real analysis on a committed stats fixture (and, for the outages, the
// stats and log of a real sccache run against the cache-service emulator with one fault).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minHitRate, parseMinHitRate } from '../../../src/handoff.js';
import type { RunRecord } from '../../../src/github/run-record.js';
import type { RunScope } from '../../../src/github/run-scope.js';
import { analyzeStats } from '../../../src/report/analyze.js';
import type { RunContext } from '../../../src/report/facts.js';
import { hitRateFloor, type FloorVerdict } from '../../../src/report/hit-rate-floor.js';
import { statsFixture } from '../../fixtures/index.js';
import { faultRun, logFacts, omit, runInputs, runRecord, setupRecord } from './rules/helpers.js';

const PUSH_MAIN: RunScope = { event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' };
const PULL_REQUEST: RunScope = { event: 'pull_request', ref: 'refs/pull/7/merge', defaultBranch: 'main' };

/**
 * A run whose cache should have been warm: an earlier run of this job on main left a record with
 * the same inputs and namespace as this run's (read from the stats themselves), and it hit.
 */
function warm(
  stats: string,
  context: RunContext = {},
  record: Partial<Parameters<typeof runRecord>[0]> = {},
) {
  const plain = analyzeStats(stats, context).facts;
  const inputs = runInputs({
    sccacheVersion: plain.stats.version ?? '0.4.0',
    ...(plain.namespace ? { namespace: plain.namespace } : {}),
  });
  const previousRun: RunRecord = runRecord({
    inputs,
    ...(plain.namespace ? { namespace: plain.namespace } : {}),
    ...record,
  });
  return { scope: PUSH_MAIN, inputs, previousRun, ...context };
}

function verdict(stats: string, context: RunContext, floor = 80): FloorVerdict {
  const { facts, findings } = analyzeStats(stats, context);
  return hitRateFloor(facts, findings, floor);
}

function failure(v: FloorVerdict): string {
  assert.ok('fail' in v, `expected a failure, got ${JSON.stringify(v)}`);
  return v.fail;
}

function skipped(v: FloorVerdict): string {
  assert.ok('skip' in v, `expected the floor not applied, got ${JSON.stringify(v)}`);
  return v.skip;
}

const fault = (name: string) => {
  const run = faultRun(name);
  return { stats: run.stats, context: warm(run.stats, { log: run.log }) };
};

test('a warm run under the floor fails, naming the rate, the floor and the finding to act on first', () => {
  // v0.7.json: 768 hits, 544 misses (58.5 %), and 312 of the compilations were incremental.
  const stats = statsFixture('v0.7.json');
  const { findings } = analyzeStats(stats, warm(stats));
  const top = findings.find((f) => f.actionable)!;
  assert.equal(top.id, 'incremental-compilation');
  assert.equal(
    failure(verdict(stats, warm(stats))),
    `sccache hit rate 58.5 % is under min-hit-rate 80 %: ${top.title} (incremental-compilation)`,
  );
});

test('a warm run under the floor with no finding to act on still fails, and says so', () => {
  // One hit, one miss, and nothing but the expected non-cacheable calls to say.
  const stats = statsFixture('real-0.16.0-c-mixed.json');
  assert.equal(
    failure(verdict(stats, warm(stats))),
    'sccache hit rate 50.0 % is under min-hit-rate 80 %: no finding names a cause; the job summary lists what missed',
  );
});

test('at or above the floor passes, whatever else the run shows', () => {
  const stats = statsFixture('v0.14.json'); // 2806 hits, 216 misses: 92.8 %
  assert.deepEqual(verdict(stats, warm(stats)), { pass: 'min-hit-rate 80 % met: hit rate 92.8 %' });
  // Exactly on the floor meets it: 1 of 2 is 50 %, with no rounding in the way.
  const half = statsFixture('real-0.16.0-c-mixed.json');
  assert.ok('pass' in verdict(half, warm(half), 50));
  assert.ok('fail' in verdict(half, warm(half), 50.1));
  // A cold first run above the floor has met it too: there is nothing to excuse.
  assert.ok('pass' in verdict(stats, { scope: PUSH_MAIN }));
  assert.ok('pass' in verdict(half, warm(half), 0), 'a floor of 0 never fails');
});

test('a cold first run (no earlier record of this job) is never failed', () => {
  const stats = statsFixture('real-0.16.0-rust-cold.json');
  assert.equal(
    skipped(verdict(stats, { scope: PUSH_MAIN })),
    'min-hit-rate 80 % not applied (hit rate 0.0 %): no earlier run of this job left a record (run-record) to call this one warm',
  );
});

test('an earlier run that looked nothing up warmed nothing', () => {
  const stats = statsFixture('v0.7.json');
  assert.match(
    skipped(verdict(stats, warm(stats, {}, { runId: '55', hits: 0, misses: 0 }))),
    /the earlier run 55 looked nothing up, so it warmed nothing$/,
  );
});

test("the default branch's record counts for a pull request; another ref's does not", () => {
  const stats = statsFixture('v0.7.json');
  assert.ok('fail' in verdict(stats, warm(stats, { scope: PULL_REQUEST })), 'a PR reads the default branch');
  assert.ok('fail' in verdict(stats, warm(stats, { scope: PULL_REQUEST }, { ref: 'refs/pull/7/merge' })));
  assert.match(
    skipped(verdict(stats, warm(stats, { scope: PULL_REQUEST }, { ref: 'refs/heads/feature' }))),
    /the earlier run 1234 was on refs\/heads\/feature \(another ref\), not this ref or the default branch$/,
  );
});

test('a run after a configuration change is never failed: inputs of the keys, namespace', () => {
  const stats = statsFixture('v0.7.json');
  const before = runInputs({ sccacheVersion: '0.8.2', env: { RUSTFLAGS: '-C debuginfo=0' } });
  const changed = warm(stats, {}, { inputs: before, runId: '77' });
  assert.ok(analyzeStats(stats, changed).findings.some((f) => f.id === 'config-changed'));
  assert.match(
    skipped(verdict(stats, changed)),
    /^min-hit-rate 80 % not applied \(hit rate 58\.5 %\): 1 input of sccache's keys changed since run 77 \(RUSTFLAGS\)$/,
  );

  // The GitHub cache with a new namespace: nothing of the earlier run is visible.
  const gha = statsFixture('v0.10.json');
  const renamed = warm(gha, {}, { namespace: 'sccache-v0.9.0', runId: '78' });
  assert.ok(analyzeStats(gha, renamed).findings.some((f) => f.id === 'namespace-changed'));
  assert.match(
    skipped(verdict(gha, renamed)),
    /the cache namespace changed since run 78 \(sccache-v0\.9\.0 → sccache-v0\.10\.0\)$/,
  );
  // A move from another store to the GitHub cache is a new cache as well.
  assert.match(
    skipped(verdict(gha, warm(gha, {}, { namespace: undefined }))),
    /\(not the GitHub cache → sccache-v0\.10\.0\)$/,
  );
  // With this run's inputs unknown, no change can be ruled out.
  assert.match(
    skipped(verdict(stats, omit(warm(stats), 'inputs'))),
    /what went into this run's keys is unknown/,
  );
});

test('nothing looked up: the floor is not applied', () => {
  const stats = statsFixture('real-0.16.0-fresh-server.json');
  assert.equal(
    skipped(verdict(stats, warm(stats))),
    'min-hit-rate 80 % not applied: nothing was looked up in the cache',
  );
});

test('an unreachable or failing cache is never failed: the outages skip the floor', () => {
  const cases: [fault: string, id: string][] = [
    ['killed-mid-build', 'cache-unreachable'], // the service went away during the build
    ['reset-mid-upload', 'cache-unreachable'],
    ['lookup-timed-out', 'cache-timeouts'], // a lookup abandoned after 60 s is a miss
    ['status-500', 'cache-errors'], // lookups answered 500, counted as plain misses
    ['check-write-429', 'read-only-cache'], // the startup write check was refused: not by design
    ['check-write-500', 'read-only-cache'],
    ['check-write-reset', 'read-only-cache'],
  ];
  for (const [name, id] of cases) {
    const { stats, context } = fault(name);
    const { facts, findings } = analyzeStats(stats, context);
    assert.ok(facts.previousRun && facts.inputChanges.length === 0, `${name}: a warm run`);
    const why = skipped(hitRateFloor(facts, findings, 80));
    const finding = findings.find((f) => f.id === id);
    assert.ok(finding, `${name}: ${id} among ${findings.map((f) => f.id).join(', ')}`);
    assert.equal(
      why,
      `min-hit-rate 80 % not applied (hit rate 0.0 %): the cache failed this run: ${finding.title} (${id})`,
      name,
    );
  }
});

test('setup fell back to local disk: the shared cache was never read', () => {
  const { stats, log } = faultRun('refused');
  const setup = setupRecord({
    version: '0.16.0',
    preflight: { ok: false, fallback: false, error: 'Connection refused (os error 111)' },
  });
  assert.ok(setup.preflight.fallback);
  const why = skipped(verdict(stats, warm(stats, { setup, log })));
  assert.match(why, /the cache failed this run: .* \(backend-fallback\)$/);
});

test("counters that are not this job's build are no basis: server-restarted, a foreign server the job named", () => {
  const stats = statsFixture('v0.7.json');
  // Setup saw no server start in the log; the log shows one since: a step restarted the server.
  const restarted = warm(stats, {
    setup: { ...setupRecord({ version: '0.8.2' }), serverLog: { starts: 0, shutdowns: 0, zeroStats: 0 } },
    log: logFacts('real-0.16.0-rust.log'),
  });
  assert.match(skipped(verdict(stats, restarted)), /\(server-restarted\)$/);

  const named = { port: '4226', namedByJob: true };
  const foreign = warm(stats, { setup: { ...setupRecord({ version: '0.8.2' }), foreignServer: named } });
  assert.match(skipped(verdict(stats, foreign)), /\(foreign-server\)$/);
  // A server setup only kept clear of leaves this job's counters its own: the floor applies.
  const apart = warm(stats, {
    setup: { ...setupRecord({ version: '0.8.2' }), foreignServer: { port: '4226' } },
  });
  assert.ok('fail' in verdict(stats, apart));
});

test("what the job's configuration causes still fails: refused writes, a slow cache, read-only as set", () => {
  // 429s on writes cost the next run's hits, not this one's: the floor applies and names them.
  assert.match(
    failure(verdict(fault('rate-limited-mid-build').stats, fault('rate-limited-mid-build').context)),
    /\(write-errors\)$/,
  );
  assert.match(failure(verdict(fault('latency-2s').stats, fault('latency-2s').context)), /\(slow-cache\)$/);
  // SCCACHE_GHA_RW_MODE=READ_ONLY set by the job: a read-only cache still reads.
  const configured = fault('read-only-configured');
  assert.match(failure(verdict(configured.stats, configured.context)), /\(read-only-cache\)$/);
  // Cache errors at notice severity are sources that failed to preprocess, not the cache.
  const v06 = statsFixture('v0.6.json'); // 1733 hits, 411 misses: 80.8 %
  assert.equal(analyzeStats(v06).findings.find((f) => f.id === 'cache-errors')?.severity, 'notice');
  assert.match(failure(verdict(v06, warm(v06), 90)), /\(cache-errors\)$/);
});

test('a pull request made read-only by setup still has its floor: it reads the default branch', () => {
  const { stats, log } = faultRun('read-only-configured');
  const setup = setupRecord({ version: '0.16.0', event: 'pull_request' });
  assert.ok(setup.readOnly.wanted && setup.readOnly.enforced);
  const context = warm(stats, { setup, log, scope: PULL_REQUEST });
  const { facts } = analyzeStats(stats, context);
  assert.equal(facts.comparedWith?.kind, 'the default branch');
  assert.match(failure(verdict(stats, context)), /^sccache hit rate 0\.0 % is under min-hit-rate 80 %: /);
});

test('the input: a percent from 0 to 100, empty for none; the report ignores what setup refuses', () => {
  assert.deepEqual(parseMinHitRate(''), { off: true });
  assert.deepEqual(parseMinHitRate(' 80 '), { percent: 80 });
  assert.deepEqual(parseMinHitRate('72.5'), { percent: 72.5 });
  assert.deepEqual(parseMinHitRate('80 %'), { percent: 80 });
  assert.deepEqual(parseMinHitRate('0'), { percent: 0 });
  assert.deepEqual(parseMinHitRate('100'), { percent: 100 });
  for (const bad of ['101', '-5', 'eighty', '0.8x', '1e2', '80%%', '.5', 'NaN']) {
    assert.ok('invalid' in parseMinHitRate(bad), bad);
    assert.equal(minHitRate(bad), undefined, `the report reads ${bad} as no floor`);
  }
  assert.equal(minHitRate('80'), 80);
  assert.equal(minHitRate(''), undefined);
});
