// config-changed: something that goes into sccache's keys (the toolchain, the target, RUSTFLAGS, a
// CARGO_* variable, the directory, Cargo.lock) differs from the run record of the last run of this
// job, so the entries that run wrote are out of reach. Facts from a stats fixture, setup's record
// from setup's own code, this run's inputs from keyInputs and the earlier run through the record's
// schema (helpers.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeyInputs } from '../../../../src/github/run-record.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { RunContext } from '../../../../src/report/facts.js';
import type { Toolchain } from '../../../../src/report/key-inputs.js';
import { ghaNamespace } from '../../../../src/sccache/location.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, findingIn, omit, runInputs, runRecord, setupRecord, total } from './helpers.js';

const ID = 'config-changed';
const NAME = 'newest.json';
const doc = statsDocument(NAME);
const VERSION: string = doc.version;
const NAMESPACE = ghaNamespace(VERSION);
const HITS = total(doc.stats.cache_hits.counts);
const MISSES = total(doc.stats.cache_misses.counts);

const RUSTC_1_94: Toolchain = {
  release: '1.94.0',
  commitHash: '4a4ef493e3a1488c6e321570238084b38948f6db',
  host: 'x86_64-unknown-linux-gnu',
};
const RUSTC_1_95: Toolchain = {
  release: '1.95.0',
  commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
  host: 'x86_64-unknown-linux-gnu',
};
const WORKSPACE = '/home/runner/work/app/app';
const LOCK = 'a'.repeat(64);

/** The job's key variables on the run that warmed the cache. */
const BEFORE_ENV = {
  RUSTFLAGS: '-C debuginfo=1',
  CARGO_PROFILE_RELEASE_LTO: 'thin',
  CARGO_INCREMENTAL: '0',
  CARGO_TERM_COLOR: 'always',
  // Neither shown nor secret: fingerprinted.
  CARGO_ALIAS_XTASK: 'run --package xtask --',
  // A credential: only marked as set.
  CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_registrytokenvalue0123456789',
};

/** A GHA run's inputs: this stats fixture's version and namespace, with these variables and toolchain. */
const inputs = (
  env: Record<string, string>,
  more: { toolchain?: Toolchain; cargoLockSha256?: string; logTargets?: string[] } = {},
): KeyInputs =>
  runInputs({
    sccacheVersion: VERSION,
    namespace: NAMESPACE,
    env,
    toolchain: more.toolchain ?? RUSTC_1_95,
    logTargets: more.logTargets ?? [],
    workingDirectory: WORKSPACE,
    cargoLockSha256: more.cargoLockSha256 ?? LOCK,
  });

const BEFORE = inputs(BEFORE_ENV, { toolchain: RUSTC_1_94 });

/** The run record of the last run on main, which hit 900 of 1000 with BEFORE. */
const previous = (fields: { hits?: number; misses?: number; inputs?: KeyInputs; ref?: string } = {}) =>
  runRecord({ runId: '1234', namespace: NAMESPACE, inputs: BEFORE, ...fields });

/** The run's context as the post step assembles it: setup's record, the history, the scope. */
const context = (now: KeyInputs, more: RunContext = {}): RunContext => ({
  setup: setupRecord({ version: VERSION }),
  previousRun: previous(),
  inputs: now,
  ...more,
});

test('config-changed: a warning naming each input with both values when this run missed what the last one hit', () => {
  const now = inputs({ ...BEFORE_ENV, RUSTFLAGS: '-C target-cpu=native' });
  const f = findingIn(statsFixture(NAME), ID, context(now));
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.actionable, true);
  assert.equal(f.title, "2 inputs of sccache's keys changed since run 1234 on refs/heads/main");
  assert.equal(
    f.evidence,
    'rustc: 1.94.0 (4a4ef493e) → 1.95.0 (59807616e) (the compiler is part of every key); ' +
      'RUSTFLAGS: "-C debuginfo=1" → "-C target-cpu=native" (part of every Rust key). ' +
      `That run: 900 hits, 100 misses; this run: ${HITS} hits, ${MISSES} misses.`,
  );
  // On the same ref: the values to go back to, where the record may show them, as lines to paste.
  assert.equal(
    f.fix,
    '# If the change was intended, the next run hits again: nothing to do. Otherwise build as run 1234 did: the same rustc;\n' +
      'env:\n' +
      '  RUSTFLAGS: "-C debuginfo=1"',
  );
});

