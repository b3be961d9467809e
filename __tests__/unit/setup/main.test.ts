// The setup step's run(), end to end through its deps: a recording core, a scripted sccache that
// reports real cache_location strings, and a temp RUNNER_TEMP. No runner, no sccache binary.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { localCacheKeys } from '../../../src/github/sccache-dir-key.js';
import type { RestoreResult } from '../../../src/github/sccache-dir-archive.js';
import { parseSetupRecord, STATE, type SetupRecord } from '../../../src/handoff.js';
import { decodeLocation, ghaNamespace, hashNamespace } from '../../../src/sccache/location.js';
import type { ServerEnv, ServerIdentity, StartResult } from '../../../src/sccache/server.js';
import { parseVersionOutput } from '../../../src/sccache/version.js';
import { InstallError, type Installed, type InstallRequest } from '../../../src/setup/install.js';
import { run, type SetupDeps } from '../../../src/setup/main.js';
import { FakeCore } from '../fake-core.js';

const SCCACHE = '/opt/hostedtoolcache/sccache/0.16.0/x64/sccache';
const TOKEN = 'ghs_Runtime.Token-Value_0123456789';
const RESULTS_URL = 'https://results-receiver.actions.githubusercontent.com/';
/** What sccache 0.16.0 prints in v2 mode for the namespace sccache-v0.16.0. */
const GHA_V2_0_16 =
  'ghac, name: 90541733aa72480a9e77ce99e66fc1cfabfa835d74c751408eb0351b7adcec6b, prefix: /sccache/';
const LABEL = 'build Linux-X64';

interface Script {
  /** sccache already on PATH (default SCCACHE); undefined → install. */
  readonly onPath?: string | undefined;
  readonly install?: (request: InstallRequest) => Promise<Installed>;
  /** What `sccache --version` prints. */
  readonly versionOutput?: string;
  readonly ghaCompiledIn?: boolean | null;
  /** How a server start with this environment goes (default: it starts). */
  readonly start?: (env: ServerEnv) => StartResult;
  /**
   * The cache_location the running server reports, from the environment it was started with.
   * Default: what sccache does, GHA when SCCACHE_GHA_ENABLED is on, else SCCACHE_DIR or ~/.cache/sccache.
   */
  readonly location?: (serverEnv: ServerEnv) => string;
  /** Throws from serverLocation instead (a client that cannot read the stats). */
  readonly locationError?: Error;
  readonly restore?: RestoreResult;
  /** Loopback ports something listens on (another job's server, say). */
  readonly listening?: readonly number[];
  /** What a server found running says of itself. */
  readonly foreign?: ServerIdentity;
}

type SccacheCall =
  | { readonly op: 'findOnPath' | 'install' | 'version' | 'ghaCompiledIn' }
  | {
      readonly op: 'stop' | 'start' | 'location' | 'describe';
      readonly binary: string;
      readonly env: ServerEnv;
    };

class ScriptedSccache {
  readonly calls: SccacheCall[] = [];
  readonly installRequests: InstallRequest[] = [];
  readonly restores: { dir: string; key: string; restorePrefix: string }[] = [];
  /** The environment of the server now running, if one is. */
  private running: ServerEnv | undefined;
  private portsHanded = 0;

  constructor(private readonly script: Script) {}

  private defaultLocation(env: ServerEnv): string {
    if (env['SCCACHE_GHA_ENABLED'] === 'true') {
      // An unreadable version is run as 0.16.0 by setup; the scripted server names it the same way.
      const version = /^sccache\s+(\S+)/.exec(this.script.versionOutput ?? '')?.[1] ?? '0.16.0';
      const namespace = ghaNamespace(version, env['SCCACHE_GHA_VERSION']);
      const v2 = env['ACTIONS_CACHE_SERVICE_V2'] !== undefined;
      return `ghac, name: ${v2 ? hashNamespace(namespace) : namespace}, prefix: /sccache/`;
    }
    return `Local disk: "${env['SCCACHE_DIR'] ?? join(env['HOME'] ?? '/home/runner', '.cache', 'sccache')}"`;
  }

