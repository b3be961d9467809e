// The stats parser under fuzzing: whatever the text, it either gives a model whose every number is a
// count sccache could print (a whole number from 0 to 2^64−1, held as the nearest double) and whose
// hit rates are in [0, 1] or "-", or it throws a StatsParseError naming a JSON path. Nothing else:
// no TypeError, no NaN, no Infinity, no rate above 100 %.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeParsed } from '../../../src/report/analyze.js';
import {
  normalizeStats,
  parseStats,
  StatsParseError,
  type SccacheStats,
} from '../../../src/sccache/stats.js';
import { formatPercent, hitFraction } from '../../../src/util/percent.js';
import { statsDocument, statsFixtureNames } from '../../fixtures/index.js';
import { assertCountMapsAndLevels, isCount } from './stats-model-checks.js';

const SEED = 20261125;
const U64_MAX = 2n ** 64n - 1n;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const FIXTURES = statsFixtureNames();

type Path = readonly (string | number)[];

/** The parser's own path syntax: `.name` for identifiers, `["C/C++"]` otherwise, `[0]` in arrays. */
const jsonPath = (path: Path): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number'
        ? `${acc}[${key}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
          ? `${acc}.${key}`
          : `${acc}[${JSON.stringify(key)}]`,
    '$',
  );

/** The model, or the StatsParseError; any other exception fails the test. */
function outcome(parse: () => SccacheStats): SccacheStats | StatsParseError {
  try {
    return parse();
  } catch (error) {
    if (error instanceof StatsParseError) {
      assert.ok(error.path.startsWith('$'), error.path);
      assert.ok(error.message.startsWith(`${error.path}: `), error.message);
      assert.doesNotMatch(error.message, /Uncountable/, 'no internal name in a message');
      return error;
    }
    throw error;
  }
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

const inUnitRange = (rate: number | null, what: string) => {
  if (rate === null) return;
  assert.ok(Number.isFinite(rate) && rate >= 0 && rate <= 1, `${what}: hit rate ${rate}`);
  assert.match(formatPercent(rate), /^\d{1,3}\.\d %$/, what);
};

/** Every number of a parsed model is a count (durations: finite seconds), and so is every rate. */
function checkModel(stats: SccacheStats): void {
  for (const [field, value] of Object.entries(stats)) {
    if (typeof value === 'number') {
      if (field.endsWith('Seconds')) assert.ok(Number.isFinite(value) && value >= 0, `${field}: ${value}`);
      else assert.ok(isCount(value), `${field}: ${value}`);
    }
  }
  assertCountMapsAndLevels(stats);
  // The report's own arithmetic, as the summary and the outputs use it.
  const { facts } = analyzeParsed(stats);
  assert.equal(facts.hits, sum(stats.cacheHits));
  assert.equal(facts.misses, sum(stats.cacheMisses));
  for (const total of [facts.hits, facts.misses, facts.lookups, facts.cacheErrors]) {
    assert.ok(Number.isFinite(total) && total >= 0, `total ${total}`);
  }
  inUnitRange(facts.hitRate, 'total');
  for (const row of facts.languages) inUnitRange(row.hitRate, row.language);
  for (const level of facts.levels) {
    inUnitRange(hitFraction(level.stats.hits, level.stats.misses), level.stats.name);
  }
}

// ------------------------------------------------------------------ arbitrary input

test('property: arbitrary JSON, text or values: a model that holds, or a StatsParseError', () => {
  const check = (result: SccacheStats | StatsParseError) => {
    if (!(result instanceof StatsParseError)) checkModel(result);
  };
  fc.assert(
    fc.property(
      fc.oneof(
        fc.jsonValue().map((v) => ({ text: JSON.stringify(v) ?? 'null' })),
        fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text })),
        // A stats-like object around arbitrary values, through text and as a value.
        fc
          .record({ stats: fc.jsonValue({ maxDepth: 3 }), cache_location: fc.jsonValue({ maxDepth: 1 }) })
          .map((v) => ({ text: JSON.stringify(v) })),
        fc.anything().map((value) => ({ value })),
      ),
      (input) => {
        if ('text' in input) check(outcome(() => parseStats(input.text)));
        else check(outcome(() => normalizeStats(input.value)));
      },
    ),
    { seed: SEED, numRuns: 800 },
  );
});

test('nesting thousands deep is a StatsParseError, not a stack overflow', () => {
  for (const depth of [10_000, 200_000]) {
    for (const text of [
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `{"stats":{"compile_requests":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
      `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    ]) {
      const result = outcome(() => parseStats(text));
      assert.ok(result instanceof StatsParseError);
    }
  }
});

// ------------------------------------------------------------------ mutations of real documents

/** Every path in a document, and which of them hold numbers or name a count. */
function paths(doc: unknown) {
  const all: Path[] = [];
  const numbers: Path[] = [];
  const names: { map: Path; key: string }[] = [];
  const walk = (value: unknown, path: Path) => {
    if (path.length > 0) all.push(path);
    if (typeof value === 'number') numbers.push(path);
    if (value === null || typeof value !== 'object') return;
    const countMap =
      path.length > 0 &&
      ['counts', 'adv_counts', 'not_cached', 'dist_compiles'].includes(String(path.at(-1)));
    for (const key of Object.keys(value)) {
      if (countMap) names.push({ map: path, key });
      walk((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(doc, []);
  return { all, numbers, names };
}

const parentOf = (doc: any, path: Path): any => path.slice(0, -1).reduce((v, k) => v[k], doc);

/** The document as text, with `raw` written verbatim (a number JSON.stringify cannot spell) at `path`. */
function withRaw(doc: any, path: Path, raw: string): string {
  const marker = '\u0000raw\u0000';
  parentOf(doc, path)[path.at(-1)!] = marker;
  return JSON.stringify(doc).replace(JSON.stringify(marker), raw);
}

/**
 * The exact value of a JSON number, as a BigInt when it is a whole number, or 'fraction'. Generated
 * exponents stay small, so the BigInts do.
 */
function exactValue(raw: string): bigint | 'fraction' {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  assert.ok(m, raw);
  const fraction = m[3] ?? '';
  const scale = Number(m[4] ?? '0') - fraction.length;
  const mantissa = BigInt(`${m[2]}${fraction}`) * (m[1] === '-' ? -1n : 1n);
  if (scale >= 0) return mantissa * 10n ** BigInt(scale);
  const divisor = 10n ** BigInt(-scale);
  return mantissa % divisor === 0n ? mantissa / divisor : 'fraction';
}

const numberText = fc.oneof(
  fc.constantFrom(
    '18446744073709551615',
    '18446744073709551616',
    '18446744073709551615.0',
    '1.8446744073709551615e19',
    '1.8446744073709551616e19',
    '99999999999999999999',
    '9007199254740993',
    '1e308',
    '1e400',
    '-1e400',
    '1e-400',
    '-1',
    '-0',
    '0e0',
    '0.5',
    '1.0',
    '1.00000000000000000001',
    '1E2',
  ),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  fc.bigInt({ min: U64_MAX - 1000n, max: U64_MAX + 1000n }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: -1n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: -30, max: 30 }))
    .map(([m, e]) => `${m}e${e}`),
);

const otherValue = fc.constantFrom(
  '"12"',
  'true',
  'false',
  'null',
  '[]',
  '{}',
  '"x"',
  '[1]',
  '{"counts":{}}',
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), raw: otherValue }),
  fc.record({ kind: fc.constant('json' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), raw: numberText }),
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), raw: numberText }),
  fc.record({
    kind: fc.constant('rename' as const),
    pick: fc.nat(),
    name: fc.constantFrom(...PROTOTYPE_NAMES),
  }),
);

test('property: a mutated real document parses to sound numbers or fails at a $-path', () => {
  fc.assert(
    fc.property(fc.constantFrom(...FIXTURES), mutation, (fixture, m) => {
      const doc = statsDocument(fixture);
      const { all, numbers, names } = paths(doc);
      switch (m.kind) {
        case 'drop': {
          const path = all[m.pick % all.length]!;
          const parent = parentOf(doc, path);
          if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
          else delete parent[path.at(-1)!];
          const result = outcome(() => parseStats(JSON.stringify(doc)));
          if (!(result instanceof StatsParseError)) checkModel(result);
          return;
        }
        case 'retype':
        case 'json': {
          const path = all[m.pick % all.length]!;
          const raw = m.kind === 'retype' ? m.raw : JSON.stringify(m.value);
          const result = outcome(() => parseStats(withRaw(doc, path, raw)));
          if (!(result instanceof StatsParseError)) checkModel(result);
          return;
        }
        case 'number': {
          // Every number in a real document is a counter the schema checks.
          const path = numbers[m.pick % numbers.length]!;
          const result = outcome(() => parseStats(withRaw(doc, path, m.raw)));
          const exact = exactValue(m.raw);
          const valid = exact !== 'fraction' && exact >= 0n && exact <= U64_MAX;
          if (!valid) {
            assert.ok(result instanceof StatsParseError, `${m.raw} at ${jsonPath(path)} was accepted`);
            assert.equal(result.path, jsonPath(path));
            if (exact !== 'fraction' && exact > U64_MAX) assert.match(result.message, /is above 2\^64−1/);
            return;
          }
          assert.ok(!(result instanceof StatsParseError), `${m.raw} at ${jsonPath(path)}: ${result}`);
          checkModel(result);
          // The model holds the nearest double to the exact count.
          const [map, , name] = path.slice(1);
          if (path[0] === 'stats' && path[2] === 'counts' && typeof name === 'string') {
            const model = { cache_hits: result.cacheHits, cache_misses: result.cacheMisses }[String(map)];
            if (model) assert.equal(model[name], Number(exact));
          }
          if (path.length === 1 && path[0] === 'cache_size') assert.equal(result.cacheSize, Number(exact));
          return;
        }
        case 'rename': {
          if (names.length === 0) return;
          const { map, key } = names[m.pick % names.length]!;
          const parent = parentOf(doc, [...map, key]);
          const renamed = Object.create(null) as Record<string, number>;
          for (const [k, v] of Object.entries(parent)) renamed[k === key ? m.name : k] = v as number;
          parentOf(doc, map)[map.at(-1)!] = renamed;
          const result = outcome(() => parseStats(JSON.stringify(doc)));
          assert.ok(!(result instanceof StatsParseError), `renaming ${key} to ${m.name}: ${result}`);
          checkModel(result);
          const model =
            map.join('.') === 'stats.cache_hits.counts'
              ? result.cacheHits
              : map.join('.') === 'stats.cache_misses.counts'
                ? result.cacheMisses
                : map.join('.') === 'stats.cache_errors.counts'
                  ? result.cacheErrors
                  : map.join('.') === 'stats.not_cached'
                    ? result.notCached
                    : undefined;
          if (model) assert.deepEqual(model, renamed);
          return;
        }
      }
    }),
    { seed: SEED, numRuns: 1200 },
  );
});

// ------------------------------------------------------------------ u64 counters

test('every count up to 2^64−1 parses, to the nearest double; the totals and rates stay sound', () => {
  const u64 = fc.oneof(
    fc.bigInt({ min: 0n, max: U64_MAX }),
    fc.constantFrom(0n, 1n, 2n ** 53n + 1n, U64_MAX - 1n, U64_MAX),
  );
  const languages = fc.uniqueArray(fc.constantFrom('Rust', 'C/C++', 'CUDA', ...PROTOTYPE_NAMES), {
    minLength: 1,
    maxLength: 8,
  });
  fc.assert(
    fc.property(languages, fc.array(fc.tuple(u64, u64), { minLength: 8, maxLength: 8 }), (names, counts) => {
      const doc = statsDocument('real-0.16.0-c-mixed.json');
      const hits: string[] = [];
      const misses: string[] = [];
      names.forEach((name, i) => {
        hits.push(`${JSON.stringify(name)}:${counts[i]![0]}`);
        misses.push(`${JSON.stringify(name)}:${counts[i]![1]}`);
      });
      doc.stats.cache_hits.counts = '\u0000hits\u0000';
      doc.stats.cache_misses.counts = '\u0000misses\u0000';
      const text = JSON.stringify(doc)
        .replace('"\\u0000hits\\u0000"', `{${hits.join(',')}}`)
        .replace('"\\u0000misses\\u0000"', `{${misses.join(',')}}`);
      const stats = parseStats(text);
      names.forEach((name, i) => {
        assert.equal(stats.cacheHits[name], Number(counts[i]![0]), name);
        assert.equal(stats.cacheMisses[name], Number(counts[i]![1]), name);
      });
      checkModel(stats);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

test('2^64−1 is the largest count; 2^64 is an error naming its path and its digits', () => {
  const text = (value: string) =>
    withRaw(statsDocument('v0.14.json'), ['stats', 'cache_hits', 'counts', 'Rust'], value);
  assert.equal(parseStats(text('18446744073709551615')).cacheHits['Rust'], 2 ** 64);
  assert.throws(
    () => parseStats(text('18446744073709551616')),
    (error: unknown) =>
      error instanceof StatsParseError &&
      error.path === '$.stats.cache_hits.counts.Rust' &&
      error.message ===
        '$.stats.cache_hits.counts.Rust: 18446744073709551616 is above 2^64−1, the largest count sccache prints',
  );
  assert.throws(() => parseStats(text('1e308')), /Rust: 1e308 is above 2\^64−1/);
  assert.throws(() => parseStats(text('1.00000000000000000001')), /Rust: expected a whole number/);
  // A million digits: named by their count, not printed.
  assert.throws(() => parseStats(text(`1${'0'.repeat(1_000_000)}`)), /… \(1000001 characters\) is above/);
  const sizes = JSON.stringify({ ...statsDocument('v0.14.json'), cache_size: 1 }).replace(
    '"cache_size":1',
    '"cache_size":18446744073709551616',
  );
  assert.throws(() => parseStats(sizes), /^StatsParseError: \$\.cache_size: 18446744073709551616 is above/);
  // A document that did not come through text (its numbers are doubles already) is checked too.
  const doc = statsDocument('v0.14.json');
  doc.stats.cache_hits.counts.Rust = 1e20;
  assert.throws(() => normalizeStats(doc), /Rust: 100000000000000000000 is above 2\^64−1/);
});

test('a language named __proto__ with 7 hits counts 7', () => {
  const text = withRaw(
    statsDocument('real-0.16.0-rust-warm.json'),
    ['stats', 'cache_hits', 'counts'],
    '{"__proto__":7,"Rust":3}',
  );
  const stats = parseStats(text);
  assert.equal(stats.cacheHits['__proto__'], 7);
  const { facts } = analyzeParsed(stats);
  assert.equal(facts.languages.find((row) => row.language === '__proto__')?.hits, 7);
  assert.equal(facts.hits, 10);
});

test('hit fraction: below 1 with a miss, however large the counts; 99.9 % at most', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 2 ** 64, noNaN: true }),
      fc.double({ min: 0, max: 2 ** 64, noNaN: true }),
      (hits, misses) => {
        const rate = hitFraction(hits, misses);
        if (hits + misses === 0) return assert.equal(rate, null);
        assert.ok(rate !== null && rate >= 0 && rate <= 1);
        if (misses > 0) assert.notEqual(formatPercent(rate), '100.0 %');
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
  assert.equal(formatPercent(hitFraction(2 ** 64, 1)), '99.9 %');
  assert.equal(formatPercent(hitFraction(1e13, 1)), '99.9 %');
  assert.equal(formatPercent(hitFraction(5, 0)), '100.0 %');
  assert.equal(formatPercent(hitFraction(29, 71)), '29.0 %');
});
