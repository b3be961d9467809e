import { listCounts, type Rule } from './rule.js';

export const nothingCacheable: Rule = {
  id: 'nothing-cacheable',
  severity: 'warning',
  name: 'Compile requests, but no cache lookups',
  actionable: true,
  docs: {
    meaning:
      'sccache was used, but not one call could be looked up in the cache: every request was a kind sccache ' +
      'never caches (bin and proc-macro crates, build scripts, cargo probes, `-E`). The usual cause is a ' +
      '`target/` directory restored by another cache (Swatinem/rust-cache, actions/cache): cargo then rebuilds ' +
      'only the final binaries and probes, and sccache has nothing to do.',
    evidence: '`compile_requests` > 0 while `cache_hits` + `cache_misses` = 0; the `not_cached` reasons.',
    fix:
      'Let sccache cache the libraries instead of restoring `target/`: `cache-targets: false` on ' +
      'Swatinem/rust-cache, or drop `target` from actions/cache paths. If `incremental` is among the reasons, ' +
      'set `CARGO_INCREMENTAL: "0"`.',
  },
  check(facts) {
    const { stats } = facts;
    if (stats.compileRequests === 0 || facts.lookups > 0) return undefined;
    // Incremental builds have their own finding; with no non-cacheable calls the requests were
    // compile errors, not calls sccache declined.
    if ((stats.notCached['incremental'] ?? 0) > 0 || stats.requestsNotCacheable === 0) return undefined;
    const reasons = facts.nonCacheable.length ? ` Non-cacheable: ${listCounts(facts.nonCacheable)}.` : '';
    return {
      title: `${stats.compileRequests} compile requests, but none could be looked up in the cache`,
      evidence:
        `0 hits and 0 misses out of ${stats.compileRequests} compile requests ` +
        `(${stats.requestsNotCacheable} non-cacheable, ${stats.requestsNotCompile} not compilations).${reasons}`,
      fix:
        '# If target/ is restored by another cache, cargo only rebuilds bins and probes:\n' +
        '- uses: Swatinem/rust-cache@v2\n  with:\n    cache-targets: false',
    };
  },
};
