// tag-scope: a job that compiles through GitHub's cache on `push: tags`, `release` or `create`
// writes into the tag's scope, which no later run reads. Read from the workflow: the finding points
// at the trigger line (the caller's, for a reusable workflow's job).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunScope } from '../../../../src/github/run-scope.js';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts, RunContext } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { selectJobs } from '../../../../src/report/workflow-jobs.js';
import { ghaNamespace } from '../../../../src/sccache/location.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { jobFindings, lineWith, onlyJobFinding, runInputs, runRecord, setupRecord } from './helpers.js';

const ID = 'tag-scope';
const FILE = '.github/workflows/release.yml';
const VERSION = parseVersion('0.16.0');

/** The facts of job `jobId` (the first by default) of a workflow given as YAML text. */
function jobOf(yaml: string, jobId?: string): JobFacts {
  const workflow = parseWorkflow(yaml);
  const job = jobId === undefined ? workflow.jobs[0] : workflow.jobs.find((j) => j.id === jobId);
  assert.ok(job, `no job ${jobId}`);
  return buildJobFacts({ workflow, job, file: FILE, version: VERSION });
}

/** This rule's findings for one job, with the run's facts when given. */
const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

/** The 1-based line of the one line of `text` that contains `marker`. */
/** A release job that builds through this action's default (GitHub) cache, under `on`. */
const releaseJob = (on: string, setup = '      - uses: owner/sccache-guard@v1\n') => `name: release
${on}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${setup}      - run: cargo build --release --locked
`;

const PUSH_TAGS = "on:\n  push:\n    branches: [main]\n    tags: ['v*']";

test('tag-scope: push with tags: a warning at the tags: line of the workflow', () => {
  const yaml = releaseJob(PUSH_TAGS);
  const f = onlyFinding(jobOf(yaml));
  const line = lineWith(yaml, 'tags:');
  assert.equal(f.severity, 'warning');
  assert.equal(f.actionable, true);
  assert.equal(f.job, 'publish');
  assert.deepEqual(f.place, { file: FILE, line });
  assert.equal(
    f.title,
    "Job publish runs on push: tags: its cache writes land in a tag's scope that no later run reads",
  );
  assert.ok(f.evidence.startsWith(`\`push: tags\` (line ${line}) triggers job \`publish\``), f.evidence);
  assert.match(f.fix, /And build the default branch with the release configuration/);
});

test('tag-scope: release and create, as a map, a list or a single event, at the event line', () => {
  const cases: [string, string][] = [
    ['on:\n  release:\n    types: [published]', 'release:'],
    ['on: [pull_request, release]', 'on: ['],
    ['on: create', 'on: create'],
    ["on:\n  push:\n    tags-ignore: ['nightly-*']", 'tags-ignore:'],
  ];
  for (const [on, marker] of cases) {
    const yaml = releaseJob(on);
    assert.equal(onlyFinding(jobOf(yaml)).place?.line, lineWith(yaml, marker), on);
  }
});

test('tag-scope: mozilla-actions/sccache-action with SCCACHE_GHA_ENABLED is on the GitHub cache too', () => {
  const yaml = `on:
  push:
    tags: ['v*']
env:
  SCCACHE_GHA_ENABLED: "true"
  RUSTC_WRAPPER: sccache
jobs:
  build:
    steps:
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo build --release
`;
  assert.equal(onlyFinding(jobOf(yaml)).place?.line, lineWith(yaml, 'tags:'));
  // Without it, sccache-action leaves sccache on the local disk: no scope to write into.
  assert.deepEqual(findings(jobOf(yaml.replace('  SCCACHE_GHA_ENABLED: "true"\n', ''))), []);
});

test('tag-scope: silent on branch pushes and pull requests', () => {
  for (const on of [
    'on: push',
    'on: [push, pull_request]',
    'on:\n  push:\n    branches: [main]\n  pull_request:',
    'on:\n  workflow_dispatch:\n  schedule:\n    - cron: "0 3 * * *"',
  ]) {
    assert.deepEqual(findings(jobOf(releaseJob(on))), [], on);
  }
});

