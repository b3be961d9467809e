// write-errors: some cache writes failed (all of them is read-only-cache instead).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { formatPercent } from '../../../../src/util/percent.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, faultFinding, faultIds, findingIn, idsOf, logFacts, logLines } from './helpers.js';

const ID = 'write-errors';

test('write-errors: some writes refused, also per level in a multi-level cache', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === ID);
  assert.ok(f);
  const d = statsDocument('v0.10.json').stats;
  assert.match(
    f.title,
    new RegExp(`^${d.cache_write_errors} of ${d.cache_writes + d.cache_write_errors} cache writes failed`),
  );
  const multi = analyzeStats(statsFixture('newest-multilevel.json')).findings.find((x) => x.id === ID);
  assert.ok(multi);
  const level = statsDocument('newest-multilevel.json').stats.multi_level[1];
  const attempted = level.writes + level.write_failures;
  assert.equal(
    multi.title,
    `${level.write_failures} of ${attempted} cache writes to ${level.name} failed ` +
      `(${formatPercent(level.write_failures / attempted)})`,
  );
  assert.ok(
    multi.evidence.startsWith(
      `${level.writes} writes to ${level.name} succeeded and ${level.write_failures} failed`,
    ),
    multi.evidence,
  );
  assert.ok(!idsOf('v0.14.json').includes(ID));
});

test('write-errors: with the GitHub cache, the rate limit and one archive per job', () => {
  const d = statsDocument('v0.10.json').stats;
  const attempted = d.cache_writes + d.cache_write_errors;
  const f = findingIn(statsFixture('v0.10.json'), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.title,
    `${d.cache_write_errors} of ${attempted} cache writes failed (${formatPercent(d.cache_write_errors / attempted)})`,
  );
  assert.match(f.evidence, /The GitHub cache accepts 200 uploads a minute per repository\.$/);
  assert.ok(f.fix.includes(USE_LOCAL_BACKEND), f.fix);
  const multi = findingIn(statsFixture('newest-multilevel.json'), ID);
  assert.ok(multi?.fix.includes(USE_LOCAL_BACKEND), 'the failing level is the GitHub cache');
});

test('write-errors: the 429s the sccache log shows', () => {
  const log = 'real-0.16.0-gha-rate-limited.log';
  const refused = logLines(log, 'Error executing cache write', 'RateLimited').length;
  assert.ok(refused > 0);
  const f = findingIn(statsFixture('v0.10.json'), ID, { log: logFacts(log) });
  assert.ok(f);
  assert.ok(
    f.evidence.includes(` The sccache log shows ${refused} refused with HTTP 429 (rate limited).`),
    f.evidence,
  );
  assert.doesNotMatch(findingIn(statsFixture('v0.10.json'), ID)?.evidence ?? '', /HTTP 429/);
});

test('write-errors: another storage gets the log to read, not GitHub advice', () => {
  const local = edited('v0.14.json', (d) => {
    d.stats.cache_write_errors = 5;
  });
  const { stats } = statsDocument('v0.14.json');
  const f = findingIn(local, ID);
  assert.ok(f);
  assert.match(f.title, new RegExp(`^5 of ${stats.cache_writes + 5} cache writes failed`));
  assert.doesNotMatch(f.evidence, /200 uploads/);
  assert.ok(!f.fix.includes(USE_LOCAL_BACKEND), f.fix);
  assert.match(f.fix, /Error executing cache write/);
});

test('write-errors: silent without write errors, and when every write was refused', () => {
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-cold.json'), ID), undefined);
  assert.ok(idsOf('newest.json').includes('read-only-cache'));
  assert.equal(findingIn(statsFixture('newest.json'), ID), undefined);
});

test('write-errors: every write refused with 429 mid-build is rate limiting, not a read-only cache', () => {
  const found = faultIds('rate-limited-mid-build');
  assert.ok(found.includes(ID));
  assert.ok(!found.includes('read-only-cache'));
  const f = faultFinding('rate-limited-mid-build', ID);
  assert.equal(f?.title, '2 of 2 cache writes failed (100.0 %)');
  assert.match(
    f?.evidence ?? '',
    /The sccache log shows 2 refused with HTTP 429 \(rate limited\)\. The GitHub cache accepts 200 uploads/,
  );
});

test('write-errors: writes the service failed with a 500, quoted, without the upload-limit advice', () => {
  const f = faultFinding('status-500', ID);
  assert.ok(f);
  const line = logLines('real-0.16.0-fault-status-500.log', 'Error executing cache write')[0];
  assert.ok(line?.includes('status: 500'));
  assert.match(
    f.evidence,
    /The sccache log shows 2 answered HTTP 500 \(a server error\)\. It says: Error executing cache write: Unexpected \(temporary\) at write, context: \{…\} => \{"code":"internal","msg":"emulated server error"\}\.$/,
  );
  assert.doesNotMatch(f.evidence, /200 uploads/);
  const some = faultFinding('status-500-30pct', ID);
  assert.match(some?.title ?? '', /^1 of 2 cache writes failed/);
});

test('write-errors: writes that got no answer are cache-unreachable, not refused writes', () => {
  for (const name of ['reset-mid-upload', 'killed-mid-build']) {
    assert.equal(faultFinding(name, ID), undefined, name);
    assert.ok(faultIds(name).includes('cache-unreachable'), name);
  }
});
