// The summary's first line in words a person uses: is something wrong, and how the cache did.
// Pure: decided from the facts and the findings, so the headline and the sections never disagree.
import { formatPercent } from '../../util/percent.js';
import { counted } from '../../util/words.js';
import type { Facts } from '../facts.js';
import type { Finding } from '../rules/rule.js';

export type VerdictState = 'problems' | 'cold-first-run' | 'cold' | 'no-lookups' | 'warm' | 'partly-warm';

export interface Verdict {
  readonly state: VerdictState;
  /** "warm: 100.0 % of 34 lookups hit". */
  readonly words: string;
  /** Findings the headline has said in full: listing them again would say it twice. */
  readonly said: readonly string[];
}

/** Something the reader can change: a rule that calls for action, or a finding that offers a fix. */
export const needsAction = (finding: Finding): boolean => finding.actionable || finding.fix !== '';

const problems = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

/**
 * `undecided`: rules the stats could not decide (the text form lacks cache_writes), so misses
 * without a finding may still have a cause this report could not see.
 */
export function verdictOf(facts: Facts, findings: readonly Finding[], undecided = 0): Verdict {
  const toFix = findings.filter(needsAction);
  const cold = findings.find((f) => f.id === 'cold-cache');
  const lookups = counted(facts.lookups, 'lookup');
  if (toFix.length > 0 && toFix.some((f) => f.id !== 'cold-cache')) {
    const cost =
      facts.lookups === 0
        ? 'no cache lookups'
        : facts.misses === 0
          ? `all ${lookups} hit`
          : `${facts.misses} of ${lookups} missed`;
    return { state: 'problems', words: `${problems(toFix.length)} to fix — ${cost}`, said: [] };
  }
  if (cold && cold.fix === '') {
    return {
      state: 'cold-first-run',
      words: `cold first run — the next run reads the ${counted(facts.misses, 'object')} this one wrote`,
      said: [cold.id],
    };
  }
  if (cold) return { state: 'cold', words: `cold: all ${lookups} missed`, said: [] };
  if (facts.hitRate === null) return { state: 'no-lookups', words: 'no cache lookups', said: [] };
  if (facts.misses === 0)
    return { state: 'warm', words: `warm: ${formatPercent(facts.hitRate)} of ${lookups} hit`, said: [] };
  return {
    state: 'partly-warm',
    words: `${formatPercent(facts.hitRate)} of ${lookups} hit, ${counted(facts.misses, 'miss', 'misses')} ${
      undecided ? 'whose cause the text output cannot show' : 'with no known cause'
    }`,
    said: [],
  };
}
