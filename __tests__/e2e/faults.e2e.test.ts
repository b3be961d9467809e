// The fault matrix: one injected fault per test, real sccache 0.16 with its GitHub cache backend
// against the loopback cache-service emulator, under the runner emulator (setup → cargo build →
// report). In every one the build passes, and the report names the fault that was injected and no
// other: a service that dies mid-build is cache-unreachable, not read-only-cache.
//
// Faults set in the service options are there when setup starts the server; `duringBuild` faults
// are set after setup and lifted after the build (the report's own cache traffic is not the test).
// Later steps are never given the runtime token by this file: what needs it gets it explicitly.
//
// CAPTURE_FIXTURES=1 also saves each run's sccache log and stats, trimmed and redacted, as
// __tests__/fixtures/logs/real-0.16.0-fault-<name>.{log,stats.json}: the rule tests read them. It also
// runs the one capture too slow for CI (a lookup that times out after sccache's 60 s).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { redact } from '../../src/util/redact.js';
import {
  startCacheService,
  type CacheService,
  type CacheServiceFaults,
  type CacheServiceOptions,
} from '../emulator/cache-service.js';
import type { RunnerEmulator, StepResult } from '../emulator/runner.js';
import {
  ACTION_YML,
  demoWorkspace,
  DIST,
  freePort,
  pathWith,
  pushToMainRunner,
  ROOT,
  sccacheBinary,
} from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const CAPTURE = process.env['CAPTURE_FIXTURES'] === '1';
const FIXTURE_LOGS = join(ROOT, '__tests__', 'fixtures', 'logs');

/** The findings a cache fault can produce: each test expects some and forbids the rest. */
const FAULT_FINDINGS = [
  'read-only-cache',
  'write-errors',
  'cache-unreachable',
  'cache-errors',
  'cache-timeouts',
  'slow-cache',
  'backend-fallback',
  'gha-protocol-v1',
] as const;
type FaultFinding = (typeof FAULT_FINDINGS)[number];

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

// One copy of the demo workspace for the whole file: each job cleans and rebuilds it, and each job
// has its own cache service, so nothing carries over from one test to the next.
let workspace = '';
before(async () => {
  workspace = await demoWorkspace();
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
});

const sccache = sccacheBinary('0.16.0');

async function service(options: CacheServiceOptions = {}): Promise<CacheService> {
  const s = await startCacheService(options);
  cleanups.push(() => s.close());
  return s;
}

interface JobOptions {
  /** Action inputs; the rest take action.yml's defaults. */
  inputs?: Record<string, string>;
  /** An ACTIONS_RUNTIME_TOKEN of the runner's; by default one the service issued. */
  token?: string;
  /** Set once setup is done; lifted after the build unless keepAfterBuild. */
  duringBuild?: CacheServiceFaults;
  keepAfterBuild?: boolean;
  /** run: steps between the build and the report. */
  afterBuild?: (runner: RunnerEmulator, logPath: string) => Promise<unknown>;
  /** Saved with CAPTURE_FIXTURES=1 as real-0.16.0-fault-<capture>.{log,stats.json}. */
  capture: string;
}

interface JobResult {
  setup: StepResult;
  build: StepResult;
  report: StepResult;
  findings: string[];
  buildMs: number;
}

let runCounter = 500;

