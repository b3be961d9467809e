// The fuzz campaigns (`npx tsx bench/fuzz.ts`): larger runs of what the property tests in
// __tests__/unit/sccache/stats.property.test.ts, __tests__/unit/util/redact.property.test.ts and
// __tests__/unit/sccache/log-reader.property.test.ts check, counting instead of stopping at the
// first failure, and the time and peak memory of the redactor and the log reader on hostile inputs
// (each in its own process under /usr/bin/time -v). Measures, never asserts; prints a Markdown
// section for bench/RESULTS.md.
//
// Environment: FUZZ_SEED (20261125), FUZZ_STATS (12000 documents), FUZZ_REDACT (2000 cases),
// FUZZ_LOGS (500 logs), FUZZ_LINE_MB (50: the adversarial line for the redactor), FUZZ_LOG_MB (600:
// the single-line log).
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeParsed } from '../src/report/analyze.js';
import { MAX_LINE_BYTES, MAX_LOG_BYTES, readLog, type LogReadLimits } from '../src/sccache/log-reader.js';
import { LogScanner } from '../src/sccache/log-scanner.js';
import { parseStats, StatsParseError, type SccacheStats } from '../src/sccache/stats.js';
import { hitFraction } from '../src/util/percent.js';
import { redact, redactedExcerpt } from '../src/util/redact.js';
import { statsDocument, statsFixtureNames } from '../__tests__/fixtures/index.js';
import { lineBytes, REAL_LOG_LINES, referenceRead } from '../__tests__/fuzz/log-cases.js';

const SELF = fileURLToPath(import.meta.url);
const env = (name: string, fallback: number) =>
  Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const SEED = env('FUZZ_SEED', 20261125);
const STATS_DOCS = env('FUZZ_STATS', 12_000);
const REDACT_CASES = env('FUZZ_REDACT', 2_000);
const LOGS = env('FUZZ_LOGS', 500);
const LINE_MB = env('FUZZ_LINE_MB', 50);
const LOG_MB = env('FUZZ_LOG_MB', 600);
const MB = 1024 * 1024;

/** Adversarial motifs for the redactor: each repeated to one long line. */
const MOTIFS = [
  'a.',
  '@',
  '://',
  '%',
  'a://',
  'a://@@@@',
  'x://@a',
  'redis://u:p@h ',
  '&sig=',
  'x-token: ',
  'bearer ',
  `${'a'.repeat(63)}=`,
];

// ------------------------------------------------------------------ child processes

if (process.argv[2] === '--child') {
  const [what, arg, extra] = process.argv.slice(3);
  const started = performance.now();
  let result: Record<string, unknown> = {};
  if (what === 'redact') {
    const text = arg!.repeat(Math.ceil((Number(extra) * MB) / arg!.length));
    const t0 = performance.now();
    const out = redact(text);
    result = { ms: performance.now() - t0, chars: text.length, outChars: out.length };
  } else if (what === 'log') {
    const limits = { maxLineBytes: MAX_LINE_BYTES, maxBytes: extra ? Number(extra) : MAX_LOG_BYTES };
    const read = await readLog(arg, limits);
    result = {
      ms: performance.now() - started,
      lines: read?.facts.lines,
      writeErrors: read?.facts.writeErrors,
      skippedLines: read?.skippedLines,
      truncated: read?.truncated,
    };
  }
  console.log(JSON.stringify({ ...result, rss: process.memoryUsage().rss }));
  process.exit(0);
}

interface Measured {
  readonly wall: number;
  readonly peakMB: number;
  readonly result: Record<string, number | boolean>;
}

/** One child under /usr/bin/time -v: wall time of the whole process, its peak RSS, its own figures. */
function measure(...args: string[]): Measured {
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, '--import', 'tsx', SELF, '--child', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    },
  );
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(run.stderr)?.[1]?.trim() ?? '';
  const clock = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .map(Number)
    .reduce((acc, part) => acc * 60 + part, 0);
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '{}';
  return {
    wall: clock,
    peakMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    result: run.status === 0 ? JSON.parse(lastLine) : { failed: true, status: run.status ?? -1 },
  };
}

