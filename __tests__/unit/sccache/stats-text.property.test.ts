// The text stats reader under random input: (a) a real output pasted in any of the ways people paste
// (an indent, CRLF, a prefix on every line with its own digits, colour codes anywhere, a BOM, log
// lines around) reads to exactly the stats of the clean output; (b) whatever the text, the reader
// gives a model that holds or throws a one-line StatsParseError at `$`, and nothing else. Inputs are
// bounded in size, and the large hostile ones are simply run: a reader that were not linear in
// them would not finish within the test timeout.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeParsed } from '../../../src/report/analyze.js';
import { MAX_LINE_CHARS, parseStatsText } from '../../../src/sccache/stats-text.js';
import { StatsParseError, type SccacheStats } from '../../../src/sccache/stats.js';
import { FIXTURES } from '../../fixtures/index.js';
import { assertCountMapsAndLevels, isCount } from './stats-model-checks.js';

const SEED = 20261126;
const DIR = `${FIXTURES}stats-text/`;
const SOURCES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${DIR}${name}`, 'utf8') }));
const REAL_LINES = [...new Set(SOURCES.flatMap(({ text }) => text.split('\n')))];

// ------------------------------------------------------------------ (a) pastes

const ESCAPES = [
  '\x1b[0m',
  '\x1b[1m',
  '\x1b[1;32m',
  '\x1b[38;5;208m',
  '\x1b[K',
  '\x1b[2K',
  '\x1b[?25l',
  '\x1b]0;sccache\x07',
  '\x1b]8;;https://example.com/x\x1b\\',
  '\x1b(B',
  '\x1b=',
];

/** Lines a log holds around the stats: a command, cargo, the runner; never "Compile requests". */
const LOG_LINES = [
  '$ sccache --show-stats',
  '+ sccache -s',
  'Stopping sccache server...',
  '##[group]Run sccache --show-stats',
  '##[endgroup]',
  '   Compiling serde v1.0.210',
  '    Finished `release` profile [optimized] target(s) in 41.20s',
  'warning: unused import: `std::fmt`',
  ' --> src/main.rs:1:5',
  'Cache saved with key: sccache-Linux-x64-8f14e45f',
  'Run sccache --show-stats',
  '',
];
const INFO_STARTS = ['Cache', 'Base directories', 'Use direct', 'Version (client)', 'Max cache size'];
const surroundingLine = fc.oneof(
  fc.constantFrom(...LOG_LINES),
  fc
    .string({ maxLength: 80 })
    .filter(
      (s) =>
        !s.includes('Compile requests') &&
        !s.includes('  ') &&
        !INFO_STARTS.some((start) => s.trimStart().startsWith(start)),
    ),
);

type Stamp = 'none' | 'github' | 'buildkit' | 'quote' | 'compose' | 'clock';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The prefix of line `i` in a log of style `stamp`; the digits change from line to line. */
function stampOf(stamp: Stamp, base: number, i: number): string {
  const t = base + i * 1_234_567;
  switch (stamp) {
    case 'none':
      return '';
    case 'github':
      return `${new Date(1_700_000_000_000 + (t % 1e11)).toISOString().slice(0, 19)}.${pad(t % 1e7, 7)}Z `;
    case 'buildkit':
      return `#${(base % 40) + 1} ${((base % 10_000) / 1000 + i * 0.731).toFixed(3)} `;
    case 'quote':
      return '> ';
    case 'compose':
      return 'app-1  | ';
    case 'clock':
      return `[${pad(((t / 3600) % 24) | 0, 2)}:${pad(((t / 60) % 60) | 0, 2)}:${pad(t % 60, 2)}] `;
  }
}

const decoration = fc.record({
  indent: fc.integer({ min: 0, max: 8 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  stamp: fc.constantFrom<Stamp>('none', 'github', 'buildkit', 'quote', 'compose', 'clock'),
  base: fc.nat(),
  /** Blank lines of the block lose their trailing blanks (a log viewer trims them). */
  trimBlank: fc.boolean(),
  before: fc.array(surroundingLine, { maxLength: 6 }),
  after: fc.array(surroundingLine, { maxLength: 6 }),
  escapes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...ESCAPES)), { maxLength: 40 }),
});
type Decoration = typeof decoration extends fc.Arbitrary<infer T> ? T : never;