/** One job: setup, `cargo clean && cargo build` of the demo workspace, report. */
async function job(svc: CacheService, opts: JobOptions): Promise<JobResult> {
  const port = String(await freePort());
  // A fallback to local disk writes here, not into the machine's ~/.cache/sccache.
  const sccacheDir = await mkdtemp(join(tmpdir(), 'sccache-guard-faults-dir-'));
  cleanups.push(() => rm(sccacheDir, { recursive: true, force: true }));
  const runner = pushToMainRunner(
    svc,
    {
      PATH: pathWith(sccache),
      GITHUB_RUN_ID: String(runCounter++),
      SCCACHE_SERVER_PORT: port,
      SCCACHE_DIR: sccacheDir,
    },
    opts.token,
  );
  try {
    const inputs = opts.inputs ? { inputs: opts.inputs } : {};
    const setup = await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, ...inputs });
    assert.equal(setup.exitCode, 0, setup.log);
    const record = JSON.parse(runner.stateOf()['setup-record'] ?? '{}') as { logPath?: string };
    const logPath = record.logPath ?? join(runner.runnerTemp, 'sccache-guard', 'sccache.log');
    if (opts.duringBuild) await svc.setFaults(opts.duringBuild);
    const started = Date.now();
    const build = await runner.runShell('cargo clean -q && cargo build --offline --quiet', {
      cwd: workspace,
    });
    const buildMs = Date.now() - started;
    if (opts.duringBuild && !opts.keepAfterBuild) await svc.setFaults(LIFTED);
    await opts.afterBuild?.(runner, logPath);
    const stats = await runner.runStep(sccache, ['--show-stats', '--stats-format', 'json'], {
      env: { SCCACHE_SERVER_PORT: port },
    });
    const report = await runner.runAction(join(DIST, 'report.js'), {
      stage: 'post',
      actionYml: ACTION_YML,
      ...inputs,
    });
    assert.equal(report.exitCode, 0, report.log);
    assertSummaryReadsWell(report.summary);
    if (CAPTURE) {
      await saveFixture(opts.capture, logPath, stats.stdout, svc, [
        [workspace, '/home/runner/work/demo-workspace'],
        [runner.tempRoot, '/home/runner/work/_temp'],
        [sccacheDir, '/home/runner/.cache/sccache'],
      ]);
    }
    return { setup, build, report, findings: JSON.parse(report.outputs['findings'] ?? '[]'), buildMs };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    runner.cleanup();
  }
}

const LIFTED: CacheServiceFaults = {
  rateLimit: undefined,
  status5xx: undefined,
  latencyMs: undefined,
  resetUploads: undefined,
  dieAfter: undefined,
  refuse: undefined,
};

/** The expected findings are there, and no other finding a cache fault could produce. */
function assertNames(run: JobResult, expected: readonly FaultFinding[]): void {
  assert.equal(run.build.exitCode, 0, run.build.log);
  for (const id of expected) assert.ok(run.findings.includes(id), `${id} in ${run.findings.join()}`);
  const others = FAULT_FINDINGS.filter((id) => !expected.includes(id) && run.findings.includes(id));
  assert.deepEqual(others, [], `only ${expected.join(', ')}, not ${others.join(', ')}`);
}

/** The message of the annotation of one finding id, or the summary's text for a note-only finding. */
const messageOf = (run: JobResult, id: string): string =>
  run.report.annotations.find((a) => a.title?.startsWith(`sccache ${id}`))?.message ?? '';

/** The setup table's Preflight row. */
const preflightRow = (run: JobResult): string =>
  /^\| Preflight \| (.*) \|$/m.exec(run.report.summary)?.[1] ?? '';

test('429 on the startup write check: read-only-cache, and the preflight says the check was refused', async () => {
  const svc = await service({ faults: { rejectCheckWrite: true } });
  const run = await job(svc, { capture: 'check-write-429' });
  assert.equal(svc.refused.checkWrite, 1);
  assertNames(run, ['read-only-cache']);
  assert.match(messageOf(run, 'read-only-cache'), /storage write check failed: RateLimited/);
  assert.match(
    preflightRow(run),
    /^passed, read-only: the write check was refused with 429 \(rate limited\)/,
  );
  // Setup says so at once, in its own step, too.
  const warning = run.setup.annotations.find((a) => a.title === 'sccache-guard: cache read-only');
  assert.match(warning?.message ?? '', /the write check was refused with 429/);
});

test('429 on every upload mid-build: write-errors with the 429s, not read-only-cache', async () => {
  const svc = await service();
  const run = await job(svc, {
    duringBuild: { rateLimit: { uploads: 0, windowMs: 60_000 } },
    capture: 'rate-limited-mid-build',
  });
  assert.ok(svc.refused.rateLimited > 0);
  assertNames(run, ['write-errors']);
  assert.match(messageOf(run, 'write-errors'), /refused with HTTP 429 \(rate limited\)/);
  assert.match(preflightRow(run), /^passed, read-write: the write check stored its probe/);
});

test('500 on every request from the build on: write-errors and failed reads, both HTTP 500', async () => {
  const svc = await service();
  const run = await job(svc, { duringBuild: { status5xx: {} }, capture: 'status-500' });
  assert.ok(svc.refused.status5xx > 0);
  assertNames(run, ['write-errors', 'cache-errors']);
  assert.match(messageOf(run, 'write-errors'), /answered HTTP 500 \(a server error\)/);
  assert.match(messageOf(run, 'cache-errors'), /failed: \d+ answered HTTP 500/);
});

