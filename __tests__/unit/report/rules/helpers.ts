import assert from 'node:assert/strict';
// Shared by the rule tests (one file per finding id): run the analysis on a stats fixture, as it is
// or edited to show exactly one cause, pick out one finding, and build the record setup hands the
// report with setup's own code (readSettings → planSetup → fallbackPlan → buildSetupRecord), the
// way src/setup/main.ts does, so that a rule is tested on records setup can really write.
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { readFileSync } from 'node:fs';
import { jobLabel } from '../../../../src/github/job.js';
import { parseRecord, type KeyInputs, type RunRecord } from '../../../../src/github/run-record.js';
import { localCacheKeys } from '../../../../src/github/sccache-dir-key.js';
import type { Preflight, ServerLogSnapshot, SetupRecord } from '../../../../src/handoff.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts, RunContext } from '../../../../src/report/facts.js';
import { keyInputs, type KeyInputsSource } from '../../../../src/report/key-inputs.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import type { Env } from '../../../../src/sccache/environment.js';
import { scanLog, type LogFacts } from '../../../../src/sccache/log-scanner.js';
import { capabilitiesOf, parseVersionOutput } from '../../../../src/sccache/version.js';
import { readSettings } from '../../../../src/setup/inputs.js';
import { fallbackPlan, planSetup, type PlanInput } from '../../../../src/setup/plan.js';
import { buildSetupRecord } from '../../../../src/setup/record.js';
import { FIXTURES, statsDocument, statsFixture } from '../../../fixtures/index.js';

export const GITHUB_COM = 'https://github.com';
export const GHES = 'https://git.example.org';
export const SCCACHE_PATH = '/opt/sccache/bin/sccache';

/** The ids of every finding for these stats, most severe first. */
export const ids = (statsJson: string, context: RunContext = {}): string[] =>
  analyzeStats(statsJson, context).findings.map((f) => f.id);

/** The ids of every finding for a stats fixture, as committed. */
export const idsOf = (name: string, context: RunContext = {}): string[] => ids(statsFixture(name), context);

/** The finding `id` for these stats, if the rule fired. */
export const findingIn = (statsJson: string, id: string, context: RunContext = {}): Finding | undefined =>
  analyzeStats(statsJson, context).findings.find((f) => f.id === id);

/** A stats fixture with one edit applied, as JSON text. */
export function edited(name: string, edit: (doc: Record<string, any>) => void): string {
  const doc = statsDocument(name);
  edit(doc);
  return JSON.stringify(doc);
}

/** The total of a `counts` map (`cache_hits.counts`, `cache_misses.counts`, `not_cached`, …). */
export const total = (counts: Readonly<Record<string, number>> | undefined): number =>
  Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

/** A committed sccache server log (__tests__/fixtures/logs), as text. */
export const logFixture = (name: string): string => readFileSync(`${FIXTURES}logs/${name}`, 'utf8');

/** What the report's log scanner reads from a committed log. */
export const logFacts = (name: string): LogFacts => scanLog(logFixture(name));

/** The lines of a committed log that contain every one of `parts`. */
export const logLines = (name: string, ...parts: string[]): string[] =>
  logFixture(name)
    .split('\n')
    .filter((line) => parts.every((part) => line.includes(part)));

export interface SetupScenario {
  /** What `sccache --version` printed after "sccache ": usually the `version` of the stats fixture. */
  readonly version: string;
  /** Action inputs by name (`backend`, `read-only`, `cache-namespace`, …); the rest take their defaults. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** GITHUB_SERVER_URL; github.com by default. */
  readonly serverUrl?: string;
  /** GITHUB_EVENT_NAME; push by default (a pull_request run gets refs/pull/7/merge). */
  readonly event?: string;
  /** The job's own variables, on top of what the runner gives every action. */
  readonly env?: Env;
  /** `sccache --help` lists "GHA: true"; false for Debian's build. */
  readonly ghaCompiledIn?: boolean;
  /** What the preflight of the planned backend answered; by default the server started as planned. */
  readonly preflight?: Preflight;
  /** A local plan restores SCCACHE_DIR: why nothing was restored, or (absent) the key it came from. */
  readonly restoreNote?: string;
  /** What the server log held when setup finished; absent (as when setup read no log) by default. */
  readonly serverLog?: ServerLogSnapshot;
}

