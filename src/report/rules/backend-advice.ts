import { LOCAL_BACKEND, ourStepFix, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';
import { formatSeconds } from '../../util/seconds.js';

const PER_OBJECT = ourStepFix('backend: gha');

export const backendAdvice: Rule = {
  id: 'backend-advice',
  severity: 'notice',
  name: 'The other backend would likely be faster here',
  actionable: true,
  needs: ['cacheWrites'],
  docs: {
    meaning:
      "sccache's GitHub cache backend stores one cache entry per object: two requests to read one, three to " +
      "write one, each paying the service's latency, and at most 200 new entries a minute per repository. " +
      '`backend: local` moves the whole cache as one archive per job: one download before the build, one ' +
      'upload after it, paid in bytes instead of requests. Many small objects (C and C++ translation units) ' +
      'favour the archive; few large ones that mostly miss favour per-object storage. This estimates, from ' +
      "this run's own figures, what the other backend would have cost, and speaks only when it wins by at " +
      'least 1.5× and 10 s.',
    evidence:
      "On the GitHub cache: `cache_read_hit_duration`, `cache_write_duration` and the log's lookups that " +
      "missed, spread over the runner's cores, plus the compiles that uploads refused with 429 will cost the " +
      'next run; against one archive of what the job read and wrote, at the transfer rates of ' +
      'bench/README.md. On local disk: the restore setup timed, against the public per-object figures ' +
      '(0.093 s a read, 0.139 s a write, 0.046 s a lookup that missed: the github-like profile).',
    fix:
      '`backend: local` (one archive per job) when per-object storage loses; `backend: gha` when the archive ' +
      'does. Measure both on your own workload: the benchmark in bench/ does it side by side.',
  },
  check(facts) {
    const estimate = facts.backendEstimate;
    if (!estimate?.recommend) return undefined;
    const { perObject, archive, refused } = estimate;
    if (estimate.recommend === 'local') {
      const cost = perObject.seconds + refused.seconds;
      const lost = refused.writes
        ? `; ${refused.writes} uploads refused with 429 will be compiled again next run (about ${formatSeconds(refused.seconds)})`
        : '';
      return {
        title: `One archive per job would likely be faster here: about ${formatSeconds(archive.seconds)} against ${formatSeconds(cost)} of per-object cache requests`,
        evidence:
          `Per-object (this run): ${perObject.how}${lost}. One archive (estimated): ${archive.how}. ` +
          `${estimate.writes} objects written against GitHub's ${estimate.uploadsPerMinute} uploads a minute per repository.`,
        ...withOurStep(
          '# One download before the build, one upload after it, instead of requests per object:',
          LOCAL_BACKEND,
        ),
      };
    }
    return {
      title: `Per-object storage would likely be faster here: about ${formatSeconds(perObject.seconds)} against ${formatSeconds(archive.seconds)} moving the archive`,
      evidence: `One archive (this run): ${archive.how}. Per-object (estimated): ${perObject.how}.`,
      ...withOurStep('# Fetch only the objects the build asks for, one cache entry each:', PER_OBJECT),
    };
  },
};
