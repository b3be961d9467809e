import { ourStepFix, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const backendFallback: Rule = {
  id: 'backend-fallback',
  severity: 'warning',
  name: 'Setup fell back to local disk',
  // Setup already annotated the fallback with sccache's error; the report keeps it in the summary.
  actionable: false,
  docs: {
    meaning:
      'The planned backend failed its preflight: the sccache server did not start with it, or started with ' +
      'another cache location than planned. With `on-backend-failure: fallback` setup started sccache on local ' +
      'disk instead, so the build was cached locally but nothing was shared with other runs.',
    evidence: "sccache's own startup error, or the location it reported instead of the planned one.",
    fix:
      'Fix what the error names (credentials, protocol, the service being down); `on-backend-failure: fail` ' +
      'makes such a run fail instead.',
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup?.preflight.fallback) return undefined;
    return {
      title: `${setup.store ? (setup.store.name ?? setup.store.described) : `The ${setup.plannedBackend} cache`} failed its preflight; this run used local disk`,
      evidence: `sccache said: ${setup.preflight.error ?? 'unknown error'}.`,
      ...withOurStep(
        '# Fix the cause above; to fail instead of falling back:',
        ourStepFix('on-backend-failure: fail'),
      ),
    };
  },
};
