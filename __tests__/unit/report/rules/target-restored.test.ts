// target-restored: a step before the build restores cargo's target/ (Swatinem/rust-cache with
// cache-targets, actions/cache on a target path), so sccache sees only what cargo rebuilds. Read
// from the workflow: the finding points at the restoring step's line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsFixture } from '../../../fixtures/index.js';

const ID = 'target-restored';
const FILE = '.github/workflows/ci.yml';

function jobOf(yaml: string, version = '0.16.0'): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file: FILE, version: parseVersion(version) });
}

const findings = (job: JobFacts, facts?: Facts): Finding[] =>
  applyRules(facts, [job]).filter((f) => f.id === ID);

function onlyFinding(job: JobFacts, facts?: Facts): Finding {
  const found = findings(job, facts);
  assert.equal(found.length, 1, `one ${ID} finding, not ${found.length}`);
  return found[0]!;
}

function lineWith(text: string, marker: string): number {
  const at = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
  assert.equal(at.length, 1, `"${marker}" should be on exactly one line`);
  return at[0]!;
}

/** A job with `restore` (steps, indented) before sccache's setup and the build. */
const ciJob = (restore: string, after = '') => `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${restore}      - uses: owner/sccache-guard@v1
      - run: cargo test --locked
${after}`;

test('target-restored: rust-cache with cache-targets by default, at its uses: line', () => {
  const yaml = ciJob('      - uses: Swatinem/rust-cache@v2\n');
  const f = onlyFinding(jobOf(yaml));
  const line = lineWith(yaml, 'Swatinem/rust-cache@v2');
  assert.equal(f.severity, 'warning');
  assert.equal(f.job, 'test');
  assert.deepEqual(f.place, { file: FILE, line });
  assert.equal(
    f.title,
    'target/ is restored before the build (Swatinem/rust-cache@v2 (cache-targets defaults to true)), so sccache sees only what cargo rebuilds',
  );
  assert.equal(f.evidence, `step 2 (line ${line}) restores target/ before the first build.`);
  assert.match(f.fix, /cache-targets: false/);
});

test('target-restored: rust-cache with cache-targets: true points at that input', () => {
  const yaml = ciJob(
    '      - uses: Swatinem/rust-cache@v2\n        with:\n          shared-key: ci\n          cache-targets: true\n',
  );
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'cache-targets:'));
  assert.match(f.title, /with cache-targets: true/);
});

test('target-restored: actions/cache and actions/cache/restore with a target path, at the path: line', () => {
  const list = ciJob(
    "      - uses: actions/cache@v4\n        with:\n          key: cargo-${{ hashFiles('Cargo.lock') }}\n" +
      '          path: |\n            ~/.cargo/registry\n            target/\n',
  );
  const f = onlyFinding(jobOf(list));
  assert.equal(f.place?.line, lineWith(list, 'path: |'));
  assert.match(f.title, /actions\/cache@v4 restoring target\//);
  for (const path of ['target', './target', "'**/target/release'", 'crates/app/target/']) {
    const yaml = ciJob(
      `      - uses: actions/cache/restore@v4\n        with:\n          key: k\n          path: ${path}\n`,
    );
    assert.equal(onlyFinding(jobOf(yaml)).place?.line, lineWith(yaml, 'path:'), path);
  }
});

test('target-restored: with the run, the evidence says how many calls sccache looked up', () => {
  const name = 'real-0.16.0-rust-warm.json';
  const facts = analyzeStats(statsFixture(name)).facts;
  const yaml = ciJob('      - uses: Swatinem/rust-cache@v2\n');
  const f = onlyFinding(jobOf(yaml), facts);
  assert.ok(
    f.evidence.endsWith(
      ` This run looked up ${facts.lookups} of ${facts.stats.compileRequests} compile requests.`,
    ),
    f.evidence,
  );
  assert.equal(f.place?.line, lineWith(yaml, 'rust-cache'));
});

test('target-restored: silent with cache-targets: false, or a cache of other paths', () => {
  for (const restore of [
    '      - uses: Swatinem/rust-cache@v2\n        with:\n          cache-targets: false\n',
    '      - uses: Swatinem/rust-cache@v2\n        with:\n          cache-targets: "false"\n',
    '      - uses: actions/cache@v4\n        with:\n          key: k\n          path: ~/.cargo/registry\n',
    '      - uses: actions/cache@v4\n        with:\n          key: k\n          path: |\n            ~/.cargo\n            !target\n',
    '      - uses: actions/cache@v4\n        with:\n          key: k\n          path: target-dir-notes.txt\n',
    '      - uses: actions/cache@v4\n        with:\n          key: k\n',
  ]) {
    assert.deepEqual(findings(jobOf(ciJob(restore))), [], restore);
  }
});

test('target-restored: silent when target/ is cached only after the build', () => {
  const yaml = ciJob(
    '',
    '      - uses: actions/cache/save@v4\n        with:\n          key: k\n          path: target\n',
  );
  assert.deepEqual(findings(jobOf(yaml)), []);
});

test('target-restored: silent when the job does not compile through sccache', () => {
  const noSccache = `on: push
jobs:
  test:
    steps:
      - uses: Swatinem/rust-cache@v2
      - run: cargo test
`;
  assert.deepEqual(findings(jobOf(noSccache)), []);
});
