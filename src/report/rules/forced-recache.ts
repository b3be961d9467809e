import { counted } from '../../util/words.js';
import type { Rule } from './rule.js';

export const forcedRecache: Rule = {
  id: 'forced-recache',
  severity: 'warning',
  name: 'Forced recaches',
  actionable: true,
  docs: {
    meaning:
      '`SCCACHE_RECACHE` was set in the compiler environment: sccache skips the lookup, compiles, and overwrites ' +
      'the entry. Each such call is a miss by design.',
    evidence: '`forced_recaches` > 0.',
    fix: 'Remove `SCCACHE_RECACHE` from the build environment unless you mean to rebuild the cache.',
  },
  check(facts) {
    const n = facts.stats.forcedRecaches;
    if (n === 0) return undefined;
    return {
      title: `${counted(n, 'compilation')} forced to miss by SCCACHE_RECACHE`,
      evidence: `forced_recaches is ${n} of ${facts.misses} misses.`,
      fix: '# remove from the workflow or job env:\n#   SCCACHE_RECACHE: ...',
    };
  },
};