  deps(core: FakeCore, env: NodeJS.ProcessEnv): SetupDeps {
    const script = this.script;
    return {
      core,
      env,
      sccache: {
        findOnPath: async () => {
          this.calls.push({ op: 'findOnPath' });
          return 'onPath' in script ? script.onPath : SCCACHE;
        },
        install: async (request) => {
          this.calls.push({ op: 'install' });
          this.installRequests.push(request);
          if (!script.install) throw new Error('the script has no install');
          return script.install(request);
        },
        version: async () => {
          this.calls.push({ op: 'version' });
          return parseVersionOutput(script.versionOutput ?? 'sccache 0.16.0\n');
        },
        ghaCompiledIn: async () => {
          this.calls.push({ op: 'ghaCompiledIn' });
          return script.ghaCompiledIn === undefined ? true : script.ghaCompiledIn;
        },
        stopServer: async (binary, serverEnv) => {
          this.calls.push({ op: 'stop', binary, env: serverEnv });
          this.running = undefined;
        },
        startServer: async (binary, serverEnv) => {
          this.calls.push({ op: 'start', binary, env: serverEnv });
          const result = script.start?.(serverEnv) ?? { ok: true };
          if (result.ok) this.running = serverEnv;
          return result;
        },
        serverLocation: async (binary, clientEnv) => {
          this.calls.push({ op: 'location', binary, env: clientEnv });
          if (script.locationError) throw script.locationError;
          if (!this.running) throw new Error('no server is running');
          const raw = (script.location ?? ((e) => this.defaultLocation(e)))(this.running);
          return decodeLocation(raw, [ghaNamespace('0.16.0'), ghaNamespace('0.14.0')]);
        },
        describeServer: async (binary, clientEnv) => {
          this.calls.push({ op: 'describe', binary, env: clientEnv });
          return script.foreign ?? {};
        },
      },
      ports: {
        isListening: async (port) => (script.listening ?? []).includes(port),
        freePort: async () => 41000 + this.portsHanded++,
      },
      readLog: async () => undefined,
      now: () => new Date('2026-11-25T12:00:00.000Z'),
      restoreArchive: async (dir, key, restorePrefix) => {
        this.restores.push({ dir, key, restorePrefix });
        return script.restore ?? { restored: false, reason: 'no earlier archive of this job' };
      },
    };
  }

  starts(): ServerEnv[] {
    return this.calls.flatMap((c) => (c.op === 'start' ? [c.env] : []));
  }
  called(op: SccacheCall['op']): number {
    return this.calls.filter((c) => c.op === op).length;
  }
}

interface Job {
  readonly env: NodeJS.ProcessEnv;
  readonly temp: string;
  readonly home: string;
}

