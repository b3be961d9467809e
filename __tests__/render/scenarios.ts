// The job summaries shown in docs/summaries/, each built by the post step's own code (stats parser,
// log reader, workflow reader, rules, renderer) from the inputs of a real run: the demo's two runs
// (captured with `npm run demo -- --capture __tests__/fixtures/runs`) and the fault runs of the e2e
// suite (__tests__/fixtures/logs/real-0.16.0-fault-*). What a real run learns from the network (its
// scope, the cache listing, the record of the run before) is written out here, as the e2e scenarios
// set it up. Deterministic: the same code gives the same Markdown, byte for byte.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheListing } from '../../src/github/cache-listing.js';
import type { RunRecord } from '../../src/github/run-record.js';
import type { RunScope } from '../../src/github/run-scope.js';
import { parseSetupRecord, type SetupRecord } from '../../src/handoff.js';
import { analyzeParsed, versionToJudge } from '../../src/report/analyze.js';
import type { RunContext } from '../../src/report/facts.js';
import { keyInputs } from '../../src/report/key-inputs.js';
import { recordToRemember } from '../../src/report/next-record.js';
import { readWorkflowJobs } from '../../src/report/read-workflow.js';
import { renderCompactSummary, renderSummary, type SummaryInput } from '../../src/report/render/summary.js';
import { readLogFacts } from '../../src/sccache/log-reader.js';
import { parseStats } from '../../src/sccache/stats.js';
import { DEMO_WORKFLOW } from '../e2e/tools.js';
import { FIXTURES } from '../fixtures/index.js';

export interface Scenario {
  /** The file name in docs/summaries/ (NAME.md, NAME.png). */
  readonly name: string;
  /** One line for docs/summaries/README.md. */
  readonly about: string;
  /** Renders the summary as the post step would write it. */
  readonly markdown: () => Promise<string>;
}

/** Where the captured runs live: stats.json, setup-record.json and sccache.log per run. */
const RUNS = join(FIXTURES, 'runs');
const WORKSPACE = '/home/runner/work/octo-repo/octo-repo';
const WORKFLOW_FILE = '.github/workflows/ci.yml';
const LABEL = 'build Linux-X64';
/** `rustc -vV` of the toolchain the demo's runs were captured with. */
const TOOLCHAIN = {
  release: '1.95.0',
  commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
  host: 'x86_64-unknown-linux-gnu',
};

/** A release workflow: tag-triggered, release-only RUSTFLAGS, our step named and given an input. */
const RELEASE_WORKFLOW = `name: Release
on:
  push:
    tags: ['v*']
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      RUSTFLAGS: -C debug-assertions=off
    steps:
      - uses: actions/checkout@v4
      - name: Set up sccache
        uses: org/sccache-guard@v1
        with:
          github-token: \${{ github.token }}
      - run: cargo build --release --offline
`;

