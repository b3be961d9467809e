// Step outputs and the explain command's JSON: the machine-readable faces of one analysis.
import type { Facts } from '../facts.js';
import type { Undecided } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';
import { percentDigits } from '../../util/percent.js';

export type ReportOutputs = Readonly<
  Record<'hit-rate' | 'hits' | 'misses' | 'findings' | 'stats-json', string>
>;

/** Percent with one decimal ("71.4"); empty when nothing was looked up. */
export const hitRatePercent = (hitRate: number | null): string =>
  hitRate === null ? '' : percentDigits(hitRate);

export function renderOutputs(facts: Facts, findings: readonly Finding[], statsPath: string): ReportOutputs {
  return {
    'hit-rate': hitRatePercent(facts.hitRate),
    hits: String(facts.hits),
    misses: String(facts.misses),
    findings: JSON.stringify(findings.map((f) => f.id)),
    'stats-json': statsPath,
  };
}

/** One finding in explain's JSON: `file` (as given) and `line` when the workflow shows where. */
export interface ExplainFinding {
  readonly id: string;
  readonly severity: string;
  readonly title: string;
  readonly evidence: string;
  readonly fix: string;
  readonly file?: string;
  readonly line?: number;
  readonly job?: string;
}

export interface ExplainJson {
  /** The stats' numbers; null when only a workflow file was explained. */
  readonly hitRate: number | null;
  readonly hits: number | null;
  readonly misses: number | null;
  readonly findings: readonly ExplainFinding[];
  readonly languages: readonly { language: string; hits: number; misses: number; hitRate: number | null }[];
  readonly nonCacheable: readonly { reason: string; count: number; kind: string }[];
  readonly cacheLocation: { backend: string; protocol?: string; namespace?: string; raw: string } | null;
  /** The version the stats report; without stats, the version the workflow was judged for. */
  readonly sccacheVersion: string | null;
  /** What the stats were read from: sccache's JSON or its text table; null without stats. */
  readonly statsForm: 'json' | 'text' | null;
  /** Text form: stats blocks in the input (the last is explained), and lines not understood. */
  readonly statsBlocks: number | null;
  readonly notUnderstood: readonly string[];
  /** Rules the stats could not decide, and the counters they lacked (the text form). */
  readonly undecided: readonly Undecided[];
  /** The workflow file and the jobs read from it, with --workflow. */
  readonly workflow?: {
    readonly file: string;
    readonly jobs: readonly string[];
    readonly notes: readonly string[];
  };
}

const explainFinding = ({ id, severity, title, evidence, fix, place, job }: Finding): ExplainFinding => ({
  id,
  severity,
  title,
  evidence,
  fix,
  ...(place ? { file: place.file, line: place.line } : {}),
  ...(job ? { job } : {}),
});

export function renderExplainJson(
  facts: Facts | undefined,
  findings: readonly Finding[],
  workflow?: ExplainJson['workflow'],
  sccacheVersion: string | null = facts?.stats.version ?? null,
  undecided: readonly Undecided[] = [],
): ExplainJson {
  const location = facts?.location;
  return {
    hitRate: facts ? facts.hitRate : null,
    hits: facts ? facts.hits : null,
    misses: facts ? facts.misses : null,
    findings: findings.map(explainFinding),
    languages: (facts?.languages ?? []).map(({ language, hits, misses, hitRate }) => ({
      language,
      hits,
      misses,
      hitRate,
    })),
    nonCacheable: (facts?.nonCacheable ?? []).map(({ reason, count, kind }) => ({ reason, count, kind })),
    cacheLocation: location
      ? {
          backend: location.backend,
          raw: location.raw,
          ...(location.protocol ? { protocol: location.protocol } : {}),
          ...(location.namespace ? { namespace: location.namespace } : {}),
        }
      : null,
    sccacheVersion,
    statsForm: facts ? facts.stats.form : null,
    statsBlocks: facts ? facts.stats.blocks : null,
    notUnderstood: facts ? [...facts.stats.notUnderstood] : [],
    undecided,
    ...(workflow ? { workflow } : {}),
  };
}