async function job(t: TestContext, extra: NodeJS.ProcessEnv = {}): Promise<Job> {
  const root = await mkdtemp(join(tmpdir(), 'sccache-guard-setup-test-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const temp = join(root, '_temp');
  const home = join(root, 'home');
  return {
    temp,
    home,
    env: {
      RUNNER_TEMP: temp,
      HOME: home,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      ACTIONS_RUNTIME_TOKEN: TOKEN,
      ACTIONS_RESULTS_URL: RESULTS_URL,
      ...extra,
    },
  };
}

async function setUp(
  t: TestContext,
  {
    inputs = {},
    script = {},
    env = {},
  }: { inputs?: Record<string, string>; script?: Script; env?: NodeJS.ProcessEnv },
) {
  const j = await job(t, env);
  const core = new FakeCore(inputs);
  const sccache = new ScriptedSccache(script);
  await assert.doesNotReject(run(sccache.deps(core, j.env)));
  const text = core.state.get(STATE.setupRecord);
  const record: SetupRecord | undefined = text === undefined ? undefined : parseSetupRecord(text);
  if (text !== undefined) assert.ok(record, `the saved record parses: ${text}`);
  return { ...j, core, sccache, record };
}

const GHA_EXPORTS = [
  'ACTIONS_RUNTIME_TOKEN',
  'SCCACHE_GHA_ENABLED',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
];

test('a healthy GHA run on github.com: token masked first, v2 exports applied, record saved', async (t) => {
  const { core, sccache, record, temp } = await setUp(t, {
    // What the runner hands every JavaScript action, and the server must not hold.
    env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token', 'INPUT_GITHUB-TOKEN': 'ghs_input_token' },
  });

  // Masked before anything is printed, and never printed.
  const firstSecret = core.calls.findIndex((c) => c.method === 'setSecret' && c.args[0] === TOKEN);
  const firstPrint = core.calls.findIndex((c) => ['info', 'notice', 'warning', 'error'].includes(c.method));
  assert.ok(firstSecret >= 0, 'the token is masked');
  assert.ok(firstPrint > firstSecret, `masked at call ${firstSecret}, first line printed at ${firstPrint}`);
  for (const line of core.printed()) assert.ok(!line.includes(TOKEN), `printed the token: ${line}`);

  assert.deepEqual(core.failures, []);
  assert.deepEqual(core.warnings, []);
  const logPath = join(temp, 'sccache-guard', 'sccache.log');
  // Later steps get what compiles need; the credentials stay in the server setup started.
  assert.deepEqual(Object.fromEntries(core.exported), {
    SCCACHE_IDLE_TIMEOUT: '0',
    SCCACHE_SERVER_PORT: '41000',
    SCCACHE_ERROR_LOG: logPath,
    RUSTC_WRAPPER: SCCACHE,
    CARGO_INCREMENTAL: '0',
  });
  assert.ok(existsSync(join(temp, 'sccache-guard')), 'the log folder is created under RUNNER_TEMP');

  // One server, started with the plan's environment plus the server-only log level.
  const starts = sccache.starts();
  assert.equal(starts.length, 1);
  assert.equal(starts[0]!['SCCACHE_GHA_ENABLED'], 'true');
  assert.equal(starts[0]!['ACTIONS_RUNTIME_TOKEN'], TOKEN);
  assert.deepEqual(
    Object.keys(starts[0]!).filter((name) => /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_)/.test(name)),
    [],
    'the inputs (github-token among them), the state and the OIDC token stay out of the server',
  );
  assert.equal(starts[0]!['ACTIONS_RESULTS_URL'], RESULTS_URL);
  assert.equal(starts[0]!['ACTIONS_CACHE_SERVICE_V2'], 'on');
  assert.equal(starts[0]!['SCCACHE_LOG'], 'sccache=debug');
  assert.equal(sccache.restores.length, 0, 'no local archive for the GitHub cache');

  assert.equal(core.state.get(STATE.sccachePath), SCCACHE);
  assert.ok(record);
  assert.equal(record.backend, 'gha');
  assert.equal(record.plannedBackend, 'gha');
  assert.equal(record.requestedBackend, 'auto');
  assert.equal(record.host, 'github.com');
  assert.equal(record.protocol, 'v2');
  assert.equal(record.namespace, 'sccache-v0.16.0');
  assert.equal(record.sccachePath, SCCACHE);
  assert.equal(record.sccacheVersion, '0.16.0');
  assert.equal(record.logPath, logPath);
  assert.deepEqual(record.readOnly, { wanted: false });
  assert.deepEqual(record.preflight, { ok: true, location: GHA_V2_0_16, fallback: false });
  assert.deepEqual(record.exported, [...core.exported.keys()].sort());
  assert.deepEqual(record.keptInServer, [
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'SCCACHE_GHA_ENABLED',
  ]);
  assert.equal(record.localCache, undefined);
  assert.ok(!core.state.get(STATE.setupRecord)!.includes(TOKEN), 'the record holds names, not the token');
});

const FALLBACK_CAUSES: { name: string; script: Script; error: RegExp }[] = [
  {
    name: 'the server reports local disk',
    script: { location: (env) => `Local disk: "${join(env['HOME']!, '.cache', 'sccache')}"` },
    error: /the server started with cache location "Local disk: .*", not the planned gha \(v2\) cache/,
  },
  {
    name: 'the GHA server does not start',
    script: {
      start: (env) =>
        env['SCCACHE_GHA_ENABLED'] === 'true'
          ? {
              ok: false,
              error:
                'sccache: error: Server startup failed: cache storage failed to read: Unexpected (permanent) at read',
            }
          : { ok: true },
    },
    error: /^sccache: error: Server startup failed: cache storage failed to read/,
  },
];

for (const cause of FALLBACK_CAUSES) {
  test(`GHA preflight fails (${cause.name}): warning, local disk instead, and a record that says so`, async (t) => {
    const { core, sccache, record, home, temp } = await setUp(t, { script: cause.script });

    assert.deepEqual(core.failures, []);
    assert.equal(core.warnings.length, 1, JSON.stringify(core.warnings));
    const warning = core.warnings[0]!;
    assert.equal(warning.properties?.title, 'sccache-guard: cache backend failed');
    assert.match(warning.message, /^sccache could not use the gha cache: /);
    assert.match(warning.message, /Falling back to local disk for this run\.$/);

    // The local plan's exports, without a trace of the GitHub cache.
    const localDir = join(home, '.cache', 'sccache');
    assert.deepEqual(Object.fromEntries(core.exported), {
      SCCACHE_DIR: localDir,
      SCCACHE_CACHE_SIZE: '2G',
      SCCACHE_IDLE_TIMEOUT: '0',
      SCCACHE_SERVER_PORT: '41000',
      SCCACHE_ERROR_LOG: join(temp, 'sccache-guard', 'sccache.log'),
      RUSTC_WRAPPER: SCCACHE,
      CARGO_INCREMENTAL: '0',
    });
    for (const name of GHA_EXPORTS)
      assert.ok(!core.exported.has(name), `${name} exported after the fallback`);

    // The server that keeps running was started without any backend variable of the GHA plan.
    const last = sccache.starts().at(-1)!;
    assert.equal(sccache.starts().length, 2);
    assert.equal(last['SCCACHE_GHA_ENABLED'], undefined);
    assert.equal(last['ACTIONS_CACHE_SERVICE_V2'], undefined);
    assert.equal(last['SCCACHE_DIR'], localDir);

    assert.ok(record);
    assert.equal(record.plannedBackend, 'gha');
    assert.equal(record.backend, 'local');
    assert.equal(record.preflight.ok, true);
    assert.equal(record.preflight.fallback, true);
    assert.match(record.preflight.error ?? '', cause.error);
    assert.equal(record.preflight.location, `Local disk: "${localDir}"`);
    assert.equal(record.ghaUnavailableBecause, record.preflight.error);
    assert.ok(warning.message.includes(record.preflight.error!), 'the warning quotes the error');
    assert.deepEqual(record.exported, [...core.exported.keys()].sort());
    assert.equal(record.protocol, undefined);
  });
}

test('when the local fallback fails too, the warning says the build runs without sccache', async (t) => {
  const { core, record } = await setUp(t, {
    script: { locationError: new Error('sccache: error: failed to parse SCCACHE_GHA_ENABLED') },
  });
  assert.equal(core.warnings.length, 1);
  assert.equal(core.warnings[0]?.properties?.title, 'sccache-guard: sccache did not start');
  assert.match(core.warnings[0]!.message, /Local disk failed too .*: the build runs without sccache/);
  assert.doesNotMatch(core.warnings[0]!.message, /Falling back/);
  assert.ok(record);
  // The local server's stats cannot be read either: nothing is exported for a server nobody can ask.
  assert.equal(record.preflight.fallback, false, 'no fallback ran');
  assert.equal(record.preflight.ok, false);
  assert.match(record.preflight.error ?? '', /; local disk failed too: /);
  assert.equal(record.backend, null);
  assert.match(
    record.preflight.error ?? '',
    /a client could not read its stats: sccache: error: failed to parse/,
  );
  assert.equal(core.exported.size, 0);
  assert.deepEqual(record.exported, []);
});

test('on-backend-failure: fail: the step fails, no fallback and nothing exported', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    inputs: { 'on-backend-failure': 'fail' },
    script: FALLBACK_CAUSES[1]!.script,
  });
  assert.equal(core.failures.length, 1);
  assert.match(
    core.failures[0]!,
    /^sccache could not use the gha cache: sccache: error: Server startup failed/,
  );
  assert.deepEqual(core.warnings, []);
  assert.equal(core.exported.size, 0);
  assert.equal(sccache.starts().length, 1, 'no local server is tried');
  assert.ok(record);
  assert.equal(record.backend, null);
  assert.equal(record.preflight.fallback, false);
  assert.deepEqual(record.exported, []);
});