// ------------------------------------------------------------------ stats

const U64_MAX = 2n ** 64n - 1n;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const FIXTURE_NAMES = statsFixtureNames();
type Path = readonly (string | number)[];

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

function paths(doc: unknown) {
  const all: Path[] = [];
  const numbers: Path[] = [];
  const names: { map: Path; key: string }[] = [];
  const walk = (value: unknown, path: Path) => {
    if (path.length > 0) all.push(path);
    if (typeof value === 'number') numbers.push(path);
    if (value === null || typeof value !== 'object') return;
    const countMap = ['counts', 'adv_counts', 'not_cached', 'dist_compiles'].includes(String(path.at(-1)));
    for (const key of Object.keys(value)) {
      if (countMap) names.push({ map: path, key });
      walk((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(doc, []);
  return { all, numbers, names };
}

type Container = Record<string | number, unknown> & unknown[];
const parentOf = (doc: unknown, path: Path): Container =>
  path.slice(0, -1).reduce<unknown>((v, k) => (v as Container)[k], doc) as Container;

function exactValue(raw: string): bigint | 'fraction' {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw)!;
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
    '1.8446744073709551616e19',
    '99999999999999999999',
    '1e308',
    '1e400',
    '-1e400',
    '1e-400',
    '-1',
    '-0',
    '0.5',
    '1.0',
    '1.00000000000000000001',
  ),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  fc.bigInt({ min: U64_MAX - 1000n, max: U64_MAX + 1000n }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: -1n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: -30, max: 30 }))
    .map(([m, e]) => `${m}e${e}`),
);

type Mutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'raw'; pick: number; raw: string }
  | { kind: 'number'; pick: number; raw: string }
  | { kind: 'rename'; pick: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('raw' as const),
    pick: fc.nat(),
    raw: fc.oneof(
      fc.constantFrom('"12"', 'true', 'null', '[]', '{}', '[1]', '{"counts":{}}'),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    ),
  }),
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), raw: numberText }),
  fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), raw: numberText }),
  fc.record({
    kind: fc.constant('rename' as const),
    pick: fc.nat(),
    name: fc.constantFrom(...PROTOTYPE_NAMES),
  }),
);

/** A stats document as text, and what it must give when it parses (or that it must not). */
interface StatsCase {
  readonly text: string;
  /** Numbers written at paths: valid ones must come out as the nearest double, invalid ones refused. */
  readonly numbers: readonly { path: Path; exact: bigint | 'fraction' }[];
}

const RAW = '\u0000raw\u0000';
const at = (doc: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Container)[k] : undefined),
    doc,
  );
/** The numbers of each real document: all of them counters that the parser checks. */
const FIXTURE_NUMBERS = new Map(
  FIXTURE_NAMES.map((name) => [name, new Set(paths(statsDocument(name)).numbers.map(jsonPath))]),
);

function applyMutations(fixture: string, mutations: readonly Mutation[]): StatsCase {
  const doc = statsDocument(fixture);
  const raws: string[] = [];
  const written: { path: Path; raw: number; exact: bigint | 'fraction' }[] = [];
  for (const m of mutations) {
    const { all, numbers: numeric, names } = paths(doc);
    if (all.length === 0) break;
    if (m.kind === 'drop') {
      const path = all[m.pick % all.length]!;
      const parent = parentOf(doc, path);
      if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
      else delete parent[path.at(-1)!];
    } else if (m.kind === 'raw' || m.kind === 'number') {
      const pool = m.kind === 'number' && numeric.length > 0 ? numeric : all;
      const path = pool[m.pick % pool.length]!;
      parentOf(doc, path)[path.at(-1)!] = `${RAW}${raws.length}`;
      if (
        m.kind === 'number' &&
        FIXTURE_NUMBERS.get(fixture)!.has(jsonPath(path)) &&
        !path.includes('adv_counts')
      ) {
        written.push({ path, raw: raws.length, exact: exactValue(m.raw) });
      }
      raws.push(m.raw);
    } else if (names.length > 0) {
      const { map, key } = names[m.pick % names.length]!;
      const renamed = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(parentOf(doc, [...map, key]))) renamed[k === key ? m.name : k] = v;
      parentOf(doc, map)[map.at(-1)!] = renamed;
    }
  }
  // Only the numbers a later mutation did not drop, replace or rename away are checked.
  const numbers = written.filter((w) => at(doc, w.path) === `${RAW}${w.raw}`);
  let text = JSON.stringify(doc);
  raws.forEach((raw, i) => {
    text = text.replace(JSON.stringify(`${RAW}${i}`), raw);
  });
  return { text, numbers };
}

