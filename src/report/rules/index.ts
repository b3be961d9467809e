// Runs every rule over the facts. Adding a diagnosis is adding a file to rules/ and a line here.
import type { Facts } from '../facts.js';
import { fitOurStep } from '../fit-fix.js';
import type { JobFacts } from '../job-facts.js';
import { ourStepSnippet } from './fixes.js';
import {
  SEVERITY_ORDER,
  type Diagnosis,
  type Finding,
  type OptionalCounter,
  type Rule,
  type Severity,
} from './rule.js';
import { backendFallback } from './backend-fallback.js';
import { foreignServer } from './foreign-server.js';
import { backendOverridden } from './backend-overridden.js';
import { cacheErrors } from './cache-errors.js';
import { deadEnvVar } from './dead-env-var.js';
import { invalidEnvValue } from './invalid-env-value.js';
import { sccacheTooOld } from './sccache-too-old.js';
import { cacheTimeouts } from './cache-timeouts.js';
import { cacheUnreachable } from './cache-unreachable.js';
import { coldCache } from './cold-cache.js';
import { expectedNonCacheable } from './expected-non-cacheable.js';
import { forcedRecache } from './forced-recache.js';
import { ghaProtocolV1 } from './gha-protocol-v1.js';
import { namespaceChanged } from './namespace-changed.js';
import { incrementalCompilation } from './incremental-compilation.js';
import { noCompilations } from './no-compilations.js';
import { nothingCacheable } from './nothing-cacheable.js';
import { readOnlyCache } from './read-only-cache.js';
import { slowCache } from './slow-cache.js';
import { backendAdvice } from './backend-advice.js';
import { writeErrors } from './write-errors.js';
import { duplicateSetup } from './duplicate-setup.js';
import { noEffectEnv } from './no-effect-env.js';
import { serverRestarted } from './server-restarted.js';
import { tagScope } from './tag-scope.js';
import { targetRestored } from './target-restored.js';
import { wrapperOverridden } from './wrapper-overridden.js';
import { configChanged } from './config-changed.js';
import { versionMismatch } from './version-mismatch.js';

export const RULES: readonly Rule[] = [
  noCompilations,
  sccacheTooOld,
  backendFallback,
  foreignServer,
  backendOverridden,
  duplicateSetup,
  wrapperOverridden,
  versionMismatch,
  serverRestarted,
  invalidEnvValue,
  deadEnvVar,
  nothingCacheable,
  ghaProtocolV1,
  readOnlyCache,
  writeErrors,
  cacheUnreachable,
  incrementalCompilation,
  tagScope,
  targetRestored,
  cacheTimeouts,
  slowCache,
  backendAdvice,
  cacheErrors,
  forcedRecache,
  namespaceChanged,
  configChanged,
  coldCache,
  noEffectEnv,
  expectedNonCacheable,
];

const moreSevere = (a: Severity, b: Severity): Severity =>
  SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;

/** A copy without stepInputs: they go with the fix they were given for, and never into a Finding. */
function withoutInputs(diagnosis: Diagnosis): Diagnosis {
  const copy: { -readonly [K in keyof Diagnosis]: Diagnosis[K] } = { ...diagnosis };
  delete copy.stepInputs;
  return copy;
}

/**
 * One finding from what the run showed and what the workflow says, when both saw the same cause:
 * the run's numbers first, then the workflow's evidence, the workflow's fix (it names the line).
 */
function merge(fromRun: Diagnosis, fromJob: Diagnosis): Diagnosis {
  return {
    // The fix is the workflow's, and so are the inputs it sets, if any.
    ...withoutInputs(fromRun),
    evidence: `${fromRun.evidence} In the workflow: ${fromJob.evidence}`,
    fix: fromJob.fix,
    ...(fromJob.line !== undefined ? { line: fromJob.line } : {}),
    ...(fromJob.file !== undefined ? { file: fromJob.file } : {}),
    ...(fromJob.stepInputs !== undefined ? { stepInputs: fromJob.stepInputs } : {}),
  };
}

