import { ourStepFix, PINNED_SCCACHE, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const sccacheTooOld: Rule = {
  id: 'sccache-too-old',
  severity: 'warning',
  name: 'This sccache cannot use the GitHub cache here',
  actionable: true,
  docs: {
    meaning:
      'sccache before 0.10.0 speaks only the v1 cache protocol, which github.com shut down on 2025-04-15; ' +
      'enabling its GHA backend there makes the server fail to start and every compile exit 2. Builds without ' +
      "the GHA backend (Debian's 0.4) fail the same way. Setup therefore kept this run on local disk.",
    evidence: 'The sccache version and the host (github.com, *.ghe.com or GHES).',
    fix: 'Use sccache 0.10.0 or newer: remove the old one from PATH and let setup install its pinned version.',
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup?.tooOldBecause) return undefined;
    return {
      title: `sccache ${setup.sccacheVersion} cannot use the GitHub cache on ${setup.host}`,
      evidence: `${setup.tooOldBecause}; this run used ${setup.backend ?? 'no'} cache storage instead.`,
      ...withOurStep(
        '# and no older sccache earlier on PATH (setup uses one found there first)',
        ourStepFix(PINNED_SCCACHE),
      ),
    };
  },
};