const statsCase: fc.Arbitrary<StatsCase> = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue().map((v) => ({ text: JSON.stringify(v) ?? 'null', numbers: [] })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text, numbers: [] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ stats: fc.jsonValue({ maxDepth: 3 }), cache_location: fc.jsonValue({ maxDepth: 1 }) })
      .map((v) => ({ text: JSON.stringify(v), numbers: [] })),
  },
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.constantFrom(...FIXTURE_NAMES), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([fixture, ms]) => applyMutations(fixture, ms)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.uniqueArray(fc.constantFrom('Rust', 'C/C++', 'CUDA', ...PROTOTYPE_NAMES), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.bigInt({ min: 0n, max: U64_MAX }), { minLength: 16, maxLength: 16 }),
      )
      .map(([names, counts]) => {
        const doc = statsDocument('real-0.16.0-c-mixed.json');
        doc.stats.cache_hits.counts = `${RAW}h`;
        doc.stats.cache_misses.counts = `${RAW}m`;
        const map = (offset: number) =>
          `{${names.map((n, i) => `${JSON.stringify(n)}:${counts[i + offset]}`).join(',')}}`;
        const text = JSON.stringify(doc)
          .replace(JSON.stringify(`${RAW}h`), map(0))
          .replace(JSON.stringify(`${RAW}m`), map(8));
        return {
          text,
          numbers: names.flatMap((n, i) => [
            { path: ['stats', 'cache_hits', 'counts', n], exact: counts[i]! },
            { path: ['stats', 'cache_misses', 'counts', n], exact: counts[i + 8]! },
          ]),
        };
      }),
  },
);

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 64;
const rateOk = (r: number | null) => r === null || (Number.isFinite(r) && r >= 0 && r <= 1);

/** What is wrong with a parsed model: NaN, Infinity, a rate outside [0, 1], a count not as written. */
function nonsense(stats: SccacheStats, c: StatsCase): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(stats)) {
    if (typeof value !== 'number') continue;
    if (field.endsWith('Seconds') ? !(Number.isFinite(value) && value >= 0) : !isCount(value)) {
      problems.push(`${field} = ${value}`);
    }
  }
  for (const map of [stats.cacheHits, stats.cacheMisses, stats.cacheErrors, stats.notCached]) {
    for (const [name, value] of Object.entries(map)) if (!isCount(value)) problems.push(`${name} = ${value}`);
  }
  const models: Record<string, Readonly<Record<string, number>>> = {
    'stats.cache_hits.counts': stats.cacheHits,
    'stats.cache_misses.counts': stats.cacheMisses,
    'stats.cache_errors.counts': stats.cacheErrors,
    'stats.not_cached': stats.notCached,
  };
  for (const { path, exact } of c.numbers) {
    if (exact === 'fraction' || exact < 0n || exact > U64_MAX) {
      problems.push(`${jsonPath(path)}: an invalid count was accepted`);
      continue;
    }
    const model = models[path.slice(0, -1).join('.')];
    const name = String(path.at(-1));
    if (model && model[name] !== Number(exact))
      problems.push(`${jsonPath(path)}: ${exact} became ${model[name]}`);
  }
  const { facts } = analyzeParsed(stats);
  for (const total of [facts.hits, facts.misses, facts.lookups]) {
    if (!Number.isFinite(total)) problems.push(`total ${total}`);
  }
  if (!rateOk(facts.hitRate)) problems.push(`hit rate ${facts.hitRate}`);
  for (const row of facts.languages)
    if (!rateOk(row.hitRate)) problems.push(`${row.language} hit rate ${row.hitRate}`);
  for (const level of facts.levels) {
    if (!rateOk(hitFraction(level.stats.hits, level.stats.misses)))
      problems.push(`level ${level.stats.name}`);
  }
  return problems;
}

