import type { Facts } from '../facts.js';
import { counted } from '../../util/words.js';
import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

/** Below this much time in the cache, a slow store is not worth a warning. */
export const SLOW_CACHE_MIN_SECONDS = 5;

const seconds = (s: number): string => `${s < 1 ? s.toFixed(3) : s.toFixed(1)} s`;

interface CacheTime {
  /** Reading the hits (stats), writing the misses (stats), and waiting on lookups that missed (log). */
  readonly parts: readonly { readonly what: string; readonly total: number; readonly each: number }[];
  readonly total: number;
  readonly compile: { readonly total: number; readonly count: number; readonly each: number };
}

/**
 * Where the cache's time went, beside what compiling took. sccache times hits and writes; lookups
 * that missed are timed only in its log ("Cache miss in 0.504 s").
 */
function cacheTime(facts: Facts): CacheTime | undefined {
  const { stats } = facts;
  // Before 0.9 the compile time was summed over misses only, and there was no compilations count.
  const compiles = stats.compilations ?? facts.misses;
  if (stats.compilerSeconds === null || compiles === 0) return undefined;
  const parts = [];
  if (facts.hits > 0 && stats.cacheReadHitSeconds > 0) {
    const total = stats.cacheReadHitSeconds;
    parts.push({ what: `reading ${counted(facts.hits, 'hit')}`, total, each: total / facts.hits });
  }
  // The text form prints neither the writes nor their total time: the reads and the log must do.
  if (stats.cacheWrites && stats.cacheWriteSeconds) {
    const total = stats.cacheWriteSeconds;
    parts.push({ what: counted(stats.cacheWrites, 'write'), total, each: total / stats.cacheWrites });
  }
  const log = facts.log;
  if (log && log.missLookups > 0 && log.missLookupSeconds > 0) {
    const total = log.missLookupSeconds;
    parts.push({
      what: `${counted(log.missLookups, 'lookup')} that missed (from the log)`,
      total,
      each: total / log.missLookups,
    });
  }
  return {
    parts,
    total: parts.reduce((sum, p) => sum + p.total, 0),
    compile: { total: stats.compilerSeconds, count: compiles, each: stats.compilerSeconds / compiles },
  };
}

export const slowCache: Rule = {
  id: 'slow-cache',
  severity: 'warning',
  name: 'The cache was slower than compiling',
  actionable: true,
  docs: {
    meaning:
      'Reading a hit, writing an object or looking one up took longer, on average, than compiling it: the ' +
      'cache made the build slower instead of faster. Each object costs the GitHub cache two requests to read ' +
      'and three to write whatever its size, so a slow or distant service, or many small objects, make the ' +
      'per-request latency dominate.',
    evidence:
      '`cache_read_hit_duration` / hits, `cache_write_duration` / `cache_writes` and, from the log, the ' +
      '`Cache miss in … s` of lookups that missed, against `compiler_write_duration` / `compilations`; at ' +
      `least ${SLOW_CACHE_MIN_SECONDS} s in the cache in all.`,
    fix:
      '`backend: local`: the objects are read and written on local disk and travel as one archive per job. ' +
      'Otherwise fewer, larger objects pay the per-request latency less often; or a store closer to the runners.',
  },
  check(facts) {
    const time = cacheTime(facts);
    if (!time || time.total < SLOW_CACHE_MIN_SECONDS) return undefined;
    const slowest = [...time.parts].sort((a, b) => b.each - a.each)[0];
    if (!slowest || slowest.each < time.compile.each) return undefined;
    const compile = `${seconds(time.compile.each)} per compilation (${counted(time.compile.count, 'compilation')}, ${seconds(time.compile.total)})`;
    return {
      title: `${facts.remoteStore ?? 'The cache'} took ${seconds(time.total)}, longer per object than compiling (${seconds(slowest.each)} against ${seconds(time.compile.each)})`,
      evidence:
        `${time.parts.map((p) => `${p.what}: ${seconds(p.total)} (${seconds(p.each)} each)`).join('; ')}; ` +
        `compiling: ${compile}. Each cache operation cost more than the compile it was meant to save.`,
      ...withOurStep(
        '# Per-request latency dominates: read and write on local disk, one archive per job:',
        LOCAL_BACKEND,
        '\n# or fewer, larger objects (each costs 2 requests to read and 3 to write, whatever its size).',
      ),
    };
  },
};
