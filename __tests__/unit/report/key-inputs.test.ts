// What went into a run's sccache keys as the run record keeps it (recordedValue, keyInputs), how two
// runs' inputs differ (compareInputs), and the toolchain from `rustc -vV` (parseRustcVerbose).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { KeyInputs } from '../../../src/github/run-record.js';
import { parseWorkflow } from '../../../src/github/workflow.js';
import { buildJobFacts } from '../../../src/report/job-facts.js';
import {
  compareInputs,
  keyInputs,
  parseRustcVerbose,
  recordedValue,
  type KeyInputsSource,
} from '../../../src/report/key-inputs.js';
import { parseVersion } from '../../../src/sccache/version.js';
import { omit } from './rules/helpers.js';

const NO_SECRETS: readonly string[] = [];

const source = (more: Partial<KeyInputsSource>): KeyInputsSource => ({
  env: {},
  sccacheVersion: '0.16.0',
  logTargets: [],
  secrets: NO_SECRETS,
  ...more,
});

// ---- recordedValue ----

test('recordedValue: flags, profiles, paths and switches are kept as they are', () => {
  for (const [name, value] of [
    ['RUSTFLAGS', '-C target-cpu=native -D warnings'],
    ['CARGO_PROFILE_RELEASE_LTO', 'thin'],
    ['CARGO_PROFILE_DEV_DEBUG', '0'],
    ['CARGO_INCREMENTAL', '0'],
    ['CARGO_BUILD_TARGET', 'aarch64-unknown-linux-gnu'],
    ['CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER', 'clang'],
    ['CARGO_ENCODED_RUSTFLAGS', '-Ccodegen-units=1\u001f-Copt-level=3'],
    ['CC', 'gcc-13'],
    ['CFLAGS', '-O2 -g'],
    ['CARGO_HOME', '/home/runner/.cargo'],
  ]) {
    assert.deepEqual(recordedValue(name!, value!, NO_SECRETS), { value }, name);
  }
});

test('recordedValue: a shown value still loses credentials in URLs', () => {
  assert.deepEqual(recordedValue('CARGO_HTTP_PROXY', 'http://user:hunter2@proxy.example:3128', NO_SECRETS), {
    value: 'http://***@proxy.example:3128',
  });
  assert.deepEqual(
    recordedValue(
      'CARGO_REGISTRIES_MIRROR_INDEX',
      'sparse+https://ci:hunter2@crates.example/index/',
      NO_SECRETS,
    ),
    { value: 'sparse+https://***@crates.example/index/' },
  );
});

test('recordedValue: any other variable is a fingerprint of its name and value', () => {
  const fingerprint = (name: string, value: string) =>
    createHash('sha256').update(`${name}\0${value}`).digest('hex').slice(0, 16);
  const a = recordedValue('CARGO_ALIAS_XTASK', 'run --package xtask --', NO_SECRETS);
  assert.deepEqual(a, { hash: fingerprint('CARGO_ALIAS_XTASK', 'run --package xtask --') });
  assert.deepEqual(recordedValue('CARGO_ALIAS_XTASK', 'run --package xtask --', NO_SECRETS), a);
  assert.notDeepEqual(recordedValue('CARGO_ALIAS_XTASK', 'run --package xtask', NO_SECRETS), a);
  // The same value under another name is another fingerprint: equal hashes mean the same variable.
  assert.notDeepEqual(recordedValue('CARGO_ALIAS_BUILD', 'run --package xtask --', NO_SECRETS), a);
  assert.match(
    (recordedValue('CARGO_CFG_FEATURE', '', NO_SECRETS) as { hash: string }).hash,
    /^[0-9a-f]{16}$/,
  );
});

test('recordedValue: a name that looks like a credential is only marked as set', () => {
  for (const name of [
    'CARGO_REGISTRIES_MY_REGISTRY_TOKEN',
    'CARGO_REGISTRY_TOKEN',
    'CARGO_REGISTRIES_CRATES_IO_CREDENTIAL_PROVIDER',
    'CARGO_HTTP_PROXY_PASSWORD',
    'CARGO_REGISTRIES_X_SECRET_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'SCCACHE_AZURE_CONNECTION_STRING_SECRET',
    'CARGO_NET_GIT_AUTH',
    'CARGO_PRIVATE_KEY_PATH',
    'cargo_registry_token',
  ]) {
    assert.deepEqual(recordedValue(name, 'cio_abcdef0123456789', NO_SECRETS), { secret: true }, name);
  }
});

