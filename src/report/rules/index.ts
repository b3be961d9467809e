// Runs every rule over the facts. Adding a diagnosis is adding a file to rules/ and a line here.
import type { Facts } from '../facts.js';
import type { JobFacts } from '../job-facts.js';
import { SEVERITY_ORDER, type Diagnosis, type Finding, type Rule, type Severity } from './rule.js';
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

/**
 * One finding from what the run showed and what the workflow says, when both saw the same cause:
 * the run's numbers first, then the workflow's evidence, the workflow's fix (it names the line).
 */
function merge(fromRun: Diagnosis, fromJob: Diagnosis): Diagnosis {
  return {
    ...fromRun,
    evidence: `${fromRun.evidence} In the workflow: ${fromJob.evidence}`,
    fix: fromJob.fix,
    ...(fromJob.line !== undefined ? { line: fromJob.line } : {}),
    ...(fromJob.file !== undefined ? { file: fromJob.file } : {}),
  };
}

function finding(rule: Rule, diagnosis: Diagnosis, job?: JobFacts): Finding {
  const { line, file, ...said } = diagnosis;
  return {
    ...said,
    severity: diagnosis.severity ?? rule.severity,
    id: rule.id,
    actionable: rule.actionable,
    ...(job ? { job: job.jobId } : {}),
    ...(job && line !== undefined ? { place: { file: file ?? job.file, line } } : {}),
  };
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
    let fromRun = facts && rule.check ? rule.check(facts) : undefined;
    for (const job of jobs) {
      const fromJob = rule.checkJob?.(job, facts);
      if (!fromJob) continue;
      const said = fromRun ? merge(fromRun, fromJob) : fromJob;
      const jobSeverity = fromJob.severity ?? rule.severity;
      const severity = fromRun ? moreSevere(fromRun.severity ?? rule.severity, jobSeverity) : jobSeverity;
      findings.push(finding(rule, { ...said, severity }, job));
      fromRun = undefined;
    }
    if (fromRun) findings.push(finding(rule, fromRun));
  }
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
