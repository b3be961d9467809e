// wrapper-overridden: the workflow sets RUSTC_WRAPPER to something other than the sccache this
// action's setup started, and that wins over setup's export. Read from the workflow: the finding
// points at the line that sets it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsFixture } from '../../../fixtures/index.js';
import { jobFindings, lineWith, onlyJobFinding } from './helpers.js';

const ID = 'wrapper-overridden';
const FILE = '.github/workflows/ci.yml';

function jobOf(yaml: string): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file: FILE, version: parseVersion('0.16.0') });
}

const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

/** A job with `jobEnv` (env lines, indented) set up by `setup` and built by `build` (steps). */
const job = (
  jobEnv: string,
  build = '      - run: cargo build --locked\n',
  setup = '      - uses: owner/sccache-guard@v1\n',
) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
${jobEnv ? `    env:\n${jobEnv}` : ''}    steps:
      - uses: actions/checkout@v4
${setup}${build}`;

test('wrapper-overridden: job env RUSTC_WRAPPER set to another path, at its line', () => {
  const yaml = job('      RUSTC_WRAPPER: /usr/local/bin/sccache\n');
  const f = onlyFinding(jobOf(yaml));
  const line = lineWith(yaml, 'RUSTC_WRAPPER');
  assert.equal(f.severity, 'warning');
  assert.equal(f.job, 'build');
  assert.deepEqual(f.place, { file: FILE, line });
  assert.equal(
    f.title,
    'RUSTC_WRAPPER is set to `/usr/local/bin/sccache` in job build, not to the sccache setup started',
  );
  assert.equal(
    f.evidence,
    `line ${line} (job env) sets RUSTC_WRAPPER=/usr/local/bin/sccache, which wins over setup's export.`,
  );
  assert.equal(f.fix, `# delete line ${line}, or:\nRUSTC_WRAPPER: sccache`);
});

test('wrapper-overridden: a step env, a later GITHUB_ENV write and an export, each at its line and level', () => {
  const cases: [string, string, string][] = [
    ['      - run: cargo build\n        env:\n          RUSTC_WRAPPER: ""\n', 'RUSTC_WRAPPER: ""', 'step'],
    [
      '      - run: echo "RUSTC_WRAPPER=/opt/sccache-0.7/sccache" >> "$GITHUB_ENV"\n      - run: cargo build\n',
      'RUSTC_WRAPPER=',
      'github-env',
    ],
    [
      '      - run: |\n          export RUSTC_WRAPPER=cachepot\n          cargo build\n',
      'export RUSTC_WRAPPER',
      'export',
    ],
  ];
  for (const [build, marker, level] of cases) {
    const yaml = job('', build);
    const f = onlyFinding(jobOf(yaml));
    const line = lineWith(yaml, marker);
    assert.equal(f.place?.line, line, marker);
    assert.ok(f.evidence.startsWith(`line ${line} (${level} env) sets RUSTC_WRAPPER=`), f.evidence);
  }
});

test('wrapper-overridden: with the run known, still one finding at the line', () => {
  const yaml = job('      RUSTC_WRAPPER: sccache-wrapper.sh\n');
  const facts = analyzeStats(statsFixture('newest.json')).facts;
  assert.equal(onlyFinding(jobOf(yaml), facts).place?.line, lineWith(yaml, 'RUSTC_WRAPPER'));
});

test("wrapper-overridden: silent for the values that name setup's sccache", () => {
  for (const value of [
    'sccache',
    'sccache.exe',
    '${{ env.SCCACHE_PATH }}',
    '$SCCACHE_PATH',
    '"${SCCACHE_PATH}"',
  ]) {
    assert.deepEqual(findings(jobOf(job(`      RUSTC_WRAPPER: ${value}\n`))), [], value);
  }
});

test('wrapper-overridden: silent without this action: another setup needs RUSTC_WRAPPER set by hand', () => {
  const yaml = job(
    '      RUSTC_WRAPPER: /home/runner/.cargo/bin/sccache\n      SCCACHE_GHA_ENABLED: "true"\n',
    undefined,
    '      - uses: mozilla-actions/sccache-action@v0.0.9\n',
  );
  assert.deepEqual(findings(jobOf(yaml)), []);
});

test("wrapper-overridden: silent for a GITHUB_ENV write before setup: setup's own export comes later and wins", () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - run: echo "RUSTC_WRAPPER=/opt/other/sccache" >> "$GITHUB_ENV"
      - uses: owner/sccache-guard@v1
      - run: cargo build
`;
  assert.deepEqual(findings(jobOf(yaml)), []);
});
