// The text stats reader against real outputs: each `real-<ver>-<scenario>.txt` (and `.adv.txt`) was
// printed by the same server at the same moment as its `.json`, so both must give the same facts,
// apart from what the text cannot hold (src/sccache/stats-text.ts, top). Then pastes, non-stats text,
// and lines the reader does not know.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeParsed, analyzeStats } from '../../../src/report/analyze.js';
import {
  isStatsText,
  languageOfAdvancedKey,
  MAX_LINE_CHARS,
  MAX_TEXT_CHARS,
  parseStatsText,
  UNSPLIT_LANGUAGE,
} from '../../../src/sccache/stats-text.js';
import { parseStats, StatsParseError, type SccacheStats } from '../../../src/sccache/stats.js';
import { FIXTURES } from '../../fixtures/index.js';

const DIR = `${FIXTURES}stats-text/`;
const PASTES = `${DIR}pastes/`;
const read = (path: string) => readFileSync(path, 'utf8');
const PAIRS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => f.slice(0, -'.json'.length));
const ROOT = `${FIXTURES}../../`;

/** Fields the text gives exactly as the JSON does. */
const EXACT = [
  'shape',
  'version',
  'compileRequests',
  'requestsUnsupportedCompiler',
  'requestsNotCompile',
  'requestsNotCacheable',
  'requestsExecuted',
  'cacheHits',
  'cacheMisses',
  'cacheErrors',
  'cacheTimeouts',
  'nonCacheableCompilations',
  'forcedRecaches',
  'cacheWriteErrors',
  'compilations',
  'compileFails',
  'notCached',
  'distErrors',
  'multiLevel',
  'cacheLocation',
  'usePreprocessorCacheMode',
  'basedirs',
] as const satisfies readonly (keyof SccacheStats)[];

/** The unit a size was printed in: the largest power of 1024 not above it (bytes below 1024). */
const unitOf = (bytes: number) => 1024 ** Math.max(0, Math.floor(Math.log(bytes) / Math.log(1024)));

function assertSameFacts(text: SccacheStats, json: SccacheStats, what: string) {
  for (const field of EXACT) assert.deepStrictEqual(text[field], json[field], `${what}: ${field}`);
  assert.equal(text.form, 'text', what);
  assert.equal(text.blocks, 1, what);
  assert.deepStrictEqual(text.notUnderstood, [], what);
  assert.equal(text.cacheWrites, null, what);
  assert.equal(text.cacheWriteSeconds, null, what);
  // Durations: the printed average is truncated to the ms, so the total is low by < 1 ms per count.
  const hits = Object.values(json.cacheHits).reduce((a, b) => a + b, 0);
  const misses = Object.values(json.cacheMisses).reduce((a, b) => a + b, 0);
  const within = (actual: number, expected: number, count: number, field: string) =>
    assert.ok(
      actual <= expected + 1e-9 && expected - actual < 0.001 * count + 1e-9,
      `${what}: ${field} ${actual} for ${expected} (count ${count})`,
    );
  within(text.cacheReadHitSeconds, json.cacheReadHitSeconds, hits, 'cacheReadHitSeconds');
  assert.equal(text.compilerSeconds === null, json.compilerSeconds === null, `${what}: compilerSeconds`);
  if (text.compilerSeconds !== null && json.compilerSeconds !== null) {
    within(text.compilerSeconds, json.compilerSeconds, json.compilations ?? misses, 'compilerSeconds');
  }
  // Sizes: rounded to a whole unit.
  for (const field of ['cacheSize', 'maxCacheSize'] as const) {
    const [t, j] = [text[field], json[field]];
    assert.equal(t === null, j === null, `${what}: ${field}`);
    if (t !== null && j !== null) assert.ok(Math.abs(t - j) <= unitOf(j), `${what}: ${field} ${t} for ${j}`);
  }
}

/** The one-line StatsParseError at `$` that `parse` throws. */
function parseError(parse: () => unknown): StatsParseError {
  try {
    parse();
  } catch (error) {
    assert.ok(error instanceof StatsParseError, String(error));
    assert.equal(error.path, '$');
    assert.ok(error.message.startsWith('$: '), error.message);
    assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    return error;
  }
  assert.fail('no StatsParseError');
}

const NO_STATS =
  '$: no "Compile requests" line of sccache --show-stats in the text (expected sccache --show-stats output or its --stats-format json)';