const MAIN: RunScope = { event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' };
const TAG: RunScope = { event: 'push', ref: 'refs/tags/v1.0.0', defaultBranch: 'main' };

interface RunInputs {
  readonly statsJson: string;
  readonly setup: SetupRecord;
  readonly logPath: string;
}

async function capturedRun(dir: string): Promise<RunInputs> {
  const setup = parseSetupRecord(await readFile(join(dir, 'setup-record.json'), 'utf8'));
  if (!setup) throw new Error(`${dir}/setup-record.json is not a setup record`);
  return {
    statsJson: await readFile(join(dir, 'stats.json'), 'utf8'),
    setup,
    logPath: join(dir, 'sccache.log'),
  };
}

/** A fault run of the e2e suite: its real stats and log, with the demo's setup record. */
async function faultRun(fault: string): Promise<RunInputs> {
  const demo = await capturedRun(join(RUNS, 'demo-first-run'));
  const base = join(FIXTURES, 'logs', `real-0.16.0-fault-${fault}`);
  return {
    statsJson: await readFile(`${base}.stats.json`, 'utf8'),
    setup: demo.setup,
    logPath: `${base}.log`,
  };
}

interface Situation {
  readonly scope: RunScope;
  readonly workflow: string;
  /** The job's environment as the post step sees it (what goes into the keys). */
  readonly env?: Readonly<Record<string, string>>;
  readonly previousRun?: RunRecord;
  readonly listing?: CacheListing;
  readonly historyNotes: readonly string[];
  readonly compact?: boolean;
}

/** The post step's analysis and summary, from a run's inputs and what it learnt about its history. */
async function summarize(
  run: RunInputs,
  situation: Situation,
): Promise<{ markdown: string; record?: RunRecord }> {
  const stats = parseStats(run.statsJson);
  const log = await readLogFacts(run.logPath);
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-scenario-'));
  try {
    await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
    await writeFile(join(dir, WORKFLOW_FILE), situation.workflow);
    const read = readWorkflowJobs({
      path: join(dir, WORKFLOW_FILE),
      file: WORKFLOW_FILE,
      jobId: 'build',
      version: versionToJudge(run.setup.sccacheVersion, stats.version),
    });
    if (!read.ok) throw new Error(read.message);
    const plain = analyzeParsed(stats, { setup: run.setup }).facts;
    const inputs = keyInputs({
      env: { CARGO_INCREMENTAL: '0', ...situation.env },
      sccacheVersion: stats.version ?? run.setup.sccacheVersion,
      ...(plain.namespace ? { namespace: plain.namespace } : {}),
      toolchain: TOOLCHAIN,
      logTargets: log?.targets ?? [],
      ...(read.jobs[0] ? { job: read.jobs[0] } : {}),
      workingDirectory: WORKSPACE,
      secrets: [],
    });
    const context: RunContext = {
      serverUrl: 'https://github.com',
      setup: run.setup,
      ...(log ? { log } : {}),
      scope: situation.scope,
      inputs,
      ...(situation.previousRun ? { previousRun: situation.previousRun } : {}),
      ...(situation.listing ? { cacheListing: situation.listing } : {}),
    };
    const { facts, findings } = analyzeParsed(stats, context, read.jobs);
    const input: SummaryInput = {
      facts,
      findings,
      label: LABEL,
      serverNote: 'stopped at the end of the job',
      workflowNote: `Read ${WORKFLOW_FILE}, job \`build\`.`,
      historyNotes: situation.historyNotes,
      linkTo: (place) => `https://github.com/octo-org/octo-repo/blob/4f2c1e0/${place.file}#L${place.line}`,
    };
    const record = recordToRemember(facts, {
      runId: '1000',
      attempt: '1',
      ref: situation.scope.ref,
      event: situation.scope.event,
      savedAt: '2026-11-26T03:16:12.000Z',
    });
    const markdown = (situation.compact ? renderCompactSummary : renderSummary)(input);
    return { markdown, ...('skip' in record ? {} : { record }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const listing = (entries: number, bytes: number): CacheListing => ({
  byRef: [{ ref: 'refs/heads/main', entries, bytes }],
  oldestAccess: '2026-11-26T03:16:11.000Z',
  repositoryBytes: bytes,
  quotaBytes: 10 * 1024 ** 3,
  truncated: false,
});

/** The demo's first run: cold, on the default branch, no record before it. */
async function demoFirstRun() {
  return summarize(await capturedRun(join(RUNS, 'demo-first-run')), {
    scope: MAIN,
    workflow: DEMO_WORKFLOW,
    listing: listing(2, 58_000),
    historyNotes: [
      'No earlier run to compare with: no earlier run of this job left a record.',
      "This run's record was saved as `sccache-guard-run-v2-build-c067711e-1000-1`.",
    ],
  });
}

/** A record of an earlier run, as it came back from the cache: with its own run id and time. */
function asEarlierRun(
  record: RunRecord | undefined,
  runId: string,
  trend?: readonly (number | null)[],
): RunRecord {
  if (!record) throw new Error('the earlier run left no record');
  return { ...record, runId, ...(trend ? { trend: [...trend] } : {}) };
}

/** The demo's second run: a fresh server and a clean target/ read what the first one wrote. */
async function demoSecondRun() {
  const first = await demoFirstRun();
  return summarize(await capturedRun(join(RUNS, 'demo-second-run')), {
    scope: MAIN,
    workflow: DEMO_WORKFLOW,
    previousRun: asEarlierRun(first.record, '1000'),
    listing: listing(2, 58_000),
    historyNotes: ["This run's record was saved as `sccache-guard-run-v2-build-c067711e-1001-1`."],
  });
}

/**
 * history.e2e's release replay: main is warm, a tag run builds with release-only RUSTFLAGS, so not
 * one of main's entries matches, and it writes where no later run reads.
 */
async function tagRunWithConfigChange() {
  const main = await demoSecondRun();
  return summarize(await capturedRun(join(RUNS, 'demo-first-run')), {
    scope: TAG,
    workflow: RELEASE_WORKFLOW,
    env: { RUSTFLAGS: '-C debug-assertions=off' },
    previousRun: asEarlierRun(main.record, '1001'),
    listing: {
      ...listing(2, 58_000),
      byRef: [
        { ref: 'refs/heads/main', entries: 2, bytes: 58_000 },
        { ref: 'refs/tags/v1.0.0', entries: 2, bytes: 57_000 },
      ],
      repositoryBytes: 115_000,
    },
    historyNotes: ["This run's record was saved as `sccache-guard-run-v2-build-c067711e-1002-1`."],
  });
}

/**
 * faults.e2e's rate limit: the cache service answers 429 to writes. A matrix job with `summary:
 * compact`, whose writes have been refused run after run since a cold start: the trend shows it.
 */
async function rateLimitedCompact() {
  const main = await demoSecondRun();
  return summarize(await faultRun('rate-limited-mid-build'), {
    scope: MAIN,
    workflow: DEMO_WORKFLOW,
    previousRun: asEarlierRun(main.record, '1006', [0, 0.5, 0.5, 0.4, 0.5, 0.5, 0.5]),
    historyNotes: [],
    compact: true,
  });
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'demo-first-run',
    about: "The demo's first run: a cold cache on the default branch, nothing to fix.",
    markdown: async () => (await demoFirstRun()).markdown,
  },
  {
    name: 'demo-second-run',
    about: "The demo's second run: every lookup hits what the first run wrote.",
    markdown: async () => (await demoSecondRun()).markdown,
  },
  {
    name: 'tag-run-config-change',
    about:
      'A release tag built with RUSTFLAGS the default branch never used: two problems, each with its fix.',
    markdown: async () => (await tagRunWithConfigChange()).markdown,
  },
  {
    name: 'rate-limited-compact',
    about:
      'A matrix job in `summary: compact` whose writes are refused with 429 run after run: the trend shows the cost.',
    markdown: async () => (await rateLimitedCompact()).markdown,
  },
];
