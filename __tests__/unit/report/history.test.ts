// collectHistory: the run's history and surroundings with every collector faked. What it may look up
// (never the store of a run whose setup fell back or failed), and that whatever fails or takes too
// long becomes one line for the summary, never a failure, and never carries a token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CacheListing, ListingRequest, ListingResult } from '../../../src/github/cache-listing.js';
import type { FoundRecord } from '../../../src/github/run-record-store.js';
import type { SetupRecord } from '../../../src/handoff.js';
import {
  collectHistory,
  HISTORY_TIMEOUT_MS,
  type HistoryDeps,
  type HistoryRequest,
} from '../../../src/report/history.js';
import type { Toolchain } from '../../../src/report/key-inputs.js';
import type { WorkspaceSnapshot } from '../../../src/report/workspace.js';
import { decodeLocation } from '../../../src/sccache/location.js';
import { parseStats } from '../../../src/sccache/stats.js';
import { parseVersionOutput } from '../../../src/sccache/version.js';
import { statsDocument, statsFixture } from '../../fixtures/index.js';
import { logFacts, omit, runInputs, runRecord, SCCACHE_PATH, setupRecord } from './rules/helpers.js';

const NAME = 'newest.json';
const VERSION: string = statsDocument(NAME).version;
const STATS = parseStats(statsFixture(NAME));
/** The namespace's version as the cache service stores it: the hash in cache_location. */
const NAMESPACE_VERSION = decodeLocation(STATS.cacheLocation, []).name!;
const PREFIX = 'sccache-guard-run-v2-build-0123abcd-';
const GITHUB_TOKEN = 'ghs_githubtokenvalue0123456789abcdef';
const WORKSPACE = '/home/runner/work/app/app';
const TOOLCHAIN: Toolchain = { release: '1.95.0', commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860' };
const LISTING: CacheListing = {
  byRef: [{ ref: 'refs/heads/main', entries: 120, bytes: 64_000_000 }],
  oldestAccess: '2026-11-20T08:00:00.000Z',
  repositoryBytes: 2_000_000_000,
  quotaBytes: 10 * 1024 ** 3,
  truncated: false,
};

const PREVIOUS = runRecord({
  runId: '1234',
  namespace: `sccache-v${VERSION}`,
  inputs: runInputs({ sccacheVersion: VERSION, namespace: `sccache-v${VERSION}` }),
});

interface Calls {
  find: string[];
  toolchain: [string | undefined, NodeJS.ProcessEnv][];
  workspace: [string, string, string | undefined][];
  wrapper: string[];
  list: ListingRequest[];
}

/** Collectors that find a record, a toolchain, a checkout and a listing, unless told otherwise. */
function fakeDeps(over: Partial<HistoryDeps> = {}): { deps: HistoryDeps; calls: Calls } {
  const calls: Calls = { find: [], toolchain: [], workspace: [], wrapper: [], list: [] };
  const deps: HistoryDeps = {
    env: {
      GITHUB_WORKSPACE: WORKSPACE,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_API_URL: 'https://api.github.com',
      ...over.env,
    },
    findRecord: async (prefix): Promise<FoundRecord> => {
      calls.find.push(prefix);
      return over.findRecord ? over.findRecord(prefix) : { record: PREVIOUS, key: `${prefix}1234-1` };
    },
    toolchain: async (path, env) => {
      calls.toolchain.push([path, env]);
      return over.toolchain ? over.toolchain(path, env) : TOOLCHAIN;
    },
    workspace: async (workspace, targetDir, since): Promise<WorkspaceSnapshot> => {
      calls.workspace.push([workspace, targetDir, since]);
      return over.workspace
        ? over.workspace(workspace, targetDir, since)
        : { facts: { lockPackages: 41 }, cargoLockSha256: 'a'.repeat(64) };
    },
    wrapperVersion: async (path) => {
      calls.wrapper.push(path);
      return over.wrapperVersion ? over.wrapperVersion(path) : parseVersionOutput('sccache 0.10.0\n');
    },
    listCaches: async (request): Promise<ListingResult> => {
      calls.list.push(request);
      return over.listCaches ? over.listCaches(request) : { listing: LISTING };
    },
  };
  return { deps, calls };
}

/** The post step's request for a GHA run whose setup went as planned. */
const request = (over: Partial<HistoryRequest> = {}): HistoryRequest => ({
  setup: setupRecord({ version: VERSION }),
  stats: STATS,
  recordPrefix: PREFIX,
  githubToken: GITHUB_TOKEN,
  namespaceVersion: NAMESPACE_VERSION,
  namespace: `sccache-v${VERSION}`,
  secrets: [GITHUB_TOKEN],
  ...over,
});

test('collectHistory: the earlier record, this run’s inputs, the checkout and the listing, with no notes', async () => {
  const { deps, calls } = fakeDeps({ env: { RUSTFLAGS: '-D warnings', CARGO_INCREMENTAL: '0' } });
  const log = logFacts('real-0.16.0-rust.log');
  const setup = setupRecord({ version: VERSION });
  const history = await collectHistory(deps, request({ setup, log }));
  assert.deepEqual(history.notes, []);
  assert.equal(history.previousRun, PREVIOUS);
  assert.deepEqual(calls.find, [PREFIX]);
  // The toolchain of the rustc the log names, the target/ under the workspace, since setup began.
  assert.equal(calls.toolchain[0]?.[0], log.rustcPath);
  assert.deepEqual(calls.workspace, [[WORKSPACE, `${WORKSPACE}/target`, setup.startedAt]]);
  assert.deepEqual(history.workspace, { lockPackages: 41 });
  assert.deepEqual(history.inputs, {
    sccacheVersion: VERSION,
    namespace: `sccache-v${VERSION}`,
    rustc: TOOLCHAIN,
    targets: [],
    env: { CARGO_INCREMENTAL: { value: '0' }, RUSTFLAGS: { value: '-D warnings' } },
    workingDirectory: WORKSPACE,
    cargoLock: 'a'.repeat(64),
  });
  assert.deepEqual(history.cacheListing, LISTING);
  assert.equal(history.wrapper, undefined);
});

test('collectHistory: CARGO_TARGET_DIR is where target/ is looked at; a masked value is never recorded', async () => {
  const { deps, calls } = fakeDeps({
    env: { CARGO_TARGET_DIR: '/mnt/target', CARGO_REGISTRIES_X_INDEX: `https://x.example/${GITHUB_TOKEN}` },
  });
  const history = await collectHistory(deps, request());
  assert.equal(calls.workspace[0]?.[1], '/mnt/target');
  assert.deepEqual(history.inputs.env['CARGO_REGISTRIES_X_INDEX'], { secret: true });
  assert.ok(!JSON.stringify(history).includes(GITHUB_TOKEN));
});

test('collectHistory: no record lookup (and a note) when setup fell back or the store failed its preflight', async () => {
  const fellBack = setupRecord({
    version: VERSION,
    preflight: { ok: false, error: 'boom', fallback: false },
  });
  assert.equal(fellBack.preflight.fallback, true);
  const failed = setupRecord({
    version: VERSION,
    inputs: { 'on-backend-failure': 'fail' },
    preflight: { ok: false, error: 'boom', fallback: false },
  });
  assert.equal(failed.preflight.ok, false);
  for (const setup of [fellBack, failed]) {
    const { deps, calls } = fakeDeps();
    const history = await collectHistory(deps, request({ setup }));
    assert.deepEqual(calls.find, []);
    assert.equal(history.previousRun, undefined);
    assert.deepEqual(history.notes, [
      'No earlier run looked up: the store failed its preflight or setup fell back to local disk.',
    ]);
  }
});

test('collectHistory: no record lookup without setup or with run-record off', async () => {
  for (const r of [omit(request(), 'setup'), omit(request(), 'recordPrefix')]) {
    const { deps, calls } = fakeDeps();
    const history = await collectHistory(deps, r);
    assert.deepEqual(calls.find, []);
    assert.equal(history.previousRun, undefined);
    assert.ok(!history.notes.some((n) => n.startsWith('No earlier run')), history.notes.join('\n'));
  }
});

test('collectHistory: no record found, or a lookup that throws, is a note', async () => {
  const none = fakeDeps({ findRecord: async () => ({ none: 'no earlier run of this job left a record' }) });
  assert.deepEqual((await collectHistory(none.deps, request())).notes, [
    'No earlier run to compare with: no earlier run of this job left a record.',
  ]);
  const throws = fakeDeps({
    findRecord: async () => {
      throw new Error(
        `Failed to restore: https://ci:${GITHUB_TOKEN}@results.example/cache?sig=${GITHUB_TOKEN}`,
      );
    },
  });
  const history = await collectHistory(throws.deps, request());
  assert.equal(history.previousRun, undefined);
  assert.deepEqual(history.notes, [
    'No earlier run to compare with: Failed to restore: https://***@results.example/cache?sig=***.',
  ]);
});

test('collectHistory: a lookup that does not answer gives up after HISTORY_TIMEOUT_MS, as a note', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { deps } = fakeDeps({ findRecord: () => new Promise<FoundRecord>(() => undefined) });
  const pending = collectHistory(deps, request());
  t.mock.timers.tick(HISTORY_TIMEOUT_MS);
  const history = await pending;
  assert.equal(history.previousRun, undefined);
  assert.deepEqual(history.notes, [
    `No earlier run to compare with: the run record lookup took longer than ${HISTORY_TIMEOUT_MS / 1000} s.`,
  ]);
  // The rest was still collected.
  assert.deepEqual(history.cacheListing, LISTING);
});

