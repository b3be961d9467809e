// What every SccacheStats must hold, whichever parser made it (stats.ts from JSON, stats-text.ts
// from the text table): shared by both parsers' property tests.
import assert from 'node:assert/strict';
import type { SccacheStats } from '../../../src/sccache/stats.js';

/** A u64 count as a double: a whole number from 0 to 2^64. */
export const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 64;

/** The per-language and per-reason maps have no prototype and hold counts; so do the cache levels. */
export function assertCountMapsAndLevels(stats: SccacheStats): void {
  for (const map of [stats.cacheHits, stats.cacheMisses, stats.cacheErrors, stats.notCached]) {
    assert.equal(Object.getPrototypeOf(map), null, 'count maps have no prototype');
    for (const [name, value] of Object.entries(map)) assert.ok(isCount(value), `${name}: ${value}`);
  }
  for (const level of stats.multiLevel ?? []) {
    for (const key of [
      'hits',
      'misses',
      'writes',
      'writeFailures',
      'backfillsFrom',
      'backfillsTo',
    ] as const) {
      assert.ok(isCount(level[key]), `${level.name}.${key}: ${level[key]}`);
    }
  }
}
