import { ourStepFix, PINNED_SCCACHE, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const namespaceChanged: Rule = {
  id: 'namespace-changed',
  severity: 'notice',
  name: 'The GitHub cache namespace changed since the last run',
  actionable: true,
  docs: {
    meaning:
      'sccache stores GitHub cache entries under a namespace made of its version and `SCCACHE_GHA_VERSION` ' +
      '(`cache-namespace`). A new sccache version or a new suffix makes every entry of earlier runs invisible: ' +
      'the cache starts cold. sccache-guard remembers the namespace of each run of a job in one small cache ' +
      'entry and compares. A warning when this run found nothing; a notice when it still hit.',
    evidence: "The previous run's namespace (and its run id and hit rate) against this run's.",
    fix: 'Pin `sccache-version` and keep `cache-namespace` stable; expect one cold run after an intended change.',
  },
  check(facts) {
    const previous = facts.previousRun;
    const now = facts.namespace;
    if (!previous?.namespace || !now || previous.namespace === now) return undefined;
    return {
      ...(facts.hits === 0 ? { severity: 'warning' as const } : {}),
      title: `The GitHub cache namespace changed from ${previous.namespace} to ${now}`,
      evidence:
        `run ${previous.runId} of this job used namespace ${previous.namespace} ` +
        `(${previous.hits} hits in ${previous.lookups} lookups); this run uses ${now} and cannot see those entries ` +
        `(${facts.hits} hits, ${facts.misses} misses).`,
      ...withOurStep(
        '# keep the namespace stable: pin sccache and the suffix',
        ourStepFix(PINNED_SCCACHE, 'cache-namespace: "" # or a fixed value'),
      ),
    };
  },
};