test('collectHistory: the listing is asked for a GHA run with a namespace version, a token and a repository', async () => {
  const { deps, calls } = fakeDeps();
  await collectHistory(deps, request());
  assert.deepEqual(calls.list, [
    {
      token: GITHUB_TOKEN,
      repository: 'octo-org/octo-repo',
      apiUrl: 'https://api.github.com',
      version: NAMESPACE_VERSION,
      timeoutMs: HISTORY_TIMEOUT_MS,
    },
  ]);
  // Without GITHUB_API_URL, Octokit's default.
  const noApi = fakeDeps({ env: { GITHUB_API_URL: '' } });
  await collectHistory(noApi.deps, request());
  assert.equal(noApi.calls.list.length, 1);
  assert.ok(!('apiUrl' in noApi.calls.list[0]!));
});

test('collectHistory: no listing for a local store, without a namespace version or a repository', async () => {
  const local = setupRecord({ version: VERSION, inputs: { backend: 'local' } });
  const cases: [string, HistoryRequest, NodeJS.ProcessEnv][] = [
    ['local', request({ setup: local }), {}],
    [
      'fell back',
      request({ setup: setupRecord({ version: VERSION, preflight: { ok: false, fallback: false } }) }),
      {},
    ],
    ['no namespace version', omit(request(), 'namespaceVersion'), {}],
    ['no setup', omit(request(), 'setup'), {}],
    ['no repository', request(), { GITHUB_REPOSITORY: '' }],
  ];
  for (const [what, r, env] of cases) {
    const { deps, calls } = fakeDeps({ env });
    const history = await collectHistory(deps, r);
    assert.deepEqual(calls.list, [], what);
    assert.equal(history.cacheListing, undefined, what);
    assert.ok(!history.notes.some((n) => n.includes('cache holds')), what);
  }
});