test('a local server that does not start: a warning, the build runs without sccache', async (t) => {
  const { core, record, sccache } = await setUp(t, {
    inputs: { backend: 'local' },
    script: { start: () => ({ ok: false, error: 'sccache: error: Permission denied (os error 13)' }) },
  });
  assert.deepEqual(core.failures, []);
  assert.equal(core.warnings.length, 1);
  assert.equal(core.warnings[0]!.properties?.title, 'sccache-guard: sccache did not start');
  assert.match(core.warnings[0]!.message, /Permission denied.*The build runs without sccache\./);
  assert.equal(core.exported.size, 0);
  assert.equal(sccache.starts().length, 1);
  assert.ok(record);
  assert.equal(record.backend, null);
  assert.equal(record.localCache, undefined, 'no archive to save for a server that never ran');
});

test('backend: local restores the archive of this job and records its keys', async (t) => {
  const { core, sccache, record, home, env } = await setUp(t, {
    inputs: { backend: 'local' },
    script: { restore: { restored: true, matchedKey: 'sccache-guard-dir-v1-linux-x64-build-0-4241-1' } },
  });
  const dir = join(home, '.cache', 'sccache');
  const keys = localCacheKeys(env, LABEL);
  assert.deepEqual(sccache.restores, [{ dir, key: keys.key, restorePrefix: keys.restorePrefix }]);
  assert.match(keys.key, /-4242-1$/, 'the key names this run');
  for (const name of GHA_EXPORTS) assert.ok(!core.exported.has(name), name);
  // The server lives on for the job, and its environment is readable by later steps (/proc): a
  // local-disk server gets no cache credentials at all.
  for (const name of GHA_EXPORTS) assert.equal(sccache.starts()[0]![name], undefined, `server got ${name}`);
  assert.equal(core.exported.get('SCCACHE_DIR'), dir);
  assert.ok(core.secrets.includes(TOKEN), 'the token is masked whatever the backend');
  assert.ok(record);
  assert.equal(record.backend, 'local');
  assert.equal(record.requestedBackend, 'local');
  const { restoreSeconds, restoredBytes, ...local } = record.localCache!;
  assert.deepEqual(local, {
    dir,
    key: keys.key,
    restorePrefix: keys.restorePrefix,
    restoredKey: 'sccache-guard-dir-v1-linux-x64-build-0-4241-1',
  });
  // What the restore cost, for backend-advice: its time, and the bytes now in the directory (none
  // here: the scripted restore unpacks nothing, and the directory does not exist).
  assert.ok(typeof restoreSeconds === 'number' && restoreSeconds >= 0);
  assert.equal(restoredBytes, undefined);
  assert.ok(core.infos.some((l) => l.includes('restored') && l.includes(dir)));
});

