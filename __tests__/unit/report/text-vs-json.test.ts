// For every sccache release the tests install, the text and the JSON printed by one server at one
// moment (__tests__/fixtures/stats-text/) give the same facts and the same findings, but for the
// rules the text cannot decide (it never prints cache_writes): those are reported as undecided,
// never guessed, and they are the only difference.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeStats } from '../../../src/report/analyze.js';
import { renderSummary } from '../../../src/report/render/summary.js';
import { parseStatsOutput } from '../../../src/sccache/stats-input.js';
import { analyzeParsed } from '../../../src/report/analyze.js';
import { FIXTURES } from '../../fixtures/index.js';

const DIR = `${FIXTURES}stats-text/`;
const PAIRS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const read = (file: string) => readFileSync(`${DIR}${file}`, 'utf8');

/** The facts a reader sees, without what only the JSON form carries. */
function comparable(facts: ReturnType<typeof analyzeStats>['facts']) {
  return {
    hits: facts.hits,
    misses: facts.misses,
    hitRate: facts.hitRate,
    cacheErrors: facts.cacheErrors,
    languages: facts.languages,
    nonCacheable: facts.nonCacheable,
    expectedNonCacheable: facts.expectedNonCacheable,
    fixableNonCacheable: facts.fixableNonCacheable,
    location: facts.location,
    namespace: facts.namespace,
    version: facts.stats.version,
    shape: facts.stats.shape,
    compileRequests: facts.stats.compileRequests,
    requestsNotCacheable: facts.stats.requestsNotCacheable,
    compilations: facts.stats.compilations,
    cacheWriteErrors: facts.stats.cacheWriteErrors,
  };
}

test('every release the tests install has its pairs (0.4.2 to 0.16.0, and Debian’s 0.4)', () => {
  const versions = new Set(PAIRS.map((p) => p.split('-')[1]));
  for (const v of ['0.16.0', '0.10.0', '0.9.1', '0.8.2', '0.7.7', '0.4.2', 'debian'])
    assert.ok(versions.has(v), v);
});

for (const pair of PAIRS) {
  for (const form of ['txt', 'adv.txt']) {
    let text: string;
    try {
      text = read(`${pair}.${form}`);
    } catch {
      continue;
    }
    test(`${pair}.${form}: the same facts and findings as its JSON, but for the undecided`, () => {
      const fromJson = analyzeStats(read(`${pair}.json`));
      const fromText = analyzeParsed(parseStatsOutput(text));
      assert.deepStrictEqual(comparable(fromText.facts), comparable(fromJson.facts));
      assert.deepEqual(fromJson.undecided, [], 'JSON decides every rule');
      const undecided = new Set(fromText.undecided.map((u) => u.id));
      assert.deepEqual(
        [...undecided].sort(),
        ['backend-advice', 'cold-cache', 'read-only-cache', 'write-errors'],
        'only the rules that read cache_writes',
      );
      const decided = (findings: typeof fromJson.findings) =>
        findings
          .filter((f) => !undecided.has(f.id))
          .map(({ id, severity, title, fix }) => ({ id, severity, title, fix }));
      assert.deepStrictEqual(decided(fromText.findings), decided(fromJson.findings));
      // The summary says which were not decided, and why.
      const md = renderSummary({ ...fromText });
      assert.match(
        md,
        /Not decided: `read-only-cache`, `write-errors`, `backend-advice`, `cold-cache`: they need `cache_writes`/,
      );
    });
  }
}