test('collectHistory: without a github-token the listing is a note', async () => {
  const { deps, calls } = fakeDeps();
  const history = await collectHistory(deps, request({ githubToken: '' }));
  assert.deepEqual(calls.list, []);
  assert.deepEqual(history.notes, ['What the cache holds was not listed: no github-token.']);
});

test('collectHistory: a listing that is unavailable is a redacted note', async () => {
  const permission = fakeDeps({
    listCaches: async () => ({
      unavailable: 'the token may not list caches (the job needs `permissions: actions: read`)',
    }),
  });
  const history = await collectHistory(permission.deps, request());
  assert.equal(history.cacheListing, undefined);
  assert.deepEqual(history.notes, [
    'What the cache holds was not listed: the token may not list caches (the job needs `permissions: actions: read`).',
  ]);
  // A token inside a URL of the message.
  for (const message of [
    `the cache listing failed: request to https://x-access-token:${GITHUB_TOKEN}@api.github.com/repos failed`,
    `the cache listing failed: GET https://api.github.com/repos/o/r/actions/caches?access_token=${GITHUB_TOKEN}`,
  ]) {
    const { deps } = fakeDeps({ listCaches: async () => ({ unavailable: message }) });
    const notes = (await collectHistory(deps, request())).notes;
    assert.equal(notes.length, 1);
    assert.ok(!notes[0]!.includes(GITHUB_TOKEN), notes[0]);
    assert.match(notes[0]!, /\*\*\*/);
  }
});

