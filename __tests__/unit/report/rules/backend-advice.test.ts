// backend-advice: what the other storage would have cost this run, from its own figures (sccache's
// read and write times on the GitHub cache; setup's timed restore on local disk) against the other
// side's estimate; advice only when the other side wins by ADVICE_FACTOR and ADVICE_MIN_SECONDS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  ADVICE_FACTOR,
  ADVICE_MIN_SECONDS,
  ARCHIVE_DOWNLOAD_BYTES_PER_SECOND,
  ARCHIVE_FIXED_SECONDS,
  ARCHIVE_UPLOAD_BYTES_PER_SECOND,
  C_OBJECT_BYTES,
  GHA_MISS_LOOKUP_SECONDS,
  GHA_READ_HIT_SECONDS,
  GHA_WRITE_SECONDS,
} from '../../../../src/report/backend-estimate.js';
import { buildFacts } from '../../../../src/report/facts.js';
import { parseStats } from '../../../../src/sccache/stats.js';
import type { SetupRecord } from '../../../../src/handoff.js';
import { USE_LOCAL_BACKEND } from '../../../../src/report/rules/fixes.js';
import { edited, findingIn, ids, idsOf, logFacts, setupRecord } from './helpers.js';

const ID = 'backend-advice';
const duration = (seconds: number) => ({ secs: Math.floor(seconds), nanos: Math.round((seconds % 1) * 1e9) });
const GHA_LOCATION =
  'ghac, name: 8a6df4cb573bcfbf8c8e0bad63dc2287eedbfcc340fd86fbbdfa3b71d52e1c25, prefix: /sccache/';

/** A C/C++ build on the GitHub cache: `writes` objects stored, `hits` read, with these times. */
function cBuild(o: { hits: number; writes: number; readSeconds: number; writeSeconds: number }): string {
  return edited('real-0.16.0-c-mixed.json', (d) => {
    d.cache_location = GHA_LOCATION;
    d.stats.cache_hits = { counts: o.hits ? { 'C/C++': o.hits } : {}, adv_counts: {} };
    d.stats.cache_misses = { counts: o.writes ? { 'C/C++': o.writes } : {}, adv_counts: {} };
    d.stats.cache_writes = o.writes;
    d.stats.compilations = o.writes;
    d.stats.cache_write_duration = duration(o.writeSeconds);
    d.stats.cache_read_hit_duration = duration(o.readSeconds);
    d.stats.compiler_write_duration = duration(o.writes * 0.05);
  });
}

