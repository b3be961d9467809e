// Step outputs and the explain command's JSON: the machine-readable faces of one analysis.
import type { Facts } from '../facts.js';
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

export interface ExplainJson {
  readonly hitRate: number | null;
  readonly hits: number;
  readonly misses: number;
  readonly findings: readonly {
    id: string;
    severity: string;
    title: string;
    evidence: string;
    fix: string;
  }[];
  readonly languages: readonly { language: string; hits: number; misses: number; hitRate: number | null }[];
  readonly nonCacheable: readonly { reason: string; count: number; kind: string }[];
  readonly cacheLocation: { backend: string; protocol?: string; namespace?: string; raw: string };
  readonly sccacheVersion: string | null;
}

export function renderExplainJson(facts: Facts, findings: readonly Finding[]): ExplainJson {
  const { location } = facts;
  return {
    hitRate: facts.hitRate,
    hits: facts.hits,
    misses: facts.misses,
    findings: findings.map(({ id, severity, title, evidence, fix }) => ({
      id,
      severity,
      title,
      evidence,
      fix,
    })),
    languages: facts.languages.map(({ language, hits, misses, hitRate }) => ({
      language,
      hits,
      misses,
      hitRate,
    })),
    nonCacheable: facts.nonCacheable.map(({ reason, count, kind }) => ({ reason, count, kind })),
    cacheLocation: {
      backend: location.backend,
      raw: location.raw,
      ...(location.protocol ? { protocol: location.protocol } : {}),
      ...(location.namespace ? { namespace: location.namespace } : {}),
    },
    sccacheVersion: facts.stats.version,
  };
}