test('500 on 30 % of requests mid-build: write-errors for the writes it hit, not read-only-cache', async () => {
  const svc = await service();
  const run = await job(svc, { duringBuild: { status5xx: { ratio: 0.3 } }, capture: 'status-500-30pct' });
  assert.ok(svc.refused.status5xx > 0);
  assertNames(
    run,
    run.findings.includes('cache-errors') ? ['write-errors', 'cache-errors'] : ['write-errors'],
  );
  assert.match(messageOf(run, 'write-errors'), /HTTP 500/);
});

test('2 s latency on every request during the build: slow-cache, with the time the cache cost', async () => {
  const svc = await service();
  const run = await job(svc, { duringBuild: { latencyMs: 2000 }, capture: 'latency-2s' });
  assertNames(run, ['slow-cache']);
  assert.match(
    messageOf(run, 'slow-cache'),
    /writes?: \d+\.\d s \(\d+\.\d s each\).*compiling: \d\.\d{3} s per compilation/,
  );
  // The build waits for each lookup (2 s) and, in sccache 0.16, for each write (3 requests).
  assert.ok(run.buildMs > 8_000, `the build took ${run.buildMs} ms`);
});

test('nothing listening from the start: setup falls back to local disk and says the connection was refused', async () => {
  const svc = await service({ faults: { refuse: true } });
  const run = await job(svc, { capture: 'refused' });
  assertNames(run, ['backend-fallback']);
  assert.match(run.report.summary, /Connection refused/);
  assert.match(preflightRow(run), /^failed, fell back to local disk: .*Connection refused/);
});

test('connections reset mid-upload: cache-unreachable, not read-only-cache or write-errors', async () => {
  const svc = await service();
  const run = await job(svc, { duringBuild: { resetUploads: true }, capture: 'reset-mid-upload' });
  assert.ok(svc.refused.uploadsReset > 0);
  assertNames(run, ['cache-unreachable']);
  const message = messageOf(run, 'cache-unreachable');
  assert.match(message, /cache writes? \(of \d+\) failed without an answer/);
  assert.match(message, /storage check result: ReadWrite/);
  assert.match(message, /send http request/);
  assert.doesNotMatch(message, /sig=(?!\*\*\*)/, 'the signed upload URL is redacted');
});

test('the service dies after the first lookup: cache-unreachable for reads and writes, never read-only-cache', async () => {
  const svc = await service();
  const run = await job(svc, {
    duringBuild: { dieAfter: 1 },
    keepAfterBuild: true,
    capture: 'killed-mid-build',
  });
  assertNames(run, ['cache-unreachable']);
  const message = messageOf(run, 'cache-unreachable');
  assert.match(message, /cache reads? \(of \d+ lookups, each counted as a miss\) and \d+ cache writes?/);
  assert.match(message, /connection refused/);
  assert.match(preflightRow(run), /^passed, read-write/);
});

test('a later step restarts sccache against the shut-down v1 service: gha-protocol-v1', async () => {
  const svc = await service({ decommissioned: true });
  const run = await job(svc, {
    capture: 'v1-shut-down',
    // A step (a container, say) that starts its own server with hand-passed credentials and no
    // ACTIONS_CACHE_SERVICE_V2: sccache >= 0.10 then talks v1. Given explicitly, so this test does
    // not depend on what setup exports.
    afterBuild: async (runner, logPath) => {
      const restart = await runner.runShell(
        `"${sccache}" --stop-server >/dev/null; "${sccache}" --start-server || true`,
        {
          env: {
            SCCACHE_GHA_ENABLED: 'true',
            ACTIONS_CACHE_URL: svc.url,
            ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
            SCCACHE_LOG: 'sccache=debug',
            SCCACHE_ERROR_LOG: logPath,
          },
        },
      );
      assert.match(restart.log, /Server startup failed: cache storage failed to read/);
    },
  });
  assert.ok(svc.refused.decommissioned > 0);
  assertNames(run, ['gha-protocol-v1']);
  assert.match(messageOf(run, 'gha-protocol-v1'), /legacy service is shutting down/);
});

test('a runtime token the service does not accept: setup falls back to local disk and names the refused token', async () => {
  const svc = await service();
  const run = await job(svc, {
    token: 'eyJhbGciOiJIUzI1NiJ9.not-issued.by-this-service',
    capture: 'invalid-token',
  });
  assert.ok(svc.refused.unauthorized > 0);
  assertNames(run, ['backend-fallback']);
  assert.match(preflightRow(run), /^failed, fell back to local disk: .*unauthenticated/);
});