// ------------------------------------------------------------------ real pairs

test('the fixtures are all there: 7 releases × 5 scenarios, adv from 0.7.7', () => {
  assert.equal(PAIRS.length, 35);
  for (const pair of PAIRS) read(`${DIR}${pair}.txt`);
  const adv = readdirSync(DIR).filter((f) => f.endsWith('.adv.txt'));
  assert.equal(adv.length, 25);
});

for (const pair of PAIRS) {
  test(`${pair}: the text gives the JSON's facts`, () => {
    const jsonText = read(`${DIR}${pair}.json`);
    const json = parseStats(jsonText);
    const text = parseStatsText(read(`${DIR}${pair}.txt`));
    assertSameFacts(text, json, `${pair}.txt`);
    assert.equal(analyzeParsed(text).facts.hitRate, analyzeStats(jsonText).facts.hitRate);
  });
  let adv: string | undefined;
  try {
    adv = read(`${DIR}${pair}.adv.txt`);
  } catch {
    continue;
  }
  test(`${pair}: --show-adv-stats gives the JSON's facts (keys mapped to languages)`, () => {
    const jsonText = read(`${DIR}${pair}.json`);
    const text = parseStatsText(adv);
    assertSameFacts(text, parseStats(jsonText), `${pair}.adv.txt`);
    assert.equal(analyzeParsed(text).facts.hitRate, analyzeStats(jsonText).facts.hitRate);
  });
}

test('what --stop-server prints parses: the stats after `Stopping sccache server...`', () => {
  const stop = parseStatsText(read(`${DIR}real-0.16.0-stop-server.txt`));
  assert.deepStrictEqual(stop, parseStatsText(read(`${DIR}real-0.16.0-c-mixed.txt`)));
  assertSameFacts(stop, parseStats(read(`${DIR}real-0.16.0-c-mixed.json`)), 'stop-server');
});

// ------------------------------------------------------------------ pastes

const PASTE_FILES = readdirSync(PASTES).filter((f) => f.endsWith('.txt'));
const PASTE_BLOCKS: Record<string, number> = { 'real-0.9.1-c-mixed--before-after-build.txt': 2 };

test('there are paste fixtures of every kind asked for', () => {
  const kinds = PASTE_FILES.map((f) => f.slice(f.indexOf('--') + 2, -'.txt'.length)).sort();
  assert.deepStrictEqual(kinds, [
    'before-after-build',
    'bom-ansi',
    'ci-shell',
    'docker-buildkit',
    'github-runner',
    'indent-crlf',
    'quoted',
    'terminal',
  ]);
});

for (const file of PASTE_FILES) {
  test(`paste ${file}: the same stats as the clean text`, () => {
    const source = `${file.slice(0, file.indexOf('--'))}.txt`;
    const clean = parseStatsText(read(`${DIR}${source}`));
    const pasted = parseStatsText(read(`${PASTES}${file}`));
    assert.deepStrictEqual(pasted, { ...clean, blocks: PASTE_BLOCKS[file] ?? 1 });
  });
}

