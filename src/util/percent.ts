// The one way a fraction becomes a percent, for the summary, the outputs, the log line and the rules.

/**
 * hits / (hits + misses), what sccache calls the hit rate; null when nothing was looked up. Below 1
 * whenever there is a miss, even when the counts are so large (beyond 2^53) that the division rounds
 * to 1: then it is the largest double below 1, which percentDigits shows as 99.9.
 */
export const hitFraction = (hits: number, misses: number): number | null => {
  const lookups = hits + misses;
  if (lookups === 0) return null;
  const fraction = hits / lookups;
  return misses > 0 && fraction >= 1 ? 1 - Number.EPSILON / 2 : fraction;
};

/**
 * One decimal, rounded down: 9996 hits and 4 misses is 99.9 %, never 100.0 %, which must mean no
 * misses. (The epsilon keeps 0.29 from flooring to 28.9 through binary floating point; below 1 it
 * must not lift 0.9999999999999 to 100.0 either.)
 */
export const percentDigits = (fraction: number): string => {
  const tenths = Math.floor(fraction * 1000 + 1e-9);
  return ((fraction < 1 ? Math.min(tenths, 999) : tenths) / 10).toFixed(1);
};

/** "71.4 %", or "-" when nothing was looked up (sccache prints "-" too). */
export const formatPercent = (fraction: number | null): string =>
  fraction === null ? '-' : `${percentDigits(fraction)} %`;
