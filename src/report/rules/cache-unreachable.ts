import { counted } from '../../util/words.js';
import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const cacheUnreachable: Rule = {
  id: 'cache-unreachable',
  severity: 'warning',
  name: 'The cache service could not be reached',
  actionable: true,
  docs: {
    meaning:
      'Cache reads or writes got no answer at all: the connection was refused or reset, or broke in the ' +
      'middle of an upload (sccache logs `send http request`). The service went away, or something between ' +
      'the runner and it (a proxy, a firewall, the network) dropped the requests. sccache never retries: a ' +
      'failed read is counted as a plain miss and the crate is compiled, a failed write is lost and misses ' +
      'again next run. This is not a read-only cache (`read-only-cache`: the startup write check failed) nor ' +
      'writes the service refused (`write-errors`: it answered 429 or 5xx).',
    evidence:
      'The sccache log since the server started: `Got unexpected error: … => send http request` (reads) and ' +
      '`Error executing cache write: … => send http request` (writes), with what the network said ' +
      '(`Connection refused`, `Connection reset by peer`, `connection closed before message completed`).',
    fix:
      'Usually transient: re-run the job. If it recurs, `backend: local` keeps the build off the network ' +
      '(one archive restored before and saved after the job, with retries); on a self-hosted runner, check ' +
      'the proxy or firewall between the runner and the cache service.',
  },
  check(facts) {
    const failures = facts.log?.failures;
    if (!failures) return undefined;
    const reads = failures.reads.unreachable;
    const writes = failures.writes.unreachable;
    if (reads + writes === 0) return undefined;
    const { stats } = facts;
    const what = [
      reads ? `${counted(reads, 'cache read')} (of ${facts.lookups} lookups, each counted as a miss)` : '',
      writes
        ? `${counted(writes, 'cache write')}${stats.cacheWrites === null ? '' : ` (of ${stats.cacheWrites + stats.cacheWriteErrors})`}`
        : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const network = failures.networkErrors.length ? ` (${failures.networkErrors.join(', ')})` : '';
    // The startup check wrote its probe: the service was there when the server started.
    const wasUp =
      facts.log?.storageCheck?.result === 'read-write' && facts.log.storageCheck.checked
        ? ' The startup check had written its probe (storage check result: ReadWrite): the service was reachable then; these failed during the build.'
        : '';
    // A read's line says what the network did ("Connection refused"); a write's only that it failed.
    const example = failures.examples.reads.unreachable ?? failures.examples.writes.unreachable;
    return {
      title: `${counted(reads + writes, 'cache request')} got no answer from ${facts.remoteStore ?? 'the cache service'}${network}`,
      evidence:
        `${what[0]!.toUpperCase()}${what.slice(1)} failed without an answer from the service${network}.` +
        wasUp +
        (example ? ` The sccache log says: ${example}${example.endsWith('.') ? '' : '.'}` : ''),
      ...withOurStep(
        '# Usually transient (the service or the network between): re-run. If it recurs, keep the build\n' +
          '# off the network: one archive of SCCACHE_DIR restored before and saved after the job, with retries:',
        LOCAL_BACKEND,
      ),
    };
  },
};