test('a pull_request run on sccache 0.16: read-only wanted and enforced with SCCACHE_GHA_RW_MODE', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
  });
  assert.equal(core.exported.get('SCCACHE_GHA_RW_MODE'), undefined, 'only the server needs it');
  assert.equal(sccache.starts()[0]!['SCCACHE_GHA_RW_MODE'], 'READ_ONLY', 'the server reads it at start');
  assert.ok(record);
  assert.equal(record.backend, 'gha');
  assert.equal(record.readOnly.wanted, true);
  assert.ok(record.readOnly.wanted && record.readOnly.enforced);
  assert.match(record.readOnly.why, /pull_request/);
  assert.equal(record.readOnly.how, 'SCCACHE_GHA_RW_MODE=READ_ONLY');
  assert.ok(core.infos.some((l) => l.startsWith('read-only: ')));
});

test('a pull_request run on sccache 0.14: read-only wanted but not enforced, and said so', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
    script: { versionOutput: 'sccache 0.14.0\n' },
  });
  assert.equal(sccache.starts()[0]!['SCCACHE_GHA_RW_MODE'], undefined, '0.14 does not know the variable');
  assert.ok(record);
  assert.equal(record.backend, 'gha');
  assert.ok(record.readOnly.wanted && !record.readOnly.enforced);
  assert.match(record.readOnly.whyNot, /0\.16\.0/);
  assert.ok(core.infos.some((l) => /^read-only wanted .* but not enforced/.test(l)));
});

