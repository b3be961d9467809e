// Annotations for the findings a user can act on, within GitHub's per-step limits.
import type { Finding, Severity } from '../rules/rule.js';

export interface Annotation {
  readonly level: Severity;
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly startLine?: number;
}

/** GitHub shows at most 10 annotations of each level per step. */
export const MAX_PER_LEVEL = 10;
const MAX_MESSAGE = 4000;

export function renderAnnotations(findings: readonly Finding[], label: string): Annotation[] {
  const perLevel = new Map<Severity, number>();
  const annotations: Annotation[] = [];
  for (const finding of findings) {
    // Notices are information: they stay in the summary, unless they name a workflow line to change.
    if (!finding.actionable || (finding.severity === 'notice' && !finding.place)) continue;
    const used = perLevel.get(finding.severity) ?? 0;
    if (used >= MAX_PER_LEVEL) continue;
    perLevel.set(finding.severity, used + 1);
    const message = `${finding.title}. ${finding.evidence}\nFix:\n${finding.fix}`;
    const place = finding.place;
    annotations.push({
      level: finding.severity,
      title: `sccache ${finding.id}${label ? ` (${label})` : ''}`,
      message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
      ...(place ? { file: place.file, startLine: place.line } : {}),
    });
  }
  return annotations;
}