test('tag-scope: silent when the job does not use the GitHub cache, or does not compile through sccache', () => {
  const local = releaseJob(
    PUSH_TAGS,
    '      - uses: owner/sccache-guard@v1\n        with:\n          backend: local\n',
  );
  assert.equal(jobOf(local).usesGhaCache, false);
  assert.deepEqual(findings(jobOf(local)), []);
  // No sccache setup at all.
  assert.deepEqual(findings(jobOf(releaseJob(PUSH_TAGS, ''))), []);
  // sccache is set up, but nothing is built after it.
  const noBuild = `${PUSH_TAGS}
jobs:
  docs:
    steps:
      - run: cargo doc
      - uses: owner/sccache-guard@v1
`;
  assert.deepEqual(findings(jobOf(noBuild)), []);
});

test("tag-scope: a reusable workflow's job is judged by its caller's triggers, and points at the caller", () => {
  const callerOn = (on: string) => `${on}\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n`;
  const caller = callerOn(PUSH_TAGS);
  const callee = `on: workflow_call
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build --release
`;
  const callerFile = '.github/workflows/release.yml';
  const calleeFile = '.github/workflows/build.yml';
  const selection = selectJobs(
    { file: callerFile, workflow: parseWorkflow(caller) },
    undefined,
    VERSION,
    (uses) =>
      uses === './.github/workflows/build.yml'
        ? { file: calleeFile, workflow: parseWorkflow(callee) }
        : undefined,
  );
  assert.ok('jobs' in selection);
  assert.deepEqual(
    selection.jobs.map((j) => [j.jobId, j.file]),
    [['build', calleeFile]],
  );
  const f = onlyFinding(selection.jobs[0]!);
  assert.equal(f.job, 'build');
  assert.deepEqual(f.place, { file: callerFile, line: lineWith(caller, 'tags:') });
  // Called from a branch push, the same job writes where later runs read.
  const fromBranch = selectJobs(
    { file: callerFile, workflow: parseWorkflow(callerOn('on:\n  push:\n    branches: [main]')) },
    undefined,
    VERSION,
    () => ({ file: calleeFile, workflow: parseWorkflow(callee) }),
  );
  assert.ok('jobs' in fromBranch);
  assert.deepEqual(findings(fromBranch.jobs[0]!), []);
});

test('tag-scope: the run says where the cache was: silent on a local disk, a finding on GHA', () => {
  const job = jobOf(releaseJob(PUSH_TAGS));
  for (const local of [
    'real-0.16.0-rust-warm.json',
    'v0.14.json',
    'debian-0.4-rust-cold-incremental0.json',
  ]) {
    const facts = analyzeStats(statsFixture(local)).facts;
    assert.equal(facts.location.backend, 'local', local);
    assert.deepEqual(findings(job, facts), [], local);
  }
  for (const gha of ['newest.json', 'v0.10.json']) {
    const facts = analyzeStats(statsFixture(gha)).facts;
    assert.equal(facts.location.backend, 'gha', gha);
    assert.equal(onlyFinding(job, facts).place?.line, lineWith(releaseJob(PUSH_TAGS), 'tags:'), gha);
  }
});

test('tag-scope: a multi-level cache with a GHA level still writes into the tag scope', () => {
  const facts = analyzeStats(statsFixture('newest-multilevel.json')).facts;
  assert.ok(facts.levels.some((l) => l.location.backend === 'gha'));
  const yaml = releaseJob(PUSH_TAGS);
  assert.equal(onlyFinding(jobOf(yaml), facts).place?.line, lineWith(yaml, 'tags:'));
});

// ---- The run itself: `check(facts)` on a run whose scope is a tag's (no workflow file read). ----

const TAG_SCOPE: RunScope = { event: 'push', ref: 'refs/tags/v1', defaultBranch: 'main' };

/** This rule's findings for a run with these stats and context, without the workflow. */
const runFindings = (stats: string, context: RunContext): Finding[] =>
  analyzeStats(stats, context).findings.filter((f) => f.id === ID);

test('tag-scope: a run on refs/tags/v1 through the GitHub cache writes where no later run reads', () => {
  const { version } = statsDocument('newest.json');
  const context = { setup: setupRecord({ version }), scope: TAG_SCOPE };
  const found = runFindings(statsFixture('newest.json'), context);
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.severity, 'warning');
  assert.equal(f.place, undefined);
  assert.equal(f.title, 'This push run on refs/tags/v1 writes into a cache scope no later run reads');
  assert.equal(
    f.evidence,
    'This push run reads entries of refs/tags/v1, refs/heads/main and writes into refs/tags/v1; ' +
      'every entry it writes is unreachable for later runs.',
  );
  assert.match(f.fix, /read-only: true/);
  // Without setup's record too: the stats say the store was GitHub's cache.
  assert.equal(runFindings(statsFixture('newest.json'), { scope: TAG_SCOPE }).length, 1);
  // A release or create event is in a tag's scope as well.
  for (const event of ['release', 'create']) {
    const scope = { event, ref: 'refs/tags/v1', defaultBranch: 'main' };
    assert.equal(
      runFindings(statsFixture('v0.10.json'), { scope })[0]?.title.split(' on ')[0],
      `This ${event} run`,
    );
  }
});