test('the pastes hold what they say: CRLF, BOM, escapes, timestamps, group lines', () => {
  const text = (name: string) => read(`${PASTES}${name}`);
  assert.match(text('real-0.16.0-c-mixed--indent-crlf.txt'), /\r\n {4}Compile requests/);
  assert.ok(text('real-0.4.2-c-mixed--bom-ansi.txt').startsWith('\uFEFF'));
  assert.ok(text('real-0.4.2-c-mixed--bom-ansi.txt').includes('\x1b[33m'));
  const runner = text('real-0.10.0-rust-warm--github-runner.txt');
  assert.match(runner, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ##\[group\]Run sccache --show-stats$/m);
  assert.match(runner, /Z ##\[endgroup\]$/m);
  assert.ok(runner.includes('\x1b[1mCompile requests'));
  const stamps = new Set(runner.split('\n').map((l) => l.slice(0, 28)));
  assert.ok(stamps.size > 30, 'each line its own timestamp');
});

// ------------------------------------------------------------------ not stats

test('isStatsText: JSON starts with `{` past blanks and a BOM; anything else is text', () => {
  assert.equal(isStatsText('{"stats":{}}'), false);
  assert.equal(isStatsText('\uFEFF  \r\n\t{"stats":{}}'), false);
  assert.equal(isStatsText(read(`${DIR}real-0.16.0-c-mixed.json`)), false);
  assert.equal(isStatsText(read(`${DIR}real-0.16.0-c-mixed.txt`)), true);
  assert.equal(isStatsText(read(`${PASTES}real-0.4.2-c-mixed--bom-ansi.txt`)), true);
  assert.equal(isStatsText(''), true);
  assert.equal(isStatsText('Stopping sccache server...\n{'), true);
});

test('text without a stats block is a one-line StatsParseError at $', () => {
  const cargoLog = [
    '   Compiling libc v0.2.155',
    '   Compiling demo v0.1.0 (/work/demo)',
    'error[E0425]: cannot find value `compile_requests` in this scope',
    '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 4.12s',
  ].join('\n');
  for (const text of [
    '',
    '   \n\r\n  ',
    '\uFEFF',
    read(`${PASTES}README.md`),
    // Prose about the stats, with any sample's first row cut to its label.
    ...[`${ROOT}README.md`, `${ROOT}docs/stats-text.md`].map((path) =>
      read(path).replace(/Compile requests {2,}\d+/g, 'Compile requests'),
    ),
    cargoLog,
    'Stopping sccache server...\n',
    'sccache: error: Timed out waiting for server startup',
    'Compile requests executed   3\nCache hits   1',
    'Compile requests   12abc',
  ]) {
    assert.equal(parseError(() => parseStatsText(text)).message, NO_STATS, JSON.stringify(text.slice(0, 60)));
  }
});

test('a block cut short is incomplete, named by its first missing line', () => {
  const lines = read(`${DIR}real-0.16.0-c-mixed.txt`).split('\n');
  const cut = ['$ sccache -s', ...lines.slice(0, 5)].join('\n');
  assert.equal(
    parseError(() => parseStatsText(cut)).message,
    '$: incomplete sccache stats: the block that starts at line 2 has no "Cache timeouts" line (expected sccache --show-stats output or its --stats-format json)',
  );
  const noLocation = lines.filter((l) => !l.startsWith('Cache location')).join('\n');
  assert.match(parseError(() => parseStatsText(noLocation)).message, /no "Cache location" line/);
  // A complete block before a cut one is read.
  const twice = `${lines.join('\n')}\n${cut}`;
  const stats = parseStatsText(twice);
  assert.equal(stats.blocks, 2);
  assert.equal(stats.compileRequests, 4);
});

test('input over the cap is refused, naming its size', () => {
  const big = ' '.repeat(MAX_TEXT_CHARS + 1);
  const error = parseError(() => parseStatsText(big));
  assert.match(error.message, /^\$: the text is 16\.0 MiB \(16777217 characters\), more than the 16 MiB/);
});

// ------------------------------------------------------------------ lines inside the block

test('an unknown line inside the block lands in notUnderstood, once, and the rest is read', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const lines = clean.split('\n');
  const odd = 'Cache frobnications                  3';
  const text = [...lines.slice(0, 12), odd, `  ${odd}  `, ...lines.slice(12)].join('\n');
  const stats = parseStatsText(text);
  assert.deepStrictEqual(stats.notUnderstood, [odd]);
  assert.deepStrictEqual({ ...stats, notUnderstood: [] }, parseStatsText(clean));
});

test('lines around the block are not "not understood"', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const text = `hello\nCache frobnications   3\n${clean}Cache frobnications   3\nbye\n`;
  assert.deepStrictEqual(parseStatsText(text), parseStatsText(clean));
});

test('an info line of a later release, and a stray line between info lines, are inside the block', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const future = 'Cache write mode                read-only';
  const stray = 'sccache: warning: something on stderr';
  const text = clean
    .replace('Base directories', `${future}\nBase directories`)
    .replace('Version (client)', `${stray}\nVersion (client)`);
  const stats = parseStatsText(text);
  assert.deepStrictEqual(stats.notUnderstood, [future, stray]);
  assert.deepStrictEqual({ ...stats, notUnderstood: [] }, parseStatsText(clean));
});

test('a hit rate that does not agree with the counts is noted, not fatal', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const text = clean
    .replace('Cache hits rate                   50.00 %', 'Cache hits rate                   60.00 %')
    .replace('Cache hits rate (C/C++)           50.00 %', 'Cache hits rate (C/C++)                 -');
  const stats = parseStatsText(text);
  assert.deepStrictEqual(stats.notUnderstood, [
    'Cache hits rate                   60.00 %',
    'Cache hits rate (C/C++)                 -',
  ]);
  assert.deepStrictEqual({ ...stats, notUnderstood: [] }, parseStatsText(clean));
});