test('backend-advice: 600 C objects written at 0.1 s each on the GitHub cache: one archive wins, with the figures', () => {
  const stats = cBuild({ hits: 0, writes: 600, readSeconds: 0, writeSeconds: 60 });
  const f = findingIn(stats, ID, { parallelism: 2 });
  assert.ok(f, ids(stats, { parallelism: 2 }).join());
  assert.equal(f.severity, 'notice');
  // Per-object: 60 s of writes + 600 missed lookups of one request each (a write is three), over 2 cores.
  const perObject = (60 + (600 * 0.1) / 3) / 2;
  const bytes = 600 * C_OBJECT_BYTES;
  const archive =
    2 * ARCHIVE_FIXED_SECONDS +
    bytes / ARCHIVE_DOWNLOAD_BYTES_PER_SECOND +
    bytes / ARCHIVE_UPLOAD_BYTES_PER_SECOND;
  assert.equal(
    f.title,
    `One archive per job would likely be faster here: about ${archive.toFixed(2)} s against ${perObject.toFixed(0)} s of per-object cache requests`,
  );
  assert.match(
    f.evidence,
    /^Per-object \(this run\): 80 s in the cache this run \(0 reads, 600 writes, 600 lookups that missed\) over 2 parallel compiles\. /,
  );
  assert.match(
    f.evidence,
    /One archive \(estimated\): one 37\.5 MiB archive \(600 objects at about 64 KiB each\)/,
  );
  assert.match(f.evidence, /600 objects written against GitHub's 200 uploads a minute per repository/);
  assert.ok(f.fix.includes(USE_LOCAL_BACKEND), f.fix);
});

test('backend-advice: a fast GitHub cache, or a small build, keeps it silent', () => {
  // The same 600 objects at 5 ms a write: per-object is the better one.
  assert.ok(
    !ids(cBuild({ hits: 0, writes: 600, readSeconds: 0, writeSeconds: 3 }), { parallelism: 2 }).includes(ID),
  );
  // Slow, but a handful of objects: not worth ADVICE_MIN_SECONDS.
  assert.ok(!ids(cBuild({ hits: 5, writes: 5, readSeconds: 2, writeSeconds: 2 })).includes(ID));
  // More cores spread the same requests thinner: 16 lanes turn 90 s into under 6 s.
  assert.ok(
    !ids(cBuild({ hits: 0, writes: 600, readSeconds: 0, writeSeconds: 60 }), { parallelism: 16 }).includes(
      ID,
    ),
  );
});

test('backend-advice: uploads refused with 429 count as the compiles the next run repeats', () => {
  const stats = cBuild({ hits: 0, writes: 100, readSeconds: 0, writeSeconds: 6 });
  const without = findingIn(stats, ID, { parallelism: 2 });
  assert.equal(without, undefined, '100 objects at 60 ms: per-object holds');
  // A real log of a rate-limited build, with this run's counts.
  const log = {
    ...logFacts('real-0.16.0-fault-check-write-429.log'),
    rateLimitedWrites: 400,
    missLookupSeconds: 5,
    missLookups: 500,
  };
  const slowCompiles = edited('real-0.16.0-c-mixed.json', (d) => {
    d.cache_location = GHA_LOCATION;
    d.stats.cache_misses = { counts: { 'C/C++': 500 }, adv_counts: {} };
    d.stats.cache_writes = 100;
    d.stats.cache_write_errors = 400;
    d.stats.compilations = 500;
    d.stats.cache_write_duration = duration(6);
    d.stats.compiler_write_duration = duration(500 * 0.2);
  });
  const f = findingIn(slowCompiles, ID, { parallelism: 2, log });
  assert.ok(f);
  assert.match(f.evidence, /; 400 uploads refused with 429 will be compiled again next run \(about 40 s\)\./);
});

test('backend-advice: on local disk, a 2 GiB restore for 5 hits loses to per-object storage', () => {
  const setup = localSetup({ restoreSeconds: 60, restoredBytes: 2 * 1024 ** 3 });
  const stats = edited('real-0.16.0-rust-warm.json', (d) => {
    d.stats.cache_hits = { counts: { Rust: 5 }, adv_counts: {} };
    d.stats.cache_misses = { counts: {}, adv_counts: {} };
    d.stats.cache_writes = 0;
  });
  const f = findingIn(stats, ID, { setup, parallelism: 2 });
  assert.ok(f, ids(stats, { setup }).join());
  const perObject = (5 * GHA_READ_HIT_SECONDS) / 2;
  assert.equal(
    f.title,
    `Per-object storage would likely be faster here: about ${perObject.toFixed(2)} s against 60 s moving the archive`,
  );
  assert.equal(
    f.evidence,
    `One archive (this run): 60 s restoring 2048.0 MiB. Per-object (estimated): 5 reads at ${GHA_READ_HIT_SECONDS} s, 0 writes at ${GHA_WRITE_SECONDS} s and 0 lookups at ${GHA_MISS_LOOKUP_SECONDS} s over 2 parallel compiles.`,
  );
  assert.match(f.fix, /backend: gha/);
  // A quick restore, or a job that stores more than a minute's uploads, keeps local disk.
  assert.ok(!ids(stats, { setup: localSetup({ restoreSeconds: 2, restoredBytes: 50e6 }) }).includes(ID));
  const manyWrites = edited('real-0.16.0-rust-warm.json', (d) => {
    d.stats.cache_misses = { counts: { Rust: 300 }, adv_counts: {} };
    d.stats.cache_writes = 300;
  });
  assert.ok(!ids(manyWrites, { setup }).includes(ID));
});

test('backend-advice: silent without a choice to advise on', () => {
  // Local disk that setup did not choose (a fallback, or no setup): no advice.
  assert.ok(!idsOf('real-0.16.0-rust-warm.json').includes(ID));
  // Other stores: S3, Redis, WebDAV are the user's.
  const redis = edited('real-0.16.0-c-mixed.json', (d) => {
    d.cache_location = 'Redis, address: redis://127.0.0.1:6379/, key prefix: ';
    d.stats.cache_misses = { counts: { 'C/C++': 600 }, adv_counts: {} };
    d.stats.cache_writes = 600;
    d.stats.cache_write_duration = duration(600);
  });
  assert.ok(!ids(redis).includes(ID));
});

test('backend-advice: fires exactly when the estimate says the other side wins by the margin', () => {
  fc.assert(
    fc.property(
      fc.nat(2000),
      fc.nat(2000),
      fc.double({ min: 0, max: 600, noNaN: true }),
      fc.double({ min: 0, max: 600, noNaN: true }),
      fc.integer({ min: 1, max: 64 }),
      (hits, writes, readSeconds, writeSeconds, parallelism) => {
        const json = cBuild({ hits, writes, readSeconds, writeSeconds });
        const fired = ids(json, { parallelism }).includes(ID);
        const estimate = buildFacts(parseStats(json), { parallelism }).backendEstimate;
        if (!estimate) return !fired;
        const cost = estimate.perObject.seconds + estimate.refused.seconds;
        const wins =
          cost >= estimate.archive.seconds * ADVICE_FACTOR &&
          cost - estimate.archive.seconds >= ADVICE_MIN_SECONDS;
        return fired === wins && fired === (estimate.recommend === 'local');
      },
    ),
    { numRuns: 200 },
  );
});

function localSetup(restore: { restoreSeconds: number; restoredBytes: number }): SetupRecord {
  const setup = setupRecord({ version: '0.16.0', inputs: { backend: 'local' } });
  return { ...setup, localCache: { ...setup.localCache!, ...restore } };
}
