// incremental-compilation: rustc calls with -C incremental, which sccache cannot cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats, versionToJudge } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { findingIn, idsOf, lineWith } from './helpers.js';

const ID = 'incremental-compilation';

test('incremental-compilation: counts the incremental calls', () => {
  const f = analyzeStats(statsFixture('v0.10.json')).findings.find((x) => x.id === ID);
  assert.ok(f);
  const count = statsDocument('v0.10.json').stats.not_cached.incremental;
  assert.match(f.title, new RegExp(`^${count} Rust compilations`));
  assert.match(f.fix, /CARGO_INCREMENTAL: "0"/);
  assert.ok(!idsOf('debian-0.4-rust-cold-incremental0.json').includes(ID));
});

test('incremental-compilation: evidence against the compile requests, on a real incremental build', () => {
  const name = 'real-0.16.0-rust-incremental.json';
  const { stats } = statsDocument(name);
  const f = findingIn(statsFixture(name), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.title,
    `${stats.not_cached.incremental} Rust compilations were incremental, which sccache cannot cache`,
  );
  assert.equal(
    f.evidence,
    `${stats.not_cached.incremental} of ${stats.compile_requests} compile requests were refused as \`incremental\` (-C incremental).`,
  );
  assert.equal(f.fix, 'env:\n  CARGO_INCREMENTAL: "0"');
});

test('incremental-compilation: fires exactly on the fixtures with not_cached.incremental', () => {
  for (const name of statsFixtureNames()) {
    const incremental = (statsDocument(name).stats.not_cached?.incremental ?? 0) > 0;
    assert.equal(idsOf(name).includes(ID), incremental, name);
  }
});

// From the workflow file: CARGO_INCREMENTAL set to turn incremental on where it reaches a build.

const WORKFLOW_FILE = '.github/workflows/ci.yml';

function workflowJob(yaml: string, version = '0.16.0'): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({
    workflow,
    job: workflow.jobs[0]!,
    file: WORKFLOW_FILE,
    version: parseVersion(version),
  });
}

const workflowFindings = (job: JobFacts, facts?: Facts) =>
  applyRules(facts, [job]).filter((f) => f.id === ID);

/** A Rust job set up by this action, with `jobEnv` (lines, indented) and `steps` after the setup. */
const rustJob = (jobEnv: string, steps = '      - run: cargo build --locked\n') => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
${jobEnv ? `    env:\n${jobEnv}` : ''}    steps:
      - uses: actions/checkout@v4
      - uses: owner/sccache-guard@v1
${steps}`;

test('incremental-compilation: from the workflow, job env CARGO_INCREMENTAL: 1 at its line', () => {
  const yaml = rustJob('      CARGO_INCREMENTAL: 1\n');
  const found = workflowFindings(workflowJob(yaml));
  assert.equal(found.length, 1);
  const f = found[0]!;
  const line = lineWith(yaml, 'CARGO_INCREMENTAL');
  assert.deepEqual(f.place, { file: WORKFLOW_FILE, line });
  assert.equal(f.job, 'build');
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, 'CARGO_INCREMENTAL=1 reaches the build of job build: sccache cannot cache it');
  assert.ok(
    f.evidence.startsWith(`line ${line} (job env) sets CARGO_INCREMENTAL=1; it wins over`),
    f.evidence,
  );
  assert.equal(f.fix, `CARGO_INCREMENTAL: "0"   # line ${line}`);
});

test('incremental-compilation: from the workflow, the build step env, an export in it, GITHUB_ENV after setup, workflow env', () => {
  const cases: [string, string, string][] = [
    [
      '      - run: cargo test\n        env:\n          CARGO_INCREMENTAL: "1"\n',
      'CARGO_INCREMENTAL',
      'step',
    ],
    [
      '      - run: |\n          export CARGO_INCREMENTAL=1\n          cargo build\n',
      'export CARGO_INCREMENTAL',
      'export',
    ],
    [
      '      - run: echo "CARGO_INCREMENTAL=1" >> "$GITHUB_ENV"\n      - run: cargo build\n',
      'CARGO_INCREMENTAL=1',
      'github-env',
    ],
  ];
  for (const [steps, marker, level] of cases) {
    const yaml = rustJob('', steps);
    const [f] = workflowFindings(workflowJob(yaml));
    const line = lineWith(yaml, marker);
    assert.equal(f?.place?.line, line, marker);
    const where = {
      workflow: 'workflow env',
      job: 'job env',
      step: "the step's env",
      'github-env': 'written to GITHUB_ENV',
      export: 'exported in the script',
    }[level as string];
    assert.ok(f!.evidence.startsWith(`line ${line} (${where}) sets CARGO_INCREMENTAL=1`), f!.evidence);
  }
  const workflowLevel = `on: push
env:
  CARGO_INCREMENTAL: true
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
`;
  assert.equal(
    workflowFindings(workflowJob(workflowLevel))[0]?.place?.line,
    lineWith(workflowLevel, 'CARGO_INCREMENTAL'),
  );
});

