import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectShape, parseStats, StatsParseError } from '../../../src/sccache/stats.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../fixtures/index.js';

// The shape each fixture must be recognised as, from the version that printed it.
function expectedShape(name: string): string {
  if (name.includes('debian-0.4')) return "A'";
  const table: [RegExp, string][] = [
    [/^v0\.3/, 'A'],
    [/^v0\.4/, 'B'],
    [/^v0\.6/, 'C'],
    [/^v0\.7|0\.7\.7|0\.8\./, 'D'],
    [/^v0\.10|0\.9\.|0\.10\./, 'E'],
    [/^v0\.14|0\.14\./, 'F'],
    [/^newest|0\.1[5-9]\./, 'G'],
  ];
  const hit = table.find(([re]) => re.test(name.replace(/^real-/, '')));
  assert.ok(hit, `no expected shape for fixture ${name}`);
  return hit[1];
}

test('every fixture parses, with the shape of the release that printed it', () => {
  const names = statsFixtureNames();
  assert.ok(names.length >= 15, 'fixtures are present');
  for (const name of names) {
    const stats = parseStats(statsFixture(name));
    assert.equal(stats.shape, expectedShape(name), name);
    const doc = statsDocument(name);
    assert.equal(stats.compileRequests, doc.stats.compile_requests, name);
    assert.equal(stats.cacheLocation, doc.cache_location, name);
    assert.equal(stats.version, doc.version ?? null, name);
  }
});

test('sum of not_cached equals requests_not_cacheable in every real fixture', () => {
  for (const name of statsFixtureNames()) {
    const s = parseStats(statsFixture(name));
    const total = Object.values(s.notCached).reduce((a, b) => a + b, 0);
    assert.equal(total, s.requestsNotCacheable, name);
  }
});

test('durations become seconds and version-specific fields are null where absent', () => {
  const v3 = parseStats(statsFixture('v0.3.json'));
  assert.equal(v3.compilerSeconds, null);
  assert.equal(v3.compilations, null);
  assert.equal(v3.basedirs, null);
  const newest = parseStats(statsFixture('newest-multilevel.json'));
  assert.equal(newest.multiLevel?.length, 2);
  assert.equal(newest.multiLevel?.[1]?.writeFailures, 24);
  assert.equal(newest.compilations, 121);
  assert.ok(Math.abs(newest.cacheWriteSeconds! - 0.90211453) < 1e-9);
  assert.deepEqual(newest.basedirs, ['/home/runner/home/runner/work/app/app']);
});

test('unknown extra fields from newer releases are accepted', () => {
  const doc = statsDocument('newest.json');
  doc.some_future_field = { nested: true };
  doc.stats.another_counter = 7;
  assert.equal(parseStats(JSON.stringify(doc)).shape, 'G');
});

function parseError(text: string): StatsParseError {
  try {
    parseStats(text);
  } catch (error) {
    assert.ok(error instanceof StatsParseError, `expected StatsParseError, got ${error}`);
    return error;
  }
  assert.fail('expected a parse error');
}

test('a missing field is an error naming its JSON path', () => {
  const doc = statsDocument('v0.10.json');
  delete doc.stats.cache_writes;
  const error = parseError(JSON.stringify(doc));
  assert.equal(error.path, '$.stats.cache_writes');
  assert.match(error.message, /missing/);
});

test('a wrong type is an error naming its JSON path', () => {
  const doc = statsDocument('v0.14.json');
  doc.stats.cache_hits.counts.Rust = '12';
  const error = parseError(JSON.stringify(doc));
  assert.equal(error.path, '$.stats.cache_hits.counts.Rust');
  assert.match(error.message, /expected number/);
});

test('keys that are not identifiers are quoted in the path', () => {
  const doc = statsDocument('v0.3.json');
  doc.stats.cache_hits.counts['C/C++'] = -1;
  assert.equal(parseError(JSON.stringify(doc)).path, '$.stats.cache_hits.counts["C/C++"]');
});

test('a field added by a release is required once its marker shows that release', () => {
  const doc = statsDocument('newest.json'); // shape G: multi_level present, so basedirs must be too
  delete doc.basedirs;
  assert.equal(parseError(JSON.stringify(doc)).path, '$.basedirs');
});

test('not JSON, truncated, empty, or not an object: errors at $', () => {
  assert.equal(parseError('sccache: error: Server startup failed').path, '$');
  assert.equal(parseError(statsFixture('newest.json').slice(0, 200)).path, '$');
  assert.equal(parseError('  ').path, '$');
  assert.equal(parseError('[1,2]').path, '$');
  assert.equal(parseError('{"stats": 3}').path, '$.stats');
});

test('a document without any release marker names the first bad common field', () => {
  assert.equal(parseError('{"stats":{"compile_requests":"x"}}').path, '$.stats.compile_requests');
  const doc = statsDocument('debian-0.4-rust-cold-incremental0.json');
  delete doc.stats.compiler_write_duration;
  assert.equal(parseError(JSON.stringify(doc)).path, '$.stats.compiler_write_duration');
});

test('detectShape looks at the newest marker first', () => {
  const doc = statsDocument('v0.6.json');
  assert.equal(detectShape(doc), 'C');
  doc.stats.multi_level = null;
  assert.equal(detectShape(doc), 'G');
});

test('languages and reasons named like Object.prototype members keep their counts', async () => {
  const { default: fc } = await import('fast-check');
  const { analyzeStats } = await import('../../../src/report/analyze.js');
  const names = [...Object.getOwnPropertyNames(Object.prototype), 'Rust', 'C/C++'];
  fc.assert(
    fc.property(
      fc.dictionary(fc.constantFrom(...names), fc.nat({ max: 1000 }), { minKeys: 1 }),
      fc.dictionary(fc.constantFrom(...names), fc.nat({ max: 1000 })),
      (hits, misses) => {
        const doc = statsDocument('real-0.16.0-c-mixed.json');
        doc.stats.cache_hits.counts = hits;
        doc.stats.cache_misses.counts = misses;
        doc.stats.not_cached = { ...misses };
        // Through text, as sccache prints it: JSON.parse keeps a "__proto__" key as a key.
        const { facts } = analyzeStats(JSON.stringify(doc));
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        assert.equal(facts.hits, sum(hits));
        assert.equal(facts.misses, sum(misses));
        for (const row of facts.languages) {
          assert.equal(typeof row.hits, 'number', row.language);
          assert.ok(row.hitRate === null || (row.hitRate >= 0 && row.hitRate <= 1), row.language);
        }
      },
    ),
    { seed: 20261125, numRuns: 500 },
  );
});
