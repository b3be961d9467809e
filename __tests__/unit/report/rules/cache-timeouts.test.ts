// cache-timeouts: lookups abandoned after sccache's 60 s, each a miss and a minute lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, faultFinding, faultRun, findingIn, ids, idsOf, total } from './helpers.js';

const ID = 'cache-timeouts';
const timeouts = edited('v0.14.json', (d) => {
  d.stats.cache_timeouts = 3;
});

test('cache-timeouts: fires on timeouts, silent without', () => {
  assert.ok(ids(timeouts).includes(ID));
  assert.ok(!idsOf('v0.14.json').includes(ID));
});

test('cache-timeouts: the count, the misses it is part of, and one archive per job as the fix', () => {
  const { stats } = JSON.parse(timeouts);
  const f = findingIn(timeouts, ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `${stats.cache_timeouts} cache lookups timed out after 60 s`);
  assert.equal(
    f.evidence,
    `cache_timeouts is ${stats.cache_timeouts}; each counted as a miss (of ${total(stats.cache_misses.counts)}) and cost up to a minute.`,
  );
  assert.ok(f.fix.endsWith(USE_LOCAL_BACKEND), f.fix);
});

test('cache-timeouts: fires exactly on the fixtures with cache_timeouts', () => {
  for (const name of statsFixtureNames()) {
    const any = (statsDocument(name).stats.cache_timeouts ?? 0) > 0;
    assert.equal(idsOf(name).includes(ID), any, name);
  }
});

test('cache-timeouts: a real lookup that waited out the 60 s, quoted from the log', () => {
  const f = faultFinding('lookup-timed-out', ID);
  assert.ok(f);
  assert.match(
    f.evidence,
    /^cache_timeouts is 1; each counted as a miss \(of 1\) and cost up to a minute\. The sccache log says: \[unit0\.o\]: Cache timed out 60\.\d{3} s$/,
  );
  // Counters reset since (a later -z): the log still has them.
  const { log } = faultRun('lookup-timed-out');
  const g = findingIn(statsFixture('real-0.16.0-rust-cold.json'), ID, { log });
  assert.match(g?.evidence ?? '', /^The sccache log shows 1 \(the stats, reset since, show none\)/);
});
