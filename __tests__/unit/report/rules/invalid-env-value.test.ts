// invalid-env-value: a variable in the job whose value this sccache version ignores or rejects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, lineWith, setupRecord } from './helpers.js';

const ID = 'invalid-env-value';
/** The finding for a warm run of the real sccache `version`, with these variables in the job. */
function check(fixture: string, env: Record<string, string>, version = statsDocument(fixture).version) {
  const setup = setupRecord({ version, env });
  return findingIn(statsFixture(fixture), ID, { setup });
}

test('invalid-env-value: SCCACHE_GHA_ENABLED=yes makes sccache 0.8+ refuse to start', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { SCCACHE_GHA_ENABLED: 'yes' });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, `SCCACHE_GHA_ENABLED: a value sccache ${version} ignores or rejects`);
  assert.match(f.evidence, /^SCCACHE_GHA_ENABLED: "yes" is not true\/on\/1\/false\/off\/0: /);
  assert.ok(f.evidence.includes(`sccache ${version} refuses to start`), f.evidence);
  assert.match(f.fix, /SCCACHE_GHA_ENABLED: "true"/);
});

test('invalid-env-value: SCCACHE_GHA_ENABLED=1 is ignored before 0.8, accepted from 0.8', () => {
  const f = check('real-0.7.7-rust-warm.json', { SCCACHE_GHA_ENABLED: '1' });
  assert.ok(f);
  assert.match(f.evidence, /enables GHA only for exactly "true" or "on"; "1" leaves it off/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_ENABLED: '1' }), undefined);
});

test('invalid-env-value: CARGO_INCREMENTAL=1 breaks 0.7.7+, not Debian 0.4; several are all named', () => {
  const name = 'real-0.10.0-rust-warm.json';
  const version = statsDocument(name).version;
  const f = check(name, { CARGO_INCREMENTAL: '1', SCCACHE_GHA_ENABLED: 'yes' });
  assert.ok(f);
  assert.equal(
    f.title,
    `SCCACHE_GHA_ENABLED, CARGO_INCREMENTAL: a value sccache ${version} ignores or rejects`,
  );
  assert.match(f.evidence, /; CARGO_INCREMENTAL: .*refuses to run with CARGO_INCREMENTAL=1/);
  assert.match(f.fix, /CARGO_INCREMENTAL: "0"/);
  // Debian's 0.4.0-pre.6 accepts it and reports the calls as `incremental` instead.
  assert.equal(check('real-debian-0.4-rust-warm.json', { CARGO_INCREMENTAL: '1' }, '0.4.0-pre.6'), undefined);
});

test('invalid-env-value: an empty SCCACHE_GHA_VERSION still enables GHA before 0.16', () => {
  const f = check('real-0.14.0-rust-warm.json', { SCCACHE_GHA_VERSION: '' });
  assert.ok(f);
  assert.match(f.evidence, /^SCCACHE_GHA_VERSION: an empty value still turns the GHA backend on/);
  assert.equal(check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_VERSION: '' }), undefined);
});

test('invalid-env-value: silent with valid values and without setup', () => {
  assert.equal(
    check('real-0.16.0-rust-warm.json', { SCCACHE_GHA_ENABLED: 'true', CARGO_INCREMENTAL: '0' }),
    undefined,
  );
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
});

// From the workflow file: the same values, found at the line that sets them.

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

/** A job on sccache-action with `env` (lines, indented) at job level. */
const withJobEnv = (env: string) => `on: push
jobs:
  build:
    env:
${env}    steps:
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo build
`;

test('invalid-env-value: from the workflow, SCCACHE_GHA_ENABLED: yes at its line', () => {
  const yaml = withJobEnv('      SCCACHE_GHA_ENABLED: yes\n      RUSTC_WRAPPER: sccache\n');
  const found = workflowFindings(workflowJob(yaml, '0.16.0'));
  assert.equal(found.length, 1);
  const f = found[0]!;
  const line = lineWith(yaml, 'SCCACHE_GHA_ENABLED');
  assert.deepEqual(f.place, { file: WORKFLOW_FILE, line });
  assert.equal(f.job, 'build');
  assert.equal(f.title, 'SCCACHE_GHA_ENABLED: a value sccache 0.16.0 ignores or rejects');
  assert.ok(
    f.evidence.startsWith(`SCCACHE_GHA_ENABLED="yes" (line ${line}): "yes" is not true/on/1/false/off/0`),
  );
  assert.ok(f.fix.startsWith(`SCCACHE_GHA_ENABLED: "true"   # line ${line}`), f.fix);
});

test('invalid-env-value: from the workflow, "1" is ignored before 0.8 and fine from 0.8; an empty version before 0.16', () => {
  const one = withJobEnv('      SCCACHE_GHA_ENABLED: 1\n');
  const [f] = workflowFindings(workflowJob(one, '0.7.7'));
  assert.equal(f?.place?.line, lineWith(one, 'SCCACHE_GHA_ENABLED'));
  assert.match(f!.evidence, /enables GHA only for exactly "true" or "on"; "1" leaves it off/);
  assert.deepEqual(workflowFindings(workflowJob(one, '0.16.0')), []);

  const empty = withJobEnv('      SCCACHE_GHA_ENABLED: "true"\n      SCCACHE_GHA_VERSION: ""\n');
  const [g] = workflowFindings(workflowJob(empty, '0.14.0'));
  assert.equal(g?.place?.line, lineWith(empty, 'SCCACHE_GHA_VERSION'));
  assert.deepEqual(workflowFindings(workflowJob(empty, '0.16.0')), []);
});

test('invalid-env-value: from the workflow, a literal GITHUB_ENV write is judged at its line', () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - run: echo "SCCACHE_GHA_ENABLED=enabled" >> "$GITHUB_ENV"
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo build
`;
  const [f] = workflowFindings(workflowJob(yaml, '0.10.0'));
  assert.equal(f?.place?.line, lineWith(yaml, 'SCCACHE_GHA_ENABLED=enabled'));
});

test('invalid-env-value: from the workflow, silent for values it cannot know and for CARGO_INCREMENTAL', () => {
  for (const env of [
    '      SCCACHE_GHA_ENABLED: ${{ vars.SCCACHE_ON }}\n',
    '      SCCACHE_GHA_ENABLED: "true"\n',
    '      SCCACHE_GHA_ENABLED: on\n',
    // CARGO_INCREMENTAL=1 has a finding of its own, incremental-compilation.
    '      CARGO_INCREMENTAL: 1\n',
  ]) {
    assert.deepEqual(workflowFindings(workflowJob(withJobEnv(env), '0.16.0')), [], env);
  }
  const expanded = `on: push
jobs:
  build:
    steps:
      - run: echo "SCCACHE_GHA_ENABLED=$ENABLED" >> "$GITHUB_ENV"
      - uses: mozilla-actions/sccache-action@v0.0.9
      - run: cargo build
`;
  assert.deepEqual(workflowFindings(workflowJob(expanded, '0.16.0')), []);
});