function statsCampaign() {
  const started = performance.now();
  let parsed = 0;
  let refused = 0;
  let nonsenseFound = 0;
  let crashes = 0;
  let badErrors = 0;
  const examples: string[] = [];
  for (const c of fc.sample(statsCase, { seed: SEED, numRuns: STATS_DOCS })) {
    try {
      const stats = parseStats(c.text);
      parsed++;
      const problems = nonsense(stats, c);
      if (problems.length > 0) {
        nonsenseFound++;
        if (examples.length < 5) examples.push(`nonsense: ${problems[0]}`);
      }
    } catch (error) {
      if (error instanceof StatsParseError) {
        refused++;
        if (!error.path.startsWith('$') || !error.message.startsWith(`${error.path}: `)) badErrors++;
        // An invalid number refused at the wrong path is also wrong.
      } else {
        crashes++;
        if (examples.length < 5) examples.push(`crash: ${(error as Error).stack?.split('\n')[0]}`);
      }
    }
  }
  return {
    docs: STATS_DOCS,
    parsed,
    refused,
    nonsense: nonsenseFound,
    crashes,
    badErrors,
    examples,
    ms: performance.now() - started,
  };
}

// ------------------------------------------------------------------ redaction

type Part = { readonly text: string } | { readonly secret: string };
const t = (text: string): Part => ({ text });
const s = (secret: string): Part => ({ secret });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (set: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max });
const casing = (name: string) => fc.constantFrom(name, name.toLowerCase(), name.toUpperCase());
const base64Encoded = fc
  .array(fc.oneof(fc.constantFrom(...ALNUM.split('')), fc.constantFrom('%2B', '%2F', '%3D')), {
    minLength: 12,
    maxLength: 60,
  })
  .map((u) => u.join(''));
const base64 = chars(`${ALNUM}+/`, 12, 60).map((b) => `${b}=`);
const hex64 = chars('0123456789abcdef', 64, 64);
const accessKey = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16).map((k) => `AKIA${k}`);
const password = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ALNUM.split('')) },
      {
        weight: 2,
        arbitrary: fc.constantFrom('@', '/', ':', ' ', '!', '#', '$', '&', '(', ')', '+', '=', '~', '.', '-'),
      },
      { weight: 1, arbitrary: fc.constantFrom('%40', '%2F', '%3A', '%20', '%25', '://', ' @') },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((u) => u.join(''));
const host = fc.oneof(
  fc.constantFrom('127.0.0.1', 'localhost', 'redis.internal', '[::1]', 'dav.example.com'),
  chars('abcdefghijklmnopqrstuvwxyz0123456789-', 1, 20).map((h) => `h${h}.example`),
);
const param = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>, base: string) =>
  fc
    .tuple(key, value, fc.constantFrom('?', '?a=1&', '?a=1&amp;'), fc.constantFrom('', '&x=1'))
    .map(([k, v, lead, tail]) => [t(`${base}${lead}${k}=`), s(v), t(tail)]);
