// Runs every rule over the facts. Adding a diagnosis is adding a file to rules/ and a line here.
import type { Facts } from '../facts.js';
import { SEVERITY_ORDER, type Finding, type Rule } from './rule.js';
import { backendFallback } from './backend-fallback.js';
import { backendOverridden } from './backend-overridden.js';
import { cacheErrors } from './cache-errors.js';
import { deadEnvVar } from './dead-env-var.js';
import { invalidEnvValue } from './invalid-env-value.js';
import { sccacheTooOld } from './sccache-too-old.js';
import { cacheTimeouts } from './cache-timeouts.js';
import { coldCache } from './cold-cache.js';
import { expectedNonCacheable } from './expected-non-cacheable.js';
import { forcedRecache } from './forced-recache.js';
import { ghaProtocolV1 } from './gha-protocol-v1.js';
import { namespaceChanged } from './namespace-changed.js';
import { incrementalCompilation } from './incremental-compilation.js';
import { noCompilations } from './no-compilations.js';
import { nothingCacheable } from './nothing-cacheable.js';
import { readOnlyCache } from './read-only-cache.js';
import { writeErrors } from './write-errors.js';

export const RULES: readonly Rule[] = [
  noCompilations,
  sccacheTooOld,
  backendFallback,
  backendOverridden,
  invalidEnvValue,
  deadEnvVar,
  nothingCacheable,
  ghaProtocolV1,
  readOnlyCache,
  writeErrors,
  incrementalCompilation,
  cacheTimeouts,
  cacheErrors,
  forcedRecache,
  namespaceChanged,
  coldCache,
  expectedNonCacheable,
];

/** Every finding for this run, most severe first, in rule order within a severity. */
export function applyRules(facts: Facts, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const diagnosis = rule.check(facts);
    if (!diagnosis) continue;
    findings.push({ severity: rule.severity, ...diagnosis, id: rule.id, actionable: rule.actionable });
  }
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
