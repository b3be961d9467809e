import { counted } from '../../util/words.js';
import type { Rule } from './rule.js';

export const cacheErrors: Rule = {
  id: 'cache-errors',
  severity: 'notice',
  name: 'Cache errors',
  actionable: true,
  docs: {
    meaning:
      'sccache counts two things as cache errors: a hash key it could not compute (the preprocessor or ' +
      '`rustc --emit=dep-info` failed, usually a source that does not compile, such as a configure probe for a ' +
      'missing header) and a cache read that failed (disk I/O, a corrupt entry), which is also a miss. The ' +
      'stats cannot tell them apart, so this is a notice, and a warning only when the errors cover every miss, ' +
      'which is what a broken cache looks like.',
    evidence: '`cache_errors` per language, beside `cache_misses` and `compile_fails`.',
    fix:
      'Look for `Cache read error` in the sccache log. For a local cache make sure `SCCACHE_DIR` is a writable ' +
      'directory; errors from sources that do not compile need no cache fix.',
  },
  check(facts) {
    if (facts.cacheErrors === 0) return undefined;
    const perLanguage = facts.languages
      .filter((l) => l.errors > 0)
      .map((l) => `${l.language} ${l.errors}`)
      .join(', ');
    // Errors that failing sources account for are the sources' doing, not the storage's.
    const brokenStorage =
      facts.misses > 0 && facts.cacheErrors >= facts.misses && facts.cacheErrors > facts.stats.compileFails;
    return {
      ...(brokenStorage ? { severity: 'warning' as const } : {}),
      title: brokenStorage
        ? `${counted(facts.cacheErrors, 'cache error')} for ${counted(facts.misses, 'miss', 'misses')}: reading the cache fails`
        : `${counted(facts.cacheErrors, 'cache error')} (usually sources that fail to preprocess)`,
      evidence: `cache_errors: ${perLanguage}; misses: ${facts.misses}; compile_fails: ${facts.stats.compileFails}.`,
      fix:
        '# Read the sccache log ("Cache read error" lines). For a local cache, SCCACHE_DIR must be a\n' +
        '# writable directory; a source that fails to preprocess is counted here too.',
    };
  },
};
