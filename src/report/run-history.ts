// What this run leaves for the next one (its namespace and hit rate, see src/github/run-record.ts),
// and whether it may: only the GitHub cache has a namespace to remember, and a read-only run writes
// nothing of ours either. Pure.
import type { RunRecord } from '../github/run-record.js';
import type { Facts } from './facts.js';

export function recordToRemember(facts: Facts, env: NodeJS.ProcessEnv): RunRecord | undefined {
  // Without setup's record the run's read-only decision is unknown: leave the cache alone.
  if (!facts.namespace || !facts.setup || facts.setup.readOnly.wanted) return undefined;
  return {
    runId: env['GITHUB_RUN_ID'] ?? '0',
    attempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
    namespace: facts.namespace,
    hits: facts.hits,
    lookups: facts.lookups,
  };
}