/** The action's environment on a runner, with the scenario's job variables. */
export function runnerEnv(scenario: SetupScenario): Env {
  const event = scenario.event ?? 'push';
  return {
    GITHUB_SERVER_URL: scenario.serverUrl ?? GITHUB_COM,
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: event.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '1235',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    HOME: '/home/runner',
    ACTIONS_RUNTIME_TOKEN: 'ghs_runtime_token_value',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    ACTIONS_CACHE_URL: 'https://cache.example/',
    ...scenario.env,
  };
}

/** The input setup plans from, as src/setup/main.ts assembles it. */
export function planInput(scenario: SetupScenario): PlanInput {
  const inputs = scenario.inputs ?? {};
  const version = parseVersionOutput(`sccache ${scenario.version}\n`);
  return {
    settings: readSettings((name) => inputs[name] ?? ''),
    version,
    capabilities: capabilitiesOf(version),
    sccachePath: SCCACHE_PATH,
    env: runnerEnv(scenario),
    ghaCompiledIn: scenario.ghaCompiledIn ?? true,
    logPath: '/home/runner/work/_temp/sccache-guard/sccache.log',
    localCacheDir: '/home/runner/.cache/sccache',
    serverPort: '41234',
  };
}

/**
 * The record setup leaves for the report in this scenario: the plan, the fallback to local disk
 * when the planned backend failed its preflight (on-backend-failure: fallback), the local archive
 * restore, exactly as src/setup/main.ts sequences them.
 */
export function setupRecord(scenario: SetupScenario): SetupRecord {
  const input = planInput(scenario);
  const { settings } = input;
  const planned = planSetup(input);
  const localCache =
    planned.backend === 'local'
      ? (() => {
          const keys = localCacheKeys(input.env, jobLabel(settings.jobLabel, input.env));
          return {
            dir: planned.exports['SCCACHE_DIR']!,
            ...keys,
            ...(scenario.restoreNote
              ? { restoreNote: scenario.restoreNote }
              : { restoredKey: `${keys.restorePrefix}1234-1` }),
          };
        })()
      : undefined;
  let plan = planned;
  let preflight: Preflight = scenario.preflight ?? { ok: true, fallback: false };
  if (!preflight.ok && settings.onBackendFailure === 'fallback' && planned.backend !== 'local') {
    plan = fallbackPlan(planned, input, preflight.error ?? 'preflight failed');
    preflight = {
      ok: true,
      location: `Local disk: "${plan.exports['SCCACHE_DIR']}"`,
      error: preflight.error,
      fallback: true,
    };
  }
  return buildSetupRecord({
    startedAt: '2026-11-25T12:00:00.000Z',
    settings,
    sccachePath: SCCACHE_PATH,
    sccacheVersion: input.version.raw,
    planned,
    plan,
    preflight,
    logPath: input.logPath,
    ...(scenario.serverLog ? { serverLog: scenario.serverLog } : {}),
    ...(localCache ? { localCache } : {}),
  });
}

/** The newest earlier run of this job, as the report reads it back from its cache-entry key. */
export function previousRunRecord(
  runId: string,
  namespace: string,
  hits: number,
  lookups: number,
): RunRecord {
  // Through the record's own schema, as the report reads one back from the cache.
  const record = parseRecord(
    JSON.stringify({
      schema: 2,
      runId,
      attempt: '1',
      ref: 'refs/heads/main',
      event: 'push',
      savedAt: '2026-11-24T10:00:00.000Z',
      namespace,
      hits,
      misses: lookups - hits,
      lookups,
      inputs: {
        sccacheVersion: namespace.replace(/^sccache-v/, '').split('-')[0],
        namespace,
        targets: [],
        env: {},
      },
      crates: { hit: [], missed: [], more: 0 },
    }),
  );
  if ('invalid' in record) throw new Error(`not a run record: ${record.invalid}`);
  return record;
}

