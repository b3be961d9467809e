// cache-errors: a notice for cache errors (usually sources that fail to preprocess), a warning
// when they cover every miss, which is what a broken cache looks like.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, faultFinding, faultRun, findingIn, idsOf, total } from './helpers.js';

const ID = 'cache-errors';
const BROKEN = 'debian-0.4-c-broken-cache-dir.json';

test('cache-errors: fires on a broken cache dir, silent on a healthy run', () => {
  assert.ok(idsOf(BROKEN).includes(ID));
  assert.ok(!idsOf('v0.14.json').includes(ID));
});

test('cache-errors: errors on every miss are a warning that reading the cache fails', () => {
  const { stats } = statsDocument(BROKEN);
  const errors = total(stats.cache_errors.counts);
  const misses = total(stats.cache_misses.counts);
  assert.ok(errors >= misses);
  const f = findingIn(statsFixture(BROKEN), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `${errors} cache errors for ${misses} misses: reading the cache fails`);
  const perLanguage = Object.entries(stats.cache_errors.counts)
    .map(([language, n]) => `${language} ${n}`)
    .join(', ');
  assert.equal(
    f.evidence,
    `cache_errors: ${perLanguage}; misses: ${misses}; compile_fails: ${stats.compile_fails}.`,
  );
  assert.match(f.fix, /Cache read error/);
  assert.match(f.fix, /SCCACHE_DIR must be a\n# writable directory/);
});

test('cache-errors: a few errors among many misses are a notice', () => {
  const { stats } = statsDocument('v0.6.json');
  const errors = total(stats.cache_errors.counts);
  assert.ok(errors > 0 && errors < total(stats.cache_misses.counts));
  const f = findingIn(statsFixture('v0.6.json'), ID);
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.equal(f.title, `${errors} cache errors (usually sources that fail to preprocess)`);
  const probe = findingIn(
    edited('v0.14.json', (d) => {
      d.stats.cache_errors.counts = { 'C/C++': 1 };
    }),
    ID,
  );
  assert.equal(probe?.severity, 'notice');
});

test('cache-errors: fires exactly on the fixtures with cache_errors', () => {
  for (const name of statsFixtureNames()) {
    const any = total(statsDocument(name).stats.cache_errors?.counts) > 0;
    assert.equal(idsOf(name).includes(ID), any, name);
  }
});

test('cache-errors: lookups the service failed with a 500, which the stats count as plain misses', () => {
  const { stats } = JSON.parse(faultRun('status-500').stats);
  assert.equal(total(stats.cache_errors.counts), 0, 'sccache counts none of them as a cache error');
  const f = faultFinding('status-500', ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, '2 cache reads failed at the service and counted as misses');
  assert.match(
    f.evidence,
    /^The sccache log shows 2 cache reads that failed: 2 answered HTTP 500 \(a server error\); sccache counts each as a plain miss\. It says: Got unexpected error: Unexpected \(temporary\) at read => \{"code":"internal"/,
  );
  // Reads that got no answer at all are cache-unreachable's.
  assert.equal(faultFinding('killed-mid-build', ID), undefined);
});
