// Parses `sccache --show-stats --stats-format json` from every sccache release since 0.3 into one
// normalized model. The JSON changed shape seven times (`ServerInfo` and `ServerStats` in sccache's src/server.rs,
// release by release; a real output of each is in __tests__/fixtures/stats/); we recognise the
// shape by the fields each release added, then validate the document against that shape's schema so
// that a missing field or a wrong type is reported with its JSON path.
import * as z from 'zod';
import { redact } from '../util/redact.js';

export type StatsShape = 'A' | "A'" | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

/** Which sccache releases print each shape (src/server.rs at each tag; fixtures in __tests__/fixtures/stats/). */
export const SHAPE_RELEASES: Readonly<Record<StatsShape, string>> = {
  A: '0.2.15–0.3.3',
  "A'": '0.4.0-pre.5–pre.6',
  B: '0.4.0–0.5.4',
  C: '0.6.0–0.7.0',
  D: '0.7.1–0.8.2',
  E: '0.9.0–0.13.x',
  F: '0.14.x',
  G: '0.15.0 and newer',
};

/** Per-language counters; keys as sccache prints them ("Rust", "C/C++", …). */
export type LanguageCounts = Readonly<Record<string, number>>;

export interface LevelStats {
  readonly name: string;
  readonly location: string;
  readonly hits: number;
  readonly misses: number;
  readonly writes: number;
  readonly writeFailures: number;
  readonly backfillsFrom: number;
  readonly backfillsTo: number;
}

/** Everything the analysis needs from one stats document, whichever release printed it. */
export interface SccacheStats {
  readonly shape: StatsShape;
  /**
   * What sccache printed: `--stats-format json`, or its human-readable table (stats-text.ts), which
   * leaves some counters out (those are null here) and holds only averages of the durations.
   */
  readonly form: 'json' | 'text';
  /** Text form: the stats blocks the input held (the last is read). 1 for JSON. */
  readonly blocks: number;
  /** Text form: lines inside the block this parser does not know, as printed. [] for JSON. */
  readonly notUnderstood: readonly string[];
  /** The server's version (no leading v), or null before 0.4.0 printed it. */
  readonly version: string | null;
  readonly compileRequests: number;
  readonly requestsUnsupportedCompiler: number;
  readonly requestsNotCompile: number;
  readonly requestsNotCacheable: number;
  readonly requestsExecuted: number;
  readonly cacheHits: LanguageCounts;
  readonly cacheMisses: LanguageCounts;
  readonly cacheErrors: LanguageCounts;
  readonly cacheTimeouts: number;
  readonly nonCacheableCompilations: number;
  readonly forcedRecaches: number;
  readonly cacheWriteErrors: number;
  /** null in the text form, which never prints it. */
  readonly cacheWrites: number | null;
  /** null before 0.9.0, which did not count compilations. */
  readonly compilations: number | null;
  readonly compileFails: number;
  /** not_cached: reason → count. */
  readonly notCached: Readonly<Record<string, number>>;
  readonly distErrors: number;
  /** null in the text form (it prints the average per write, and not the number of writes). */
  readonly cacheWriteSeconds: number | null;
  /** In the text form: the printed average (to the millisecond) times the hits. */
  readonly cacheReadHitSeconds: number;
  /** Time spent compiling; null in shape A, which did not report it. */
  readonly compilerSeconds: number | null;
  readonly multiLevel: readonly LevelStats[] | null;
  readonly cacheLocation: string;
  readonly cacheSize: number | null;
  readonly maxCacheSize: number | null;
  readonly usePreprocessorCacheMode: boolean | null;
  readonly basedirs: readonly string[] | null;
}

/** The document is not sccache stats JSON; `path` is the JSON path of the offending value. */
export class StatsParseError extends Error {
  override readonly name = 'StatsParseError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * A number in the stats text that no count sccache prints can be: an integer above 2^64−1 (sccache's
 * counters are Rust u64), or a fraction that JSON.parse would round to a whole number
 * (1.00000000000000000001, 1e-400). A double cannot tell these from a valid count, so parseStats
 * reads each number's own text and puts this where the number was; the counter schema rejects it
 * with its JSON path and its text.
 */