function paste(clean: string, d: Decoration): string {
  const body = clean.replace(/\n$/, '').split('\n');
  const lines = [...d.before, ...body, ...d.after].map((line, i) => {
    const decorated = `${stampOf(d.stamp, d.base, i)}${' '.repeat(d.indent)}${line}`;
    return line === '' && d.trimBlank ? decorated.trimEnd() : decorated;
  });
  // Escapes go between the characters of the line as decorated, never inside one another: the
  // insertion points are taken on the line before any escape, and filled from the end.
  const inserts = d.escapes
    .map(([at, position, escape]) => {
      const i = at % lines.length;
      return { i, p: position % (lines[i]!.length + 1), escape };
    })
    .sort((a, b) => b.p - a.p);
  for (const { i, p, escape } of inserts) lines[i] = `${lines[i]!.slice(0, p)}${escape}${lines[i]!.slice(p)}`;
  return `${d.bom ? '\uFEFF' : ''}${lines.join(d.crlf ? '\r\n' : '\n')}${d.crlf ? '\r\n' : '\n'}`;
}

const CLEAN = new Map(SOURCES.map(({ name, text }) => [name, parseStatsText(text)]));

test('property: every real output, pasted any way, reads to the stats of the clean output', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SOURCES), decoration, ({ name, text }, d) => {
      const pasted = paste(text, d);
      assert.deepStrictEqual(parseStatsText(pasted), CLEAN.get(name), `${name}\n${JSON.stringify(pasted)}`);
    }),
    { seed: SEED, numRuns: 1500 },
  );
});

test('property: the last of several pasted blocks is read, and all are counted', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...SOURCES), { minLength: 1, maxLength: 4 }),
      decoration,
      (sources, d) => {
        const text = sources.map((s) => s.text).join('   Compiling demo v0.1.0\n');
        const last = sources[sources.length - 1]!;
        const stats = parseStatsText(paste(text, d));
        assert.deepStrictEqual(stats, { ...CLEAN.get(last.name)!, blocks: sources.length });
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
});

// ------------------------------------------------------------------ (b) arbitrary text

/** The model, or the StatsParseError; any other exception fails the test. */
function outcome(text: string): SccacheStats | StatsParseError {
  try {
    return parseStatsText(text);
  } catch (error) {
    if (!(error instanceof StatsParseError)) throw error;
    assert.equal(error.path, '$');
    assert.ok(error.message.startsWith('$: '), error.message);
    assert.ok(!error.message.includes('\n'), error.message);
    assert.ok(error.message.length < 400, error.message);
    return error;
  }
}

const isSeconds = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function checkModel(stats: SccacheStats): void {
  assert.equal(stats.form, 'text');
  assert.ok(Number.isInteger(stats.blocks) && stats.blocks >= 1);
  assert.ok(stats.notUnderstood.length <= 101);
  for (const line of stats.notUnderstood) {
    assert.equal(typeof line, 'string');
    assert.ok(line.length < MAX_LINE_CHARS + 200 && !line.includes('\n'), line.slice(0, 80));
  }
  for (const key of [
    'compileRequests',
    'requestsUnsupportedCompiler',
    'requestsNotCompile',
    'requestsNotCacheable',
    'requestsExecuted',
    'cacheTimeouts',
    'nonCacheableCompilations',
    'forcedRecaches',
    'cacheWriteErrors',
    'compileFails',
    'distErrors',
  ] as const) {
    assert.ok(isCount(stats[key]), `${key}: ${stats[key]}`);
  }
  for (const key of ['compilations', 'cacheSize', 'maxCacheSize'] as const) {
    assert.ok(stats[key] === null || isCount(stats[key]), `${key}: ${stats[key]}`);
  }
  assert.equal(stats.cacheWrites, null);
  assert.equal(stats.cacheWriteSeconds, null);
  assert.ok(isSeconds(stats.cacheReadHitSeconds));
  assert.ok(stats.compilerSeconds === null || isSeconds(stats.compilerSeconds));
  assertCountMapsAndLevels(stats);
  const { facts } = analyzeParsed(stats);
  if (facts.hitRate !== null) assert.ok(facts.hitRate >= 0 && facts.hitRate <= 1, String(facts.hitRate));
}

const check = (text: string) => {
  const result = outcome(text);
  if (!(result instanceof StatsParseError)) checkModel(result);
};

