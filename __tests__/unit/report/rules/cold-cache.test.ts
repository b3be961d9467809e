// cold-cache: every lookup missed and was written for the next run; the fix depends on where the
// cache lives (the GitHub cache's namespace and scope, a local directory, another store).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeScope, type RunScope } from '../../../../src/github/run-scope.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { renderSummary } from '../../../../src/report/render/summary.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, findingIn, idsOf, setupRecord, total } from './helpers.js';

const ID = 'cold-cache';
const COLD = 'real-0.16.0-rust-cold.json';
// The GitHub cache, first run in its namespace: nothing hit, every miss written.
const ghaCold = edited('newest.json', (d) => {
  d.stats.cache_hits = { counts: {}, adv_counts: {} };
  d.stats.cache_write_errors = 0;
  d.stats.cache_writes = 159;
});
const localPath = (name: string) => /^Local disk: "(.*)"$/.exec(statsDocument(name).cache_location)?.[1];

test('cold-cache: first run; not when reads failed or recaches were forced', () => {
  assert.ok(idsOf('debian-0.4-rust-cold-incremental0.json').includes(ID));
  assert.ok(!idsOf('debian-0.4-rust-warm-after-clean-incremental0.json').includes(ID));
  assert.ok(!idsOf('debian-0.4-c-broken-cache-dir.json').includes(ID));
  assert.ok(!idsOf('debian-0.4-c-forced-recache.json').includes(ID));
  const f = analyzeStats(ghaCold).findings.find((x) => x.id === ID);
  assert.ok(f);
  assert.ok(f.fix.includes(`namespace sccache-v${statsDocument('newest.json').version}`), f.fix);
  assert.match(f.fix, /refs\/pull\/N\/merge/);
});

test('cold-cache: a notice with the numbers of the run', () => {
  const { stats } = statsDocument(COLD);
  const misses = total(stats.cache_misses.counts);
  const f = findingIn(statsFixture(COLD), ID);
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.equal(f.actionable, false);
  assert.equal(f.title, `Cold cache: all ${misses} lookups missed and were written for the next run`);
  assert.equal(f.evidence, `0 hits, ${misses} misses, ${stats.cache_writes} writes, 0 write errors.`);
});

test("cold-cache: the GitHub cache's fix says which refs this run reads and writes", () => {
  const scope: RunScope = {
    event: 'pull_request',
    ref: 'refs/pull/7/merge',
    baseRef: 'main',
    defaultBranch: 'main',
  };
  const f = findingIn(ghaCold, ID, { scope });
  assert.ok(f);
  assert.ok(f.fix.includes(`# Here ${describeScope(scope)}.\n`), f.fix);
  assert.match(f.fix, /reads entries of refs\/pull\/7\/merge, refs\/heads\/main/);
  assert.match(f.fix, /on:\n {2}push:\n {4}branches: \[main\]$/);
  assert.doesNotMatch(findingIn(ghaCold, ID)?.fix ?? '', /# Here /);
});

test('cold-cache: a local cache without sccache-guard is told to keep SCCACHE_DIR (backend: local)', () => {
  const path = localPath(COLD);
  assert.ok(path);
  const f = findingIn(statsFixture(COLD), ID);
  assert.ok(f);
  assert.ok(f.fix.startsWith(`# ${path} started empty: let sccache-guard keep it between runs\n`), f.fix);
  assert.ok(f.fix.endsWith(USE_LOCAL_BACKEND), f.fix);
});

test("cold-cache: with setup's local backend, why the restored archive did not help", () => {
  const { version } = statsDocument(COLD);
  const path = localPath(COLD);
  const firstRun = setupRecord({
    version,
    inputs: { backend: 'local' },
    restoreNote: 'no earlier archive of this job',
  });
  const f = findingIn(statsFixture(COLD), ID, { setup: firstRun });
  assert.ok(f);
  assert.ok(f.fix.startsWith(`# ${path} started empty: no earlier archive of this job.\n`), f.fix);
  assert.ok(!f.fix.includes(USE_LOCAL_BACKEND), 'already on the local backend');
  const restored = setupRecord({ version, inputs: { backend: 'local' } });
  assert.ok(restored.localCache?.restoredKey);
  const g = findingIn(statsFixture(COLD), ID, { setup: restored });
  assert.match(g?.fix ?? '', /started empty: the restored archive had none of these objects\./);
});

test('cold-cache: another store is most likely just its first run', () => {
  const onS3 = edited(COLD, (d) => {
    d.cache_location = 's3, name: team-bucket, prefix: /';
  });
  assert.match(findingIn(onS3, ID)?.fix ?? '', /^# Nothing to fix if this is the first run in this cache/);
});

test('cold-cache: silent with any hit, write errors, timeouts, or misses left unwritten', () => {
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
  const variants: Record<string, (d: Record<string, any>) => void> = {
    'a write error': (d) => {
      d.stats.cache_write_errors = 1;
    },
    'a timeout': (d) => {
      d.stats.cache_timeouts = 1;
    },
    'fewer writes than 90 % of the misses': (d) => {
      d.stats.cache_writes = Math.floor(0.9 * total(d.stats.cache_misses.counts)) - 1;
    },
  };
  for (const [why, edit] of Object.entries(variants)) {
    assert.equal(findingIn(edited(COLD, edit), ID), undefined, why);
  }
});

test('cold-cache: the first run of a job on the default branch has nothing to fix, and the summary no Fix line', () => {
  const scope: RunScope = { event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' };
  const f = findingIn(ghaCold, ID, { scope });
  assert.ok(f);
  assert.equal(f.fix, '');
  assert.match(
    f.title,
    /^Cold first run on refs\/heads\/main: the next run reads the \d+ objects this one wrote$/,
  );
  const { facts, findings } = analyzeStats(ghaCold, { scope });
  const summary = renderSummary({ facts, findings });
  assert.doesNotMatch(summary, /\*\*Fix:\*\*/);
  // On a feature branch the same cold run still explains scope and namespace.
  const feature = findingIn(ghaCold, ID, { scope: { ...scope, ref: 'refs/heads/topic' } });
  assert.match(feature?.fix ?? '', /# Here /);
});