test('incremental-compilation: from the workflow, silent where incremental is off or never reaches a Rust build', () => {
  for (const env of [
    '      CARGO_INCREMENTAL: 0\n',
    '      CARGO_INCREMENTAL: "false"\n',
    '      CARGO_INCREMENTAL: ${{ matrix.incremental }}\n',
  ]) {
    assert.deepEqual(workflowFindings(workflowJob(rustJob(env))), [], env);
  }
  // On a step that does not build; written before setup (setup's CARGO_INCREMENTAL=0 comes later);
  // written after the last build.
  const notReaching = `on: push
jobs:
  build:
    steps:
      - run: echo "CARGO_INCREMENTAL=1" >> "$GITHUB_ENV"
      - uses: owner/sccache-guard@v1
      - run: cargo fmt --check
        env:
          CARGO_INCREMENTAL: 1
      - run: cargo build
      - run: echo "CARGO_INCREMENTAL=1" >> "$GITHUB_ENV"
`;
  assert.deepEqual(workflowFindings(workflowJob(notReaching)), []);
  // A C/C++ job has no cargo to make incremental.
  assert.deepEqual(
    workflowFindings(
      workflowJob(rustJob('      CARGO_INCREMENTAL: 1\n', '      - run: cmake --build build\n')),
    ),
    [],
  );
});

test('incremental-compilation: the stats and the workflow both show it: one finding with both, at the workflow line', () => {
  const name = 'v0.10.json';
  const { version, stats } = statsDocument(name);
  const facts = analyzeStats(statsFixture(name)).facts;
  const yaml = rustJob('      CARGO_INCREMENTAL: 1\n');
  const job = workflowJob(yaml, versionToJudge(version).raw);
  const found = workflowFindings(job, facts);
  assert.equal(found.length, 1, found.map((f) => f.title).join('; '));
  const f = found[0]!;
  const line = lineWith(yaml, 'CARGO_INCREMENTAL');
  // The run's numbers first, then the workflow's evidence; the workflow's fix and line.
  assert.equal(
    f.title,
    `${stats.not_cached.incremental} Rust compilations were incremental, which sccache cannot cache`,
  );
  assert.ok(
    f.evidence.startsWith(
      `${stats.not_cached.incremental} of ${stats.compile_requests} compile requests were refused as \`incremental\` (-C incremental).`,
    ),
    f.evidence,
  );
  assert.ok(
    f.evidence.includes(` In the workflow: line ${line} (job env) sets CARGO_INCREMENTAL=1`),
    f.evidence,
  );
  assert.deepEqual(f.place, { file: WORKFLOW_FILE, line });
  assert.equal(f.job, 'build');
  assert.equal(f.fix, `CARGO_INCREMENTAL: "0"   # line ${line}`);
  // The same run with a workflow that does not set it: the run's finding alone, with no place.
  const alone = workflowFindings(workflowJob(rustJob('')), facts);
  assert.equal(alone.length, 1);
  assert.equal(alone[0]!.place, undefined);
  assert.ok(!alone[0]!.evidence.includes('In the workflow'));
});

test('incremental-compilation: from the workflow, silent for printf "CARGO_INCREMENTAL=0\\n" into GITHUB_ENV', () => {
  const yaml = rustJob(
    '',
    `      - run: printf 'CARGO_INCREMENTAL=0\\n' >> "$GITHUB_ENV"\n      - run: cargo build\n`,
  );
  assert.deepEqual(workflowFindings(workflowJob(yaml)), []);
});