const secretItem: fc.Arbitrary<Part[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('redis', 'rediss', 'webdav', 'https', 'memcached'),
        chars(ALNUM, 0, 12),
        password,
        host,
        fc.constantFrom('', ':6379', '/0', ':6379/0'),
      )
      .map(([scheme, user, pw, h, tail]) => [t(`${scheme}://${user}:`), s(pw), t(`@${h}${tail}`)]),
  },
  { weight: 1, arbitrary: param(casing('X-Amz-Signature'), hex64, 'https://b.s3.amazonaws.com/k') },
  { weight: 1, arbitrary: param(casing('X-Amz-Credential'), accessKey, 'https://b.s3.amazonaws.com/k') },
  {
    weight: 1,
    arbitrary: param(casing('X-Amz-Security-Token'), base64Encoded, 'https://b.s3.amazonaws.com/k'),
  },
  { weight: 1, arbitrary: param(casing('X-Goog-Signature'), hex64, 'https://storage.googleapis.com/b/o') },
  {
    weight: 1,
    arbitrary: param(casing('X-Goog-Credential'), base64Encoded, 'https://storage.googleapis.com/b/o'),
  },
  { weight: 1, arbitrary: param(fc.constant('sig'), base64Encoded, 'https://a.blob.core.windows.net/c/b') },
  { weight: 1, arbitrary: param(casing('Signature'), base64Encoded, 'https://b.s3.amazonaws.com/k') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(accessKey, hex64)
      .map(([key, sig]) => [
        t('Authorization: AWS4-HMAC-SHA256 Credential='),
        s(key),
        t('/20261125/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature='),
        s(sig),
      ]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('Bearer', 'bearer', 'Basic', 'token'), chars(`${ALNUM}-_.`, 12, 80))
      .map(([scheme, tok]) => [t(`Authorization: ${scheme} `), s(tok)]),
  },
  {
    weight: 1,
    arbitrary: base64.map((tok) => [t('"x-amz-security-token": "'), s(tok), t('"')]),
  },
);
const surrounding = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(...'a:/@.%=&?# "\'\n-_[]'.split(''), 'redis://', 'x@y.z', 'Bearer '),
    maxLength: 30,
  }),
);
const redactCase = fc.tuple(
  surrounding,
  secretItem,
  fc.constantFrom(' ', '\n', '"', "'", ')', ',', '\t', '>'),
  surrounding,
  fc.nat(),
);

function survivors(parts: readonly Part[], masked: string, output: string): number {
  let found = 0;
  for (const part of parts) {
    if (!('secret' in part)) continue;
    const width = Math.min(6, part.secret.length);
    for (let i = 0; i + width <= part.secret.length; i++) {
      const fragment = part.secret.slice(i, i + width);
      if (!masked.includes(fragment) && output.includes(fragment)) {
        found++;
        break;
      }
    }
  }
  return found;
}

function redactCampaign() {
  const started = performance.now();
  let leaks = 0;
  let crashes = 0;
  let tooLong = 0;
  const examples: string[] = [];
  for (const [before, item, end, rest, cut] of fc.sample(redactCase, { seed: SEED, numRuns: REDACT_CASES })) {
    const parts = [t(before), ...item, t(end), t(rest)];
    const text = parts.map((p) => ('text' in p ? p.text : p.secret)).join('');
    const masked = parts.map((p) => ('text' in p ? p.text : '***')).join('');
    try {
      const max = 1 + (cut % (text.length + 8));
      const out = redact(text);
      const excerpt = redactedExcerpt(text, max);
      if (excerpt.length > max) tooLong++;
      const leaked = survivors(parts, masked, out) + survivors(parts, masked, excerpt);
      if (leaked > 0) {
        leaks++;
        if (examples.length < 5) examples.push(JSON.stringify(out).slice(0, 200));
      }
    } catch (error) {
      crashes++;
      if (examples.length < 5) examples.push(`crash: ${(error as Error).message}`);
    }
  }
  return { cases: REDACT_CASES, leaks, crashes, tooLong, examples, ms: performance.now() - started };
}

// ------------------------------------------------------------------ logs