test('config-changed: a notice when the last run hit nothing, or this run missed nothing', () => {
  const now = inputs({ ...BEFORE_ENV, CARGO_PROFILE_RELEASE_LTO: 'fat' }, { toolchain: RUSTC_1_94 });
  const cold = findingIn(statsFixture(NAME), ID, context(now, { previousRun: previous({ hits: 0 }) }));
  assert.equal(cold?.severity, 'notice');
  assert.ok(cold.evidence.startsWith('CARGO_PROFILE_RELEASE_LTO: "thin" → "fat" (part of every Rust key).'));
  const noMisses = edited(NAME, (d) => {
    d.stats.cache_misses = { counts: {}, adv_counts: {} };
  });
  const warm = findingIn(noMisses, ID, context(now));
  assert.equal(warm?.severity, 'notice');
  assert.ok(warm.evidence.endsWith(`this run: ${HITS} hits, 0 misses.`), warm.evidence);
});

test('config-changed: fingerprinted values say "changed", added and removed ones (unset), secrets stay hidden', () => {
  const rest = omit(BEFORE_ENV, 'CARGO_INCREMENTAL');
  const now = inputs(
    {
      ...rest,
      CARGO_ALIAS_XTASK: 'run --package xtask --release --',
      CARGO_BUILD_JOBS: '4',
      // A rotated token is the same {secret: true}: not a change the record can see.
      CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_rotatedtokenvalue9876543210',
    },
    { toolchain: RUSTC_1_94 },
  );
  const f = findingIn(statsFixture(NAME), ID, context(now));
  assert.ok(f);
  assert.equal(f.title, "3 inputs of sccache's keys changed since run 1234 on refs/heads/main");
  assert.ok(
    f.evidence.startsWith(
      'CARGO_ALIAS_XTASK: changed → changed (part of every Rust key); ' +
        'CARGO_BUILD_JOBS: (unset) → "4" (part of every Rust key); ' +
        'CARGO_INCREMENTAL: "0" → (unset) (part of every Rust key).',
    ),
    f.evidence,
  );
  for (const value of Object.values(BEFORE_ENV).filter((v) => v.startsWith('cio_') || v.startsWith('run '))) {
    assert.ok(!f.evidence.includes(value) && !f.fix.includes(value), value);
  }
  assert.ok(!f.evidence.includes('cio_rotated'));
  // Nothing to suggest for a fingerprinted value.
  assert.ok(!f.fix.includes('CARGO_ALIAS_XTASK'), f.fix);
  assert.match(f.fix, /^env:\n {2}CARGO_INCREMENTAL: "0"$/m);
  // Added since: to go back, remove it.
  assert.match(f.fix, /# and remove CARGO_BUILD_JOBS from the job\./);
});

test('config-changed: against the default branch (a tag run), the fix builds the default branch as this run does', () => {
  const now = inputs({ ...BEFORE_ENV, RUSTFLAGS: '-C debug-assertions=off' }, { toolchain: RUSTC_1_94 });
  const tag = { event: 'push', ref: 'refs/tags/v1.0.0', defaultBranch: 'main' };
  const f = findingIn(statsFixture(NAME), ID, context(now, { scope: tag }));
  assert.ok(f);
  assert.match(f.title, /since run 1234 on refs\/heads\/main \(the default branch\)/);
  assert.equal(
    f.fix,
    '# Build the default branch the way this run builds, so that it writes what this run looks up: ' +
      'in the env of the job that builds the default branch (which then builds this way too), set\n' +
      'env:\n' +
      '  RUSTFLAGS: "-C debug-assertions=off"',
  );
});

test('config-changed: target, working directory and Cargo.lock changes are named with why they matter', () => {
  const before = runInputs({
    sccacheVersion: VERSION,
    namespace: NAMESPACE,
    env: { CARGO_BUILD_TARGET: 'x86_64-unknown-linux-gnu' },
    logTargets: ['x86_64-unknown-linux-gnu'],
    workingDirectory: '/home/runner/work/app/app',
    cargoLockSha256: LOCK,
  });
  const now = runInputs({
    sccacheVersion: VERSION,
    namespace: NAMESPACE,
    env: { CARGO_BUILD_TARGET: 'x86_64-unknown-linux-musl' },
    logTargets: ['x86_64-unknown-linux-musl'],
    workingDirectory: '/home/runner/work/app/app/crates',
    cargoLockSha256: 'b'.repeat(64),
  });
  const f = findingIn(statsFixture(NAME), ID, context(now, { previousRun: previous({ inputs: before }) }));
  assert.ok(f);
  assert.equal(
    f.evidence,
    'target: x86_64-unknown-linux-gnu → x86_64-unknown-linux-musl (--target is part of every Rust key); ' +
      'CARGO_BUILD_TARGET: "x86_64-unknown-linux-gnu" → "x86_64-unknown-linux-musl" (part of every Rust key); ' +
      'working directory: /home/runner/work/app/app → /home/runner/work/app/app/crates (Rust keys include the working directory); ' +
      'Cargo.lock: changed → changed (the crates whose versions changed miss once). ' +
      `That run: 900 hits, 100 misses; this run: ${HITS} hits, ${MISSES} misses.`,
  );
});

test('config-changed: on a local disk, a new sccache release is an input too (no namespace to tell)', () => {
  const name = 'real-0.16.0-rust-cold.json';
  const before = runInputs({ sccacheVersion: '0.15.0', env: { RUSTFLAGS: '' } });
  const now = runInputs({ sccacheVersion: '0.16.0', env: { RUSTFLAGS: '' } });
  const f = findingIn(statsFixture(name), ID, {
    setup: setupRecord({ version: '0.16.0', inputs: { backend: 'local' } }),
    previousRun: runRecord({ runId: '77', inputs: before, hits: 2, misses: 0 }),
    inputs: now,
  });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, "1 input of sccache's keys changed since run 77 on refs/heads/main");
  assert.equal(
    f.evidence,
    'sccache version: 0.15.0 → 0.16.0 (another release may hash differently). ' +
      'That run: 2 hits, 0 misses; this run: 0 hits, 2 misses.',
  );
});