test('collectHistory: a token anywhere in the listing’s message never reaches the notes', async () => {
  const { deps } = fakeDeps({
    listCaches: async () => ({
      unavailable: `the cache listing failed: Bad credentials for ${GITHUB_TOKEN}`,
    }),
  });
  const notes = (await collectHistory(deps, request())).notes;
  assert.ok(!notes.some((n) => n.includes(GITHUB_TOKEN)), notes.join('\n'));
});

test('collectHistory: a listing that throws is a note, not a failure', async () => {
  const { deps } = fakeDeps({
    listCaches: async () => {
      throw new Error('socket hang up');
    },
  });
  const history = await collectHistory(deps, request());
  assert.equal(history.cacheListing, undefined);
  assert.ok(
    history.notes.some((n) => n.startsWith('What the cache holds was not listed')),
    history.notes.join('\n'),
  );
});

test("collectHistory: the wrapper's version is read only when RUSTC_WRAPPER is not setup's sccache", async () => {
  const setup: SetupRecord = setupRecord({ version: VERSION });
  assert.equal(setup.sccachePath, SCCACHE_PATH);
  for (const wrapper of [undefined, '', SCCACHE_PATH, 'sccache']) {
    const { deps, calls } = fakeDeps({ env: { RUSTC_WRAPPER: wrapper } });
    const history = await collectHistory(deps, request({ setup }));
    assert.deepEqual(calls.wrapper, [], String(wrapper));
    assert.equal(history.wrapper, undefined, String(wrapper));
  }
  const other = '/home/runner/.cargo/bin/sccache';
  const { deps, calls } = fakeDeps({ env: { RUSTC_WRAPPER: other } });
  assert.deepEqual((await collectHistory(deps, request({ setup }))).wrapper, {
    path: other,
    version: '0.10.0',
  });
  assert.deepEqual(calls.wrapper, [other]);
  // A wrapper whose --version fails is named without a version.
  const broken = fakeDeps({
    env: { RUSTC_WRAPPER: other },
    wrapperVersion: async () => {
      throw new Error('exec format error');
    },
  });
  assert.deepEqual((await collectHistory(broken.deps, request({ setup }))).wrapper, { path: other });
  // Without setup there is no sccache of ours to tell it from.
  const nobody = fakeDeps({ env: { RUSTC_WRAPPER: other } });
  assert.equal((await collectHistory(nobody.deps, omit(request(), 'setup'))).wrapper, undefined);
  assert.deepEqual(nobody.calls.wrapper, []);
});

test('collectHistory: a toolchain or checkout that cannot be read is left out, not a failure', async () => {
  const { deps } = fakeDeps({
    toolchain: async () => {
      throw new Error('rustc: not found');
    },
    workspace: async () => {
      throw new Error('EACCES');
    },
  });
  const history = await collectHistory(deps, request());
  assert.equal(history.workspace, undefined);
  assert.equal(history.inputs.rustc, undefined);
  assert.equal(history.inputs.cargoLock, undefined);
  assert.equal(history.inputs.sccacheVersion, VERSION);
});

test("collectHistory: stats without a version record setup's", async () => {
  const { deps } = fakeDeps();
  const stats = parseStats(statsFixture('debian-0.4-rust-cold-incremental0.json'));
  assert.equal(stats.version ?? undefined, undefined);
  const setup = setupRecord({ version: '0.4.2', inputs: { backend: 'local' } });
  const history = await collectHistory(deps, request({ setup, stats }));
  assert.equal(history.inputs.sccacheVersion, '0.4.2');
});