const logCase = fc
  .constantFrom(16, 100, 4096, MAX_LINE_BYTES)
  .chain((cap) =>
    fc.record({
      cap: fc.constant(cap),
      lines: fc.array(fc.tuple(lineBytes(cap), fc.constantFrom('\n', '\r\n', '\r\r\n')), { maxLength: 40 }),
      finalNewline: fc.boolean(),
      chunkBytes: fc.constantFrom(1, 3, 64, 1000, 256 * 1024),
      cut: fc.option(fc.nat(), { nil: undefined }),
    }),
  )
  .map(({ cap, lines, finalNewline, chunkBytes, cut }) => {
    const bytes = Buffer.concat(
      lines.flatMap(([b, end], i) => (i < lines.length - 1 || finalNewline ? [b, Buffer.from(end)] : [b])),
    );
    const maxBytes = cut === undefined ? 1024 ** 3 : cut % (bytes.length + 2);
    const limits: LogReadLimits = {
      maxLineBytes: cap,
      maxBytes,
      chunkBytes: Math.max(chunkBytes, Math.ceil(bytes.length / 200)),
    };
    return { bytes, limits };
  });

/** The reference model's facts: the lines it keeps, scanned. */
function reference(bytes: Buffer, limits: LogReadLimits) {
  const { kept, skipped, truncated } = referenceRead(bytes, limits);
  const scanner = new LogScanner();
  for (const l of kept) scanner.add(l);
  return { facts: scanner.facts(), skipped, truncated };
}

async function logCampaign(dir: string) {
  const started = performance.now();
  let mismatches = 0;
  let crashes = 0;
  let bytesRead = 0;
  const examples: string[] = [];
  let i = 0;
  for (const { bytes, limits } of fc.sample(logCase, { seed: SEED, numRuns: LOGS })) {
    const path = join(dir, `fuzz-${i++}.log`);
    await writeFile(path, bytes);
    bytesRead += bytes.length;
    try {
      const read = await readLog(path, limits);
      const expected = reference(bytes, limits);
      const same =
        read !== undefined &&
        read.truncated === expected.truncated &&
        read.skippedLines === expected.skipped &&
        JSON.stringify([...read.facts.outcomes], null, 0) === JSON.stringify([...expected.facts.outcomes]) &&
        JSON.stringify({ ...read.facts, outcomes: 0 }) === JSON.stringify({ ...expected.facts, outcomes: 0 });
      if (!same) {
        mismatches++;
        if (examples.length < 5)
          examples.push(`mismatch: ${bytes.length} bytes, limits ${JSON.stringify(limits)}`);
      }
    } catch (error) {
      crashes++;
      if (examples.length < 5) examples.push(`crash: ${(error as Error).message}`);
    }
    await rm(path);
  }
  return { logs: LOGS, bytes: bytesRead, mismatches, crashes, examples, ms: performance.now() - started };
}

// ------------------------------------------------------------------ main

/** A motif for a table cell: `a×63=` rather than 63 a's. */
const shown = (motif: string) =>
  motif.replace(/(.)\1{7,}/g, (run, c: string) => `${c}×${run.length}`).replace(/\|/g, '\\|');
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const say = (line: string) => console.error(`[fuzz] ${line}`);

