// The hit rate of this job's last runs, for the summary's sparkline and the next run's record. Each
// record carries the series up to its run, so one record is the whole trend. Pure.
import { MAX_TREND_RUNS, type RunRecord } from '../github/run-record.js';
import { hitFraction } from '../util/percent.js';

/**
 * Four decimals, rounded down, so a rate short of 100 % stays short of it in the record (0.99996
 * must not come back as 1). Small enough for twenty to fit in a few hundred bytes.
 */
const stored = (rate: number | null): number | null =>
  rate === null ? null : Math.floor(Math.min(1, Math.max(0, rate)) * 10_000) / 10_000;

/**
 * Oldest first, this run last, at most MAX_TREND_RUNS. A record from before trends were kept
 * contributes its own rate. The record compared with is this job's on this ref, else on the
 * default branch (a pull request's first run continues main's series).
 */
export function hitRateTrend(
  previous: RunRecord | undefined,
  hitRate: number | null,
): readonly (number | null)[] {
  const earlier = previous ? (previous.trend ?? [stored(hitFraction(previous.hits, previous.misses))]) : [];
  return [...earlier, stored(hitRate)].slice(-MAX_TREND_RUNS);
}
