// From stats text to findings: the pure core shared by the post step and the explain command.
import { parseStats, type SccacheStats } from '../sccache/stats.js';
import { NEWEST_TESTED_VERSION, parseVersion, type SccacheVersion } from '../sccache/version.js';
import { buildFacts, type Facts, type RunContext } from './facts.js';
import type { JobFacts } from './job-facts.js';
import { applyRules, undecidedRules, type Undecided } from './rules/index.js';
import type { Finding } from './rules/rule.js';

export interface Analysis {
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  /** Rules the stats could not decide (the text form lacks counters they read). */
  readonly undecided: readonly Undecided[];
}

/**
 * Throws StatsParseError when the text is not sccache stats JSON. `jobs` are the workflow's jobs
 * this run belongs to, when the workflow file was read: their findings join the run's.
 */
export function analyzeStats(
  statsJson: string,
  context: RunContext = {},
  jobs: readonly JobFacts[] = [],
): Analysis {
  return analyzeParsed(parseStats(statsJson), context, jobs);
}

export function analyzeParsed(
  stats: SccacheStats,
  context: RunContext = {},
  jobs: readonly JobFacts[] = [],
): Analysis {
  const facts = buildFacts(stats, context);
  return { facts, findings: applyRules(facts, jobs), undecided: undecidedRules(facts) };
}

/**
 * The sccache version a workflow's variables are judged for: the first of the candidates, in the
 * order the caller trusts them, that is a version (the post step: setup's binary, then the stats;
 * explain: --sccache-version, then the stats), else the newest this project has tested.
 */
export function versionToJudge(...candidates: readonly (string | null | undefined)[]): SccacheVersion {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const version = parseVersion(candidate.replace(/^v/, ''));
    if (version.semver !== null) return version;
  }
  return parseVersion(NEWEST_TESTED_VERSION);
}

/** A workflow file alone (explain --workflow without --stats): what its jobs show. */
export function analyzeWorkflow(jobs: readonly JobFacts[]): readonly Finding[] {
  return applyRules(undefined, jobs);
}