const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-fuzz-'));
try {
  say(
    `${cpus().length} CPUs, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, load ${loadavg()[0]!.toFixed(2)}, ${process.version}`,
  );
  say(`stats: ${STATS_DOCS} documents`);
  const stats = statsCampaign();
  say(JSON.stringify(stats));
  say(`redaction: ${REDACT_CASES} cases`);
  const red = redactCampaign();
  say(JSON.stringify(red));
  say(`logs: ${LOGS} logs`);
  const logs = await logCampaign(dir);
  say(JSON.stringify(logs));

  const baseline = measure('none');
  say(`baseline process: ${JSON.stringify(baseline)}`);
  const lines = MOTIFS.map((motif) => {
    const m = measure('redact', motif, String(LINE_MB));
    say(`redact ${JSON.stringify(motif)} × ${LINE_MB} MB: ${JSON.stringify(m)}`);
    return { motif, ...m };
  });

  // A log that is one line of LOG_MB MB, then a real line after it, which must still be read.
  const big = join(dir, 'one-line.log');
  const out = createWriteStream(big);
  const block = Buffer.alloc(MB, 'x');
  for (let i = 0; i < LOG_MB; i++) if (!out.write(block)) await once(out, 'drain');
  out.end(`\n${REAL_LOG_LINES.find((l) => l.includes('Error executing cache write')) ?? 'last line'}\n`);
  await once(out, 'finish');
  const oneLine = measure('log', big);
  say(`log, one ${LOG_MB} MB line: ${JSON.stringify(oneLine)}`);
  await rm(big);
  const zero = measure('log', '/dev/zero');
  say(`log, /dev/zero (${MAX_LOG_BYTES / MB} MB cap): ${JSON.stringify(zero)}`);

  const worst = lines.reduce((a, b) => ((b.result['ms'] as number) > (a.result['ms'] as number) ? b : a));
  const heaviest = lines.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
  const L: string[] = [];
  L.push(
    '## Fuzzing',
    '',
    `\`npx tsx bench/fuzz.ts\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}: ${cpus().length} CPUs, ` +
      `Node ${process.version}, seed ${SEED}, load ${loadavg()[0]!.toFixed(2)} at the end. The campaigns ` +
      'are the property tests\u2019 generators run longer, counting failures instead of stopping at the first. ' +
      'Times and peak RSS of the large inputs: each in its own Node process under `/usr/bin/time -v` ' +
      `(a process that only loads the modules: ${baseline.peakMB.toFixed(0)} MB, ${baseline.wall.toFixed(2)} s).`,
    '',
    '| campaign | inputs | parsed / refused | nonsense results | crashes | time |',
    '| --- | --- | --- | --- | --- | --- |',
    `| stats documents (arbitrary JSON, mutated real fixtures, u64 counts) | ${stats.docs} | ${stats.parsed} / ${stats.refused} | ${stats.nonsense} | ${stats.crashes} | ${fmtMs(stats.ms)} |`,
    `| redaction (a secret in arbitrary text; redact and redactedExcerpt) | ${red.cases} | \u2013 | ${red.leaks} secrets survived, ${red.tooLong} excerpts too long | ${red.crashes} | ${fmtMs(red.ms)} |`,
    `| logs (random and real lines, CRLF, invalid UTF-8, lines past the limit, byte limits) | ${logs.logs} (${(logs.bytes / MB).toFixed(1)} MB) | \u2013 | ${logs.mismatches} differ from the reference | ${logs.crashes} | ${fmtMs(logs.ms)} |`,
    '',
    'Nonsense: a NaN or infinite number, a count that is not a whole number from 0 to 2^64\u22121, a ' +
      'count other than the nearest double to the one written, an invalid count accepted, or a hit rate ' +
      `outside [0, 1]. Every refusal was a StatsParseError whose message starts with its \`$\`-path (${stats.badErrors} were not).`,
    '',
    `| large input | result | time in the call | process wall time | peak RSS |`,
    '| --- | --- | --- | --- | --- |',
    ...lines.map(
      (l) =>
        `| redact(): \`${shown(l.motif)}\` repeated to ${LINE_MB} MB | ${l.result['outChars']} characters out | ${fmtMs(l.result['ms'] as number)} | ${l.wall.toFixed(2)} s | ${l.peakMB.toFixed(0)} MB |`,
    ),
    `| readLog(): one ${LOG_MB} MB line, then a write error | ${oneLine.result['lines']} line read, ${oneLine.result['skippedLines']} skipped, ${oneLine.result['writeErrors']} write error | ${fmtMs(oneLine.result['ms'] as number)} | ${oneLine.wall.toFixed(2)} s | ${oneLine.peakMB.toFixed(0)} MB |`,
    `| readLog(): /dev/zero, ${MAX_LOG_BYTES / MB} MB cap | truncated: ${zero.result['truncated']}, ${zero.result['lines']} lines, ${zero.result['skippedLines']} skipped | ${fmtMs(zero.result['ms'] as number)} | ${zero.wall.toFixed(2)} s | ${zero.peakMB.toFixed(0)} MB |`,
    '',
    `Worst redactor time: ${fmtMs(worst.result['ms'] as number)} (\`${shown(worst.motif)}\`); ` +
      `highest peak: ${heaviest.peakMB.toFixed(0)} MB (\`${shown(heaviest.motif)}\`).`,
    '',
  );
  console.log(L.join('\n'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
