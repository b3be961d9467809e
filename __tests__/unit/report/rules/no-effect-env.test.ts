// no-effect-env: a variable sccache reads, set where it changes nothing: a server setting after the
// server started, a local-disk setting with a remote cache, a C/C++ setting in a Rust-only job.
// Read from the workflow: the finding points at the line that sets the first such variable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { statsFixture } from '../../../fixtures/index.js';
import { jobFindings, lineWith, onlyJobFinding, workflowJob } from './helpers.js';

const ID = 'no-effect-env';
const FILE = '.github/workflows/ci.yml';

const jobOf = (yaml: string, version = '0.16.0'): JobFacts => workflowJob(yaml, version, FILE);

const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

test('no-effect-env: a server setting in a step after setup starts the server, at its line', () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
        env:
          SCCACHE_IDLE_TIMEOUT: "0"
`;
  const f = onlyFinding(jobOf(yaml));
  const line = lineWith(yaml, 'SCCACHE_IDLE_TIMEOUT');
  assert.equal(f.severity, 'notice');
  assert.equal(f.actionable, true);
  assert.equal(f.job, 'build');
  assert.deepEqual(f.place, { file: FILE, line });
  assert.equal(f.title, 'SCCACHE_IDLE_TIMEOUT changes nothing in job build');
  assert.equal(
    f.evidence,
    `SCCACHE_IDLE_TIMEOUT (line ${line}): the server reads it once, when it starts, and setup started the server before this step.`,
  );
  assert.equal(
    f.fix,
    `# line ${line}: move SCCACHE_IDLE_TIMEOUT to the workflow or job env (setup starts the server with it)`,
  );
});

test('no-effect-env: a GITHUB_ENV write in a step after setup comes after the server started', () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: echo "SCCACHE_LOG=debug" >> "$GITHUB_ENV"
      - run: cargo build
`;
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'SCCACHE_LOG=debug'));
  assert.match(f.evidence, /^SCCACHE_LOG \(line \d+\): the server reads it once/);
});

test('no-effect-env: local-disk settings with the GitHub cache, C/C++ settings in a Rust-only job', () => {
  const yaml = `on: push
jobs:
  build:
    env:
      SCCACHE_CACHE_SIZE: 10G
      SCCACHE_DIRECT: "true"
      SCCACHE_C_CUSTOM_CACHE_BUSTER: v2
      SCCACHE_BASEDIRS: /home/runner/work
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build --release
`;
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'SCCACHE_CACHE_SIZE'));
  assert.equal(
    f.title,
    'SCCACHE_CACHE_SIZE, SCCACHE_DIRECT, SCCACHE_C_CUSTOM_CACHE_BUSTER, SCCACHE_BASEDIRS change nothing in job build',
  );
  for (const [name, why] of [
    ['SCCACHE_CACHE_SIZE', 'it sizes the local disk cache only, and this job uses a remote cache'],
    ['SCCACHE_DIRECT', 'direct (preprocessor) mode exists for the local disk cache only'],
    ['SCCACHE_C_CUSTOM_CACHE_BUSTER', 'only C/C++ keys include it, and this job builds no C/C++'],
    ['SCCACHE_BASEDIRS', 'Rust cache keys ignore it'],
  ] as const) {
    assert.ok(
      f.evidence.includes(`${name} (line ${lineWith(yaml, name)}): ${why}`),
      `${name}: ${f.evidence}`,
    );
  }
});

test('no-effect-env: with the run known, still one finding at the line', () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
        env:
          SCCACHE_CACHE_SIZE: 2G
`;
  const facts = analyzeStats(statsFixture('newest.json')).facts;
  assert.equal(onlyFinding(jobOf(yaml), facts).place?.line, lineWith(yaml, 'SCCACHE_CACHE_SIZE'));
});

test('no-effect-env: silent where the variable acts', () => {
  // Job env reaches setup, which starts the server with it; a local backend reads the disk settings;
  // a C/C++ build reads the C/C++ ones.
  const yaml = `on: push
jobs:
  build:
    env:
      SCCACHE_IDLE_TIMEOUT: "0"
      SCCACHE_CACHE_SIZE: 10G
      SCCACHE_DIRECT: "true"
      SCCACHE_C_CUSTOM_CACHE_BUSTER: v2
    steps:
      - uses: owner/sccache-guard@v1
        with:
          backend: local
        env:
          SCCACHE_LOG: debug
      - run: cmake --build build
`;
  assert.deepEqual(findings(jobOf(yaml)), []);
});

test('no-effect-env: silent for a variable no release reads (that is dead-env-var)', () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
        env:
          SCCACHE_LOG_LEVEL: debug
`;
  const ids = applyRules(undefined, [jobOf(yaml)]).map((f) => f.id);
  assert.ok(ids.includes('dead-env-var'));
  assert.ok(!ids.includes(ID));
});