class UncountableNumber {
  constructor(
    readonly source: string,
    readonly problem: string,
  ) {}
}

const U64_MAX = 2n ** 64n - 1n;
/** 2^64 as a double: 2^64−1 parses to it, so a double above it is above 2^64−1. */
const U64_LIMIT_AS_DOUBLE = 2 ** 64;
const ABOVE_U64 = 'is above 2^64−1, the largest count sccache prints';

/** A number's text, shortened for a message: a hostile document may hold a million digits. */
const shownNumber = (source: string): string =>
  source.length <= 40 ? source : `${source.slice(0, 24)}… (${source.length} characters)`;

const isDigits = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
};

/**
 * Why the JSON number `source` (which JSON.parse read as `value`) cannot be a count, or undefined
 * when its double says everything (a valid count, or a negative or fractional number that the
 * counter schema rejects by its value). Exact: the decimal text is compared with 2^64−1 as a BigInt,
 * and the BigInt is only built when the number has at most 20 digits, so a hostile exponent
 * (1e999999999) costs nothing.
 */
function countProblem(source: string, value: number): string | undefined {
  if (Number.isSafeInteger(value) && isDigits(source)) return undefined; // the common case
  const match = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(source);
  if (!match || value < 0) return undefined; // the schema rejects it by its value
  const fraction = match[2] ?? '';
  const all = `${match[1]!}${fraction}`;
  // Loops, not /0+$/: that pattern is quadratic in a long run of zeros that is not at the end.
  let first = 0;
  while (first < all.length && all[first] === '0') first++;
  if (first === all.length) return undefined; // zero, however written
  let end = all.length;
  while (all[end - 1] === '0') end--;
  const significant = all.slice(first, end);
  // value = significant × 10^scale
  const scale = Number(match[3] ?? '0') - fraction.length + (all.length - end);
  if (scale < 0) {
    return Number.isInteger(value) ? `expected a whole number, got ${shownNumber(source)}` : undefined;
  }
  const above = significant.length + scale > 20 || BigInt(significant) * 10n ** BigInt(scale) > U64_MAX;
  return above ? `${shownNumber(source)} ${ABOVE_U64}` : undefined;
}

/**
 * A Rust u64 counter: a whole number from 0 to 2^64−1. Kept as a JS number: values above 2^53
 * (which no real build reaches) are rounded to the nearest double, and shown as that double; every
 * sum of them stays finite, so every rate computed from them is a number in [0, 1].
 */
const counter = z
  .number({
    error: (issue) => (issue.input instanceof UncountableNumber ? issue.input.problem : undefined),
  })
  .nonnegative()
  .refine(Number.isInteger, 'expected a whole number')
  // Only for documents that did not come through parseStats's text: their numbers are doubles.
  .refine((value) => value <= U64_LIMIT_AS_DOUBLE, {
    error: (issue) => `${String(issue.input)} ${ABOVE_U64}`,
  });
const duration = z.object({ secs: counter, nanos: counter });
const countMap = z.record(z.string(), counter);
const perLanguage = z.object({ counts: countMap });
const perLanguageAdvanced = perLanguage.extend({ adv_counts: countMap });
const levelStats = z.object({
  name: z.string(),
  location: z.string(),
  hits: counter,
  misses: counter,
  writes: counter,
  write_failures: counter,
  backfills_from: counter,
  backfills_to: counter,
  hit_duration: duration,
  write_duration: duration,
});

const statsCommon = {
  compile_requests: counter,
  requests_unsupported_compiler: counter,
  requests_not_compile: counter,
  requests_not_cacheable: counter,
  requests_executed: counter,
  cache_timeouts: counter,
  cache_read_errors: counter,
  non_cacheable_compilations: counter,
  forced_recaches: counter,
  cache_write_errors: counter,
  cache_writes: counter,
  cache_write_duration: duration,
  cache_read_hit_duration: duration,
  compile_fails: counter,
  not_cached: countMap,
  dist_compiles: countMap,
  dist_errors: counter,
};

