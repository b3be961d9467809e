// What this run leaves for the next one (src/github/run-record.ts), and whether it may: a read-only
// run writes nothing of ours either, and a run whose setup fell back to local disk says nothing about
// the store the next run will use. Pure.
import { MAX_NAMED_CRATES, type RunRecord } from '../github/run-record.js';
import type { Facts } from './facts.js';

export interface RunIdentity {
  readonly runId: string;
  readonly attempt: string;
  readonly ref: string;
  readonly event: string;
  readonly savedAt: string;
}

export function recordToRemember(facts: Facts, run: RunIdentity): RunRecord | { readonly skip: string } {
  const setup = facts.setup;
  if (!setup) return { skip: 'setup did not run, so whether this run may write is unknown' };
  if (setup.readOnly.wanted) return { skip: `read-only run (${setup.readOnly.why})` };
  if (setup.preflight.fallback) return { skip: 'setup fell back to local disk' };
  if (!setup.preflight.ok) return { skip: "the cache store failed setup's preflight" };
  if (!facts.inputs) return { skip: 'the inputs of this run are unknown' };
  const hit: string[] = [];
  const missed: string[] = [];
  for (const [name, counts] of facts.log?.outcomes ?? []) (counts.misses > 0 ? missed : hit).push(name);
  const keep = (names: string[]) => names.sort().slice(0, MAX_NAMED_CRATES);
  return {
    schema: 2,
    runId: /^\d{1,20}$/.test(run.runId) ? run.runId : '0',
    attempt: /^\d{1,6}$/.test(run.attempt) ? run.attempt : '1',
    ref: run.ref,
    event: run.event,
    savedAt: run.savedAt,
    ...(facts.namespace ? { namespace: facts.namespace } : {}),
    hits: facts.hits,
    misses: facts.misses,
    lookups: facts.lookups,
    trend: [...facts.trend],
    inputs: facts.inputs,
    crates: {
      hit: keep(hit),
      missed: keep(missed),
      more: Math.max(0, hit.length - MAX_NAMED_CRATES) + Math.max(0, missed.length - MAX_NAMED_CRATES),
    },
  };
}