test('sccache installed into the tool cache: its folder goes on PATH and into the plan', async (t) => {
  const installed = '/opt/hostedtoolcache/sccache/0.15.0/x64/sccache';
  const { core, sccache, record } = await setUp(t, {
    inputs: { 'sccache-version': 'v0.15.0' },
    script: {
      onPath: undefined,
      install: async (request) => ({ path: installed, source: 'download', version: request.version }),
      versionOutput: 'sccache 0.15.0\n',
    },
  });
  assert.equal(sccache.installRequests.length, 1);
  assert.equal(sccache.installRequests[0]!.version, '0.15.0', 'the leading v is dropped');
  assert.deepEqual(core.paths, ['/opt/hostedtoolcache/sccache/0.15.0/x64']);
  assert.equal(core.state.get(STATE.sccachePath), installed);
  assert.equal(core.exported.get('RUSTC_WRAPPER'), installed);
  assert.equal(record?.sccachePath, installed);
});

test('an install that cannot download: a warning, no record, nothing exported', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    script: {
      onPath: undefined,
      install: async () => {
        throw new InstallError('download of https://github.com/mozilla/sccache/… failed: 503', 'download');
      },
    },
  });
  assert.deepEqual(core.failures, []);
  assert.equal(core.warnings.length, 1);
  assert.equal(core.warnings[0]!.properties?.title, 'sccache-guard setup');
  assert.match(
    core.warnings[0]!.message,
    /could not be installed, so this build runs without it: download of .* 503/,
  );
  assert.equal(record, undefined);
  assert.equal(core.state.has(STATE.setupRecord), false);
  assert.equal(core.state.has(STATE.sccachePath), false);
  assert.equal(core.exported.size, 0);
  assert.equal(sccache.called('start'), 0);
});

test('an install that cannot download, with on-backend-failure: fail: the step fails', async (t) => {
  const { core } = await setUp(t, {
    inputs: { 'on-backend-failure': 'fail' },
    script: {
      onPath: undefined,
      install: async () => {
        throw new InstallError('download of https://example.test/sccache.tar.gz failed: 404', 'download');
      },
    },
  });
  assert.equal(core.failures.length, 1);
  assert.match(core.failures[0]!, /sccache could not be installed: download of .* 404/);
  assert.deepEqual(core.warnings, []);
  assert.equal(core.state.has(STATE.setupRecord), false);
});

test('a checksum mismatch fails the step, whatever on-backend-failure says', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    inputs: { 'on-backend-failure': 'fallback' },
    script: {
      onPath: undefined,
      install: async () => {
        throw new InstallError(
          'checksum mismatch for https://example.test/sccache.tar.gz: expected sha256 aa…, got bb…; refusing to run it',
          'checksum',
        );
      },
    },
  });
  assert.equal(core.failures.length, 1);
  assert.match(core.failures[0]!, /^checksum mismatch .* refusing to run it$/);
  assert.deepEqual(core.warnings, []);
  assert.equal(record, undefined);
  assert.equal(core.exported.size, 0);
  assert.equal(core.paths.length, 0);
  assert.equal(sccache.called('version'), 0);
});

test('a bad input fails the step naming the input, before sccache is looked for', async (t) => {
  const { core, sccache, record } = await setUp(t, { inputs: { backend: 'nope' } });
  assert.equal(core.failures.length, 1);
  assert.match(
    core.failures[0]!,
    /^input backend: "nope" is not one of auto, gha, local, s3, redis, webdav, external$/,
  );
  assert.deepEqual(core.warnings, []);
  assert.equal(sccache.calls.length, 0);
  assert.equal(record, undefined);
  assert.equal(core.exported.size, 0);
  assert.ok(core.secrets.includes(TOKEN), 'masked even on the way out');
});

