// The main step under the runner emulator with real sccache binaries and real cargo builds:
// setup -> build with the exported environment -> report.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import { ACTION_YML, demoWorkspace, DIST, freePort, pathWith, sccacheBinary } from './tools.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Job {
  runner: RunnerEmulator;
  port: string;
  setup: StepResult;
}

/** A job whose sccache server listens on its own port; the server is stopped after the tests. */
async function setupJob(opts: {
  sccache?: string;
  env?: Record<string, string>;
  runtime?: Record<string, string>;
  inputs?: Record<string, string>;
  event?: Record<string, unknown>;
}): Promise<Job> {
  const port = String(await freePort());
  const runner = new RunnerEmulator({
    env: {
      PATH: opts.sccache ? pathWith(opts.sccache) : (process.env['PATH'] ?? ''),
      GITHUB_SERVER_URL: 'https://github.com',
      SCCACHE_SERVER_PORT: port,
      ...opts.env,
    },
    ...(opts.runtime ? { actionsRuntime: opts.runtime } : {}),
    ...(opts.event ? { event: opts.event } : {}),
  });
  cleanups.push(async () => {
    const bin = opts.sccache ?? sccacheBinary();
    await runner
      .runStep(bin, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    await runner.cleanup();
  });
  const setup = await runner.runAction(join(DIST, 'setup.js'), {
    actionYml: ACTION_YML,
    ...(opts.inputs ? { inputs: opts.inputs } : {}),
  });
  return { runner, port, setup };
}

/** Builds the demo workspace (a fresh copy, or `workspace` again from clean) and runs the report. */
async function buildAndReport(
  job: Job,
  workspace?: string,
): Promise<{ build: StepResult; report: StepResult; workspace: string }> {
  if (!workspace) {
    workspace = await demoWorkspace();
    const made = workspace;
    cleanups.push(() => rm(made, { recursive: true, force: true }));
  }
  const build = await job.runner.runShell('cargo clean --quiet && cargo build --offline --quiet', {
    cwd: workspace,
  });
  const report = await job.runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    actionYml: ACTION_YML,
  });
  return { build, report, workspace };
}

const findingIds = (report: StepResult): string[] => JSON.parse(report.outputs['findings'] ?? '[]');

test('local backend: setup starts sccache, the build goes through it, the report sees it', async () => {
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({ sccache, inputs: { backend: 'local' } });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const env = job.runner.jobEnv;
  assert.equal(env['RUSTC_WRAPPER'], sccache);
  assert.equal(env['CARGO_INCREMENTAL'], '0');
  assert.equal(env['SCCACHE_IDLE_TIMEOUT'], '0');
  assert.match(env['SCCACHE_ERROR_LOG'] ?? '', /sccache-guard\/sccache\.log$/);
  assert.equal(env['SCCACHE_GHA_ENABLED'], undefined);
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.equal(report.exitCode, 0, report.log);
  const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8'));
  assert.ok(stats.stats.compile_requests > 0, 'the build went through sccache');
  assert.equal(report.outputs['misses'], String(stats.stats.cache_misses.counts.Rust));
  assert.match(report.summary, /<summary>Setup<\/summary>/);
  assert.match(report.summary, /\| Backend in use \| `local` \|/);
  assert.match(report.summary, /\| Preflight \| passed, read-write \|/);
  // The server log the plan asked for exists and has sccache's own lines.
  assert.match(await readFile(env['SCCACHE_ERROR_LOG']!, 'utf8'), /sccache::/);
});

