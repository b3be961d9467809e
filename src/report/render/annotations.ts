// Annotations for the findings a user can act on, within GitHub's limits.
import { clipChars, ELLIPSIS, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from '../../util/annotation-limits.js';
import type { Finding, Severity } from '../rules/rule.js';

export interface Annotation {
  readonly level: Severity;
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly startLine?: number;
}

/**
 * GitHub shows at most 10 warning and 10 error annotations per step (and 50 per job); more are
 * dropped without a word, so we choose which: the most severe findings come first.
 */
export const MAX_PER_LEVEL = 10;

/** Shares of the message (they add up to less than it), so a huge title or evidence cannot push the fix out. */
const MAX_MESSAGE_TITLE_CHARS = 400;
const MAX_EVIDENCE_CHARS = 2000;
const MAX_FIX_CHARS = 1500;

/** One line: a title with a line break in it would show only its first line, or break the UI. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "sccache <id> (<label>)", the label cut first so the id always shows. */
export function annotationTitle(id: string, label: string, prefix = `sccache ${oneLine(id)}`): string {
  const room = MAX_TITLE_CHARS - prefix.length - ' ()'.length;
  const job = label && room > ELLIPSIS.length ? ` (${clipChars(oneLine(label), room)})` : '';
  return clipChars(prefix + job, MAX_TITLE_CHARS);
}

function annotationMessage(finding: Finding): string {
  const title = clipChars(finding.title, MAX_MESSAGE_TITLE_CHARS);
  const evidence = clipChars(finding.evidence, MAX_EVIDENCE_CHARS);
  const fix = clipChars(finding.fix, MAX_FIX_CHARS);
  return clipChars(`${title}. ${evidence}\nFix:\n${fix}`, MAX_MESSAGE_CHARS);
}

export function renderAnnotations(findings: readonly Finding[], label: string): Annotation[] {
  const perLevel = new Map<Severity, number>();
  const annotations: Annotation[] = [];
  for (const finding of findings) {
    // Notices are information: they stay in the summary, unless they name a workflow line to change.
    if (!finding.actionable || (finding.severity === 'notice' && !finding.place)) continue;
    const used = perLevel.get(finding.severity) ?? 0;
    if (used >= MAX_PER_LEVEL) continue;
    perLevel.set(finding.severity, used + 1);
    const place = finding.place;
    annotations.push({
      level: finding.severity,
      title: annotationTitle(finding.id, label),
      message: annotationMessage(finding),
      ...(place ? { file: place.file, startLine: place.line } : {}),
    });
  }
  return annotations;
}

/** The one warning of a report that could not be made: "sccache-guard report (<label>)", capped. */
export function problemAnnotation(message: string, label: string): { title: string; message: string } {
  return {
    title: annotationTitle('', label, 'sccache-guard report'),
    message: clipChars(message, MAX_MESSAGE_CHARS),
  };
}