test('an unexpected error of a dep becomes one warning, and run() resolves', async (t) => {
  const { core, record } = await setUp(t, {
    script: {
      start: () => {
        throw new Error('EBADF: a bug in the server control');
      },
    },
  });
  assert.equal(core.warnings.length, 1);
  assert.match(
    core.warnings[0]!.message,
    /^sccache-guard setup failed unexpectedly, the build runs without it: /,
  );
  assert.match(core.warnings[0]!.message, /EBADF: a bug in the server control/);
  assert.deepEqual(core.failures, []);
  assert.equal(record, undefined);
  assert.equal(core.exported.size, 0);
  // The binary was known before the failure: the report can still ask it for stats.
  assert.equal(core.state.get(STATE.sccachePath), SCCACHE);
});

test('an sccache newer than tested, or with an unreadable version, gets a notice and the newest behaviour', async (t) => {
  const newer = await setUp(t, { script: { versionOutput: 'sccache 0.18.2\n' } });
  assert.equal(newer.core.notices.length, 1);
  assert.match(
    newer.core.notices[0]!.message,
    /sccache 0\.18\.2 is newer than the versions sccache-guard has tested/,
  );
  assert.equal(newer.record?.sccacheVersion, '0.18.2');
  assert.equal(newer.record?.backend, 'gha');

  const odd = await setUp(t, { script: { versionOutput: 'sccache-dist, some build\n' } });
  assert.equal(odd.core.notices.length, 1);
  assert.match(odd.core.notices[0]!.message, /assuming sccache 0\.16\.0 behaviour/);
  assert.equal(odd.record?.sccacheVersion, '0.16.0');
  assert.equal(odd.record?.preflight.location, GHA_V2_0_16);
});

test('the scripted v2 location is the one sccache prints for sccache-v0.16.0', () => {
  // The literal above and the hash setup's plan expects must agree, or the healthy test means nothing.
  assert.equal(GHA_V2_0_16, `ghac, name: ${hashNamespace('sccache-v0.16.0')}, prefix: /sccache/`);
  assert.deepEqual(decodeLocation(GHA_V2_0_16, ['sccache-v0.16.0']).namespace, 'sccache-v0.16.0');
});

test('a server of its own: a free port, exported, recorded, and no stop sent before the start', async (t) => {
  const { core, sccache, record } = await setUp(t, { env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
  assert.equal(core.exported.get('SCCACHE_SERVER_PORT'), '41000');
  assert.equal(sccache.starts()[0]!['SCCACHE_SERVER_PORT'], '41000', 'the server starts on it');
  assert.equal(sccache.called('stop'), 0, 'setup stops no server it did not start');
  assert.equal(record?.serverPort, '41000');
  assert.equal(record?.runnerEnvironment, 'self-hosted');
  assert.equal(record?.foreignServer, undefined);
});

test("the job's own SCCACHE_SERVER_PORT is kept when nothing listens there", async (t) => {
  const { core, record } = await setUp(t, { env: { SCCACHE_SERVER_PORT: '5999' } });
  assert.equal(core.exported.get('SCCACHE_SERVER_PORT'), '5999');
  assert.equal(record?.serverPort, '5999');
});

test('a server already on the default port is left running, described, and this job uses another', async (t) => {
  const { core, sccache, record } = await setUp(t, {
    script: {
      listening: [4226],
      foreign: { version: '0.15.0', location: 'Local disk: "/srv/other-job/sccache"' },
    },
  });
  assert.equal(sccache.called('stop'), 0, 'never stopped');
  assert.equal(sccache.called('describe'), 1);
  assert.deepEqual(record?.foreignServer, {
    port: '4226',
    version: '0.15.0',
    location: 'Local disk: "/srv/other-job/sccache"',
  });
  assert.equal(core.exported.get('SCCACHE_SERVER_PORT'), '41000');
  assert.ok(core.infos.some((l) => l.includes('already listens on port 4226') && l.includes('left alone')));
});