test("config-changed: a record from another ref is the default branch's, and says so", () => {
  const now = inputs({ ...BEFORE_ENV, RUSTFLAGS: '-C target-cpu=native' }, { toolchain: RUSTC_1_94 });
  const scope = { event: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' };
  const f = findingIn(statsFixture(NAME), ID, context(now, { scope }));
  assert.equal(
    f?.title,
    "1 input of sccache's keys changed since run 1234 on refs/heads/main (the default branch)",
  );
  // Its own ref's record: no such remark.
  const own = previous({ ref: 'refs/heads/feature' });
  assert.equal(
    findingIn(statsFixture(NAME), ID, context(now, { scope, previousRun: own }))?.title,
    "1 input of sccache's keys changed since run 1234 on refs/heads/feature",
  );
});

test("config-changed: a pull request's record from its base branch is not called the default branch's", () => {
  const now = inputs({ ...BEFORE_ENV, RUSTFLAGS: '-C target-cpu=native' }, { toolchain: RUSTC_1_94 });
  const scope = {
    event: 'pull_request',
    ref: 'refs/pull/7/merge',
    defaultBranch: 'main',
    baseRef: 'release/1.x',
  };
  const fromBase = previous({ ref: 'refs/heads/release/1.x' });
  const f = findingIn(statsFixture(NAME), ID, context(now, { scope, previousRun: fromBase }));
  assert.ok(f);
  assert.ok(!f.title.includes('the default branch'), f.title);
});

test('config-changed: on a tag run through the GitHub cache it gives the values, tag-scope only the names', () => {
  const now = inputs({ ...BEFORE_ENV, RUSTFLAGS: '-C target-cpu=native' }, { toolchain: RUSTC_1_94 });
  const scope = { event: 'push', ref: 'refs/tags/v1.2.0', defaultBranch: 'main' };
  const { facts, findings } = analyzeStats(statsFixture(NAME), context(now, { scope }));
  assert.equal(facts.tagRun, true);
  const changed = findings.find((f) => f.id === ID);
  const tag = findings.find((f) => f.id === 'tag-scope');
  assert.ok(changed && tag);
  assert.match(changed.evidence, /RUSTFLAGS: "-C debuginfo=1" → "-C target-cpu=native"/);
  assert.match(tag.evidence, /these inputs differ: RUSTFLAGS \(see config-changed\)/);
  assert.ok(!tag.evidence.includes('target-cpu'), 'the values are given once, by config-changed');
});

test('config-changed: silent without an earlier record, with the same inputs, or without this run’s inputs', () => {
  const now = inputs(BEFORE_ENV, { toolchain: RUSTC_1_94 });
  const stats = statsFixture(NAME);
  const noRecord = omit(context(inputs({ ...BEFORE_ENV, RUSTFLAGS: '' })), 'previousRun');
  assert.equal(findingIn(stats, ID, noRecord), undefined);
  assert.deepEqual(analyzeStats(stats, context(now)).facts.inputChanges, []);
  assert.equal(findingIn(stats, ID, context(now)), undefined);
  const noInputs = omit(context(now), 'inputs');
  assert.equal(findingIn(stats, ID, noInputs), undefined);
  // The same variables in another order, and the same token rotated: nothing changed.
  const reordered = inputs(
    Object.fromEntries(
      Object.entries({ ...BEFORE_ENV, CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_other0123456789' }).reverse(),
    ),
    { toolchain: RUSTC_1_94 },
  );
  assert.equal(findingIn(stats, ID, context(reordered)), undefined);
});
