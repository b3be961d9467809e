// The model from one complete block: SccacheStats as the JSON gives it, with the checks that need
// the whole block (hit rates, per-language totals, the number of levels) and its StatsShape.
import { redact } from '../../util/redact.js';
import type { LanguageCounts, LevelStats, SccacheStats, StatsShape } from '../stats.js';
import { note, type Block } from './block.js';
import { REQUIRED_LABELS, type InfoLabel } from './labels.js';
import { languageOfAdvancedKey, PLAIN_LANGUAGES, UNSPLIT_LANGUAGE } from './languages.js';
import { ANCHOR } from './lines.js';
import { rateAgrees, toBytes } from './values.js';

function shapeOfVersion(version: string): StatsShape | undefined {
  const match = /^v?(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(-)?/.exec(version);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = Number(match[3] ?? '0');
  if (major > 0) return 'G';
  if (minor < 4) return 'A';
  if (minor === 4 && patch === 0 && match[4] !== undefined) return "A'"; // 0.4.0-pre.*
  if (minor <= 5) return 'B';
  if (minor === 6 || (minor === 7 && patch === 0)) return 'C';
  if (minor <= 8) return 'D';
  if (minor <= 13) return 'E';
  if (minor === 14) return 'F';
  return 'G';
}

/** Without a readable version: the newest release marker the lines show (SHAPE_RELEASES). */
function shapeOfLines(block: Block): StatsShape {
  if (block.levels.size > 0 || block.counts.has('Multi-level cache levels')) return 'G';
  if (block.info.has('Base directories')) return 'F';
  if (block.counts.has('Compilations')) return 'E';
  if (block.info.has('Use direct/preprocessor mode?') || block.rates.length > 0) return 'D';
  const keys = [...block.perKey.hits.keys(), ...block.perKey.misses.keys(), ...block.perKey.errors.keys()];
  const advanced = keys.some((key) => languageOfAdvancedKey(key) !== undefined && !PLAIN_LANGUAGES.has(key));
  if (advanced) return 'C';
  if (block.info.has('Version (client)')) return 'B';
  if (block.millis.has('Average compiler')) return "A'";
  return 'A';
}

/** The printed rows of one counter, under the JSON `counts` keys (prototype-free, like stats.ts's). */
function languageCounts(block: Block, rows: Map<string, number>, label: string): LanguageCounts {
  const counts = Object.create(null) as Record<string, number>;
  let sum = 0;
  for (const [key, count] of rows) {
    const language = PLAIN_LANGUAGES.has(key) ? key : (languageOfAdvancedKey(key) ?? key);
    counts[language] = (counts[language] ?? 0) + count;
    sum += count;
  }
  const total = block.counts.get(label) ?? 0;
  if (rows.size === 0 && total > 0)
    counts[UNSPLIT_LANGUAGE] = total; // before 0.2.9
  else if (sum !== total) note(block, block.lineOf.get(label) ?? label);
  return counts;
}

const ownCounts = (entries: Map<string, number>): Readonly<Record<string, number>> => {
  const counts = Object.create(null) as Record<string, number>;
  for (const [key, count] of entries) counts[key] = count;
  return counts;
};

/** A duration total from a printed average (ms) × its count. */
const seconds = (millis: number, count: number) => (millis * count) / 1000;

export function toStats(block: Block, blocks: number): SccacheStats {
  const count = (label: string) => block.counts.get(label) ?? 0;
  const hits = languageCounts(block, block.perKey.hits, 'Cache hits');
  const misses = languageCounts(block, block.perKey.misses, 'Cache misses');
  const errors = languageCounts(block, block.perKey.errors, 'Cache errors');
  for (const rate of block.rates) {
    const [h, m] =
      rate.key === null
        ? [count('Cache hits'), count('Cache misses')]
        : [block.perKey.hits.get(rate.key) ?? 0, block.perKey.misses.get(rate.key) ?? 0];
    if (!rateAgrees(rate.value, h, m)) note(block, rate.line);
  }
  for (const rate of block.levelRates) {
    const level = block.levels.get(rate.name)!;
    if (!rateAgrees(rate.value, level.hits, level.misses)) note(block, rate.line);
  }
  const levelCount = block.counts.get('Multi-level cache levels');
  if (levelCount !== undefined && levelCount !== block.levels.size) {
    note(block, block.lineOf.get('Multi-level cache levels')!);
  }
  const version = block.info.get('Version (client)') ?? null;
  const compilations = block.counts.get('Compilations') ?? null;
  const compilerMillis = block.millis.get('Average compiler');
  const basedirs = block.info.get('Base directories');
  const preprocessor = block.info.get('Use direct/preprocessor mode?');
  const size = (label: InfoLabel) => {
    const value = block.info.get(label);
    return value === undefined ? null : toBytes(value)!;
  };
  const hasLevels = block.levels.size > 0 || levelCount !== undefined;
  const notUnderstood = [...block.notUnderstood];
  if (block.overflow > 0) notUnderstood.push(`… and ${block.overflow} more lines not understood`);
  return {
    shape: (version === null ? undefined : shapeOfVersion(version)) ?? shapeOfLines(block),
    form: 'text',
    blocks,
    notUnderstood,
    version,
    compileRequests: count(ANCHOR),
    requestsUnsupportedCompiler: count('Unsupported compiler calls'),
    requestsNotCompile: count('Non-compilation calls'),
    requestsNotCacheable: count('Non-cacheable calls'),
    requestsExecuted: count('Compile requests executed'),
    cacheHits: hits,
    cacheMisses: misses,
    cacheErrors: errors,
    cacheTimeouts: count('Cache timeouts'),
    nonCacheableCompilations: count('Non-cacheable compilations'),
    forcedRecaches: count('Forced recaches'),
    cacheWriteErrors: count('Cache write errors'),
    cacheWrites: null,
    compilations,
    compileFails: count('Compilation failures'),
    notCached: ownCounts(block.notCached),
    distErrors: count('Failed distributed compilations'),
    cacheWriteSeconds: null,
    cacheReadHitSeconds: seconds(block.millis.get('Average cache read hit') ?? 0, count('Cache hits')),
    compilerSeconds:
      compilerMillis === undefined ? null : seconds(compilerMillis, compilations ?? count('Cache misses')),
    multiLevel: hasLevels
      ? [...block.levels.values()].map((level): LevelStats => ({
          name: level.name,
          location: redact(level.location ?? ''),
          hits: level.hits,
          misses: level.misses,
          writes: level.writes,
          writeFailures: level.writeFailures,
          backfillsFrom: level.backfillsFrom,
          backfillsTo: level.backfillsTo,
        }))
      : null,
    // A Redis or WebDAV location carries its password: never let it reach a summary.
    cacheLocation: redact(block.location ?? ''),
    cacheSize: size('Cache size'),
    maxCacheSize: size('Max cache size'),
    usePreprocessorCacheMode: preprocessor === undefined ? null : preprocessor === 'yes',
    basedirs: basedirs === undefined ? null : basedirs === '(none)' ? [] : basedirs.split(', '),
  };
}

/** What an incomplete block lacks: `Cache location` or a row every release prints. */
export function missingOf(block: Block): string | undefined {
  const row = REQUIRED_LABELS.find((label) => !block.counts.has(label) && !block.millis.has(label));
  return row ?? (block.location === undefined ? 'Cache location' : undefined);
}
