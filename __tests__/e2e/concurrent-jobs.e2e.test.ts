// Self-hosted machines run several jobs at once: each job's setup starts a server of its own on a
// free port, never stops another's, and its post step stops its own. Two runner emulators share one
// HOME and one emulated cache service, as two jobs on one machine share the runner's user.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import { isListening } from '../../src/util/ports.js';
import { ACTION_YML, demoWorkspace, DIST, freePort, pathWith, sccacheBinary } from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const sccache = sccacheBinary();
/** The toolchain stays where it is installed when HOME is the shared one. */
const toolchain = {
  RUSTUP_HOME: process.env['RUSTUP_HOME'] ?? join(homedir(), '.rustup'),
  CARGO_HOME: process.env['CARGO_HOME'] ?? join(homedir(), '.cargo'),
};

interface JobRun {
  port: string;
  setup: StepResult;
  build: StepResult;
  report: StepResult;
  compileRequests: number;
  findings: string[];
  serverLeftRunning: boolean;
}

/** One job: setup, a cargo build of its own copy of the demo workspace, the report. */
async function job(svc: CacheService, home: string, env: Record<string, string> = {}): Promise<JobRun> {
  const runner = new RunnerEmulator({
    env: {
      PATH: pathWith(sccache),
      HOME: home,
      GITHUB_SERVER_URL: 'https://github.com',
      ...toolchain,
      ...env,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  const workspace = await demoWorkspace();
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  cleanups.push(async () => runner.cleanup());
  const setup = await runner.runAction(join(DIST, 'setup.js'), {
    actionYml: ACTION_YML,
    inputs: { 'github-token': '', 'run-record': 'false' },
  });
  assert.equal(setup.exitCode, 0, setup.log);
  const port = runner.jobEnv['SCCACHE_SERVER_PORT']!;
  cleanups.push(() =>
    runner.runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } }).catch(() => 0),
  );
  const build = await runner.runShell('cargo build --offline --quiet', { cwd: workspace });
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    actionYml: ACTION_YML,
    inputs: { 'github-token': '', 'run-record': 'false' },
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8'));
  return {
    port,
    setup,
    build,
    report,
    compileRequests: stats.stats.compile_requests,
    findings: JSON.parse(report.outputs['findings'] ?? '[]'),
    serverLeftRunning: await isListening(Number(port)),
  };
}

// Bounded: a server that held a pipe open must fail the test, not hang the test command.
const LIMIT = { timeout: 180_000 };

test(
  'two jobs at once on one machine: each has its own server, stops only its own, counts only its own',
  LIMIT,
  async () => {
    const svc = await startCacheService();
    cleanups.push(() => svc.close());
    const home = await mkdtemp(join(tmpdir(), 'sccache-guard-shared-home-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));

    const [a, b] = await Promise.all([job(svc, home), job(svc, home)]);
    // What one such build sends sccache on its own, for comparison.
    const alone = await job(svc, home);

    for (const [name, run] of [
      ['A', a],
      ['B', b],
    ] as const) {
      assert.equal(run.build.exitCode, 0, `${name}: ${run.build.log}`);
      assert.equal(
        run.compileRequests,
        alone.compileRequests,
        `${name} counted only its own compile requests`,
      );
      assert.ok(!run.findings.includes('server-restarted'), `${name}: ${run.findings.join()}`);
      assert.ok(!run.findings.includes('foreign-server'), `${name} found no server in its way`);
      assert.doesNotMatch(run.setup.log, /--stop-server|stopp/i, `${name}'s setup stopped nothing`);
      assert.match(
        run.report.summary,
        new RegExp(`\\| Server \\| port ${run.port}, this job's own; stopped`),
      );
      assert.equal(run.serverLeftRunning, false, `${name}'s server still listens on ${run.port}`);
    }
    assert.notEqual(a.port, b.port, 'each job has a port of its own');
    assert.notEqual(a.port, '4226', 'not the default port another job may hold');
  },
);

test(
  'a server left over on the port the job names is left running and noted; the job uses its own',
  LIMIT,
  async () => {
    const svc = await startCacheService();
    cleanups.push(() => svc.close());
    const home = await mkdtemp(join(tmpdir(), 'sccache-guard-leftover-home-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    // An earlier job's server, with its own local cache, on the port this job's env names.
    const leftoverPort = String(await freePort());
    const leftoverDir = join(home, 'earlier-job-cache');
    const leftover = new RunnerEmulator({ env: { PATH: pathWith(sccache), HOME: home } });
    cleanups.push(async () => leftover.cleanup());
    const started = await leftover.runStep(sccache, ['--start-server'], {
      env: { SCCACHE_SERVER_PORT: leftoverPort, SCCACHE_DIR: leftoverDir, SCCACHE_IDLE_TIMEOUT: '0' },
    });
    assert.equal(started.exitCode, 0, started.log);
    cleanups.push(() =>
      leftover.runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: leftoverPort } }),
    );

    const run = await job(svc, home, { SCCACHE_SERVER_PORT: leftoverPort });
    assert.equal(run.build.exitCode, 0, run.build.log);
    assert.notEqual(run.port, leftoverPort, 'this job started its own server elsewhere');
    assert.ok(run.findings.includes('foreign-server'), run.findings.join());
    assert.match(run.report.summary, new RegExp(`running on port ${leftoverPort}; it was left alone`));
    assert.match(run.report.summary, /earlier-job-cache/, 'whose settings it runs with');
    assert.match(run.report.summary, /A workflow `env:` value wins over the port setup/);
    assert.ok(await isListening(Number(leftoverPort)), 'the leftover server is still running');
    assert.equal(run.serverLeftRunning, false, "this job's own server was stopped");
  },
);