test('outage: GHA pointing at a closed port fails the start; setup falls back, the build succeeds, the summary says why', async () => {
  const sccache = sccacheBinary('0.16.0');
  const closed = await freePort();
  const token = 'ghs_outage_token_0123456789';
  const job = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${closed}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.equal(job.setup.failed, false);
  const warning = job.setup.annotations.find((a) => a.level === 'warning');
  assert.match(warning?.message ?? '', /could not use the gha cache: sccache: error: Server startup failed/);
  assert.match(warning?.message ?? '', /Falling back to local disk/);
  const env = job.runner.jobEnv;
  for (const name of ['SCCACHE_GHA_ENABLED', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RUNTIME_TOKEN']) {
    assert.equal(env[name], undefined, `${name} must not be exported after a fallback`);
  }
  assert.equal(env['RUSTC_WRAPPER'], sccache);
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.ok(findingIds(report).includes('backend-fallback'), report.outputs['findings']);
  assert.match(report.summary, /failed, fell back to local disk: sccache: error: Server startup failed/);
  // The token was masked first and appears nowhere we write.
  assert.ok(job.setup.masks.includes(token));
  for (const step of [job.setup, report]) {
    // The only place it may appear is the ::add-mask:: command itself, which the runner consumes.
    const printed = step.stdout.replaceAll(`::add-mask::${token}`, '');
    for (const text of [
      printed,
      step.log,
      step.stderr,
      step.summary,
      JSON.stringify(step.state),
      JSON.stringify(step.outputs),
    ]) {
      assert.ok(!text.includes(token), `${step.name} leaked the token`);
    }
  }
});

test("on-backend-failure: fail fails the step with sccache's error and exports nothing", async () => {
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: 'ghs_unused_token_value',
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${await freePort()}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
    inputs: { 'on-backend-failure': 'fail' },
  });
  assert.equal(job.setup.exitCode, 1);
  assert.match(
    job.setup.annotations.find((a) => a.level === 'error')?.message ?? '',
    /Server startup failed/,
  );
  assert.equal(job.runner.jobEnv['RUSTC_WRAPPER'], undefined);
});

test('sccache 0.9.1 on github.com: GHA is not enabled, and the report says why', async () => {
  const sccache = sccacheBinary('0.9.1');
  const job = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: 'ghs_unused_token_value',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.equal(job.runner.jobEnv['SCCACHE_GHA_ENABLED'], undefined);
  assert.match(job.setup.log, /GitHub cache not used: sccache 0\.9\.1 speaks only the v1 cache protocol/);
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.ok(findingIds(report).includes('sccache-too-old'));
  const annotation = report.annotations.find((a) => a.title?.startsWith('sccache sccache-too-old'));
  assert.equal(annotation?.level, 'warning');
});

test('dead and invalid variables in the job are findings in the report', async () => {
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({
    sccache,
    inputs: { backend: 'local' },
    env: { SCCACHE_GHA_CACHE_TO: 'sccache-key', SCCACHE_LOG_LEVEL: 'debug', SCCACHE_GHA_ENABLED: 'false' },
  });
  const { report } = await buildAndReport(job);
  const ids = findingIds(report);
  assert.ok(ids.includes('dead-env-var'), ids.join());
  assert.match(report.summary, /SCCACHE_GHA_CACHE_TO: only sccache 0\.3\.x read it/);
  assert.ok(!ids.includes('invalid-env-value'), 'false is a valid value');
});

test('a bad input fails the step with a message naming the input', async () => {
  const job = await setupJob({ sccache: sccacheBinary('0.16.0'), inputs: { backend: 'memcached' } });
  assert.equal(job.setup.exitCode, 1);
  assert.match(
    job.setup.annotations[0]?.message ?? '',
    /input backend: "memcached" is not one of auto, gha, local, s3, redis, webdav, external/,
  );
  // The post step runs anyway (post-if: always()) and says why there is no report.
  const report = await job.runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    actionYml: ACTION_YML,
    inputs: { backend: 'memcached' },
  });
  assert.equal(report.exitCode, 0, report.log);
  assert.match(
    report.summary,
    /setup failed, so the build ran without sccache-guard: input backend: "memcached"/,
  );
  assert.doesNotMatch(report.summary, /no compile requests/);
});