test('a per-language total that does not match its rows is noted', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const stats = parseStatsText(clean.replace('Cache hits                            1', 'Cache hits     7'));
  // The total rate is checked against the printed totals, so it disagrees too.
  assert.deepStrictEqual(stats.notUnderstood, [
    'Cache hits     7',
    'Cache hits rate                   50.00 %',
  ]);
  assert.deepStrictEqual(stats.cacheHits, parseStatsText(clean).cacheHits);
});

test('a line longer than the cap inside the block is noted, shortened', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const long = `Cache hits ${'x'.repeat(MAX_LINE_CHARS)}`;
  const stats = parseStatsText(clean.replace('Cache timeouts', `${long}\nCache timeouts`));
  assert.equal(stats.notUnderstood.length, 1);
  assert.match(stats.notUnderstood[0]!, /^Cache hits x+… \(a line of 65547 characters/);
  assert.ok(stats.notUnderstood[0]!.length < 200);
});

test('a wrong value for a known label is noted; a duplicate row is noted and the first kept', () => {
  const clean = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const text = clean
    .replace(
      'Cache timeouts                        0',
      'Cache timeouts                        0\nCache timeouts   9',
    )
    .replace('Use direct/preprocessor mode?   yes', 'Use direct/preprocessor mode?   maybe');
  const stats = parseStatsText(text);
  assert.deepStrictEqual(stats.notUnderstood, [
    'Cache timeouts   9',
    'Use direct/preprocessor mode?   maybe',
  ]);
  assert.equal(stats.cacheTimeouts, 0);
  assert.equal(stats.usePreprocessorCacheMode, null);
});

// ------------------------------------------------------------------ every release's labels

/** The ```text samples of docs/stats-text.md (made-up values, every group A–L). */
function docSamples(): string[] {
  const doc = read(`${ROOT}docs/stats-text.md`);
  const samples: string[] = [];
  let at = doc.indexOf('```text\n');
  while (at >= 0) {
    const end = doc.indexOf('\n```', at);
    samples.push(doc.slice(at + '```text\n'.length, end + 1));
    at = doc.indexOf('```text\n', end);
  }
  return samples;
}

