// The post step: read sccache's stats, explain them, and write the summary, annotations and outputs.
// It never fails the job: every problem becomes a warning and a summary that says what happened.
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeStats } from './analyze.js';
import { jobLabel } from './context/job.js';
import { parseSetupRecord, SETUP_RECORD_STATE, type SetupRecord } from './context/setup-record.js';
import { stopServer } from './sccache/server.js';
import { currentScope } from './context/run-scope.js';
import { saveLocalCache } from './storage/local.js';
import { renderAnnotations } from './render/annotations.js';
import { formatPercent } from './render/markdown.js';
import { renderOutputs } from './render/outputs.js';
import { renderProblemSummary, renderSummary } from './render/summary.js';
import { SccacheCommandError, showStatsJson } from './sccache/command.js';
import { readLogFacts } from './sccache/log-file.js';
import { recordKeyPrefix, type RunRecord } from './context/run-record.js';
import { findPreviousRecord, saveRecord } from './context/run-record-store.js';
import { currentNamespace } from './diagnose/rules/namespace-changed.js';
import type { Facts } from './diagnose/facts.js';
import { StatsParseError } from './sccache/stats.js';

const EMPTY_OUTPUTS = { 'hit-rate': '', hits: '', misses: '', findings: '[]', 'stats-json': '' };

function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

async function saveStats(text: string): Promise<string> {
  const dir = join(process.env['RUNNER_TEMP'] || tmpdir(), 'sccache-guard');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'sccache-stats.json');
  await writeFile(path, text);
  return path;
}

async function explainFailure(problem: string, hint: string, label: string, statsPath = ''): Promise<void> {
  core.warning(`${problem} ${hint}`, { title: `sccache-guard report${label ? ` (${label})` : ''}` });
  setOutputs({ ...EMPTY_OUTPUTS, 'stats-json': statsPath });
  await core.summary.addRaw(renderProblemSummary(problem, hint, label)).write();
}

async function lookUpPreviousRun(prefix: string): Promise<RunRecord | undefined> {
  try {
    return await findPreviousRecord(prefix);
  } catch (error) {
    core.info(`previous run record not read: ${(error as Error).message}`);
    return undefined;
  }
}

/** Leaves this run's namespace for the next run; only for the GitHub cache, and never when read-only. */
async function rememberRun(prefix: string, facts: Facts): Promise<void> {
  const namespace = currentNamespace(facts);
  const mode = (process.env['ACTIONS_CACHE_MODE'] ?? '').toLowerCase();
  if (!namespace || mode === 'read' || mode === 'none' || facts.setup?.readOnly) return;
  try {
    await saveRecord(prefix, {
      runId: process.env['GITHUB_RUN_ID'] ?? '0',
      attempt: process.env['GITHUB_RUN_ATTEMPT'] ?? '1',
      namespace,
      hits: facts.hits,
      lookups: facts.lookups,
    });
  } catch (error) {
    core.info(`run record not saved: ${(error as Error).message}`);
  }
}

/** The local backend: one archive of SCCACHE_DIR per job that wrote something new. */
async function saveLocalArchive(setup: SetupRecord, facts: Facts): Promise<string | undefined> {
  const local = setup.localCache;
  if (!local || setup.backend !== 'local') return undefined;
  const restored = local.restoredKey
    ? `restored from \`${local.restoredKey}\``
    : `nothing restored (${local.restoreNote ?? 'no archive'})`;
  let saved: string;
  if (setup.readOnly) saved = 'not saved: read-only run';
  else if (facts.stats.cacheWrites === 0) saved = 'not saved: this run stored no new objects';
  else {
    // Stopping the server first: no object is half-written while tar reads the directory.
    await stopServer(setup.sccachePath, process.env as Record<string, string>);
    const result = await saveLocalCache(local.dir, local.key);
    saved = result.saved ? `saved as \`${local.key}\`` : `not saved: ${result.reason}`;
  }
  core.info(`local cache archive of ${local.dir}: ${restored}; ${saved}`);
  return `### Local cache archive\n\n\`${local.dir}\`: ${restored}; ${saved}.`;
}

async function run(): Promise<void> {
  const label = jobLabel(core.getInput('job-label'), process.env);
  const setup = parseSetupRecord(core.getState(SETUP_RECORD_STATE));
  const sccache = setup?.sccachePath || core.getState('sccache-path') || 'sccache';

  let statsJson: string;
  try {
    // Variables setup found invalid (SCCACHE_GHA_ENABLED=yes from 0.8) would make this client fail
    // before it asks the server: leave them out, so their finding still reaches the summary.
    const invalid = new Set(setup?.environment.invalid.map((i) => i.name) ?? []);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !invalid.has(name)));
    statsJson = await showStatsJson(sccache, env);
  } catch (error) {
    if (!(error instanceof SccacheCommandError)) throw error;
    const hint =
      error.kind === 'missing-binary'
        ? 'Install sccache before this action (or let its setup step install it) and make sure it is on PATH.'
        : 'The sccache server may have failed or been stopped; run with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG set to see why.';
    return explainFailure(error.message, hint, label);
  }
  const statsPath = await saveStats(statsJson);

  const logPath = setup?.logPath || process.env['SCCACHE_ERROR_LOG'];
  const log = await readLogFacts(logPath).catch((error: unknown) => {
    core.info(`sccache log ${logPath} not read: ${(error as Error).message}`);
    return undefined;
  });

  const remember = core.getInput('run-record').trim() !== 'false';
  const recordPrefix = recordKeyPrefix(process.env['GITHUB_JOB'] ?? '', label);
  const previousRun = remember ? await lookUpPreviousRun(recordPrefix) : undefined;
  const scope = await currentScope();

  let analysis;
  try {
    analysis = analyzeStats(statsJson, {
      ...(process.env['GITHUB_SERVER_URL'] ? { serverUrl: process.env['GITHUB_SERVER_URL'] } : {}),
      ...(setup ? { setup } : {}),
      ...(log ? { log } : {}),
      ...(previousRun ? { previousRun } : {}),
      ...(scope ? { scope } : {}),
      ...(process.env['SCCACHE_GHA_VERSION'] ? { namespaceSuffix: process.env['SCCACHE_GHA_VERSION'] } : {}),
    });
  } catch (error) {
    if (!(error instanceof StatsParseError)) throw error;
    return explainFailure(
      `sccache printed stats this report cannot read: ${error.message}.`,
      `The raw output is saved at ${statsPath}. Is the sccache on PATH the one that ran the build?`,
      label,
      statsPath,
    );
  }

  const { facts, findings } = analysis;
  const localCacheNote = setup ? await saveLocalArchive(setup, facts) : undefined;
  for (const a of renderAnnotations(findings, label)) {
    const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  setOutputs(renderOutputs(facts, findings, statsPath));
  await core.summary
    .addRaw(renderSummary({ facts, findings, label, ...(localCacheNote ? { notes: [localCacheNote] } : {}) }))
    .write();
  if (remember) await rememberRun(recordPrefix, facts);
  const rate = facts.hitRate === null ? 'no cache lookups' : `hit rate ${formatPercent(facts.hitRate)}`;
  core.info(
    `sccache: ${rate} (${facts.hits} hits, ${facts.misses} misses); findings: ${findings.map((f) => f.id).join(', ') || 'none'}`,
  );
}

run().catch((error: unknown) => {
  // A bug of ours must not fail the user's job.
  core.warning(
    `sccache-guard report failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
  );
});
