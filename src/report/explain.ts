// The `sccache-guard` command: `explain` runs the post step's analysis on saved inputs (a stats
// file, its log, a run record, the workflow file), no GitHub needed; run() is the whole CLI.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readLogFacts } from '../sccache/log-reader.js';
import { parseRecord } from '../github/run-record.js';
import { StatsParseError } from '../sccache/stats.js';
import { parseStatsOutput } from '../sccache/stats-input.js';
import { NEWEST_TESTED_VERSION, parseVersion } from '../sccache/version.js';
import { analyzeParsed, analyzeWorkflow, versionToJudge } from './analyze.js';
import { readWorkflowJobs } from './read-workflow.js';
import { renderExplainJson } from './render/outputs.js';
import { renderSummary, renderWorkflowSummary } from './render/summary.js';

const USAGE = `usage: sccache-guard explain (--stats FILE | --workflow FILE) [options]

  --stats FILE          the output of \`sccache --show-stats\`: its JSON (--stats-format json) or the
                        text it prints by default, as pasted from a log ("-" reads stdin)
  --workflow FILE       the workflow file of that run (.github/workflows/*.yml): causes named on their lines
  --job ID              the job to explain (default: every job that compiles through sccache)
  --sccache-version V   the sccache version the workflow's variables are judged for (default: the
                        one in the stats, else ${NEWEST_TESTED_VERSION})
  --log FILE            the sccache server log of that run (SCCACHE_ERROR_LOG, with SCCACHE_LOG=debug)
  --record FILE         a run record of an earlier run to compare with (docs/run-record.md)
  --format              markdown (default) or json
  --server-url URL      the GitHub server the run used (default https://github.com)
  --namespace-suffix S  SCCACHE_GHA_VERSION of that run, to name its hashed GHA namespace`;

class UsageError extends Error {}

/** Invalid YAML: printed as compilers print errors, `FILE:LINE:COL: reason`, for editors to jump to. */
class LocatedError extends UsageError {}

function readInput(path: string, what: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? String(error));
    throw new UsageError(`explain: cannot read the ${what} file ${path}: ${why}`);
  }
}

async function explain(argv: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      stats: { type: 'string' },
      workflow: { type: 'string' },
      job: { type: 'string' },
      'sccache-version': { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      'server-url': { type: 'string' },
      'namespace-suffix': { type: 'string' },
      log: { type: 'string' },
      record: { type: 'string' },
    },
    strict: true,
  });
  if (!values.stats && !values.workflow)
    throw new UsageError('explain: --stats FILE or --workflow FILE is required');
  if (values.job !== undefined && !values.workflow)
    throw new UsageError('explain: --job needs --workflow FILE');
  for (const flag of ['log', 'record', 'server-url', 'namespace-suffix'] as const) {
    if (values[flag] !== undefined && !values.stats)
      throw new UsageError(`explain: --${flag} needs --stats FILE`);
  }
  if (values.format !== 'markdown' && values.format !== 'json') {
    throw new UsageError(`explain: --format must be markdown or json, not "${values.format}"`);
  }
  if (values['server-url'] && !URL.canParse(values['server-url'])) {
    throw new UsageError(`explain: --server-url "${values['server-url']}" is not a URL`);
  }
  const flag = values['sccache-version'];
  if (flag !== undefined && parseVersion(flag.replace(/^v/, '')).semver === null) {
    throw new UsageError(
      `explain: --sccache-version "${flag}" is not a version such as ${NEWEST_TESTED_VERSION}`,
    );
  }
  const text = values.stats ? readInput(values.stats, 'stats') : undefined;
  const stats = text === undefined ? undefined : parseStatsOutput(text);
  const version = versionToJudge(flag, stats?.version);
  const workflow = values.workflow
    ? readWorkflowJobs({
        path: values.workflow,
        file: values.workflow,
        ...(values.job !== undefined ? { jobId: values.job } : {}),
        version,
      })
    : undefined;
  if (workflow && !workflow.ok) {
    throw workflow.problem === 'invalid'
      ? new LocatedError(workflow.message)
      : new UsageError(`explain: ${workflow.message}`);
  }
  const jobs = workflow?.ok ? workflow.jobs : [];
  const workflowJson = values.workflow
    ? { file: values.workflow, jobs: jobs.map((j) => j.jobId), notes: workflow?.ok ? workflow.notes : [] }
    : undefined;

  if (stats === undefined) {
    const findings = analyzeWorkflow(jobs);
    return values.format === 'json'
      ? JSON.stringify(renderExplainJson(undefined, findings, workflowJson, version.raw), null, 2) + '\n'
      : renderWorkflowSummary({
          file: values.workflow!,
          jobs: workflowJson!.jobs,
          findings,
          notes: workflowJson!.notes,
        });
  }
  // Streamed, like the post step: a debug log of a long build is hundreds of MB.
  const log = values.log
    ? await readLogFacts(values.log).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          `explain: cannot read the log file ${values.log}: ${error.code ?? error.message}`,
        );
      })
    : undefined;
  const record = values.record ? parseRecord(readInput(values.record, 'record')) : undefined;
  if (record && 'invalid' in record) {
    throw new UsageError(`explain: ${values.record} is not a run record: ${record.invalid}`);
  }
  if (values.log && !log)
    throw new UsageError(`explain: cannot read the log file ${values.log}: no such file`);
  const { facts, findings, undecided } = analyzeParsed(
    stats,
    {
      ...(log ? { log } : {}),
      ...(record ? { previousRun: record } : {}),
      ...(values['server-url'] ? { serverUrl: values['server-url'] } : {}),
      ...(values['namespace-suffix'] ? { namespaceSuffix: values['namespace-suffix'] } : {}),
    },
    jobs,
  );
  return values.format === 'json'
    ? JSON.stringify(renderExplainJson(facts, findings, workflowJson, undefined, undecided), null, 2) + '\n'
    : renderSummary({ facts, findings, undecided });
}

/** Where the command writes: the process's streams in the CLI, buffers in tests. */
export interface ExplainIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: ExplainIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The whole CLI: returns the exit code (0 done, 2 bad usage or input), never throws. */
export async function run(argv: readonly string[], io: ExplainIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (
    command === '--help' ||
    command === '-h' ||
    command === 'help' ||
    rest.includes('--help') ||
    rest.includes('-h')
  ) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (!command) {
    io.stderr(`sccache-guard: a command is required\n${USAGE}\n`);
    return 2;
  }
  if (command !== 'explain') {
    io.stderr(`sccache-guard: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  try {
    io.stdout(await explain(rest));
    return 0;
  } catch (error) {
    if (error instanceof StatsParseError) {
      io.stderr(`sccache-guard: not sccache stats: ${error.message}\n`);
    } else if (error instanceof LocatedError) {
      io.stderr(`${error.message}\n`);
    } else if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`sccache-guard: ${(error as Error).message}\n`);
    } else {
      io.stderr(`sccache-guard: internal error: ${(error as Error).message}\n`);
    }
    return 2;
  }
}
