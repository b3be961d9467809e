import type { Rule } from '../rule.js';

export const cacheErrors: Rule = {
  id: 'cache-errors',
  severity: 'warning',
  name: 'Cache errors',
  actionable: true,
  docs: {
    meaning:
      'sccache counts two things as cache errors: a hash key it could not compute (the preprocessor or ' +
      '`rustc --emit=dep-info` failed, usually because the source does not compile) and a cache read that failed ' +
      '(disk I/O, a corrupt entry). A read error is also counted as a miss.',
    evidence: '`cache_errors` per language, beside `compile_fails`.',
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
    return {
      title: `${facts.cacheErrors} cache errors`,
      evidence: `cache_errors: ${perLanguage}; compile_fails: ${facts.stats.compileFails}.`,
      fix:
        '# Read the sccache log ("Cache read error" lines). For a local cache, SCCACHE_DIR must be a\n' +
        '# writable directory; a source that fails to preprocess is counted here too.',
    };
  },
};