async function releaseServer(tarball: Buffer): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.endsWith('.tar.gz')) {
      res.writeHead(200, { 'content-length': tarball.length });
      res.end(tarball);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

test('install: a release from a mirror is checked against its SHA-256; a wrong one fails clearly', async () => {
  // A release archive laid out as sccache publishes it, made from the real 0.16.0 binary.
  const stage = join(process.cwd(), '.tools', 'release-stage');
  const folder = join(stage, 'sccache-v0.16.0-x86_64-unknown-linux-musl');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'sccache'), await readFile(sccacheBinary('0.16.0')), { mode: 0o755 });
  execFileSync('tar', [
    '-czf',
    join(stage, 'release.tar.gz'),
    '-C',
    stage,
    'sccache-v0.16.0-x86_64-unknown-linux-musl',
  ]);
  const tarball = await readFile(join(stage, 'release.tar.gz'));
  await rm(stage, { recursive: true, force: true });
  const sum = createHash('sha256').update(tarball).digest('hex');
  const { url } = await releaseServer(tarball);
  const template = `${url}/v{version}/sccache-v{version}-{target}.tar.gz`;

  // No sccache on PATH (the machine may have Debian's in /usr/bin): only what tool-cache needs.
  const bare = join(process.cwd(), '.tools', 'bare-path');
  await mkdir(bare, { recursive: true });
  for (const tool of ['tar', 'gzip', 'sh']) {
    const target = execFileSync('which', [tool], { encoding: 'utf8' }).trim();
    await symlink(target, join(bare, tool)).catch(() => undefined);
  }
  const ok = await setupJob({
    env: { PATH: bare },
    inputs: { 'sccache-download-url': template, 'sccache-sha256': sum, backend: 'local' },
  });
  assert.equal(ok.setup.exitCode, 0, ok.setup.log);
  assert.match(ok.setup.log, /sccache 0\.16\.0 from download/);
  assert.equal(ok.setup.path.length, 1);
  assert.match(ok.runner.jobEnv['RUSTC_WRAPPER'] ?? '', /sccache\/0\.16\.0\/x64\/sccache$/);

  // The committed sum for the official 0.16.0 archive does not match this home-made one.
  const bad = await setupJob({
    env: { PATH: bare },
    inputs: { 'sccache-download-url': template },
  });
  assert.equal(bad.setup.exitCode, 1);
  assert.match(
    bad.setup.annotations.find((a) => a.level === 'error')?.message ?? '',
    new RegExp(
      `checksum mismatch .*expected sha256 aec995a83ad3dff3d14b6314e08858b7b73d35ca85a5bcf3d3a9ec07dee35588, got ${sum}`,
    ),
  );
  assert.equal(bad.runner.jobEnv['RUSTC_WRAPPER'], undefined);
});

async function cacheService(options: Parameters<typeof startCacheService>[0] = {}): Promise<CacheService> {
  const service = await startCacheService(options);
  cleanups.push(() => service.close());
  return service;
}

