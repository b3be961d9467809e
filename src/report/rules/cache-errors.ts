import type { Facts } from '../facts.js';
import { counted } from '../../util/words.js';
import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

/**
 * Lookups the service answered with an error (429, 5xx, 401/403), from the log: sccache counts them
 * as plain misses, not as cache errors, so only the log shows them. Lookups that got no answer at
 * all are cache-unreachable's.
 */
function failedReads(facts: Facts): { count: number; sentence: string } {
  const failures = facts.log?.failures;
  if (!failures) return { count: 0, sentence: '' };
  const { reads } = failures;
  const statuses = failures.statuses.filter((s) => s >= 500);
  const parts = [
    reads['server-error']
      ? `${reads['server-error']} answered ${statuses.length ? statuses.map((s) => `HTTP ${s}`).join('/') : 'HTTP 5xx'} (a server error)`
      : '',
    reads['rate-limited'] ? `${reads['rate-limited']} refused with HTTP 429 (rate limited)` : '',
    reads.denied ? `${reads.denied} denied (HTTP 401/403: the token)` : '',
    reads.other ? `${reads.other} failed otherwise` : '',
  ].filter(Boolean);
  const count = reads['server-error'] + reads['rate-limited'] + reads.denied + reads.other;
  if (count === 0) return { count, sentence: '' };
  const examples = failures.examples.reads;
  const example = examples['server-error'] ?? examples['rate-limited'] ?? examples.denied ?? examples.other;
  return {
    count,
    sentence:
      ` The sccache log shows ${counted(count, 'cache read')} that failed: ${parts.join(', ')}; sccache counts` +
      ` each as a plain miss.${example ? ` It says: ${example}${example.endsWith('.') ? '' : '.'}` : ''}`,
  };
}

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
      'which is what a broken cache looks like. A remote read that the service answered with an error (429, ' +
      '5xx) is counted as a plain miss instead; the sccache log shows those, and they are a warning too.',
    evidence:
      "`cache_errors` per language, beside `cache_misses` and `compile_fails`; the log's `Got unexpected " +
      'error: …` lines with the status the service answered.',
    fix:
      'Look for `Cache read error` in the sccache log. For a local cache make sure `SCCACHE_DIR` is a writable ' +
      'directory; errors from sources that do not compile need no cache fix. Reads the service failed are ' +
      'usually transient; `backend: local` keeps lookups on local disk.',
  },
  check(facts) {
    const reads = failedReads(facts);
    if (facts.cacheErrors === 0 && reads.count === 0) return undefined;
    if (facts.cacheErrors === 0) {
      return {
        severity: 'warning',
        title: `${counted(reads.count, 'cache read')} failed at the service and counted as misses`,
        evidence: `${reads.sentence.trim()} Lookups: ${facts.lookups}, misses: ${facts.misses}.`,
        ...withOurStep(
          '# The service failed the lookups (usually transient); lookups on local disk avoid it:',
          LOCAL_BACKEND,
        ),
      };
    }
    const perLanguage = facts.languages
      .filter((l) => l.errors > 0)
      .map((l) => `${l.language} ${l.errors}`)
      .join(', ');
    // Errors that failing sources account for are the sources' doing, not the storage's.
    const brokenStorage =
      facts.misses > 0 && facts.cacheErrors >= facts.misses && facts.cacheErrors > facts.stats.compileFails;
    return {
      ...(brokenStorage || reads.count > 0 ? { severity: 'warning' as const } : {}),
      title: brokenStorage
        ? `${counted(facts.cacheErrors, 'cache error')} for ${counted(facts.misses, 'miss', 'misses')}: reading the cache fails`
        : `${counted(facts.cacheErrors, 'cache error')} (usually sources that fail to preprocess)`,
      evidence: `cache_errors: ${perLanguage}; misses: ${facts.misses}; compile_fails: ${facts.stats.compileFails}.${reads.sentence}`,
      fix:
        '# Read the sccache log ("Cache read error" lines). For a local cache, SCCACHE_DIR must be a\n' +
        '# writable directory; a source that fails to preprocess is counted here too.',
    };
  },
};