/** Pieces stats text is made of, to reach deep into the reader more often than noise does. */
const fragment = fc.oneof(
  fc.constantFrom(...REAL_LINES),
  fc.constantFrom(
    'Compile requests',
    'Cache hits (',
    'Cache hits rate (',
    'Cache location',
    'Non-cacheable reasons:',
    'Successful distributed compiles',
    'Multi-level cache levels',
    '  L0 (disk) hits',
    '  L0 (disk) hit rate',
    '  L1 (s3)',
    'Version (client)',
    'Cache size',
    ' KiB',
    ' bytes',
    ' %',
    ' s',
    '-',
    ')',
    '    ',
    '\n',
    '\r\n',
    '\r',
    '\uFEFF',
    '2024-01-01T00:00:00.0000000Z ',
    '##[group]',
    ...ESCAPES,
    '\x1b[',
    '\x1b]',
  ),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  fc.tuple(fc.nat(99999), fc.nat(999)).map(([s, ms]) => `${s}.${String(ms).padStart(3, '0')}`),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A real output with lines dropped, doubled, swapped or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SOURCES),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('drop', 'double', 'swap', 'replace'),
        fc.array(fragment, { maxLength: 4 }),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([{ text }, edits]) => {
    const lines = text.split('\n');
    for (const [at, edit, pieces] of edits) {
      const i = at % lines.length;
      if (edit === 'drop') lines.splice(i, 1);
      else if (edit === 'double') lines.splice(i, 0, lines[i]!);
      else if (edit === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      else lines[i] = pieces.join('');
      if (lines.length === 0) lines.push('');
    }
    return lines.join('\n');
  });

test('property: arbitrary text gives a model that holds, or a one-line StatsParseError', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.array(fragment, { maxLength: 200 }).map((pieces) => pieces.join('')),
        fc.array(fragment, { maxLength: 60 }).map((pieces) => pieces.join('\n')),
        mutated,
      ),
      check,
    ),
    { seed: SEED, numRuns: 3000 },
  );
});

test('large hostile inputs (bounded) are read or refused like any other', () => {
  const block = SOURCES.find((s) => s.name === 'real-0.16.0-c-mixed.txt')!.text;
  const head = block.slice(0, block.indexOf('Cache location'));
  const inputs = [
    '\n'.repeat(1_000_000),
    '\r'.repeat(1_000_000),
    ' '.repeat(3_000_000),
    '\x1b['.repeat(500_000),
    '\x1b]'.repeat(500_000),
    '\x1b]0;'.repeat(20_000) + 'x'.repeat(1_000_000),
    'Compile requests 1\n'.repeat(100_000),
    `Compile requests ${'9'.repeat(1_000_000)}`,
    `Compile requests${' '.repeat(MAX_LINE_CHARS - 20)}1\n${head}`,
    `${'1 '.repeat(30_000)}Compile requests 1\n${`${'2 '.repeat(30_000)}Cache hits 1\n`.repeat(30)}`,
    `${'7'.repeat(60_000)}Compile requests 1\n${`${'8'.repeat(59_000)}x\n`.repeat(30)}`,
    `${head}${'Cache frobnications 3\n'.repeat(50_000)}`,
    `${head}${Array.from({ length: 50_000 }, (_, i) => `unknown line ${i}`).join('\n')}`,
    `${head}\nNon-cacheable reasons:\n${Array.from({ length: 50_000 }, (_, i) => `reason ${i}   1`).join('\n')}\n\n${block.slice(block.indexOf('Cache location'))}`,
    `${block}${'x\n'.repeat(200_000)}`,
    `${block.replace(/\n$/, '')}\n${'Cache write mode                read-only\n'.repeat(50_000)}`,
    `${head}Cache location   x\n${'\n'.repeat(100_000)}`,
    `Compile requests 1\n${'Cache hits rate (x) 1.00 %\n'.repeat(100_000)}`,
    `Compile requests 1\n${'  L0 (disk) hits 1\n'.repeat(100_000)}`,
    `${'Cache hits '.repeat(6_000)}1\n`.repeat(20),
    `Compile requests 1\n${`${'.'.repeat(MAX_LINE_CHARS)}9 s\n`.repeat(20)}`,
  ];
  for (const input of inputs) {
    assert.ok(input.length <= 4_000_000);
    check(input);
  }
  const many = outcome(`${head}${Array.from({ length: 50_000 }, (_, i) => `unknown line ${i}`).join('\n')}`);
  assert.ok(many instanceof StatsParseError, 'no Cache location: incomplete');
  const noted = outcome(
    `${head}${'Cache frobnications 3\n'.repeat(10)}${block.slice(block.indexOf('Cache location'))}`,
  );
  assert.ok(!(noted instanceof StatsParseError));
  assert.deepStrictEqual(noted.notUnderstood, ['Cache frobnications 3']);
});
