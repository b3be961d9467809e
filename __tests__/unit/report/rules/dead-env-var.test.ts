// dead-env-var: variables from advice on the web that the sccache in use does not read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, lineWith, setupRecord } from './helpers.js';

const ID = 'dead-env-var';
function check(fixture: string, env: Record<string, string>, version = statsDocument(fixture).version) {
  const setup = setupRecord({ version, env });
  return findingIn(statsFixture(fixture), ID, { setup });
}

test('dead-env-var: names each variable, why it does nothing, and what to delete', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { SCCACHE_LOG_LEVEL: 'debug', SCCACHE_GHA_CACHE_TO: 'sccache-main' });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `SCCACHE_LOG_LEVEL, SCCACHE_GHA_CACHE_TO do nothing in sccache ${version}`);
  assert.match(f.evidence, /SCCACHE_LOG_LEVEL: no sccache release reads it; SCCACHE_LOG sets the log filter/);
  assert.ok(
    f.evidence.includes(`SCCACHE_GHA_CACHE_TO: only sccache 0.3.x read it; ${version} ignores it`),
    f.evidence,
  );
  assert.match(f.fix, /^# delete from the workflow env:\n# {3}SCCACHE_LOG_LEVEL\n# {3}SCCACHE_GHA_CACHE_TO$/);
});

test('dead-env-var: SCCACHE_GHA_RW_MODE does nothing before 0.16, and works from 0.16', () => {
  const f = check('real-0.14.0-rust-warm.json', { SCCACHE_GHA_RW_MODE: 'READ_ONLY' });
  assert.ok(f);
  assert.match(f.title, /^SCCACHE_GHA_RW_MODE does nothing in sccache 0\.14\.0$/);
  assert.match(f.evidence, /it exists from sccache 0\.16\.0/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_RW_MODE: 'READ_ONLY' }), undefined);
});

test('dead-env-var: the 0.3 variables are alive on 0.3', () => {
  assert.equal(check('v0.3.json', { SCCACHE_GHA_CACHE_TO: 'sccache-main' }, '0.3.3'), undefined);
});

test('dead-env-var: silent with only real variables, and without setup', () => {
  assert.equal(
    check('real-0.16.0-rust-warm.json', { SCCACHE_LOG: 'debug', SCCACHE_DIR: '/tmp/s' }),
    undefined,
  );
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
});

// From the workflow file: the same variables, found at the line that sets them.

const WORKFLOW_FILE = '.github/workflows/ci.yml';

function workflowJob(yaml: string, version: string): JobFacts {
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

const DEAD_IN_WORKFLOW = `on: push
env:
  SCCACHE_LOG: debug
jobs:
  build:
    env:
      SCCACHE_GHA_CACHE_TO: sccache-main
    steps:
      - uses: owner/sccache-guard@v1
      - run: |
          export SCCACHE_BASEDIR=/home/runner/work
          cargo build
        env:
          SCCACHE_LOG_LEVEL: debug
`;

test('dead-env-var: from the workflow, every dead variable at its line; the finding at the first', () => {
  const found = workflowFindings(workflowJob(DEAD_IN_WORKFLOW, '0.16.0'));
  assert.equal(found.length, 1);
  const f = found[0]!;
  const to = lineWith(DEAD_IN_WORKFLOW, 'SCCACHE_GHA_CACHE_TO');
  const level = lineWith(DEAD_IN_WORKFLOW, 'SCCACHE_LOG_LEVEL');
  const basedir = lineWith(DEAD_IN_WORKFLOW, 'SCCACHE_BASEDIR=');
  assert.deepEqual(f.place, { file: WORKFLOW_FILE, line: to });
  assert.equal(f.job, 'build');
  assert.equal(
    f.title,
    'SCCACHE_GHA_CACHE_TO, SCCACHE_LOG_LEVEL, SCCACHE_BASEDIR do nothing in sccache 0.16.0',
  );
  assert.ok(f.evidence.includes(`SCCACHE_GHA_CACHE_TO (line ${to}): only sccache 0.3.x read it`), f.evidence);
  assert.ok(
    f.evidence.includes(`SCCACHE_LOG_LEVEL (line ${level}): no sccache release reads it`),
    f.evidence,
  );
  assert.ok(
    f.evidence.includes(`SCCACHE_BASEDIR (line ${basedir}): no sccache release reads it`),
    f.evidence,
  );
  // The fix lists each in file order, with its line.
  assert.match(
    f.fix,
    new RegExp(`^# delete:\\n#   SCCACHE_GHA_CACHE_TO: sccache-main   \\(line ${to}\\)\\n`),
  );
});

test('dead-env-var: from the workflow, SCCACHE_GHA_RW_MODE is dead on 0.14, alive on 0.16', () => {
  const yaml = `on: pull_request
jobs:
  build:
    steps:
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo build
        env:
          SCCACHE_GHA_RW_MODE: READ_ONLY
`;
  const [f] = workflowFindings(workflowJob(yaml, '0.14.0'));
  assert.equal(f?.place?.line, lineWith(yaml, 'SCCACHE_GHA_RW_MODE'));
  assert.match(f!.evidence, /it exists from sccache 0\.16\.0; 0\.14\.0 ignores it/);
  assert.deepEqual(workflowFindings(workflowJob(yaml, '0.16.0')), []);
});

test('dead-env-var: from the workflow, silent with only real variables', () => {
  const yaml = `on: push
env:
  SCCACHE_LOG: debug
  SCCACHE_GHA_ENABLED: "true"
jobs:
  build:
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
`;
  assert.deepEqual(workflowFindings(workflowJob(yaml, '0.16.0')), []);
});

test('dead-env-var: the run and the workflow see the same variable: one finding, at the workflow line', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const { version } = statsDocument(name);
  const setup = setupRecord({ version, env: { SCCACHE_LOG_LEVEL: 'debug' } });
  const facts = analyzeStats(statsFixture(name), { setup }).facts;
  const yaml = `on: push
jobs:
  build:
    env:
      SCCACHE_LOG_LEVEL: debug
    steps:
      - uses: owner/sccache-guard@v1
      - run: cargo build
`;
  const found = workflowFindings(workflowJob(yaml, version), facts);
  assert.equal(found.length, 1);
  const line = lineWith(yaml, 'SCCACHE_LOG_LEVEL');
  assert.deepEqual(found[0]!.place, { file: WORKFLOW_FILE, line });
  assert.ok(
    found[0]!.evidence.includes(`In the workflow: SCCACHE_LOG_LEVEL (line ${line})`),
    found[0]!.evidence,
  );
});
