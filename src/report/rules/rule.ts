// The shape of a diagnosis: metadata beside a pure check, one rule per file (like an ESLint rule or
// a Clippy lint). docs/findings.md is generated from the same metadata.
import { formatPercent } from '../../util/percent.js';
import type { Facts } from '../facts.js';

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
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** A short name for the docs heading. */
  readonly name: string;
  /** Worth an annotation: there is something to change. Informational notes stay in the summary. */
  readonly actionable: boolean;
  readonly docs: RuleDocs;
  readonly check: (facts: Facts) => Diagnosis | undefined;
}

export interface Finding extends Diagnosis {
  readonly id: string;
  readonly severity: Severity;
  readonly actionable: boolean;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/** Formats a fraction as the percent string used everywhere (one decimal). */
export const percent = (fraction: number): string => formatPercent(fraction);

/** "crate-type 240, - 29, missing input 1" */
export const listCounts = (rows: readonly { reason: string; count: number }[], max = 6): string => {
  const shown = rows.slice(0, max).map((r) => `\`${r.reason}\` ${r.count}`);
  return rows.length > max ? `${shown.join(', ')}, and ${rows.length - max} more` : shown.join(', ');
};