test('read-only by configuration: the preflight says so, and read-only-cache is only a notice', async () => {
  const svc = await service();
  const run = await job(svc, { inputs: { 'read-only': 'true' }, capture: 'read-only-configured' });
  assertNames(run, ['read-only-cache']);
  assert.equal(messageOf(run, 'read-only-cache'), '', 'a notice, not an annotation to act on');
  assert.match(run.report.summary, /The cache was read-only, as configured/);
  assert.match(
    preflightRow(run),
    /^passed, read-only as configured \(SCCACHE_\*_RW_MODE=READ_ONLY\): no write check/,
  );
});

test(
  'capture: the startup write check answered 500, and reset',
  { skip: !CAPTURE && 'CAPTURE_FIXTURES=1 only' },
  async () => {
    // Read-only for the same reason as a 429 at start, with other words in the log.
    const status = await service({ faults: { status5xx: { method: 'CreateCacheEntry', count: 1 } } });
    const run500 = await job(status, { capture: 'check-write-500' });
    assertNames(run500, ['read-only-cache']);
    assert.match(preflightRow(run500), /^passed, read-only: the write check failed with HTTP 500/);
    const reset = await service({ faults: { resetUploads: 1 } });
    const runReset = await job(reset, { capture: 'check-write-reset' });
    assertNames(runReset, ['read-only-cache']);
    assert.match(preflightRow(runReset), /^passed, read-only: the write check got no answer/);
  },
);

// ---- fixtures -------------------------------------------------------------------------------

/**
 * A run's log and stats as fixtures: the temp paths and the emulator's address rewritten so they do
 * not change between captures, anything secret redacted, and the lines that only make it long
 * (backtrace frames, the per-compile stats dump) dropped.
 */
async function saveFixture(
  name: string,
  logPath: string,
  statsJson: string,
  svc: CacheService,
  paths: readonly (readonly [from: string, to: string])[],
): Promise<void> {
  const stable = (text: string) => {
    let out = text.replaceAll(svc.url, 'http://127.0.0.1:40000/');
    for (const [from, to] of paths) out = out.replaceAll(from, to);
    return redact(out);
  };
  const log = (await readFile(logPath, 'utf8'))
    .split('\n')
    .filter((line) => !/^\s+(\d+: |at )/.test(line) && !line.includes('stats after compile result'))
    .join('\n');
  await writeFile(join(FIXTURE_LOGS, `real-0.16.0-fault-${name}.log`), stable(log));
  await writeFile(join(FIXTURE_LOGS, `real-0.16.0-fault-${name}.stats.json`), stable(statsJson.trim()));
}

test(
  'capture: a lookup that times out after 60 s',
  { skip: !CAPTURE && 'CAPTURE_FIXTURES=1 only' },
  async () => {
    // Too slow for CI: the lookup waits out sccache's hard-coded 60 s.
    const svc = await service();
    const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-timeout-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const env = {
      ...process.env,
      SCCACHE_SERVER_PORT: String(await freePort()),
      SCCACHE_IDLE_TIMEOUT: '0',
      SCCACHE_ERROR_LOG: join(dir, 'sccache.log'),
      SCCACHE_GHA_ENABLED: 'true',
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_CACHE_SERVICE_V2: 'on',
    };
    const run = (args: string[], extra: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const child = spawn(sccache, args, { env: { ...env, ...extra }, cwd: dir });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', () => resolve(out));
      });
    await run(['--start-server'], { SCCACHE_LOG: 'sccache=debug' });
    await writeFile(join(dir, 'unit0.c'), 'int unit0(void) { return 0; }\n');
    // The lookup's request sleeps 61 s; the write after it finds the service quick again.
    svc.faults.latencyMs = 61_000;
    const quick = setTimeout(() => (svc.faults.latencyMs = 0), 30_000);
    await run(['gcc', '-c', 'unit0.c', '-o', 'unit0.o']);
    clearTimeout(quick);
    const stats = await run(['--show-stats', '--stats-format', 'json']);
    await run(['--stop-server']);
    await saveFixture('lookup-timed-out', join(dir, 'sccache.log'), stats, svc, [
      [dir, '/home/runner/work/_temp/demo'],
    ]);
    assert.match(await readFile(join(dir, 'sccache.log'), 'utf8'), /Cache timed out/);
  },
);
