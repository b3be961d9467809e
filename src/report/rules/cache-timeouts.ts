import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const cacheTimeouts: Rule = {
  id: 'cache-timeouts',
  severity: 'warning',
  name: 'Cache lookups timed out',
  actionable: true,
  docs: {
    meaning:
      'A lookup that takes longer than 60 s (hard-coded in sccache) is abandoned and the file is compiled. The ' +
      'storage is too slow or throttled; each timeout also costs a minute of build time.',
    evidence:
      '`cache_timeouts` > 0 (each one is also counted as a miss), or `[crate]: Cache timed out 60.001 s` lines ' +
      'in the sccache log.',
    fix: 'Look for `Cache timed out` in the sccache log; move to a faster backend or `backend: local`.',
  },
  check(facts) {
    const fromStats = facts.stats.cacheTimeouts;
    // The log keeps them when the counters were reset or another server answers the report.
    const fromLog = facts.log?.timeouts ?? 0;
    const n = fromStats || fromLog;
    if (n === 0) return undefined;
    const quote = facts.log?.firstTimeout ? ` The sccache log says: ${facts.log.firstTimeout}` : '';
    return {
      title: `${n} cache lookups timed out after 60 s`,
      evidence: fromStats
        ? `cache_timeouts is ${n}; each counted as a miss (of ${facts.misses}) and cost up to a minute.${quote}`
        : `The sccache log shows ${n} (the stats, reset since, show none); each was a miss and cost a minute.${quote}`,
      ...withOurStep(
        '# A slow or throttled remote cache; one archive per job avoids per-object lookups:',
        LOCAL_BACKEND,
      ),
    };
  },
};
