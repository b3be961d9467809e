// The post step: read sccache's stats, explain them, and write the summary, annotations and outputs.
// It never fails the job on a problem of its own or of the cache: every problem becomes a warning and
// a summary that says what happened. The one failure is the user's: min-hit-rate (hit-rate-floor.ts).
// run() takes everything it touches as deps, so its decisions are unit-tested without a runner.
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { maskSecrets, runnerCore, type Core } from '../github/core.js';
import { jobLabel } from '../github/job.js';
import { listNamespace } from '../github/cache-listing.js';
import { pruneOlderEntries, type PruneRequest, type PruneResult } from '../github/cache-pruning.js';
import { recordKeyPrefix, type RunRecord } from '../github/run-record.js';
import { findPreviousRecord, saveRecord, type SavedRecord } from '../github/run-record-store.js';
import { currentScope, type RunScope } from '../github/run-scope.js';
import { saveLocalCache, type SaveResult } from '../github/sccache-dir-archive.js';
import { workflowLineLink, workflowOfRun } from '../github/workflow-file.js';
import {
  minHitRate,
  parseSetupRecord,
  savePolicy,
  STATE,
  summaryMode,
  type SetupRecord,
} from '../handoff.js';
import { SccacheCommandError, showStats } from '../sccache/command.js';
import { credentialsToMask } from '../sccache/credentials.js';
import { readLogFacts } from '../sccache/log-reader.js';
import type { LogFacts } from '../sccache/log-scanner.js';
import { stopServer, type ServerEnv } from '../sccache/server.js';
import { StatsParseError, type SccacheStats } from '../sccache/stats.js';
import { isStatsText, parseStatsOutput } from '../sccache/stats-input.js';
import { formatBytes } from '../util/bytes.js';
import { formatPercent } from '../util/percent.js';
import { parseBooleanInput } from '../util/boolean-input.js';
import { redact } from '../util/redact.js';
import { redactJsonStrings } from '../util/redact-json.js';
import { secretScrubber } from '../util/scrub.js';
import { withinBudget } from '../util/deadline.js';
import { counted } from '../util/words.js';
import { actionTempDir } from '../util/temp-dir.js';
import { analyzeParsed, versionToJudge } from './analyze.js';
import { buildFacts, type RunContext } from './facts.js';
import { collectHistory, type HistoryDeps } from './history.js';
import { hitRateFloor } from './hit-rate-floor.js';
import { rustcToolchain } from './toolchain.js';
import { inspectWorkspace } from './workspace.js';
import { binaryVersion } from '../sccache/binary.js';
import { archiveOutcome, decideArchive, describeArchive, type ArchiveOutcome } from './archive.js';
import type { Facts } from './facts.js';
import type { JobFacts } from './job-facts.js';
import { readWorkflowJobs, type WorkflowRead, type WorkflowRequest } from './read-workflow.js';
import { problemAnnotation, renderAnnotations } from './render/annotations.js';
import { renderOutputs } from './render/outputs.js';
import { renderCompactSummary, renderProblemSummary, renderSummary } from './render/summary.js';
import { recordToRemember } from './next-record.js';
import { describePruning, type Pruning } from './pruning.js';

export interface ReportDeps {
  readonly core: Core;
  readonly env: NodeJS.ProcessEnv;
  readonly sccache: {
    /** The stats as sccache printed them: JSON, or its text table when it cannot print JSON. */
    readonly showStats: (binary: string, env: ServerEnv) => Promise<string>;
    readonly stopServer: (binary: string, env: ServerEnv) => Promise<void>;
  };
  readonly readLog: (path: string | undefined) => Promise<LogFacts | undefined>;
  readonly runRecords: {
    readonly find: HistoryDeps['findRecord'];
    readonly save: (prefix: string, record: RunRecord) => Promise<SavedRecord>;
  };
  readonly history: Omit<HistoryDeps, 'env' | 'findRecord'>;
  readonly now: () => Date;
  readonly saveArchive: (dir: string, key: string) => Promise<SaveResult>;
  /** Deletes a key series' entries older than the one just saved (needs `actions: write`). */
  readonly pruneOlder: (request: PruneRequest) => Promise<PruneResult>;
  readonly scope: () => Promise<RunScope | undefined>;
  readonly readWorkflow: (request: WorkflowRequest) => WorkflowRead;
}