test("tag-scope: the run's evidence adds what the default branch holds and which inputs differ from it", () => {
  const { version } = statsDocument('newest.json');
  const namespace = ghaNamespace(version);
  const env = { RUSTFLAGS: '-C target-cpu=native', CARGO_PROFILE_RELEASE_LTO: 'fat' };
  const context: RunContext = {
    setup: setupRecord({ version }),
    scope: TAG_SCOPE,
    // The default branch's last run, which the record lookup finds for a tag run.
    previousRun: runRecord({
      runId: '4321',
      namespace,
      inputs: runInputs({
        sccacheVersion: version,
        namespace,
        env: { RUSTFLAGS: '', CARGO_PROFILE_RELEASE_LTO: 'fat' },
      }),
    }),
    inputs: runInputs({ sccacheVersion: version, namespace, env }),
    cacheListing: {
      byRef: [
        { ref: 'refs/heads/main', entries: 1200, bytes: 900_000_000 },
        { ref: 'refs/tags/v1', entries: 159, bytes: 100_000_000 },
      ],
      quotaBytes: 10 * 1024 ** 3,
      truncated: false,
    },
  };
  const { facts, findings } = analyzeStats(statsFixture('newest.json'), context);
  const found = findings.filter((f) => f.id === ID);
  assert.equal(found.length, 1);
  assert.ok(
    found[0]!.evidence.endsWith(
      `every entry it writes is unreachable for later runs. refs/heads/main holds 1200 entries of this namespace; ` +
        `this run hit ${facts.hits} of ${facts.lookups}. ` +
        "Against the default branch's last run (4321) these inputs differ: RUSTFLAGS (see config-changed).",
    ),
    found[0]!.evidence,
  );
});

test('tag-scope: silent for a tag run that is read-only by design, on a local disk, or on a branch', () => {
  const { version } = statsDocument('newest.json');
  // read-only: true, enforced (sccache 0.16+): nothing reaches the tag's scope.
  const readOnly = setupRecord({ version, inputs: { 'read-only': 'true' } });
  assert.equal(readOnly.readOnly.wanted && readOnly.readOnly.enforced, true);
  assert.deepEqual(runFindings(statsFixture('newest.json'), { setup: readOnly, scope: TAG_SCOPE }), []);
  // Wanted but not enforced (sccache 0.10 has no read-only GHA mode): the run did write.
  const unenforced = setupRecord({ version: '0.10.0', inputs: { 'read-only': 'true' } });
  assert.equal(unenforced.readOnly.wanted && !unenforced.readOnly.enforced, true);
  assert.equal(runFindings(statsFixture('v0.10.json'), { setup: unenforced, scope: TAG_SCOPE }).length, 1);
  // A local cache has no scope (setup chose it, or the stats show it).
  const local = statsDocument('real-0.16.0-rust-warm.json');
  const localSetup = setupRecord({ version: local.version, inputs: { backend: 'local' } });
  assert.deepEqual(
    runFindings(statsFixture('real-0.16.0-rust-warm.json'), { setup: localSetup, scope: TAG_SCOPE }),
    [],
  );
  // A branch push or a pull request writes where later runs read.
  for (const scope of [
    { event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' },
    { event: 'push', ref: 'refs/heads/v1', defaultBranch: 'main' },
    { event: 'pull_request', ref: 'refs/pull/7/merge', defaultBranch: 'main', baseRef: 'main' },
  ]) {
    assert.deepEqual(
      runFindings(statsFixture('newest.json'), { setup: setupRecord({ version }), scope }),
      [],
      scope.ref,
    );
  }
  // Without the scope, nothing says it is a tag run.
  assert.deepEqual(runFindings(statsFixture('newest.json'), { setup: setupRecord({ version }) }), []);
});
