import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const readOnlyCache: Rule = {
  id: 'read-only-cache',
  severity: 'warning',
  name: 'The cache was read-only',
  actionable: true,
  docs: {
    meaning:
      'Not one object was written and the write errors match the misses: the storage refused every write. ' +
      'Either it was configured read-only (`SCCACHE_GHA_RW_MODE=READ_ONLY` from 0.16, `SCCACHE_LOCAL_RW_MODE`), ' +
      "or, from sccache 0.8, the server's startup write check failed (for the GitHub cache typically HTTP 429, " +
      'rate limited) and the server stayed read-only for its whole life. Nothing this run compiled will hit next time.',
    evidence:
      '`cache_writes` = 0 and `cache_write_errors` ≥ 90 % of `cache_misses`, unless the sccache log says the ' +
      'writes failed for another reason (no answer, 429, 5xx: `cache-unreachable`, `write-errors`) after a ' +
      '`storage check result: ReadWrite`.',
    fix:
      'If read-only was not intended: look for `storage write check failed` in the sccache log and restart the ' +
      'server once the service answers, or use `backend: local` to upload one archive per job instead of one ' +
      'entry per object.',
  },
  needs: ['cacheWrites'],
  check(facts) {
    const { stats } = facts;
    if (!facts.readOnlyStorage) return undefined;
    if (facts.setup && facts.readOnlyByDesign) {
      // Setup made it read-only on purpose (a pull request, or read-only: true): not a problem.
      return {
        severity: 'notice',
        title: `The cache was read-only, as configured: ${facts.misses} misses were not written`,
        evidence: `${facts.setup.readOnly.wanted ? facts.setup.readOnly.why : 'read-only was set'}; 0 writes, ${stats.cacheWriteErrors} refused.`,
        fix: 'Nothing to fix: warm the cache from the default branch, which this run can read.',
      };
    }
    return {
      title: `${facts.remoteStore ?? 'The cache'} was read-only: all ${stats.cacheWriteErrors} writes failed`,
      evidence:
        `0 writes and ${stats.cacheWriteErrors} write errors for ${facts.misses} misses.` +
        (facts.log?.writeCheckFailure ? ` The sccache log says: ${facts.log.writeCheckFailure}.` : '') +
        (facts.log?.storageCheck?.result === 'read-only (manually set)'
          ? ' The server started read-only as configured (`storage check result: ReadOnly (manually set)`: SCCACHE_*_RW_MODE=READ_ONLY).'
          : facts.log?.startedReadOnly && !facts.log.writeCheckFailure
            ? ' The server started read-only.'
            : ''),
      ...withOurStep(
        '# Intended (e.g. pull requests)? Nothing to do. Otherwise: search the sccache log for\n' +
          '# "storage write check failed" (a 429 at server start makes sccache >= 0.8 read-only), and\n' +
          '# remove SCCACHE_GHA_RW_MODE=READ_ONLY or SCCACHE_LOCAL_RW_MODE=READ_ONLY; or write one archive per job:',
        LOCAL_BACKEND,
      ),
    };
  },
};
