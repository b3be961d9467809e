import { ourStepFix, PINNED_SCCACHE, V2_ENV_FOR_OTHER_SERVERS, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

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
      "The GHA namespace in `cache_location` (or in a multi-level cache, a level's location) is a plain " +
      '`sccache-v…` string; in v2 it is a 64-hex SHA-256.',
    fix:
      'Export `ACTIONS_CACHE_SERVICE_V2: "on"` with `ACTIONS_RESULTS_URL` and `ACTIONS_RUNTIME_TOKEN` to every ' +
      "step and container that starts sccache (this action's setup does it), and use sccache 0.10.0 or newer.",
  },
  check(facts) {
    const { host, stats } = facts;
    if (host.kind === 'ghes') return undefined;
    const v1 = [facts.location, ...facts.levels.map((l) => l.location)].find(
      (l) => l.backend === 'gha' && l.protocol === 'v1',
    );
    // A server restarted later without ACTIONS_CACHE_SERVICE_V2 shows only in the log: the stats
    // come from whichever server answers the report.
    const log = facts.log;
    if (!v1 && log && log.v1Requests > 0) {
      return {
        title: `an sccache server talked the shut-down v1 cache protocol on ${host.kind}`,
        evidence:
          `the sccache log has ${log.v1Requests} lines about v1 requests (\`/_apis/artifactcache/\`)` +
          (log.decommissioned ? ', answered "This legacy service is shutting down"' : '') +
          (log.startupFailures
            ? `; ${log.startupFailures} server starts failed: ${log.firstStartupFailure ?? ''}`
            : '') +
          '. A step restarted sccache without ACTIONS_CACHE_SERVICE_V2 (a container, or a step that stops the server).',
        fix: V2_ENV_FOR_OTHER_SERVERS,
      };
    }
    if (!v1) return undefined;
    const tooOld = !facts.speaksGhaV2;
    const where = host.assumed ? 'github.com (assumed: no server URL known)' : host.kind;
    const named = v1.name
      ? `names the namespace \`${v1.name}\` in clear, not as a 64-hex v2 hash`
      : 'is the 0.3 v1 client';
    return {
      title: `sccache talked the shut-down v1 cache protocol on ${host.kind}`,
      evidence: `cache location \`${v1.raw}\` ${named}; on ${where} the v1 service is shut down.`,
      ...(tooOld
        ? withOurStep(
            `# sccache ${stats.version ?? '< 0.4'} has no v2 support: upgrade to 0.10.0 or newer, and remove\n` +
              '# the old one from PATH (setup uses an sccache on PATH first), e.g.',
            ourStepFix(PINNED_SCCACHE),
          )
        : { fix: V2_ENV_FOR_OTHER_SERVERS }),
    };
  },
};
