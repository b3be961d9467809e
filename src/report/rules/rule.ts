// The shape of a diagnosis: metadata beside a pure check, one rule per file (like an ESLint rule or
// a Clippy lint). docs/findings.md is generated from the same metadata.
import { formatPercent } from '../../util/percent.js';
import type { Facts } from '../facts.js';
import type { JobFacts } from '../job-facts.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface RuleDocs {
  /** What the finding means and why it costs hits. */
  readonly meaning: string;
  /** Which numbers prove it. */
  readonly evidence: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What a rule says about this run; the rule's metadata supplies the rest of the Finding. */
export interface Diagnosis {
  /** One line, with this run's numbers. */
  readonly title: string;
  /** The numbers from this run that show it. */
  readonly evidence: string;
  /** The exact change to make (a YAML or env line where there is one). */
  readonly fix: string;
  /** Overrides the rule's severity when the context changes the verdict. */
  readonly severity?: Severity;
  /** The workflow line to change (1-based), for a diagnosis made from the workflow file. */
  readonly line?: number;
  /** The file of that line, when it is not the job's own (a reusable workflow's caller). */
  readonly file?: string;
  /**
   * The fix sets these inputs on our step (name → value as written after `name: `, maybe with a
   * trailing `# comment`); `fix` then holds the generic snippet of fixes.ts, shown when the workflow
   * is unknown. applyRules puts them into the user's own step when it has that step's lines.
   */
  readonly stepInputs?: Readonly<Record<string, string>>;
}

/**
 * Counters a form of the stats may leave out (null in SccacheStats): sccache's text output never
 * prints cache_writes. A rule that cannot decide without one names it in `needs`; applyRules then
 * does not run its check and reports it as undecided instead of guessing.
 */
export type OptionalCounter = 'cacheWrites';

export interface Rule {
  readonly id: string;
  /** The optional counters `check` reads; with one missing, it is reported as undecided. */
  readonly needs?: readonly OptionalCounter[];
  readonly severity: Severity;
  /** A short name for the docs heading. */
  readonly name: string;
  /** Worth an annotation: there is something to change. Informational notes stay in the summary. */
  readonly actionable: boolean;
  readonly docs: RuleDocs;
  /** From the run: the stats, the server log, setup's record. */
  readonly check?: (facts: Facts) => Diagnosis | undefined;
  /** From the workflow file: one job's steps and env, with lines; `facts` when the run is known too. */
  readonly checkJob?: (job: JobFacts, facts: Facts | undefined) => Diagnosis | undefined;
}

/** Where in the workflow a finding points: the file as given and a 1-based line. */
export interface Place {
  readonly file: string;
  readonly line: number;
}

export interface Finding extends Omit<Diagnosis, 'line' | 'stepInputs'> {
  readonly id: string;
  readonly severity: Severity;
  readonly actionable: boolean;
  readonly place?: Place;
  /** The job it was found in, when the workflow was read (explain reads every job). */
  readonly job?: string;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/** Formats a fraction as the percent string used everywhere (one decimal). */
export const percent = (fraction: number): string => formatPercent(fraction);

/** "crate-type 240, - 29, missing input 1" */
export const listCounts = (rows: readonly { reason: string; count: number }[], max = 6): string => {
  const shown = rows.slice(0, max).map((r) => `\`${r.reason}\` ${r.count}`);
  return rows.length > max ? `${shown.join(', ')}, and ${rows.length - max} more` : shown.join(', ');
};
