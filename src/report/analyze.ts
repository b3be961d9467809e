// From stats text to findings: the pure core shared by the post step and the explain command.
import { parseStats } from '../sccache/stats.js';
import { buildFacts, type Facts, type RunContext } from './facts.js';
import { applyRules } from './rules/index.js';
import type { Finding } from './rules/rule.js';

export interface Analysis {
  readonly facts: Facts;
  readonly findings: readonly Finding[];
}

/** Throws StatsParseError when the text is not sccache stats JSON. */
export function analyzeStats(statsJson: string, context: RunContext = {}): Analysis {
  const facts = buildFacts(parseStats(statsJson), context);
  return { facts, findings: applyRules(facts) };
}