test('every sample of docs/stats-text.md is read with nothing left not understood', () => {
  const samples = docSamples();
  assert.ok(samples.length >= 12, `${samples.length} samples`);
  for (const sample of samples) {
    const stats = parseStatsText(sample);
    assert.deepStrictEqual(stats.notUnderstood, [], sample.slice(0, 200));
    const sum = (counts: Readonly<Record<string, number>>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    const hitsLine = /^Cache hits +(\d+)$/m.exec(sample)!;
    assert.equal(sum(stats.cacheHits), Number(hitsLine[1]));
  }
});

/** The sample of docs/stats-text.md that follows `heading`. */
const sampleAfter = (heading: string) => {
  const doc = read(`${ROOT}docs/stats-text.md`);
  const from = doc.indexOf('```text\n', doc.indexOf(heading));
  return doc.slice(from + '```text\n'.length, doc.indexOf('\n```', from) + 1);
};

test('group A (0.2.0–0.2.7): no languages, no compiler time, no distributed rows', () => {
  const stats = parseStatsText(sampleAfter('### Group A'));
  assert.equal(stats.shape, 'A');
  assert.equal(stats.version, null);
  assert.deepStrictEqual(stats.cacheHits, Object.assign(Object.create(null), { [UNSPLIT_LANGUAGE]: 64 }));
  assert.deepStrictEqual(stats.cacheMisses, Object.assign(Object.create(null), { [UNSPLIT_LANGUAGE]: 28 }));
  assert.deepStrictEqual(stats.cacheErrors, Object.create(null));
  assert.equal(stats.compilerSeconds, null, '`Average cache read miss` has no field');
  assert.equal(stats.compilations, null);
  assert.equal(stats.distErrors, 0);
  assert.equal(stats.cacheReadHitSeconds, 0.256);
  assert.equal(stats.cacheSize, 1024 ** 3);
  assert.equal(stats.maxCacheSize, 10 * 1024 ** 3);
  assert.equal(stats.usePreprocessorCacheMode, null);
  assert.equal(stats.basedirs, null);
  assert.equal(stats.multiLevel, null);
});

test('groups B–D: the reasons block, the old distributed row and the distributed block', () => {
  const b = parseStatsText(sampleAfter('### Group B'));
  assert.deepStrictEqual({ ...b.notCached }, { '-E': 10, 'multiple input files': 5, 'crate-type': 3 });
  assert.equal(b.shape, 'A');
  const d = parseStatsText(sampleAfter('### Group D'));
  assert.deepStrictEqual(d.notUnderstood, []);
  assert.deepStrictEqual({ ...d.notCached }, { '-E': 10, 'multiple input files': 5, 'crate-type': 3 });
  assert.deepStrictEqual({ ...d.cacheHits }, { 'C/C++': 50, Rust: 14 });
  const e = parseStatsText(sampleAfter('### Group E'));
  assert.equal(e.shape, 'B');
  assert.equal(e.version, '0.5.4');
  assert.deepStrictEqual({ ...e.notCached }, {});
  assert.equal(e.compilerSeconds, 65.66, '`Average compiler` × misses before 0.9.0');
});

test('--show-adv-stats keys are mapped to the languages of --show-stats', () => {
  const f = parseStatsText(sampleAfter('### Group F'));
  assert.equal(f.shape, 'C');
  assert.deepStrictEqual({ ...f.cacheHits }, { 'C/C++': 50, Rust: 14 });
  assert.deepStrictEqual({ ...f.cacheMisses }, { 'C/C++': 20, Rust: 8 });
  const cases: [string, string | undefined][] = [
    ['c [gcc]', 'C/C++'],
    ['c++ [clang]', 'C/C++'],
    ['c/c++ [msvc]', 'C/C++'],
    ['objc++Preprocessed [clang]', 'C/C++'],
    ['c++-module [clang]', 'C/C++'],
    ['cHeader [gcc]', 'C/C++'],
    ['cuda [nvcc]', 'CUDA'],
    ['cuda [cudafe++]', 'CUDA (Device code)'],
    ['ptx [cicc]', 'PTX'],
    ['cubin [ptxas]', 'CUBIN'],
    ['hip [clang]', 'HIP'],
    ['assembler [gcc]', 'Assembler'],
    ['assemblerToPreprocess [clang]', 'Assembler'],
    ['rust', 'Rust'],
    ['rust [gcc]', undefined],
    ['c', undefined],
    ['Rust', undefined],
    ['fortran [gfortran]', undefined],
  ];
  for (const [key, language] of cases) assert.equal(languageOfAdvancedKey(key), language, key);
  // Several compilers of one language add up; an unknown key is kept as printed.
  const text = read(`${DIR}real-0.16.0-c-mixed.adv.txt`).replace(
    'Cache misses (c [gcc])                1',
    'Cache misses (c [gcc])                1\nCache misses (fortran [gfortran])     2\nCache misses (c++ [clang])            3',
  );
  const stats = parseStatsText(text.replace('Cache misses                          1', 'Cache misses     6'));
  assert.deepStrictEqual({ ...stats.cacheMisses }, { 'C/C++': 4, 'fortran [gfortran]': 2 });
});

test('groups G–K: remote cache without sizes, hit rates, compilations, base directories', () => {
  const g = parseStatsText(sampleAfter('### Group G'));
  assert.equal(g.shape, 'D');
  assert.equal(g.cacheLocation, 's3, name: my-bucket, prefix: /sccache/');
  assert.equal(g.usePreprocessorCacheMode, null);
  assert.equal(g.cacheSize, null);
  assert.equal(g.maxCacheSize, null);
  const i = parseStatsText(sampleAfter('### Group I'));
  assert.equal(i.shape, 'E');
  assert.equal(i.compilations, 28);
  assert.equal(i.compilerSeconds, 65.66, '`Average compiler` × compilations');
  const k = parseStatsText(sampleAfter('### Group K'));
  assert.equal(k.shape, 'F');
  assert.deepStrictEqual(k.basedirs, ['/home/user/src', '/tmp/build']);
  assert.equal(k.usePreprocessorCacheMode, false);
});

test('group L: multi-level rows and locations', () => {
  const l = parseStatsText(sampleAfter('Multi-level sample (plain mode)'));
  assert.equal(l.shape, 'G');
  assert.deepStrictEqual(l.notUnderstood, []);
  assert.equal(l.cacheLocation, 'Multi-level (2 levels)');
  assert.deepStrictEqual(l.basedirs, []);
  assert.deepStrictEqual(l.multiLevel, [
    {
      name: 'L0 (disk)',
      location: 'Local disk: "/home/user/.cache/sccache"',
      hits: 40,
      misses: 52,
      writes: 28,
      writeFailures: 0,
      backfillsFrom: 0,
      backfillsTo: 24,
    },
    {
      name: 'L1 (s3)',
      location: 's3, name: my-bucket, prefix: /sccache/',
      hits: 24,
      misses: 28,
      writes: 28,
      writeFailures: 1,
      backfillsFrom: 24,
      backfillsTo: 0,
    },
  ]);
  // A level count or a level hit rate that disagrees is noted.
  const odd = sampleAfter('Multi-level sample (plain mode)')
    .replace('Multi-level cache levels              2', 'Multi-level cache levels              3')
    .replace('  L1 (s3) hit rate                46.15 %', '  L1 (s3) hit rate                 1.00 %');
  assert.deepStrictEqual(parseStatsText(odd).notUnderstood, [
    'L1 (s3) hit rate                 1.00 %',
    'Multi-level cache levels              3',
  ]);
});

test('the shape comes from the version line, else from the lines there are', () => {
  const base = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const withVersion = (version: string) =>
    parseStatsText(
      base.replace('Version (client)                0.16.0', `Version (client)                ${version}`),
    ).shape;
  const cases: [string, string][] = [
    ['0.3.3', 'A'],
    ['0.4.0-pre.6', "A'"],
    ['0.4.0', 'B'],
    ['0.5.4', 'B'],
    ['0.6.0', 'C'],
    ['0.7.0', 'C'],
    ['0.7.1', 'D'],
    ['0.8.2', 'D'],
    ['0.9.0', 'E'],
    ['0.13.0', 'E'],
    ['0.14.0', 'F'],
    ['0.15.0', 'G'],
    ['v0.17.0', 'G'],
    ['1.0.0', 'G'],
    // Unreadable: the lines tell (Base directories is the newest marker here).
    ['unknown', 'F'],
  ];
  for (const [version, shape] of cases) assert.equal(withVersion(version), shape, version);
  const debian = parseStatsText(read(`${DIR}real-debian-0.4-c-mixed.txt`));
  assert.equal(debian.shape, "A'", '`Average compiler` without a version line: 0.4.0-pre');
});

test('keys named like Object.prototype members are counts of their own', () => {
  const base = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const text = base
    .replace('Cache hits (C/C++)                    1', 'Cache hits (__proto__)                1')
    .replace('Cache hits rate (C/C++)           50.00 %\n', '')
    .replace('Cache misses (C/C++)                  1', 'Cache misses (constructor)            1')
    .replace('-E                                    1', 'toString                              1');
  const stats = parseStatsText(text);
  assert.deepStrictEqual(stats.notUnderstood, []);
  assert.equal(Object.getPrototypeOf(stats.cacheHits), null);
  assert.deepStrictEqual(Object.entries(stats.cacheHits), [['__proto__', 1]]);
  assert.deepStrictEqual(Object.entries(stats.cacheMisses), [['constructor', 1]]);
  assert.deepStrictEqual(Object.entries(stats.notCached), [['toString', 1]]);
  assert.equal(stats.cacheErrors['constructor'], undefined);
});

test('a cache location with a password is redacted, as the JSON path does', () => {
  const base = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const text = base.replace(
    /^Cache location .*$/m,
    'Cache location                  Redis: redis://user:hunter2secret@cache.example:6379/0',
  );
  const stats = parseStatsText(text);
  assert.ok(!stats.cacheLocation.includes('hunter2secret'), stats.cacheLocation);
  assert.ok(stats.cacheLocation.startsWith('Redis: redis://'), stats.cacheLocation);
  const doc = JSON.parse(read(`${DIR}real-0.16.0-c-mixed.json`));
  doc.cache_location = 'Redis: redis://user:hunter2secret@cache.example:6379/0';
  assert.equal(stats.cacheLocation, parseStats(JSON.stringify(doc)).cacheLocation);
});

test('an empty cache location and a location that looks like a row are values', () => {
  const base = read(`${DIR}real-0.16.0-c-mixed.txt`);
  const empty = parseStatsText(base.replace(/^Cache location .*$/m, 'Cache location                  '));
  assert.equal(empty.cacheLocation, '');
  assert.deepStrictEqual(empty.notUnderstood, []);
});
