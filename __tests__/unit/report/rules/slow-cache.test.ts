// slow-cache: the cache took longer per object than compiling it, measured from sccache's own
// durations (hits, writes, compiles) and, from the log, the lookups that missed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLOW_CACHE_MIN_SECONDS } from '../../../../src/report/rules/slow-cache.js';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, faultFinding, faultIds, faultRun, findingIn, ids } from './helpers.js';

const ID = 'slow-cache';
const SLOW = 'latency-2s';
const secs = (d: { secs: number; nanos: number }) => d.secs + d.nanos / 1e9;
const duration = (seconds: number) => ({ secs: Math.floor(seconds), nanos: Math.round((seconds % 1) * 1e9) });

test('slow-cache: 2 s per request during a real build (real sccache 0.16.0 against the emulator)', () => {
  assert.ok(faultIds(SLOW).includes(ID));
  for (const name of ['rate-limited-mid-build', 'killed-mid-build', 'check-write-429']) {
    assert.ok(!faultIds(name).includes(ID), name);
  }
});

test('slow-cache: how much time the cache took, per object against compiling, and what helps', () => {
  const { stats } = JSON.parse(faultRun(SLOW).stats);
  const { log } = faultRun(SLOW);
  const write = secs(stats.cache_write_duration);
  const compile = secs(stats.compiler_write_duration);
  const f = faultFinding(SLOW, ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  const total = write + log.missLookupSeconds;
  assert.equal(
    f.title,
    `The cache took ${total.toFixed(1)} s, longer per object than compiling ` +
      `(${(write / stats.cache_writes).toFixed(1)} s against ${(compile / stats.compilations).toFixed(3)} s)`,
  );
  assert.match(
    f.evidence,
    /^2 writes: \d+\.\d s \(\d\.\d s each\); 2 lookups that missed \(from the log\): 4\.0 s \(2\.0 s each\); compiling: /,
  );
  assert.ok(f.fix.includes(USE_LOCAL_BACKEND), f.fix);
  assert.match(f.fix, /fewer, larger objects/);
});

test('slow-cache: hits that take longer to read than to compile, from the stats alone', () => {
  const warm = statsDocument('real-0.16.0-rust-warm.json').stats;
  assert.ok(warm.compilations === 0, 'a warm run compiles nothing: nothing to compare with');
  const slowHits = edited('real-0.16.0-rust-cold.json', (d) => {
    d.stats.cache_hits.counts = { Rust: 10 };
    d.stats.cache_read_hit_duration = duration(12);
    d.stats.compiler_write_duration = duration(1);
    d.stats.cache_write_duration = duration(0.01);
  });
  const f = findingIn(slowHits, ID);
  assert.ok(f);
  assert.match(
    f.evidence,
    /^reading 10 hits: 12\.0 s \(1\.2 s each\); 2 writes: 0\.010 s \(0\.005 s each\); compiling: 0\.500 s per compilation/,
  );
  // Hits that read quicker than compiling are the cache doing its job, however many.
  const fastHits = edited('real-0.16.0-rust-cold.json', (d) => {
    d.stats.cache_hits.counts = { Rust: 100 };
    d.stats.cache_read_hit_duration = duration(20);
    d.stats.compiler_write_duration = duration(2);
  });
  assert.ok(!ids(fastHits).includes(ID));
});

test(`slow-cache: silent under ${SLOW_CACHE_MIN_SECONDS} s in the cache, on healthy runs, and without compile times`, () => {
  const small = edited('real-0.16.0-rust-cold.json', (d) => {
    d.stats.cache_write_duration = duration(SLOW_CACHE_MIN_SECONDS - 0.5);
  });
  assert.ok(!ids(small).includes(ID));
  const enough = edited('real-0.16.0-rust-cold.json', (d) => {
    d.stats.cache_write_duration = duration(SLOW_CACHE_MIN_SECONDS + 0.5);
  });
  assert.ok(ids(enough).includes(ID));
  for (const name of [
    'real-0.16.0-rust-cold.json',
    'real-0.16.0-rust-warm.json',
    'v0.10.json',
    'v0.14.json',
  ]) {
    assert.equal(findingIn(statsFixture(name), ID), undefined, name);
  }
  // Shape A has no compile time: nothing to compare the cache with.
  assert.equal(findingIn(statsFixture('v0.3.json'), ID), undefined);
});
