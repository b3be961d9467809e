import { percent, type Rule } from '../rule.js';

export const writeErrors: Rule = {
  id: 'write-errors',
  severity: 'warning',
  name: 'Some cache writes failed',
  actionable: true,
  docs: {
    meaning:
      'Some writes succeeded and others failed. With the GitHub cache this is rate limiting: GitHub allows 200 ' +
      'cache-entry uploads a minute per repository and answers 429 beyond that, and sccache never retries a ' +
      'refused write. Every object that was not written misses again next run. In a multi-level cache, writes ' +
      'to the slower levels run in the background and their failures show only per level.',
    evidence: '`cache_write_errors` > 0 while `cache_writes` > 0, or `multi_level[i].write_failures` > 0.',
    fix:
      'Use `backend: local` (one archive per job instead of one upload per object), make pull-request runs ' +
      'read-only, or run fewer sccache jobs in parallel against the GitHub cache.',
  },
  check(facts) {
    const { stats, location } = facts;
    // A multi-level cache counts writes per level; its top-level counters only see level 0.
    const levels = stats.multiLevel ?? [];
    const levelFailures = levels.filter((level) => level.writeFailures > 0);
    const failed = levels.length ? levels.reduce((n, l) => n + l.writeFailures, 0) : stats.cacheWriteErrors;
    const written = levels.length ? levels.reduce((n, l) => n + l.writes, 0) : stats.cacheWrites;
    if (failed === 0 || written === 0) return undefined;
    const attempted = written + failed;
    const gha =
      location.backend === 'gha' || levelFailures.some((level) => level.location.startsWith('ghac,'));
    const perLevel = levelFailures.length
      ? ` Per level: ${levelFailures.map((l) => `${l.name} ${l.writeFailures} failed of ${l.writes + l.writeFailures}`).join(', ')}.`
      : '';
    return {
      title: `${failed} of ${attempted} cache writes failed (${percent(failed / attempted)})`,
      evidence:
        `${written} writes succeeded and ${failed} failed; those ${failed} objects will miss next run.${perLevel}` +
        (gha ? ' The GitHub cache accepts 200 uploads a minute per repository.' : ''),
      fix: gha
        ? '# One archive per job instead of one upload per object:\n- uses: org/sccache-guard@v1\n  with:\n    backend: local'
        : '# Search the sccache log for "Error executing cache write" to see why the storage refused writes.',
    };
  },
};
