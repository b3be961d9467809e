import semver from 'semver';
import type { Rule } from '../rule.js';

export const ghaProtocolV1: Rule = {
  id: 'gha-protocol-v1',
  severity: 'error',
  name: 'GitHub cache used through the shut-down v1 protocol',
  actionable: true,
  docs: {
    meaning:
      "GitHub's legacy (v1) cache service was shut down on github.com on 2025-04-15. sccache speaks the v2 " +
      'protocol only from 0.10.0, and only when `ACTIONS_CACHE_SERVICE_V2` is non-empty in the environment that ' +
      'starts the server; otherwise it talks v1 and every lookup and write fails. A container step or a later ' +
      'step that restarts sccache without that variable falls back to v1.',
    evidence:
      'The GHA namespace in `cache_location` is a plain `sccache-v…` string; in v2 it is a 64-hex SHA-256.',
    fix:
      'Export `ACTIONS_CACHE_SERVICE_V2: "on"` (with `ACTIONS_RESULTS_URL` and `ACTIONS_RUNTIME_TOKEN`) to every ' +
      'step and container that starts sccache, and use sccache 0.10.0 or newer.',
  },
  check(facts) {
    const { location, host, stats } = facts;
    if (location.backend !== 'gha' || location.protocol !== 'v1' || host.kind === 'ghes') return undefined;
    const tooOld = !stats.version || semver.lt(semver.coerce(stats.version) ?? '0.0.0', '0.10.0');
    const where = host.assumed ? 'github.com (assumed: no server URL known)' : host.kind;
    return {
      title: `sccache talked the shut-down v1 cache protocol on ${host.kind}`,
      evidence:
        `cache_location \`${location.raw}\` names the namespace ` +
        `\`${location.namespace ?? location.raw}\` in clear, not as a 64-hex v2 hash; on ${where} the v1 service is shut down.`,
      fix: tooOld
        ? `# sccache ${stats.version ?? '< 0.4'} has no v2 support: upgrade to 0.10.0 or newer, then\nenv:\n  ACTIONS_CACHE_SERVICE_V2: "on"`
        : '# in every step and container that starts sccache:\nenv:\n  ACTIONS_CACHE_SERVICE_V2: "on"',
    };
  },
};