/**
 * A fix that sets inputs on our step, shown on the user's own step when the job's lines of it are
 * known: the generic snippet gives way to that step with the inputs set, under the file and lines
 * it replaces, where the snippet stood (the prose and any other YAML of the fix stay around it);
 * the finding points at the step when it pointed nowhere. Otherwise the diagnosis as it is.
 */
function fitToJob(diagnosis: Diagnosis, job: JobFacts | undefined): Diagnosis {
  const inputs = diagnosis.stepInputs;
  if (!inputs || !job) return diagnosis;
  const ours = job.setups.find((s) => s.kind === 'sccache-guard');
  const snippet = ourStepSnippet(inputs);
  const at = diagnosis.fix.indexOf(snippet);
  const fitted = ours?.source && at >= 0 ? fitOurStep(ours.source, inputs) : undefined;
  if (!ours || !fitted) return diagnosis;
  const lines =
    fitted.firstLine === fitted.lastLine
      ? `line ${fitted.firstLine}`
      : `lines ${fitted.firstLine}–${fitted.lastLine}`;
  const placed = diagnosis.line === undefined;
  return {
    ...diagnosis,
    fix:
      diagnosis.fix.slice(0, at) +
      `# replace ${lines} of ${job.file} with:\n${fitted.text}` +
      diagnosis.fix.slice(at + snippet.length),
    ...(placed ? { line: ours.line } : {}),
  };
}

function finding(rule: Rule, diagnosis: Diagnosis, job?: JobFacts): Finding {
  const { line, file, ...said } = withoutInputs(diagnosis);
  return {
    ...said,
    severity: diagnosis.severity ?? rule.severity,
    id: rule.id,
    actionable: rule.actionable,
    ...(job ? { job: job.jobId } : {}),
    ...(job && line !== undefined ? { place: { file: file ?? job.file, line } } : {}),
  };
}

/** Counter names as sccache prints them in JSON, for the reader. */
const COUNTER_NAMES: Readonly<Record<OptionalCounter, string>> = { cacheWrites: 'cache_writes' };

const missingFor = (rule: Rule, facts: Facts): OptionalCounter[] =>
  (rule.needs ?? []).filter((counter) => facts.stats[counter] === null);

const decidable = (rule: Rule, facts: Facts): boolean => missingFor(rule, facts).length === 0;

/** A rule whose check could not run: the stats lack counters it reads (the text form). */
export interface Undecided {
  readonly id: string;
  /** The counters it lacked, as sccache's JSON names them. */
  readonly missing: readonly string[];
}

/** The rules applyRules could not decide for these stats, in rule order. */
export function undecidedRules(facts: Facts, rules: readonly Rule[] = RULES): Undecided[] {
  return rules.flatMap((rule) => {
    const missing = rule.check ? missingFor(rule, facts) : [];
    return missing.length ? [{ id: rule.id, missing: missing.map((m) => COUNTER_NAMES[m]) }] : [];
  });
}

/**
 * Every finding, most severe first, in rule order within a severity. `facts` is the run (absent
 * when only a workflow file is explained); `jobs` are the workflow's jobs that were read.
 */
export function applyRules(
  facts: Facts | undefined,
  jobs: readonly JobFacts[] = [],
  rules: readonly Rule[] = RULES,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let fromRun = facts && rule.check && decidable(rule, facts) ? rule.check(facts) : undefined;
    for (const job of jobs) {
      const fromJob = rule.checkJob?.(job, facts);
      if (!fromJob) continue;
      const said = fromRun ? merge(fromRun, fromJob) : fromJob;
      const jobSeverity = fromJob.severity ?? rule.severity;
      const severity = fromRun ? moreSevere(fromRun.severity ?? rule.severity, jobSeverity) : jobSeverity;
      findings.push(finding(rule, fitToJob({ ...said, severity }, job), job));
      fromRun = undefined;
    }
    if (fromRun) {
      // A finding of the run alone belongs to the one job read (the post step reads its own).
      const only = jobs.length === 1 ? jobs[0] : undefined;
      const fitted = fitToJob(fromRun, only);
      findings.push(fitted === fromRun ? finding(rule, fromRun) : finding(rule, fitted, only));
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
