// The post step reads the run's own workflow file (GITHUB_WORKFLOW_REF under GITHUB_WORKSPACE) and
// annotates the lines that cause misses; a workflow it cannot read costs one summary line, nothing
// else. Real sccache and a real cargo build under the runner emulator.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import { ACTION_YML, demoWorkspace, DIST, freePort, pathWith, sccacheBinary } from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A release workflow as users write it: each mistake on a line the test finds by its text. */
const RELEASE = `name: Release
on:
  push:
    tags: ['v*']
env:
  SCCACHE_LOG_LEVEL: debug
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: Swatinem/rust-cache@v2
      - uses: org/sccache-guard@v1
      - name: Release flags
        run: |
          echo "RUSTFLAGS=-C target-cpu=x86-64-v3" >> "$GITHUB_ENV"
          sccache --stop-server || true
      - run: cargo build --release --locked
`;

const lineOf = (text: string, needle: string): number => {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `the fixture has a line with ${needle}`);
  return index + 1;
};

interface Job {
  readonly runner: RunnerEmulator;
  readonly port: string;
  readonly workspace: string;
}

/** A real sccache server and one real cargo build in a workspace that holds the workflow file. */
async function builtJob(workflowFiles: Record<string, string>): Promise<Job> {
  const sccache = sccacheBinary();
  const workspace = await demoWorkspace();
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(workflowFiles)) {
    await mkdir(join(workspace, path, '..'), { recursive: true });
    await writeFile(join(workspace, path), text);
  }
  const runner = new RunnerEmulator({
    workspace,
    env: {
      PATH: pathWith(sccache),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_JOB: 'release',
      GITHUB_WORKFLOW_REF: 'acme/widget/.github/workflows/release.yml@refs/tags/v1.2.0',
    },
  });
  cleanups.push(async () => runner.cleanup());
  const port = String(await freePort());
  const sccacheEnv = {
    SCCACHE_SERVER_PORT: port,
    SCCACHE_DIR: join(runner.tempRoot, 'dir'),
    SCCACHE_IDLE_TIMEOUT: '0',
  };
  cleanups.push(async () => void (await runner.runStep(sccache, ['--stop-server'], { env: sccacheEnv })));
  assert.equal((await runner.runStep(sccache, ['--start-server'], { env: sccacheEnv })).exitCode, 0);
  const build = await runner.runShell('cargo build --offline --quiet', {
    env: { ...sccacheEnv, RUSTC_WRAPPER: sccache, CARGO_INCREMENTAL: '0' },
  });
  assert.equal(build.exitCode, 0, build.log);
  return { runner, port, workspace };
}

async function report(job: Job): Promise<StepResult> {
  const result = await job.runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { SCCACHE_SERVER_PORT: job.port },
    actionYml: ACTION_YML,
  });
  assert.equal(result.exitCode, 0, result.log);
  assert.equal(result.failed, false);
  assertSummaryReadsWell(result.summary);
  return result;
}

test('the post step annotates the workflow file at the lines that cause the misses', async () => {
  const file = '.github/workflows/release.yml';
  const job = await builtJob({ [file]: RELEASE });
  const result = await report(job);

  const at = (id: string) => result.annotations.find((a) => a.title?.startsWith(`sccache ${id} `));
  const expected: Record<string, string> = {
    'target-restored': 'Swatinem/rust-cache@v2',
    'server-restarted': 'sccache --stop-server',
    'dead-env-var': 'SCCACHE_LOG_LEVEL',
  };
  for (const [id, needle] of Object.entries(expected)) {
    const annotation = at(id);
    assert.ok(annotation, `${id} is annotated: ${JSON.stringify(result.annotations)}`);
    assert.equal(annotation.file, file, id);
    assert.equal(annotation.line, lineOf(RELEASE, needle), id);
  }
  // Every workflow-placed annotation points at a line of the file, and no healthy line is blamed.
  const blamed = new Set(result.annotations.filter((a) => a.file === file).map((a) => a.line));
  for (const healthy of ['actions/checkout@v4', 'org/sccache-guard@v1', 'cargo build --release']) {
    assert.ok(!blamed.has(lineOf(RELEASE, healthy)), `no annotation on "${healthy}"`);
  }
  // The summary links path:line to the file at this commit.
  const tagLine = lineOf(RELEASE, 'sccache --stop-server');
  assert.ok(
    result.summary.includes(
      `(https://github.com/acme/widget/blob/0123456789abcdef0123456789abcdef01234567/${file}#L${tagLine})`,
    ),
    result.summary,
  );
  assert.match(result.summary, new RegExp(`Read ${file.replace(/\./g, '\\.')}, job \`release\``));
  const findings: string[] = JSON.parse(result.outputs['findings'] ?? '[]');
  for (const id of Object.keys(expected)) assert.ok(findings.includes(id), id);
  // This server kept its cache on local disk: the run itself shows there is no tag scope to warn of
  // (gha-scenarios shows tag-scope on the GitHub cache).
  assert.ok(!findings.includes('tag-scope'), findings.join());
});

test('a workflow that is not YAML, a missing file, a job not in it: one summary line, a green step', async () => {
  const cases: { files: Record<string, string>; note: RegExp }[] = [
    {
      files: { '.github/workflows/release.yml': 'jobs: [\n' },
      note: /Workflow not read: \.github\/workflows\/release\.yml:\d+:\d+: /,
    },
    { files: {}, note: /Workflow not read: .*release\.yml is not in the workspace/ },
    {
      files: { '.github/workflows/release.yml': RELEASE.replace('  release:', '  build:') },
      note: /Workflow not read: \.github\/workflows\/release\.yml has no job "release"; its jobs: build/,
    },
  ];
  for (const { files, note } of cases) {
    const result = await report(await builtJob(files));
    assert.match(result.summary, note);
    // The stats part of the report is all there; the workflow cost nothing else.
    assert.match(result.summary, /^## sccache · [^\n]*: /);
    assert.ok(result.outputs['hits'] !== '', 'outputs are set');
    assert.ok(!result.annotations.some((a) => a.file?.endsWith('.yml')), 'nothing placed in a workflow');
  }
});