test('github.com, sccache 0.16, a push: the credentials stay in the server, the token masked, the build cached in GHA and hit warm', async () => {
  const service = await cacheService();
  const token = service.tokenFor({ ref: 'refs/heads/main' });
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const env = job.runner.jobEnv;
  assert.deepEqual(
    {
      ACTIONS_RESULTS_URL: env['ACTIONS_RESULTS_URL'],
      ACTIONS_RUNTIME_TOKEN: env['ACTIONS_RUNTIME_TOKEN'],
      ACTIONS_CACHE_SERVICE_V2: env['ACTIONS_CACHE_SERVICE_V2'],
      SCCACHE_GHA_ENABLED: env['SCCACHE_GHA_ENABLED'],
      RUSTC_WRAPPER: env['RUSTC_WRAPPER'],
      CARGO_INCREMENTAL: env['CARGO_INCREMENTAL'],
      SCCACHE_IDLE_TIMEOUT: env['SCCACHE_IDLE_TIMEOUT'],
      SCCACHE_LOG: env['SCCACHE_LOG'],
    },
    {
      // Only the server setup started holds these: later steps may run untrusted code.
      ACTIONS_RESULTS_URL: undefined,
      ACTIONS_RUNTIME_TOKEN: undefined,
      ACTIONS_CACHE_SERVICE_V2: undefined,
      SCCACHE_GHA_ENABLED: undefined,
      RUSTC_WRAPPER: sccache,
      CARGO_INCREMENTAL: '0',
      SCCACHE_IDLE_TIMEOUT: '0',
      SCCACHE_LOG: undefined, // the server's only: in a client it prints debug lines into the build
    },
  );
  assert.match(env['SCCACHE_ERROR_LOG'] ?? '', /sccache-guard\/sccache\.log$/);
  assert.equal(env['SCCACHE_GHA_RW_MODE'], undefined);
  assert.equal(env['ACTIONS_CACHE_URL'], undefined);
  assert.ok(job.setup.masks.includes(token), 'the token is masked');
  // The preflight talked v2 protobuf to the service.
  const check = service.requests.filter((r) => r.api === 'twirp' && r.key === 'sccache/.sccache_check');
  assert.ok(check.length > 0 && check.every((r) => r.encoding === 'protobuf'));

  // What a build step's own process sees: none of the credentials.
  const seen = await job.runner.runShell('env');
  for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'SCCACHE_GHA_ENABLED']) {
    assert.ok(!seen.stdout.includes(`${name}=`), `a later step sees ${name}`);
  }
  assert.ok(!seen.stdout.includes(token), 'a later step sees the token');

  const first = await buildAndReport(job);
  const { build, report } = first;
  assert.equal(build.exitCode, 0, build.log);
  assert.equal(report.exitCode, 0, report.log);
  const ids = findingIds(report);
  assert.ok(ids.includes('cold-cache'), ids.join());
  assert.match(report.summary, /GitHub Actions cache, protocol v2, namespace `sccache-v0\.16\.0`/);
  assert.match(
    report.summary,
    /\| Kept in the server \| `ACTIONS_CACHE_SERVICE_V2` `ACTIONS_RESULTS_URL` `ACTIONS_RUNTIME_TOKEN` `SCCACHE_GHA_ENABLED`/,
  );
  const objects = service.entries.filter(
    (e) => e.key.startsWith('sccache/') && e.key !== 'sccache/.sccache_check' && e.finalized,
  );
  assert.equal(String(objects.length), report.outputs['misses'], 'every miss was stored in the service');
  // The report left one run record for the next run (docs/run-record.md), and says where.
  const records = service.entries.filter((e) => e.key.startsWith('sccache-guard-run-v2-'));
  assert.equal(records.length, 1);
  assert.match(records[0]!.key, /^sccache-guard-run-v2-[a-z0-9-]+-[0-9a-f]{8}-\d+-\d+$/);
  assert.ok(report.summary.includes(`This run's record was saved as \`${records[0]!.key}\``));
  // The emulator masks what it shows like the runner; a '***' would mean we printed the token.
  for (const step of [job.setup, report]) {
    assert.ok(!step.stdout.replaceAll(`::add-mask::${token}`, '').includes(token), step.name);
    assert.ok(!step.stderr.includes(token), step.name);
    assert.ok(!step.summary.includes('***') && !step.log.includes('***'), step.name);
  }

  // A second job on a fresh runner (its own server): the warm build hits what the first stored.
  const warm = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(warm.runner.jobEnv['ACTIONS_RUNTIME_TOKEN'], undefined);
  // Rust's keys include the working directory: the same checkout path, as on a real runner.
  const second = await buildAndReport(warm, first.workspace);
  assert.equal(second.build.exitCode, 0, second.build.log);
  assert.equal(second.report.outputs['misses'], '0', second.report.summary);
  assert.equal(second.report.outputs['hits'], report.outputs['misses'], 'every object stored is hit');
});

