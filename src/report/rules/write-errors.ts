import { listed } from '../../util/words.js';
import type { Facts } from '../facts.js';
import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import { percent, type Rule } from './rule.js';

/** What the log says the service answered to the writes it refused; '' without a log. */
function causes(facts: Facts): string {
  const writes = facts.log?.failures.writes;
  if (!writes) return '';
  const statuses = facts.log!.failures.statuses.filter((s) => s >= 500);
  const parts = [
    writes['server-error']
      ? `${writes['server-error']} answered ${statuses.length ? statuses.map((s) => `HTTP ${s}`).join('/') : 'HTTP 5xx'} (a server error)`
      : '',
    writes.denied ? `${writes.denied} denied (HTTP 401/403: the token)` : '',
    writes.unreachable
      ? `${writes.unreachable} never reached the service (finding \`cache-unreachable\`)`
      : '',
  ].filter(Boolean);
  const example = writes['server-error'] ? facts.log!.failures.examples.writes['server-error'] : undefined;
  return (
    (parts.length ? ` The sccache log shows ${parts.join(', ')}.` : '') +
    (example ? ` It says: ${example}${example.endsWith('.') ? '' : '.'}` : '')
  );
}

/** Writes attempted and refused: per level in a multi-level cache, else the top-level counters. */
function writeCounts(facts: Facts): { failed: number; attempted: number; where: string; gha: boolean } {
  const failing = facts.levels.filter((l) => l.stats.writeFailures > 0);
  if (failing.length) {
    return {
      failed: failing.reduce((n, l) => n + l.stats.writeFailures, 0),
      attempted: failing.reduce((n, l) => n + l.stats.writes + l.stats.writeFailures, 0),
      where: ` to ${listed(failing.map((l) => l.stats.name))}`,
      gha: failing.some((l) => l.location.backend === 'gha'),
    };
  }
  const { cacheWrites, cacheWriteErrors } = facts.stats;
  return {
    failed: cacheWriteErrors,
    // needs: ['cacheWrites'] keeps a stats form without it from reaching here.
    attempted: cacheWrites! + cacheWriteErrors,
    where: '',
    gha: facts.location.backend === 'gha',
  };
}

export const writeErrors: Rule = {
  id: 'write-errors',
  severity: 'warning',
  name: 'Some cache writes failed',
  actionable: true,
  docs: {
    meaning:
      'Cache writes failed. With the GitHub cache this is mostly rate limiting: GitHub allows 200 cache-entry ' +
      'uploads a minute per repository and answers 429 beyond that; or the service failed (5xx). sccache never ' +
      'retries a refused write. Every object that was not written misses again next run. In a multi-level ' +
      'cache, writes to the slower levels run in the background and their failures show only per level. (A ' +
      'read-only storage is `read-only-cache`; writes that got no answer at all are `cache-unreachable`.)',
    evidence:
      '`cache_write_errors` > 0, or `multi_level[i].write_failures` > 0; the sccache log tells 429s and 5xx ' +
      'apart (`Error executing cache write: …`).',
    fix:
      'Use `backend: local` (one archive per job instead of one upload per object), make pull-request runs ' +
      'read-only, or run fewer sccache jobs in parallel against the GitHub cache.',
  },
  needs: ['cacheWrites'],
  check(facts) {
    const { failed, attempted, where, gha } = writeCounts(facts);
    if (failed === 0 || (where === '' && facts.readOnlyStorage)) return undefined;
    // Writes that never got an answer are cache-unreachable's; this finding is the refused ones.
    const unanswered = where === '' ? (facts.log?.failures.writes.unreachable ?? 0) : 0;
    if (failed - unanswered <= 0) return undefined;
    return {
      title: `${failed} of ${attempted} cache writes${where || (facts.remoteStore ? ` to ${facts.remoteStore}` : '')} failed (${percent(failed / attempted)})`,
      evidence:
        `${attempted - failed} writes${where} succeeded and ${failed} failed; those objects will miss next run.` +
        (facts.log?.rateLimitedWrites
          ? ` The sccache log shows ${facts.log.rateLimitedWrites} refused with HTTP 429 (rate limited).`
          : '') +
        causes(facts) +
        // The upload limit explains 429s, or refusals the log does not explain; not a 500.
        (gha && (!facts.log || facts.log.failures.writes['rate-limited'] > 0 || causes(facts) === '')
          ? ' The GitHub cache accepts 200 uploads a minute per repository.'
          : ''),
      ...(gha
        ? withOurStep('# One archive per job instead of one upload per object:', LOCAL_BACKEND)
        : {
            fix: '# Search the sccache log for "Error executing cache write" to see why the storage refused writes.',
          }),
    };
  },
};