export const runnerReportDeps = (): ReportDeps => ({
  core: runnerCore,
  env: process.env,
  sccache: { showStats, stopServer },
  readLog: readLogFacts,
  runRecords: { find: findPreviousRecord, save: saveRecord },
  history: {
    toolchain: rustcToolchain,
    workspace: inspectWorkspace,
    wrapperVersion: binaryVersion,
    listCaches: listNamespace,
  },
  now: () => new Date(),
  saveArchive: saveLocalCache,
  pruneOlder: pruneOlderEntries,
  scope: currentScope,
  readWorkflow: readWorkflowJobs,
});

const EMPTY_OUTPUTS = { 'hit-rate': '', hits: '', misses: '', findings: '[]', 'stats-json': '' };

function setOutputs(core: Core, outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/**
 * Saves the stats for the `stats-json` output with every string redacted: sccache prints a Redis or
 * WebDAV location with its password. The original stays in memory; only this copy is written. An
 * sccache too old for JSON printed its text table: that is saved as .txt, redacted line by line.
 */
async function saveStats(
  core: Core,
  env: NodeJS.ProcessEnv,
  text: string,
  scrub: (text: string) => string,
): Promise<string> {
  const asText = isStatsText(text);
  const path = join(await actionTempDir(env), asText ? 'sccache-stats.txt' : 'sccache-stats.json');
  const redacted = scrub(asText ? redact(text) : redactJsonStrings(text));
  await writeFile(path, redacted);
  core.info(
    `sccache stats saved to ${path}${redacted === text ? '' : ' (credentials in it replaced by ***)'}`,
  );
  return path;
}

async function explainFailure(
  core: Core,
  problem: string,
  hint: string,
  label: string,
  statsPath = '',
): Promise<void> {
  const annotation = problemAnnotation(`${problem} ${hint}`, label);
  core.warning(annotation.message, { title: annotation.title });
  setOutputs(core, { ...EMPTY_OUTPUTS, 'stats-json': statsPath });
  await core.appendSummary(renderProblemSummary(problem, hint, label));
}

/** Saving the run record gives up after this long (docs/run-record.md): it is a hint, not the job. */
export const RECORD_SAVE_BUDGET_MS = 5_000;

/** Deleting a series' older entries gives up after this long: quota is GitHub's to reclaim too. */
export const PRUNE_BUDGET_MS = 5_000;

/**
 * Deletes the entries of a key series on this ref older than the one this run saved, with the
 * github-token; a sentence for the summary, or undefined when there was nothing to delete.
 */
async function pruneSeries(
  deps: ReportDeps,
  series: { prefix: string; savedKey: string; ref: string },
  noun: string,
): Promise<string | undefined> {
  const token = deps.core.getInput('github-token').trim();
  const repository = deps.env['GITHUB_REPOSITORY'] ?? '';
  let pruning: Pruning;
  if (!token) pruning = { skipped: 'no github-token' };
  else if (!repository || !series.ref) pruning = { skipped: 'GITHUB_REPOSITORY or the ref is not set' };
  else {
    const apiUrl = deps.env['GITHUB_API_URL'];
    pruning = await withinBudget(
      deps.pruneOlder({
        ...series,
        token,
        repository,
        ...(apiUrl ? { apiUrl } : {}),
        timeoutMs: PRUNE_BUDGET_MS,
      }),
      PRUNE_BUDGET_MS + 1_000,
      'deleting them',
    ).catch((error: unknown) => ({ unavailable: redact((error as Error).message) }));
  }
  return describePruning(pruning, noun);
}

/** Leaves this run's record for the next run, when recordToRemember says there is one to leave. */
async function rememberRun(deps: ReportDeps, prefix: string, facts: Facts): Promise<string> {
  const record = recordToRemember(facts, {
    runId: deps.env['GITHUB_RUN_ID'] ?? '0',
    attempt: deps.env['GITHUB_RUN_ATTEMPT'] ?? '1',
    ref: facts.scope?.ref ?? deps.env['GITHUB_REF'] ?? '',
    event: facts.scope?.event ?? deps.env['GITHUB_EVENT_NAME'] ?? '',
    savedAt: deps.now().toISOString(),
  });
  if ('skip' in record) return `This run's record was not saved: ${record.skip}.`;
  try {
    const saved = await withinBudget(
      deps.runRecords.save(prefix, record),
      RECORD_SAVE_BUDGET_MS,
      'saving it',
    );
    const size = saved.bytes !== undefined ? ` (${formatBytes(saved.bytes)})` : '';
    const pruned = await pruneSeries(deps, { prefix, savedKey: saved.key, ref: record.ref }, 'record');
    return `This run's record was saved as \`${saved.key}\`${size}${pruned ? `; ${pruned}` : ''}.`;
  } catch (error) {
    return `This run's record was not saved: ${redact((error as Error).message)}.`;
  }
}

/**
 * This job in the run's workflow file, or one line saying why it could not be read: the workflow is
 * evidence, never a reason for the report to fail.
 */
function readThisJob(
  deps: ReportDeps,
  stats: SccacheStats,
  setup: SetupRecord | undefined,
): { jobs: readonly JobFacts[]; note?: string } {
  const where = workflowOfRun(deps.env);
  if ('missing' in where) return { jobs: [], note: `Workflow not read: ${where.missing}.` };
  const jobId = deps.env['GITHUB_JOB'];
  const read = deps.readWorkflow({
    path: where.absolute,
    file: where.file,
    ...(jobId ? { jobId } : {}),
    version: versionToJudge(setup?.sccacheVersion, stats.version),
  });
  if (!read.ok) return { jobs: [], note: `Workflow not read: ${read.message}.` };
  const notes = read.notes.length ? ` (${read.notes.join('; ')})` : '';
  const jobs = read.jobs.map((j) => `\`${j.jobId}\``).join(', ');
  return { jobs: read.jobs, note: `Read ${where.file}, job ${jobs || 'none'}${notes}.` };
}

/** The local backend: one archive of SCCACHE_DIR per job, as the save input says. */
async function finishArchive(
  deps: ReportDeps,
  setup: SetupRecord,
  facts: Facts,
): Promise<ArchiveOutcome | undefined> {
  // Setup refused anything else; a report without setup falls back to the default.
  const decision = decideArchive(setup, facts.stats.cacheWrites, savePolicy(deps.core.getInput('save')));
  if (!decision) return undefined;
  let outcome: ArchiveOutcome;
  if (decision.save) {
    // The server stops first, after its stats were read: no object is half-written while tar reads.
    await deps.sccache.stopServer(setup.sccachePath, deps.env as ServerEnv);
    const result = await deps.saveArchive(decision.local.dir, decision.local.key);
    const ref = facts.scope?.ref ?? deps.env['GITHUB_REF'] ?? '';
    const { key, restorePrefix } = decision.local;
    const pruned = result.saved
      ? await pruneSeries(deps, { prefix: restorePrefix, savedKey: key, ref }, 'archive')
      : undefined;
    outcome = archiveOutcome(
      decision.local,
      result.saved
        ? {
            key,
            why: decision.why,
            ...(result.size ? { size: result.size } : {}),
            ...(pruned ? { pruned } : {}),
          }
        : { note: result.reason },
    );
  } else {
    outcome = archiveOutcome(decision.local, { note: decision.why });
  }
  deps.core.info(`local cache archive of ${outcome.dir}: ${describeArchive(outcome)}`);
  return outcome;
}

/**
 * Stops the server setup started, on its own port, once its stats and log are read: on a self-hosted
 * machine it would outlive the job with the job's settings. sccache finishes the writes it has in
 * flight before it exits (bounded by the command's time limit); the log, read again, tells how many
 * finished after the stats were read.
 */
async function stopOwnServer(
  deps: ReportDeps,
  setup: SetupRecord,
  before: LogFacts | undefined,
): Promise<string> {
  const env = { ...(deps.env as ServerEnv), SCCACHE_SERVER_PORT: setup.serverPort! };
  await deps.sccache.stopServer(setup.sccachePath, env);
  const after = before ? await deps.readLog(setup.logPath).catch(() => undefined) : undefined;
  const late = before && after ? after.writesFinished - before.writesFinished : 0;
  const note =
    late > 0
      ? `stopped at the end of the job; ${counted(late, 'cache write')} finished after the stats were read`
      : 'stopped at the end of the job';
  deps.core.info(`sccache server on port ${setup.serverPort}: ${note}`);
  return note;
}

async function report(deps: ReportDeps, scrub: (text: string) => string): Promise<void> {
  const { core, env } = deps;
  const label = jobLabel(core.getInput('job-label'), env);
  const setup = parseSetupRecord(core.getState(STATE.setupRecord));
  const setupFailure = core.getState(STATE.setupFailure);
  if (!setup && setupFailure) {
    // No server of ours ran: whatever the stats would say is not this job's build.
    return explainFailure(
      core,
      `sccache-guard setup failed, so the build ran without sccache-guard: ${setupFailure}.`,
      'Fix what the setup step reported (its error names the input or the problem); this report has nothing to read.',
      label,
    );
  }
  const sccache = setup?.sccachePath || core.getState(STATE.sccachePath) || 'sccache';
  // Our own cache calls (the run record, the archive) speak the protocol setup chose for sccache,
  // even when the runner did not pass the flag; setup no longer exports it to later steps.
  if (setup?.protocol === 'v2' && !env['ACTIONS_CACHE_SERVICE_V2']) env['ACTIONS_CACHE_SERVICE_V2'] = 'True';

  let statsOutput: string;
  try {
    // Variables setup found invalid (SCCACHE_GHA_ENABLED=yes from 0.8) would make this client fail
    // before it asks the server: leave them out, so their finding still reaches the summary.
    const invalid = new Set(setup?.environment.invalid.map((i) => i.name) ?? []);
    const clientEnv: Record<string, string> = {};
    for (const [name, value] of Object.entries(env)) {
      if (value !== undefined && !invalid.has(name)) clientEnv[name] = value;
    }
    statsOutput = await deps.sccache.showStats(sccache, clientEnv);
  } catch (error) {
    if (!(error instanceof SccacheCommandError)) throw error;
    const hint =
      error.kind === 'missing-binary'
        ? 'Install sccache before this action (or let its setup step install it) and make sure it is on PATH.'
        : 'The sccache server may have failed or been stopped; run with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG set to see why.';
    return explainFailure(core, error.message, hint, label);
  }
  const statsPath = await saveStats(core, env, statsOutput, scrub);

  const logPath = setup?.logPath || env['SCCACHE_ERROR_LOG'];
  const log = await deps.readLog(logPath).catch((error: unknown) => {
    core.info(`sccache log ${logPath} not read: ${(error as Error).message}`);
    return undefined;
  });

  // Setup refused anything but a boolean; a report without setup falls back to the default.
  const remember = parseBooleanInput(core.getInput('run-record'), true) ?? true;
  const recordPrefix = recordKeyPrefix(env['GITHUB_JOB'] ?? '', label);
  const scope = await deps.scope();

  let stats: SccacheStats;
  try {
    stats = parseStatsOutput(statsOutput);
  } catch (error) {
    if (!(error instanceof StatsParseError)) throw error;
    return explainFailure(
      core,
      `sccache printed stats this report cannot read: ${error.message}.`,
      `The output (credentials redacted) is saved at ${statsPath}. Is the sccache on PATH the one that ran the build?`,
      label,
      statsPath,
    );
  }
  const workflow = readThisJob(deps, stats, setup);
  const context: RunContext = {
    ...(env['GITHUB_SERVER_URL'] ? { serverUrl: env['GITHUB_SERVER_URL'] } : {}),
    ...(setup ? { setup } : {}),
    ...(log ? { log } : {}),
    ...(scope ? { scope } : {}),
    ...(env['SCCACHE_GHA_VERSION'] ? { namespaceSuffix: env['SCCACHE_GHA_VERSION'] } : {}),
    parallelism: availableParallelism(),
  };
  // The stats alone name the namespace and its hash, which the history looks up.
  const plain = buildFacts(stats, context);
  const githubToken = core.getInput('github-token').trim();
  const history = await collectHistory(
    { ...deps.history, env, findRecord: deps.runRecords.find },
    {
      ...(setup ? { setup } : {}),
      stats,
      ...(log ? { log } : {}),
      ...(workflow.jobs[0] ? { job: workflow.jobs[0] } : {}),
      ...(remember ? { recordPrefix } : {}),
      githubToken,
      ...(plain.location.backend === 'gha' && plain.location.name
        ? { namespaceVersion: plain.location.name }
        : {}),
      ...(plain.namespace ? { namespace: plain.namespace } : {}),
      secrets: [env['ACTIONS_RUNTIME_TOKEN'] ?? '', githubToken].filter((s) => s !== ''),
    },
  );
  const { notes: historyNotes, ...found } = history;
  const { facts, findings, undecided } = analyzeParsed(stats, { ...context, ...found }, workflow.jobs);
  const archive = setup ? await finishArchive(deps, setup, facts) : undefined;
  const serverNote = setup?.serverPort ? await stopOwnServer(deps, setup, log) : undefined;
  const recordNote = remember ? await rememberRun(deps, recordPrefix, facts) : undefined;
  // The one line the record's upload gets in the log (@actions/cache's own output is debug only).
  if (recordNote) core.info(recordNote.replaceAll('`', ''));
  // Decided before the summary, which says why the floor did or did not apply; failed after it.
  const floor = minHitRate(core.getInput('min-hit-rate'));
  const verdict = floor === undefined ? undefined : hitRateFloor(facts, findings, floor);
  const floorNote =
    verdict && ('fail' in verdict ? verdict.fail : 'skip' in verdict ? verdict.skip : verdict.pass);
  for (const a of renderAnnotations(findings, label)) {
    const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  setOutputs(core, renderOutputs(facts, findings, statsPath));
  const linkTo = workflowLineLink(env);
  const mode = summaryMode(core.getInput('summary'));
  const render = mode === 'compact' ? renderCompactSummary : renderSummary;
  if (mode !== 'off') {
    await core.appendSummary(
      render({
        facts,
        findings,
        label,
        ...(archive ? { archive } : {}),
        ...(serverNote ? { serverNote } : {}),
        ...(workflow.note ? { workflowNote: workflow.note } : {}),
        historyNotes: [
          ...historyNotes,
          ...(recordNote ? [recordNote] : []),
          ...(floorNote ? [floorNote] : []),
        ],
        undecided,
        ...(linkTo ? { linkTo } : {}),
      }),
    );
  }
  const rate = facts.hitRate === null ? 'no cache lookups' : `hit rate ${formatPercent(facts.hitRate)}`;
  core.info(
    `sccache: ${rate} (${facts.hits} hits, ${facts.misses} misses); findings: ${findings.map((f) => f.id).join(', ') || 'none'}`,
  );
  if (verdict && 'fail' in verdict) core.setFailed(verdict.fail);
  else if (floorNote) core.info(floorNote);
}

/**
 * Never rejects, and fails the job only for min-hit-rate: an unexpected error of ours becomes one
 * warning, a summary that says what happened, and empty outputs.
 */
export async function run(given: ReportDeps = runnerReportDeps()): Promise<void> {
  let core = given.core;
  try {
    // The post step is a process of its own: mask the runtime token and the storage credentials
    // before anything is printed, and scrub them from the summary, the outputs and the saved files.
    const secrets = [
      given.env['ACTIONS_RUNTIME_TOKEN'] ?? '',
      given.core.getInput('github-token').trim(),
      // The stores' passwords reach the post step as inputs too; sccache may print one back
      // (a Redis URL in cache_location before 0.8).
      given.core.getInput('redis-password').trim(),
      given.core.getInput('webdav-password').trim(),
      ...credentialsToMask(given.env),
    ];
    core = maskSecrets(given.core, secrets);
    await report({ ...given, core }, secretScrubber(secrets));
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    try {
      const label = jobLabel(core.getInput('job-label'), given.env);
      await explainFailure(
        core,
        `sccache-guard report failed unexpectedly: ${message.replace(/\.?$/, '.')}`,
        'This is a bug in sccache-guard, not in your build; the build result stands. Please report it with this message.',
        label,
      );
    } catch {
      // Even the summary could not be written (a full disk, say): the warning alone must do.
      try {
        core.warning(`sccache-guard report failed unexpectedly: ${message}`);
      } catch {
        // Nothing left to tell the runner with.
      }
    }
  }
}
