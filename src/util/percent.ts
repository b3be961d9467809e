// The one way a fraction becomes a percent, for the summary, the outputs, the log line and the rules.

/**
 * One decimal, rounded down: 9996 hits and 4 misses is 99.9 %, never 100.0 %, which must mean no
 * misses. (The epsilon keeps 0.29 from flooring to 28.9 through binary floating point.)
 */
export const percentDigits = (fraction: number): string =>
  (Math.floor(fraction * 1000 + 1e-9) / 10).toFixed(1);

/** "71.4 %", or "-" when nothing was looked up (sccache prints "-" too). */
export const formatPercent = (fraction: number | null): string =>
  fraction === null ? '-' : `${percentDigits(fraction)} %`;
