// incremental-compilation: rustc calls with -C incremental, which sccache cannot cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { findingIn, idsOf } from './helpers.js';

const ID = 'incremental-compilation';

test('incremental-compilation: counts the incremental calls', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === ID);
  assert.ok(f);
  const count = statsDocument('v0.10.json').stats.not_cached.incremental;
  assert.match(f.title, new RegExp(`^${count} Rust compilations`));
  assert.match(f.fix, /CARGO_INCREMENTAL: "0"/);
  assert.ok(!idsOf('debian-0.4-rust-cold-incremental0.json').includes(ID));
});

test('incremental-compilation: evidence against the compile requests, on a real incremental build', () => {
  const name = 'real-0.16.0-rust-incremental.json';
  const { stats } = statsDocument(name);
  const f = findingIn(statsFixture(name), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.title,
    `${stats.not_cached.incremental} Rust compilations were incremental, which sccache cannot cache`,
  );
  assert.equal(
    f.evidence,
    `${stats.not_cached.incremental} of ${stats.compile_requests} compile requests were refused as \`incremental\` (-C incremental).`,
  );
  assert.equal(f.fix, 'env:\n  CARGO_INCREMENTAL: "0"');
});

test('incremental-compilation: fires exactly on the fixtures with not_cached.incremental', () => {
  for (const name of statsFixtureNames()) {
    const incremental = (statsDocument(name).stats.not_cached?.incremental ?? 0) > 0;
    assert.equal(idsOf(name).includes(ID), incremental, name);
  }
});
