// The min-hit-rate input: the one way this action may fail a job, and only when the user asked.
// A low hit rate fails the job only when the cache should have been warm and was reachable, so that
// what fails is a build whose configuration lost its hits, never a cold start, an intended change
// or a cache service that was down (docs/design: "the build never fails because the cache is down").
// Pure: the facts and the findings in, one verdict out.
import { formatPercent } from '../util/percent.js';
import { counted, listed } from '../util/words.js';
import type { Facts } from './facts.js';
import type { Finding } from './rules/rule.js';

export type FloorVerdict = { readonly fail: string } | { readonly skip: string } | { readonly pass: string };

/**
 * Findings that say the cache service, or the counters, failed this run: a low rate with one of
 * them is not the configuration's doing, so the floor is not applied. The reason each misses:
 *
 * - cache-unreachable: lookups that got no answer are counted as plain misses.
 * - cache-timeouts: lookups abandoned after sccache's 60 s are counted as misses.
 * - backend-fallback: setup fell back to an empty local disk; the shared cache was never read.
 * - server-restarted: the counters were reset or came from a server started without setup's
 *   environment: they are not this job's build, and a rate from them is not one the stats support.
 *
 * Deliberately not here: slow-cache (slowness costs time, not hits; a lookup slow enough to miss is
 * a cache-timeout); write-errors (this run's refused writes cost the next run's hits, not this
 * run's; and GitHub's 429s follow from the misses themselves, 200 uploads a minute, so excusing
 * them would excuse exactly the runs that miss most; writes with no answer are cache-unreachable's
 * and reads the service failed are cache-errors'); and every finding the job can fix in its own
 * configuration (gha-protocol-v1, wrapper-overridden, version-mismatch, forced-recache, …): naming
 * it in the failure is the point of the floor.
 */
const OUTAGES: ReadonlySet<string> = new Set([
  'cache-unreachable',
  'cache-timeouts',
  'backend-fallback',
  'server-restarted',
]);

/**
 * The findings that are outages only in some of their forms, told apart by the facts their rule
 * reads (each rule documents the distinction):
 *
 * - read-only-cache, unless setup made the run read-only on purpose or the job set
 *   SCCACHE_*_RW_MODE=READ_ONLY: then the startup write check failed (a 429, a 5xx, no answer),
 *   which says the service was failing when the build began. A read-only cache by design still
 *   reads, so its rate counts.
 * - cache-errors at warning severity: lookups the service answered with 429, 5xx or 401/403 (counted
 *   as plain misses), or errors covering every miss (reading the cache fails). Its notice is sources
 *   that failed to preprocess: not the cache's doing.
 * - foreign-server named by the job's own SCCACHE_SERVER_PORT: compiles went to that other server,
 *   and the stats the report read may be its. A server setup merely kept clear of leaves this job's
 *   counters its own.
 */
function isOutage(finding: Finding, facts: Facts): boolean {
  if (OUTAGES.has(finding.id)) return true;
  switch (finding.id) {
    case 'read-only-cache':
      return !facts.readOnlyByDesign && facts.log?.storageCheck?.result !== 'read-only (manually set)';
    case 'cache-errors':
      return finding.severity !== 'notice';
    case 'foreign-server':
      return facts.setup?.foreignServer?.namedByJob === true;
    default:
      return false;
  }
}

/**
 * Why this run's cache was not (known to be) warm, or undefined when it should have been: an
 * earlier run of this job left a record on a ref whose entries this run reads, it looked something
 * up (so it hit or wrote), and nothing that goes into the keys, the namespace included, changed.
 */
function whyNotWarm(facts: Facts): string | undefined {
  const previous = facts.previousRun;
  if (!previous) return 'no earlier run of this job left a record (run-record) to call this one warm';
  const kind = facts.comparedWith?.kind;
  // This ref's entries, and the default branch's, are the ones every run may read; a record from
  // elsewhere says nothing about what this run could see.
  if (kind !== 'this ref' && kind !== 'the default branch') {
    return `the earlier run ${previous.runId} was on ${previous.ref} (${kind ?? 'another ref'}), not this ref or the default branch`;
  }
  if (previous.lookups === 0)
    return `the earlier run ${previous.runId} looked nothing up, so it warmed nothing`;
  // Both sides, unset included: a move between the GitHub cache and another store is a new cache too.
  if ((previous.namespace ?? '') !== (facts.namespace ?? '')) {
    const name = (ns: string | undefined) => ns ?? 'not the GitHub cache';
    return `the cache namespace changed since run ${previous.runId} (${name(previous.namespace)} → ${name(facts.namespace)})`;
  }
  if (!facts.inputs) return "what went into this run's keys is unknown, so no change can be ruled out";
  const changes = facts.inputChanges;
  if (changes.length > 0) {
    return `${counted(changes.length, 'input')} of sccache's keys changed since run ${previous.runId} (${listed(changes.map((c) => c.name))})`;
  }
  return undefined;
}

/**
 * Whether a hit rate under `floor` percent fails the job. Pass when the rate is at or above it,
 * whatever else; skip (with why, for the summary) when nothing was looked up, when the cache had no
 * reason to be warm, or when an outage explains the misses; fail otherwise, naming the finding
 * to act on first.
 */
export function hitRateFloor(facts: Facts, findings: readonly Finding[], floor: number): FloorVerdict {
  const limit = `min-hit-rate ${floor} %`;
  if (facts.lookups === 0) return { skip: `${limit} not applied: nothing was looked up in the cache` };
  const rate = formatPercent(facts.hitRate);
  // hits / lookups < floor / 100, without the division: 8 of 10 meets 80 exactly.
  if (facts.hits * 100 >= floor * facts.lookups) return { pass: `${limit} met: hit rate ${rate}` };
  const cold = whyNotWarm(facts);
  if (cold) return { skip: `${limit} not applied (hit rate ${rate}): ${cold}` };
  const outage = findings.find((f) => isOutage(f, facts));
  if (outage) {
    return {
      skip: `${limit} not applied (hit rate ${rate}): the cache failed this run: ${outage.title} (${outage.id})`,
    };
  }
  // Findings come most severe first: the first actionable one is what to change.
  const cause = findings.find((f) => f.actionable);
  return {
    fail:
      `sccache hit rate ${rate} is under ${limit}: ` +
      (cause
        ? `${cause.title} (${cause.id})`
        : 'no finding names a cause; the job summary lists what missed'),
  };
}
