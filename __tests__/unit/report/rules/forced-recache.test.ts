// forced-recache: SCCACHE_RECACHE made lookups miss on purpose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { findingIn, idsOf, total } from './helpers.js';

const ID = 'forced-recache';
const FORCED = 'debian-0.4-c-forced-recache.json';

test('forced-recache: fires with SCCACHE_RECACHE, silent on a healthy run', () => {
  assert.ok(idsOf(FORCED).includes(ID));
  assert.ok(!idsOf('v0.14.json').includes(ID));
});

test('forced-recache: the count against the misses, and what to remove', () => {
  const { stats } = statsDocument(FORCED);
  const f = findingIn(statsFixture(FORCED), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.title,
    `${stats.forced_recaches} compilation${stats.forced_recaches === 1 ? '' : 's'} forced to miss by SCCACHE_RECACHE`,
  );
  assert.equal(
    f.evidence,
    `forced_recaches is ${stats.forced_recaches} of ${total(stats.cache_misses.counts)} misses.`,
  );
  assert.match(f.fix, /SCCACHE_RECACHE/);
});

test('forced-recache: fires exactly on the fixtures with forced_recaches', () => {
  for (const name of statsFixtureNames()) {
    const any = (statsDocument(name).stats.forced_recaches ?? 0) > 0;
    assert.equal(idsOf(name).includes(ID), any, name);
  }
});
