// What `sccache --show-stats` printed, in either form: `--stats-format json`, or the human-readable
// table that sccache prints by default (and that people paste). Each goes to its own parser; both
// give the same SccacheStats, so every rule reads them alike.
import { parseStats, type SccacheStats } from './stats.js';
import { isStatsText, parseStatsText } from './stats-text.js';

/** Throws StatsParseError, naming what was expected, when the text is neither form. */
export const parseStatsOutput = (output: string): SccacheStats =>
  isStatsText(output) ? parseStatsText(output) : parseStats(output);

export { isStatsText };