type Duration = z.infer<typeof duration>;
/** The validated document: what a shape lacks is simply absent (its schema required the rest). */
interface ValidatedDocument {
  stats: z.infer<z.ZodObject<typeof statsCommon>> & {
    cache_errors: { counts: Record<string, number> };
    cache_hits: { counts: Record<string, number> };
    cache_misses: { counts: Record<string, number> };
    compiler_write_duration?: Duration;
    compilations?: number;
    multi_level?: z.infer<typeof levelStats>[] | null;
  };
  cache_location: string;
  cache_size: number | null;
  max_cache_size: number | null;
  version?: string;
  use_preprocessor_cache_mode?: boolean;
  basedirs?: string[];
}

const SHAPE_ORDER: readonly StatsShape[] = ['A', "A'", 'B', 'C', 'D', 'E', 'F', 'G'];
const atLeast = (shape: StatsShape, since: StatsShape) =>
  SHAPE_ORDER.indexOf(shape) >= SHAPE_ORDER.indexOf(since);

/** The schema each shape must satisfy: the fields that shape's releases always print. */
function schemaFor(shape: StatsShape) {
  const languages = atLeast(shape, 'C') ? perLanguageAdvanced : perLanguage;
  const stats = z.object({
    ...statsCommon,
    cache_errors: languages,
    cache_hits: languages,
    cache_misses: languages,
    ...(shape === 'A' ? { cache_read_miss_duration: duration } : { compiler_write_duration: duration }),
    ...(atLeast(shape, 'E') ? { compilations: counter } : {}),
    ...(atLeast(shape, 'G') ? { multi_level: z.array(levelStats).nullable() } : {}),
  });
  return z.object({
    stats,
    cache_location: z.string(),
    cache_size: counter.nullable(),
    max_cache_size: counter.nullable(),
    ...(atLeast(shape, 'B') ? { version: z.string() } : {}),
    ...(atLeast(shape, 'D') ? { use_preprocessor_cache_mode: z.boolean() } : {}),
    ...(atLeast(shape, 'F') ? { basedirs: z.array(z.string()) } : {}),
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof UncountableNumber);

/** Recognises the release family from the fields it added (newest marker first). */
export function detectShape(doc: unknown): StatsShape {
  if (!isObject(doc)) throw new StatsParseError(`$: expected a JSON object, got ${describe(doc)}`, '$');
  const stats = doc['stats'];
  if (!isObject(stats)) {
    throw new StatsParseError(
      `$.stats: expected an object, got ${describe(stats)} (is this sccache --show-stats --stats-format json output?)`,
      '$.stats',
    );
  }
  const hits = stats['cache_hits'];
  if ('multi_level' in stats) return 'G';
  if ('basedirs' in doc) return 'F';
  if ('compilations' in stats) return 'E';
  if ('use_preprocessor_cache_mode' in doc) return 'D';
  if (isObject(hits) && 'adv_counts' in hits) return 'C';
  if ('version' in doc) return 'B';
  if ('compiler_write_duration' in stats) return "A'";
  if ('cache_read_miss_duration' in stats) return 'A';
  // No release marker: report the first common field that is wrong, since that is likelier the
  // real problem (a truncated or hand-edited document) than a missing marker.
  const common = z.object(statsCommon).safeParse(stats);
  if (!common.success) throw issueError(common.error.issues[0]!, ['stats'], 'every release');
  throw new StatsParseError(
    '$.stats.compiler_write_duration: missing (and no cache_read_miss_duration either): not a stats document of any sccache release',
    '$.stats.compiler_write_duration',
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (field missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof UncountableNumber) return 'a number';
  return `a ${typeof value}`;
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number'
        ? `${acc}[${key}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(key))
          ? `${acc}.${String(key)}`
          : `${acc}[${JSON.stringify(String(key))}]`,
    '$',
  );
}

function issueError(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  releases: string,
): StatsParseError {
  const path = jsonPath([...prefix, ...issue.path]);
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  // A number parseStats held back (see UncountableNumber) where no number belongs is a number.
  const message = issue.message.replace(`received ${UncountableNumber.name}`, 'received number');
  return new StatsParseError(
    `${path}: ${missing ? `missing (${releases} always prints it)` : message}`,
    path,
  );
}

const seconds = (d: { secs: number; nanos: number }) => d.secs + d.nanos / 1e9;

/**
 * A count map keyed by names from the build (languages, not_cached reasons), rebuilt from the raw
 * JSON into an object without a prototype: zod's record assigns keys one by one, which turns a key
 * named `__proto__` into a prototype and drops its count, and a normal object answers
 * `counts['constructor']` with a function. Here every key is its own number and nothing else.
 */
function ownCounts(raw: unknown): Readonly<Record<string, number>> {
  const counts = Object.create(null) as Record<string, number>;
  if (raw === null || typeof raw !== 'object') return counts;
  for (const key of Object.keys(raw)) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'number') counts[key] = value;
  }
  return counts;
}

/** The raw object at a path of the parsed JSON (validated already), or undefined. */
const at = (doc: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    doc,
  );

/** Validates a parsed JSON value and normalizes it; throws StatsParseError naming the JSON path. */
export function normalizeStats(doc: unknown): SccacheStats {
  const shape = detectShape(doc);
  const result = schemaFor(shape).safeParse(doc);
  if (!result.success) throw issueError(result.error.issues[0]!, [], `sccache ${SHAPE_RELEASES[shape]}`);
  const d = result.data as ValidatedDocument;
  const s = d.stats;
  return {
    shape,
    form: 'json',
    blocks: 1,
    notUnderstood: [],
    version: d.version ?? null,
    compileRequests: s.compile_requests,
    requestsUnsupportedCompiler: s.requests_unsupported_compiler,
    requestsNotCompile: s.requests_not_compile,
    requestsNotCacheable: s.requests_not_cacheable,
    requestsExecuted: s.requests_executed,
    cacheHits: ownCounts(at(doc, 'stats', 'cache_hits', 'counts')),
    cacheMisses: ownCounts(at(doc, 'stats', 'cache_misses', 'counts')),
    cacheErrors: ownCounts(at(doc, 'stats', 'cache_errors', 'counts')),
    cacheTimeouts: s.cache_timeouts,
    nonCacheableCompilations: s.non_cacheable_compilations,
    forcedRecaches: s.forced_recaches,
    cacheWriteErrors: s.cache_write_errors,
    cacheWrites: s.cache_writes,
    compilations: s.compilations ?? null,
    compileFails: s.compile_fails,
    notCached: ownCounts(at(doc, 'stats', 'not_cached')),
    distErrors: s.dist_errors,
    cacheWriteSeconds: seconds(s.cache_write_duration),
    cacheReadHitSeconds: seconds(s.cache_read_hit_duration),
    compilerSeconds: s.compiler_write_duration ? seconds(s.compiler_write_duration) : null,
    multiLevel: s.multi_level
      ? s.multi_level.map((l) => ({
          name: l.name,
          location: redact(l.location),
          hits: l.hits,
          misses: l.misses,
          writes: l.writes,
          writeFailures: l.write_failures,
          backfillsFrom: l.backfills_from,
          backfillsTo: l.backfills_to,
        }))
      : null,
    // A Redis or WebDAV location carries its password: never let it reach a summary.
    cacheLocation: redact(d.cache_location),
    cacheSize: d.cache_size,
    maxCacheSize: d.max_cache_size,
    usePreprocessorCacheMode: d.use_preprocessor_cache_mode ?? null,
    basedirs: d.basedirs ?? null,
  };
}

/** Parses the text sccache printed. Empty or non-JSON text is a StatsParseError at `$`. */
export function parseStats(text: string): SccacheStats {
  if (text.trim() === '') throw new StatsParseError('$: the stats output is empty', '$');
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''), exactCounts); // PowerShell writes a BOM
  } catch (error) {
    // The reviver walks the parsed value recursively: thousands of nested arrays overflow the
    // stack. sccache's stats nest five levels.
    if (error instanceof RangeError)
      throw new StatsParseError('$: nested too deeply to be sccache stats', '$');
    throw new StatsParseError(`$: not valid JSON (${(error as Error).message})`, '$');
  }
  return normalizeStats(doc instanceof UncountableNumber ? Number(doc.source) : doc);
}

/** JSON.parse's reviver (Node ≥ 21 hands it each primitive's source text): see UncountableNumber. */
function exactCounts(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number' || context?.source === undefined) return value;
  const problem = countProblem(context.source, value);
  if (problem !== undefined) return new UncountableNumber(context.source, problem);
  return value === 0 ? 0 : value; // -0 counts nothing, like 0
}
