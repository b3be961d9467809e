// cache-timeouts: lookups abandoned after sccache's 60 s, each a miss and a minute lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, findingIn, ids, idsOf, total } from './helpers.js';

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