/** What went into a run's keys, as the report records them (keyInputs): no env, targets or secrets unless given. */
export const runInputs = (
  source: Partial<KeyInputsSource> & { readonly sccacheVersion: string },
): KeyInputs => keyInputs({ env: {}, logTargets: [], secrets: [], ...source });

export interface RecordFields {
  readonly inputs: KeyInputs;
  readonly runId?: string;
  /** refs/heads/main by default. */
  readonly ref?: string;
  readonly event?: string;
  readonly namespace?: string;
  readonly hits?: number;
  readonly misses?: number;
  readonly crates?: { readonly hit: string[]; readonly missed: string[]; readonly more: number };
  /** The hit rates of the runs up to this one (absent in records from before trends). */
  readonly trend?: readonly (number | null)[];
}

/** An earlier run's record with these inputs, read back through the record's schema as the report reads it. */
export function runRecord(fields: RecordFields): RunRecord {
  const hits = fields.hits ?? 900;
  const misses = fields.misses ?? 100;
  const record = parseRecord(
    JSON.stringify({
      schema: 2,
      runId: fields.runId ?? '1234',
      attempt: '1',
      ref: fields.ref ?? 'refs/heads/main',
      event: fields.event ?? 'push',
      savedAt: '2026-11-24T10:00:00.000Z',
      ...(fields.namespace ? { namespace: fields.namespace } : {}),
      hits,
      misses,
      lookups: hits + misses,
      ...(fields.trend ? { trend: fields.trend } : {}),
      inputs: fields.inputs,
      crates: fields.crates ?? { hit: [], missed: [], more: 0 },
    }),
  );
  if ('invalid' in record) throw new Error(`not a run record: ${record.invalid}`);
  return record;
}

/** A copy of `value` without `keys` (a context without its record, inputs without a field, …). */
export function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The first job of a workflow text, read the way the report reads it. */
export function workflowJob(yaml: string, version = '0.16.0', file = '.github/workflows/ci.yml'): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file, version: parseVersion(version) });
}

/** The findings of one id for a job (and, when given, the run's facts). */
export const jobFindings = (id: string, job: JobFacts, facts?: Facts): Finding[] =>
  applyRules(facts, [job]).filter((f) => f.id === id);

/** The one finding of that id; fails the test when there are none or several. */
export function onlyJobFinding(id: string, job: JobFacts, facts?: Facts): Finding {
  const found = jobFindings(id, job, facts);
  assert.equal(found.length, 1, `one ${id} finding, not ${found.length}`);
  return found[0]!;
}

/** The 1-based line that holds `marker`, which must stand on exactly one line. */
export function lineWith(text: string, marker: string): number {
  const at = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
  assert.equal(at.length, 1, `"${marker}" should be on exactly one line`);
  return at[0]!;
}

/**
 * A run of real sccache 0.16.0 against the cache-service emulator with one fault injected
 * (__tests__/e2e/faults.e2e.test.ts, CAPTURE_FIXTURES=1): its stats JSON and what its log says.
 */
export const faultRun = (name: string): { readonly stats: string; readonly log: LogFacts } => ({
  stats: logFixture(`real-0.16.0-fault-${name}.stats.json`),
  log: logFacts(`real-0.16.0-fault-${name}.log`),
});

/** The findings of a fault run, with its log or (log: false) from the stats alone. */
export const faultIds = (name: string, withLog = true): string[] => {
  const run = faultRun(name);
  return ids(run.stats, withLog ? { log: run.log } : {});
};

/** One finding of a fault run, read with its log. */
export const faultFinding = (name: string, id: string): Finding | undefined => {
  const run = faultRun(name);
  return findingIn(run.stats, id, { log: run.log });
};