test('export-credentials: true hands later steps the GitHub cache settings, and says so', async () => {
  const service = await cacheService();
  const token = service.tokenFor({ ref: 'refs/heads/main' });
  const job = await setupJob({
    sccache: sccacheBinary('0.16.0'),
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
    inputs: { 'export-credentials': 'true' },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const env = job.runner.jobEnv;
  assert.equal(env['ACTIONS_RUNTIME_TOKEN'], token);
  assert.equal(env['ACTIONS_RESULTS_URL'], service.url);
  assert.equal(env['ACTIONS_CACHE_SERVICE_V2'], 'on');
  assert.equal(env['SCCACHE_GHA_ENABLED'], 'true');
  assert.ok(job.setup.masks.includes(token));
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.match(report.summary, /\| Exported \| .*`ACTIONS_RUNTIME_TOKEN`/);
  assert.doesNotMatch(report.summary, /Kept in the server/);
});

test('a later step restarts sccache without the credentials: local disk, compiles pass, server-restarted explains', async () => {
  const service = await cacheService();
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({
    sccache,
    runtime: {
      ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const restart = await job.runner.runShell(
    `"${sccache}" --stop-server >/dev/null; "${sccache}" --start-server`,
  );
  assert.equal(restart.exitCode, 0, restart.log);
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.equal(report.exitCode, 0, report.log);
  const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8'));
  assert.match(stats.cache_location, /^Local disk/, 'the restarted server had no GHA settings');
  assert.ok(stats.stats.compile_requests > 0, 'the build still went through sccache');
  assert.ok(findingIds(report).includes('server-restarted'), report.outputs['findings']);
});

/** The environment of the sccache server listening on `port`, as any process of the job's user can read it. */
async function serverEnviron(port: string): Promise<Record<string, string>> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('sccache')) continue;
      const pairs = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0').filter(Boolean);
      const env = Object.fromEntries(
        pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
      );
      if (env['SCCACHE_SERVER_PORT'] === port && env['SCCACHE_START_SERVER'] === '1') return env;
    } catch {
      // The process ended meanwhile.
    }
  }
  throw new Error(`no sccache server on port ${port}`);
}

test('a local-disk server holds no credential a later step could read from /proc', async () => {
  const token = 'ghs_local_server_must_not_hold_this';
  const job = await setupJob({
    sccache: sccacheBinary('0.16.0'),
    inputs: { backend: 'local', 'github-token': 'ghs_input_token_value' },
    runtime: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const environ = await serverEnviron(job.port);
  const text = JSON.stringify(environ);
  assert.ok(!text.includes(token), 'the runtime token is in the server environment');
  assert.ok(!text.includes('ghs_input_token_value'), 'the github-token input is in the server environment');
  assert.deepEqual(
    Object.keys(environ).filter((n) => n.startsWith('INPUT_')),
    [],
  );
});

test('GHES: sccache 0.10 gets ACTIONS_CACHE_URL and talks v1', async () => {
  const service = await cacheService();
  const token = service.tokenFor({ ref: 'refs/heads/main' });
  const job = await setupJob({
    sccache: sccacheBinary('0.10.0'),
    env: { GITHUB_SERVER_URL: 'https://ghes.example.com' },
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_URL: service.url,
      ACTIONS_RESULTS_URL: service.url,
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  const env = job.runner.jobEnv;
  assert.equal(env['ACTIONS_CACHE_URL'], undefined, 'the server has it; later steps do not');
  assert.equal(env['ACTIONS_CACHE_SERVICE_V2'], undefined);
  assert.ok(
    service.requests.some((r) => r.api === 'v1'),
    'the preflight used the v1 REST API',
  );
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  assert.match(report.summary, /protocol v1/);
  assert.ok(!findingIds(report).includes('gha-protocol-v1'), 'v1 is right on GHES');
});

test('a pull request with sccache 0.16 is read-only through SCCACHE_GHA_RW_MODE', async () => {
  const service = await cacheService();
  const ref = 'refs/pull/1/merge';
  const token = service.tokenFor({ ref });
  const job = await setupJob({
    sccache: sccacheBinary('0.16.0'),
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: ref },
    runtime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.equal(job.runner.jobEnv['SCCACHE_GHA_RW_MODE'], undefined, 'the server has it');
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  const readOnly = report.annotations.find((a) => a.title?.includes('read-only-cache'));
  assert.equal(readOnly, undefined, 'intended read-only is not annotated');
  assert.match(report.summary, /read-only, as configured/);
  assert.equal(
    service.entries.filter((e) => e.key !== 'sccache/.sccache_check').length,
    0,
    'nothing written',
  );
});

test('versions 0.4.2, 0.7.7 and 0.8.2 on github.com stay on local disk; 0.10.0 uses GHA v2; every build goes through sccache', async () => {
  const service = await cacheService();
  for (const [version, backend] of [
    ['0.4.2', 'local'],
    ['0.7.7', 'local'],
    ['0.8.2', 'local'],
    ['0.10.0', 'gha'],
  ] as const) {
    const job = await setupJob({
      sccache: sccacheBinary(version),
      runtime: {
        ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
        ACTIONS_RESULTS_URL: service.url,
        ACTIONS_CACHE_SERVICE_V2: 'True',
      },
    });
    assert.equal(job.setup.exitCode, 0, `${version}: ${job.setup.log}`);
    assert.equal(job.runner.jobEnv['SCCACHE_GHA_ENABLED'], undefined, version);
    const { build, report } = await buildAndReport(job);
    assert.equal(build.exitCode, 0, `${version}: ${build.log}`);
    const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8'));
    assert.ok(stats.stats.compile_requests > 0, `${version}: the build went through sccache`);
    assert.match(report.summary, new RegExp(`\\| Backend in use \\| \`${backend}\` \\|`), version);
    assert.equal(findingIds(report).includes('sccache-too-old'), backend === 'local', version);
  }
});

test('an invalid SCCACHE_GHA_ENABLED in the job and a GHA outage: the fallback still keeps the build working', async () => {
  const sccache = sccacheBinary('0.16.0');
  const job = await setupJob({
    sccache,
    env: { SCCACHE_GHA_ENABLED: 'yes' },
    runtime: {
      ACTIONS_RUNTIME_TOKEN: 'ghs_outage_token_value',
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${await freePort()}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.equal(
    job.runner.jobEnv['SCCACHE_GHA_ENABLED'],
    'false',
    'turned off with a value every version accepts',
  );
  const { build, report } = await buildAndReport(job);
  assert.equal(build.exitCode, 0, build.log);
  const ids = findingIds(report);
  assert.ok(ids.includes('invalid-env-value') && ids.includes('backend-fallback'), ids.join());
});

test('SCCACHE_NO_DAEMON in the job does not keep setup waiting on a foreground server', async () => {
  const job = await setupJob({
    sccache: sccacheBinary('0.16.0'),
    inputs: { backend: 'local' },
    env: { SCCACHE_NO_DAEMON: '1' },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.ok(job.setup.durationMs < 30_000, `setup took ${job.setup.durationMs} ms`);
  assert.match(job.setup.log, /exporting: .*RUSTC_WRAPPER/);
});

test('an empty SCCACHE_BUCKET (a secret a fork cannot see) does not take the GitHub cache away', async () => {
  const service = await cacheService();
  const job = await setupJob({
    sccache: sccacheBinary('0.16.0'),
    env: { SCCACHE_BUCKET: '' },
    runtime: {
      ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  assert.equal(job.setup.exitCode, 0, job.setup.log);
  assert.match(job.setup.log, /sccache backend: gha \(protocol v2\)/);
});
