// target-restored: a step before the build restores cargo's target/ (Swatinem/rust-cache with
// cache-targets, actions/cache on a target path), so sccache sees only what cargo rebuilds. Read
// from the workflow: the finding points at the restoring step's line.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts, WorkspaceFacts } from '../../../../src/report/facts.js';
import { type JobFacts } from '../../../../src/report/job-facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { inspectWorkspace } from '../../../../src/report/workspace.js';
import { statsFixture } from '../../../fixtures/index.js';
import { findingIn, jobFindings, lineWith, onlyJobFinding, setupRecord, workflowJob } from './helpers.js';

const ID = 'target-restored';
const FILE = '.github/workflows/ci.yml';

const jobOf = (yaml: string, version = '0.16.0'): JobFacts => workflowJob(yaml, version, FILE);

const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

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

// ---- The run itself: `check(facts)` from the checkout as the build left it (facts.workspace). ----

/** Setup began at 12:00 (helpers.ts); fingerprints from 11:00 were restored, not built here. */
const RESTORED_AT = '2026-11-25T11:00:00.000Z';
const BUILT_AT = '2026-11-25T12:30:00.000Z';

const runFinding = (stats: string, workspace: WorkspaceFacts) => findingIn(stats, ID, { workspace });

test('target-restored: fingerprints older than setup and few lookups for the packages Cargo.lock locks', () => {
  const facts = analyzeStats(statsFixture('newest.json')).facts;
  assert.equal(facts.lookups, 1076);
  const f = runFinding(statsFixture('newest.json'), { lockPackages: 3000, targetBuiltBefore: RESTORED_AT });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.place, undefined);
  assert.equal(f.title, 'target/ was restored before the build: sccache looked up only 1076 compilations');
  assert.equal(
    f.evidence,
    `cargo's fingerprints in target/ date from ${RESTORED_AT}, before setup began; 1076 lookups for 3000 ` +
      'packages in Cargo.lock, 268 never-cacheable `crate-type` calls (bins, proc-macros, build scripts).',
  );
  assert.match(f.fix, /cache-targets: false/);
  // "Few" is fewer lookups than half the locked packages.
  assert.ok(runFinding(statsFixture('newest.json'), { lockPackages: 2153, targetBuiltBefore: RESTORED_AT }));
  assert.equal(
    runFinding(statsFixture('newest.json'), { lockPackages: 2152, targetBuiltBefore: RESTORED_AT }),
    undefined,
  );
});

test('target-restored: without Cargo.lock, fewer lookups than never-cacheable crate-type calls', () => {
  // The warm demo build: 2 lookups, 3 crate-type calls.
  const f = runFinding(statsFixture('real-0.16.0-rust-warm.json'), { targetBuiltBefore: RESTORED_AT });
  assert.ok(f);
  assert.equal(
    f.evidence,
    `cargo's fingerprints in target/ date from ${RESTORED_AT}, before setup began; 2 lookups, ` +
      '3 never-cacheable `crate-type` calls (bins, proc-macros, build scripts).',
  );
  assert.equal(runFinding(statsFixture('newest.json'), { targetBuiltBefore: RESTORED_AT }), undefined);
});

test('target-restored: silent when target/ was built in this run, or sccache looked up enough', () => {
  assert.equal(runFinding(statsFixture('real-0.16.0-rust-warm.json'), { lockPackages: 4 }), undefined);
  assert.equal(runFinding(statsFixture('real-0.16.0-rust-warm.json'), {}), undefined);
  assert.equal(
    runFinding(statsFixture('newest.json'), { lockPackages: 40, targetBuiltBefore: RESTORED_AT }),
    undefined,
  );
  assert.equal(findingIn(statsFixture('real-0.16.0-rust-warm.json'), ID), undefined);
});

test("target-restored: from a real checkout's Cargo.lock and target/, as the post step inspects it", async () => {
  const root = await mkdtemp(join(tmpdir(), 'target-restored-'));
  try {
    await copyFile(
      fileURLToPath(new URL('../../../../examples/workload/Cargo.lock', import.meta.url)),
      join(root, 'Cargo.lock'),
    );
    const fingerprints = [
      join(root, 'target', 'debug', '.fingerprint'),
      join(root, 'target', 'x86_64-unknown-linux-musl', 'release', '.fingerprint'),
    ];
    const stamp = async (at: string) => {
      for (const dir of fingerprints) {
        for (const name of ['demo-core-1f2e3d4c5b6a7980', 'demo-util-0a1b2c3d4e5f6071']) {
          await mkdir(join(dir, name), { recursive: true });
          await utimes(join(dir, name), new Date(at), new Date(at));
        }
      }
    };
    const setup = setupRecord({ version: '0.16.0', inputs: { backend: 'local' } });
    const stats = statsFixture('real-0.16.0-rust-warm.json');

    await stamp(RESTORED_AT);
    const restored = await inspectWorkspace(root, join(root, 'target'), setup.startedAt);
    assert.deepEqual(restored.facts, { lockPackages: 41, targetBuiltBefore: RESTORED_AT });
    const f = findingIn(stats, ID, { setup, workspace: restored.facts });
    assert.ok(f?.evidence.includes('2 lookups for 41 packages in Cargo.lock'), f?.evidence);

    await stamp(BUILT_AT);
    const built = await inspectWorkspace(root, join(root, 'target'), setup.startedAt);
    assert.deepEqual(built.facts, { lockPackages: 41 });
    assert.equal(findingIn(stats, ID, { setup, workspace: built.facts }), undefined);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
