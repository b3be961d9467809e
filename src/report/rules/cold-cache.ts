import type { Facts } from '../facts.js';
import { LOCAL_BACKEND, withOurStep } from './fixes.js';
import type { Diagnosis, Rule } from './rule.js';

/** Another readable ref that holds entries of this namespace, as the cache listing showed it. */
function warmElsewhere(facts: Facts): string | undefined {
  const other = facts.cacheListing?.byRef.find((r) => r.ref !== facts.scope?.ref && r.entries > 0);
  return other ? `${other.ref} holds ${other.entries} entries of this namespace` : undefined;
}

/**
 * The first run of this job on the default branch: no earlier record, nothing of this namespace on
 * another ref. There is nothing to change; the next run reads what this one wrote.
 */
function firstRunOnDefaultBranch(facts: Facts): boolean {
  const scope = facts.scope;
  return (
    facts.location.backend === 'gha' &&
    scope !== undefined &&
    scope.defaultBranch !== undefined &&
    scope.ref === `refs/heads/${scope.defaultBranch}` &&
    facts.previousRun === undefined &&
    warmElsewhere(facts) === undefined
  );
}

/** Why a GHA run read nothing: scope and namespace, the two things that decide what it can see. */
function coldFix(facts: Facts): Pick<Diagnosis, 'fix' | 'stepInputs'> {
  const { location } = facts;
  if (firstRunOnDefaultBranch(facts)) return { fix: '' };
  if (location.backend === 'gha') {
    const ns = location.namespace ?? `the hashed namespace ${location.name}`;
    const scope = facts.scopeDescription ? `# Here ${facts.scopeDescription}.\n` : '';
    return {
      fix:
        `# Entries live in namespace ${ns} (the sccache version plus SCCACHE_GHA_VERSION);\n` +
        '# a run reads entries written on its own ref, its base branch and the default branch; a pull\n' +
        '# request writes into refs/pull/N/merge, which only that PR can read; a tag reads the default branch.\n' +
        scope +
        (warmElsewhere(facts)
          ? `# ${warmElsewhere(facts)}: this run matched none of them, so its inputs differ\n` +
            '# (the toolchain, target, profile, RUSTFLAGS or CARGO_* variables): build it the same way there.'
          : '# Warm the default branch, and keep the sccache version and cache-namespace fixed:\n' +
            'on:\n  push:\n    branches: [main]'),
    };
  }
  if (location.backend === 'local') {
    const local = facts.setup?.localCache;
    if (local) {
      return {
        fix:
          `# ${location.path} started empty: ${local.restoreNote ?? 'the restored archive had none of these objects'}.\n` +
          '# The first run of a job (per OS, arch and job-label) has nothing to restore; the next one will.',
      };
    }
    return withOurStep(
      `# ${location.path} started empty: let sccache-guard keep it between runs`,
      LOCAL_BACKEND,
    );
  }
  return { fix: '# Nothing to fix if this is the first run in this cache; the next run should hit.' };
}

export const coldCache: Rule = {
  id: 'cold-cache',
  severity: 'notice',
  name: 'Cold cache',
  actionable: false,
  docs: {
    meaning:
      'Every lookup missed and nearly every miss was written without error: the cache had nothing yet for this ' +
      'namespace and scope, and the next run with the same namespace and scope should hit. For the GitHub cache ' +
      'the namespace is `sccache-v<version>` plus `SCCACHE_GHA_VERSION` (hashed in v2), so an sccache upgrade or a ' +
      'new cache-namespace starts cold; the scope is the ref: a run reads entries of its own ref and of the ' +
      'default branch, a pull request writes into `refs/pull/N/merge`, readable only by that pull request, and a ' +
      'tag run reads the default branch.',
    evidence:
      '`cache_hits` = 0, `cache_misses` > 0, `cache_writes` ≥ 90 % of misses, and no write errors, cache errors, ' +
      'timeouts or forced recaches.',
    fix:
      'Nothing, if this is the first run in this namespace. Otherwise warm the default branch (a push build on ' +
      'main) and keep the sccache version and `cache-namespace` stable; for a local cache, persist `SCCACHE_DIR`.',
  },
  needs: ['cacheWrites'],
  check(facts) {
    const { stats } = facts;
    if (facts.hits !== 0 || facts.misses === 0 || stats.cacheWriteErrors !== 0) return undefined;
    // Misses with another cause (failed reads, timeouts, SCCACHE_RECACHE) are not a cold cache.
    if (facts.cacheErrors >= facts.misses || stats.cacheTimeouts > 0 || stats.forcedRecaches > 0)
      return undefined;
    const writes = stats.cacheWrites!; // needs: ['cacheWrites']
    if (writes < 0.9 * facts.misses) return undefined;
    // Not cold when the cause is known: a warm earlier run with other inputs (config-changed).
    const previous = facts.previousRun;
    if (previous && previous.lookups > 0 && facts.inputChanges.length > 0) return undefined;
    if (firstRunOnDefaultBranch(facts)) {
      return {
        title: `Cold first run on ${facts.scope!.ref}: the next run reads the ${facts.misses} objects this one wrote`,
        evidence: `0 hits, ${facts.misses} misses, ${writes} writes, 0 write errors; no earlier run of this job left a record.`,
        fix: '',
      };
    }
    return {
      title:
        facts.misses === 1
          ? 'Cold cache: the one lookup missed and was written for the next run'
          : `Cold cache: all ${facts.misses} lookups missed and were written for the next run`,
      evidence: `0 hits, ${facts.misses} misses, ${writes} writes, 0 write errors.`,
      ...coldFix(facts),
    };
  },
};