test('recordedValue: any value holding a masked secret is only marked as set, whatever its name', () => {
  const token = 'ghs_0123456789abcdefABCDEF';
  for (const name of ['RUSTFLAGS', 'CARGO_PROFILE_RELEASE_LTO', 'CARGO_ALIAS_XTASK', 'CC']) {
    assert.deepEqual(recordedValue(name, `--cfg token="${token}"`, [token]), { secret: true }, name);
  }
  // Among other masks, and exactly the value.
  assert.deepEqual(recordedValue('CARGO_HOME', token, ['other-secret', token]), { secret: true });
  // Masks shorter than 4 characters would hide everything: they are not matched.
  assert.deepEqual(recordedValue('CARGO_INCREMENTAL', '0', ['0']), { value: '0' });
  assert.deepEqual(recordedValue('RUSTFLAGS', '-C opt-level=3', ['opt']), { value: '-C opt-level=3' });
});

// ---- keyInputs ----

test('keyInputs: every CARGO_* variable and the compiler variables, sorted; nothing else of the env', () => {
  const inputs = keyInputs(
    source({
      env: {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        GITHUB_TOKEN: 'ghs_notakeyinput',
        SCCACHE_GHA_ENABLED: 'true',
        RUSTFLAGS: '-D warnings',
        CARGO_TERM_COLOR: 'always',
        CARGO_ALIAS_XTASK: 'run -p xtask --',
        CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_registrytokenvalue0123456789',
        CC: 'clang',
        RUSTC_WRAPPER: '/opt/sccache/bin/sccache',
        CARGO_UNSET: undefined,
      },
      namespace: 'sccache-v0.16.0',
      toolchain: { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860' },
      workingDirectory: '/home/runner/work/app/app',
      cargoLockSha256: 'c'.repeat(64),
    }),
  );
  assert.deepEqual(Object.keys(inputs.env), [
    'CARGO_ALIAS_XTASK',
    'CARGO_REGISTRIES_MY_REGISTRY_TOKEN',
    'CARGO_TERM_COLOR',
    'CC',
    // RUSTC_WRAPPER is setup's own path (its version in it): not an input of the keys.
    'RUSTFLAGS',
  ]);
  assert.deepEqual(inputs.env['RUSTFLAGS'], { value: '-D warnings' });
  assert.deepEqual(inputs.env['CARGO_REGISTRIES_MY_REGISTRY_TOKEN'], { secret: true });
  assert.ok('hash' in inputs.env['CARGO_ALIAS_XTASK']!);
  assert.equal(inputs.sccacheVersion, '0.16.0');
  assert.equal(inputs.namespace, 'sccache-v0.16.0');
  assert.deepEqual(inputs.rustc, {
    release: '1.95.0',
    commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
  });
  assert.equal(inputs.workingDirectory, '/home/runner/work/app/app');
  assert.equal(inputs.cargoLock, 'c'.repeat(64));
  // Absent pieces are left out, not written as undefined.
  assert.deepEqual(keyInputs(source({})), { sccacheVersion: '0.16.0', targets: [], env: {} });
});

test('keyInputs: the targets are those of the log and CARGO_BUILD_TARGET, once each, sorted', () => {
  const inputs = keyInputs(
    source({
      env: { CARGO_BUILD_TARGET: 'x86_64-unknown-linux-musl' },
      logTargets: ['x86_64-unknown-linux-musl', 'wasm32-unknown-unknown'],
    }),
  );
  assert.deepEqual(inputs.targets, ['wasm32-unknown-unknown', 'x86_64-unknown-linux-musl']);
});

test("keyInputs: a build step's own env from the workflow file counts, other steps' and expressions do not", () => {
  const workflow = parseWorkflow(`on: push
env:
  CARGO_TERM_COLOR: always
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      CARGO_INCREMENTAL: "0"
    steps:
      - uses: actions/checkout@v4
      - uses: owner/sccache-guard@v1
      - run: cargo fmt --check
        env:
          CARGO_PROFILE_DEV_DEBUG: "2"
      - name: Build
        run: cargo build --release --locked
        env:
          RUSTFLAGS: -C target-cpu=native
          CARGO_PROFILE_RELEASE_LTO: thin
          CARGO_REGISTRIES_MY_REGISTRY_TOKEN: \${{ secrets.REGISTRY_TOKEN }}
          CARGO_ALIAS_X: \${{ matrix.alias }}
          HOME: /somewhere/else
`);
  const job = buildJobFacts({
    workflow,
    job: workflow.jobs[0]!,
    file: '.github/workflows/ci.yml',
    version: parseVersion('0.16.0'),
  });
  assert.ok(job.builds.length > 0);
  // The post step's own env has the job's variables (and an empty RUSTFLAGS the step overrides).
  const inputs = keyInputs(source({ env: { CARGO_INCREMENTAL: '0', RUSTFLAGS: '' }, job }));
  assert.deepEqual(inputs.env, {
    CARGO_INCREMENTAL: { value: '0' },
    CARGO_PROFILE_RELEASE_LTO: { value: 'thin' },
    RUSTFLAGS: { value: '-C target-cpu=native' },
  });
});

/** CARGO_* names: the shown families, the fingerprinted rest and the credential-like ones. */
const CARGO_NAME = fc
  .tuple(
    fc.constantFrom(
      'CARGO_',
      'CARGO_PROFILE_RELEASE_',
      'CARGO_BUILD_',
      'CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_',
      'CARGO_REGISTRIES_MY_',
      'CARGO_HTTP_',
      'CARGO_NET_',
      'CARGO_TERM_',
      'CARGO_UNSTABLE_',
    ),
    fc.constantFrom(
      '',
      'RUSTFLAGS',
      'LINKER',
      'INDEX',
      'PROTOCOL',
      'LTO',
      'JOBS',
      'PROXY',
      'COLOR',
      'TOKEN',
      'X',
    ),
    fc.stringMatching(/^[A-Z0-9_]{0,12}$/),
  )
  .map(([prefix, middle, rest]) => `${prefix}${middle}${rest}`)
  .filter((name) => name.length > 'CARGO_'.length)
  // CARGO_BUILD_TARGET's value also becomes a target: see the todo test below.
  .filter((name) => name !== 'CARGO_BUILD_TARGET');

test('property: a masked secret in any CARGO_* variable never reaches the recorded inputs', () => {
  const text = fc.string({ maxLength: 20 });
  fc.assert(
    fc.property(
      fc.string({ minLength: 4, maxLength: 40 }),
      fc.array(fc.tuple(CARGO_NAME, text, text), { minLength: 1, maxLength: 5 }),
      fc.dictionary(CARGO_NAME, fc.string({ maxLength: 30 }), { maxKeys: 5 }),
      (secret, placed, others) => {
        const env: Record<string, string> = { ...others };
        for (const [name, before, after] of placed) env[name] = `${before}${secret}${after}`;
        const recorded = JSON.stringify(keyInputs(source({ env, secrets: [secret] })));
        // The same inputs with the secret's text left out: if the secret is part of that text anyway
        // (a name, "true", a fingerprint), its presence says nothing.
        const without = JSON.stringify(
          keyInputs(source({ env: Object.fromEntries(Object.keys(env).map((n) => [n, ''])) })),
        );
        fc.pre(!without.includes(secret) && !Object.keys(env).some((n) => n.includes(secret)));
        assert.ok(!recorded.includes(secret), recorded);
        for (const [name] of placed) assert.deepEqual(JSON.parse(recorded).env[name], { secret: true }, name);
      },
    ),
    { seed: 20261125, numRuns: 500 },
  );
});

test('keyInputs: a masked secret in CARGO_BUILD_TARGET does not reach the targets', () => {
  const secret = 'ghs_0123456789abcdefABCDEF';
  const inputs = keyInputs(source({ env: { CARGO_BUILD_TARGET: `/tmp/${secret}.json` }, secrets: [secret] }));
  assert.deepEqual(inputs.env['CARGO_BUILD_TARGET'], { secret: true });
  assert.ok(!JSON.stringify(inputs).includes(secret), JSON.stringify(inputs));
});

// ---- compareInputs ----

const BASE: KeyInputs = keyInputs(
  source({
    env: {
      RUSTFLAGS: '-C debuginfo=1',
      CARGO_PROFILE_RELEASE_LTO: 'thin',
      CARGO_ALIAS_XTASK: 'run -p xtask --',
      CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_registrytokenvalue0123456789',
      CC: 'gcc',
    },
    namespace: 'sccache-v0.16.0',
    toolchain: { release: '1.94.0', commitHash: '4a4ef493e3a1488c6e321570238084b38948f6db' },
    logTargets: ['x86_64-unknown-linux-gnu'],
    workingDirectory: '/home/runner/work/app/app',
    cargoLockSha256: 'a'.repeat(64),
  }),
);

/** BASE with some fields replaced (env merged: undefined removes a variable). */
function changed(
  edit: Partial<Omit<KeyInputs, 'env'>> & { env?: Record<string, KeyInputs['env'][string] | undefined> },
): KeyInputs {
  const env = { ...BASE.env, ...edit.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return { ...BASE, ...edit, env: env as KeyInputs['env'] };
}

test('compareInputs: identical inputs differ in nothing', () => {
  assert.deepEqual(compareInputs(BASE, BASE), []);
  assert.deepEqual(compareInputs(BASE, JSON.parse(JSON.stringify(BASE)) as KeyInputs), []);
});

test('compareInputs: every differing variable with both values, "changed" for fingerprints', () => {
  const after = changed({
    env: {
      RUSTFLAGS: { value: '-C target-cpu=native' },
      CARGO_ALIAS_XTASK: recordedValue('CARGO_ALIAS_XTASK', 'run -p xtask --release --', NO_SECRETS),
      CARGO_PROFILE_RELEASE_LTO: undefined,
      CARGO_BUILD_JOBS: { value: '4' },
      CARGO_NET_RETRY_TOKEN: { secret: true },
      CFLAGS: { value: '-O3' },
    },
  });
  assert.deepEqual(
    compareInputs(BASE, after).map((c) => [c.name, c.before, c.after, c.why]),
    [
      ['CARGO_ALIAS_XTASK', 'changed', 'changed', 'part of every Rust key'],
      ['CARGO_BUILD_JOBS', '(unset)', '"4"', 'part of every Rust key'],
      ['CARGO_NET_RETRY_TOKEN', '(unset)', '(a secret)', 'part of every Rust key'],
      ['CARGO_PROFILE_RELEASE_LTO', '"thin"', '(unset)', 'part of every Rust key'],
      ['CFLAGS', '(unset)', '"-O3"', 'part of every C/C++ key'],
      ['RUSTFLAGS', '"-C debuginfo=1"', '"-C target-cpu=native"', 'part of every Rust key'],
    ],
  );
  // A fingerprinted variable that appears, or a value that becomes a secret.
  const appeared = changed({ env: { CARGO_ALIAS_NEW: { hash: '0123456789abcdef' } } });
  assert.deepEqual(
    compareInputs(BASE, appeared).map((c) => [c.name, c.before, c.after]),
    [['CARGO_ALIAS_NEW', '(unset)', '(set)']],
  );
  const hidden = changed({ env: { RUSTFLAGS: { secret: true } } });
  assert.deepEqual(
    compareInputs(BASE, hidden).map((c) => [c.name, c.before, c.after]),
    [['RUSTFLAGS', 'changed', 'changed']],
  );
});

test('compareInputs: the rustc release, the targets, the directory and Cargo.lock', () => {
  const after = changed({
    rustc: { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860', host: 'x' },
    targets: ['wasm32-unknown-unknown', 'x86_64-unknown-linux-gnu'],
    workingDirectory: '/home/runner/work/app/app/sub',
    cargoLock: 'b'.repeat(64),
  });
  assert.deepEqual(compareInputs(BASE, after), [
    {
      name: 'rustc',
      before: '1.94.0 (4a4ef493e)',
      after: '1.95.0 (59807616e)',
      why: 'the compiler is part of every key',
    },
    {
      name: 'target',
      before: 'x86_64-unknown-linux-gnu',
      after: 'wasm32-unknown-unknown, x86_64-unknown-linux-gnu',
      why: '--target is part of every Rust key',
    },
    {
      name: 'working directory',
      before: '/home/runner/work/app/app',
      after: '/home/runner/work/app/app/sub',
      why: 'Rust keys include the working directory',
    },
    {
      name: 'Cargo.lock',
      before: 'changed',
      after: 'changed',
      why: 'the crates whose versions changed miss once',
    },
  ]);
  // The host's own target, named as such.
  assert.deepEqual(
    compareInputs(BASE, changed({ targets: [] })).map((c) => [c.name, c.before, c.after]),
    [['target', 'x86_64-unknown-linux-gnu', '(host)']],
  );
  // A nightly of the same release number is another compiler too.
  const nightly = changed({
    rustc: { release: '1.94.0', commitHash: 'e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a' },
  });
  assert.deepEqual(
    compareInputs(BASE, nightly).map((c) => [c.name, c.before, c.after]),
    [['rustc', '1.94.0 (4a4ef493e)', '1.94.0 (e50aa6fba)']],
  );
});

test('compareInputs: what one side does not know is not a change', () => {
  const unknown = omit(BASE, 'rustc', 'workingDirectory', 'cargoLock');
  assert.deepEqual(compareInputs(BASE, unknown), []);
  assert.deepEqual(compareInputs(unknown, BASE), []);
});

test('compareInputs: the sccache version counts only where no namespace already tells it', () => {
  // On the GitHub cache, a new version is a new namespace (namespace-changed says so).
  const gha = changed({ sccacheVersion: '0.17.0', namespace: 'sccache-v0.17.0' });
  assert.deepEqual(compareInputs(BASE, gha), []);
  const localBase = omit(BASE, 'namespace');
  const local = { ...localBase, sccacheVersion: '0.17.0' };
  assert.deepEqual(compareInputs(localBase, local), [
    {
      name: 'sccache version',
      before: '0.16.0',
      after: '0.17.0',
      why: 'another release may hash differently',
    },
  ]);
});

test('property: compareInputs names exactly the variables whose recorded values differ', () => {
  const value = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('0', '1', 'thin', '-C opt-level=3'),
    fc.string({ maxLength: 8 }),
  );
  const envOf = fc.dictionary(CARGO_NAME, value, { maxKeys: 6 });
  fc.assert(
    fc.property(envOf, envOf, (a, b) => {
      const before = keyInputs(source({ env: a }));
      const after = keyInputs(source({ env: b }));
      const differing = [...new Set([...Object.keys(before.env), ...Object.keys(after.env)])]
        .filter((n) => JSON.stringify(before.env[n]) !== JSON.stringify(after.env[n]))
        .sort();
      const changes = compareInputs(before, after);
      assert.deepEqual(
        changes.map((c) => c.name),
        differing,
      );
      // Both values where shown; "changed" on both sides where a fingerprint or secret hides them.
      for (const c of changes) {
        if (c.before === 'changed') assert.equal(c.after, 'changed', c.name);
        else assert.notEqual(c.before, c.after, c.name);
      }
      assert.deepEqual(compareInputs(after, after), []);
    }),
    { seed: 20261125, numRuns: 300 },
  );
});

// ---- parseRustcVerbose ----

/** `rustc -vV` of rustc 1.95.0 on x86_64 Linux, as printed. */
const RUSTC_STABLE = `rustc 1.95.0 (59807616e 2026-04-14)
binary: rustc
commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860
commit-date: 2026-04-14
host: x86_64-unknown-linux-gnu
release: 1.95.0
LLVM version: 22.1.2
`;

/** And of a nightly. */
const RUSTC_NIGHTLY = `rustc 1.97.0-nightly (e50aa6fba 2026-05-19)
binary: rustc
commit-hash: e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a
commit-date: 2026-05-19
host: x86_64-unknown-linux-gnu
release: 1.97.0-nightly
LLVM version: 22.1.4
`;

test('parseRustcVerbose: release, commit hash and host of real `rustc -vV` output', () => {
  assert.deepEqual(parseRustcVerbose(RUSTC_STABLE), {
    release: '1.95.0',
    commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
    host: 'x86_64-unknown-linux-gnu',
  });
  assert.deepEqual(parseRustcVerbose(RUSTC_NIGHTLY), {
    release: '1.97.0-nightly',
    commitHash: 'e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a',
    host: 'x86_64-unknown-linux-gnu',
  });
  // As Windows prints it.
  assert.deepEqual(parseRustcVerbose(RUSTC_STABLE.replace(/\n/g, '\r\n')), parseRustcVerbose(RUSTC_STABLE));
});

test('parseRustcVerbose: only the release is required; anything else is no toolchain', () => {
  assert.deepEqual(parseRustcVerbose('rustc 1.95.0\nrelease: 1.95.0\n'), { release: '1.95.0' });
  for (const text of [
    '',
    'error: no such command: `rustc`',
    'rustc 1.95.0 (59807616e 2026-04-14)\n',
    'release:\n',
  ]) {
    assert.equal(parseRustcVerbose(text), undefined, JSON.stringify(text));
  }
});
