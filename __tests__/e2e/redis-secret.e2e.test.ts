// A Redis password through the whole job: a loopback redis-server (Debian's) that wants one, real
// sccache 0.16 configured with it by the job's own variables, setup -> cargo build -> report under
// the runner emulator, then a look at every byte the action left: the file commands, its saved
// files, the run record in the cache, and its output as the runner shows it.
//
// sccache 0.16 hands Redis the password of an SCCACHE_REDIS URL as written: `Url::password()` is
// not percent-decoded (src/cache/redis.rs `build_from_url`). So a user who writes `p@ss/w rd%40x`
// percent-encoded gets `p%40ss%2Fw%20rd%2540x` sent to AUTH; the loopback Redis accepts that form,
// so the build really uses Redis, and both spellings must stay hidden. The endpoint form
// (SCCACHE_REDIS_ENDPOINT + SCCACHE_REDIS_PASSWORD) takes the password unencoded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import { ACTION_YML, demoWorkspace, DIST, freePort, pathWith, sccacheBinary } from './tools.js';

/** The password a user means: `@`, `/`, a blank and a `%40` that must not be decoded twice. */
const PASSWORD = 'p@ss/w rd%40x';
/** As written in the URL's userinfo, and as sccache 0.16 sends it to AUTH. */
const ENCODED = encodeURIComponent(PASSWORD);
/** A quote stays a quote in a URL (encodeURIComponent and rust-url keep it), and ends a quoted string. */
const QUOTED = "it's-p@ss";
const QUOTED_ENCODED = encodeURIComponent(QUOTED);

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** One RESP exchange: each command's one-line reply (`+OK`, `:3`, `-NOAUTH …`). */
function redis(port: number, ...commands: string[][]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('redis did not answer')));
    socket.on('error', reject);
    socket.on('connect', () => {
      for (const args of commands) {
        socket.write(
          `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
        );
      }
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const lines = text.split('\r\n').slice(0, -1);
      if (lines.length >= commands.length) {
        socket.end();
        resolve(lines.slice(0, commands.length));
      }
    });
  });
}

let redisPort = 0;

before(async () => {
  if (!existsSync('/usr/bin/redis-server')) {
    throw new Error("Debian's redis-server is not installed: run scripts/bootstrap.sh");
  }
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-redis-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  redisPort = await freePort();
  // One user `ci` with the passwords as sccache sends them; the default user is off, so nothing
  // gets in without one. Quoted: redis.conf splits on blanks.
  const quoted = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const conf = join(dir, 'redis.conf');
  await writeFile(
    conf,
    [
      `port ${redisPort}`,
      'bind 127.0.0.1',
      'save ""',
      'appendonly no',
      `dir ${dir}`,
      'user default off',
      `user ci on ${[ENCODED, PASSWORD, QUOTED_ENCODED].map((p) => quoted(`>${p}`)).join(' ')} ~* &* +@all`,
      '',
    ].join('\n'),
  );
  const server = spawn('/usr/bin/redis-server', [conf], { stdio: 'ignore' });
  cleanups.push(async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  });
  for (let i = 0; ; i++) {
    const ok = await redis(redisPort, ['AUTH', 'ci', PASSWORD]).catch(() => undefined);
    if (ok?.[0] === '+OK') break;
    if (i > 100 || server.exitCode !== null) throw new Error(`redis-server did not start: ${ok}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

/** Keys in Redis, asked with the password. */
async function keysInRedis(): Promise<number> {
  const [auth, size] = await redis(redisPort, ['AUTH', 'ci', PASSWORD], ['DBSIZE']);
  assert.equal(auth, '+OK');
  return Number(size?.slice(1));
}

interface Job {
  runner: RunnerEmulator;
  setup: StepResult;
  builds: StepResult[];
  report: StepResult;
  /** Every file the action wrote, by path: file commands, its temp folder, the record it saved. */
  files: Record<string, string>;
  /** sccache's own server log (SCCACHE_ERROR_LOG): sccache writes it, not the action. */
  serverLog: string;
}

/** The run records in the cache as the next run would download them (the JSON itself, on v2). */
function recordsIn(svc: CacheService): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of svc.entries.filter((e) => e.key.startsWith('sccache-guard-run-') && e.finalized)) {
    const data = svc.entryData(entry.key, entry.version);
    if (!data) continue;
    out[`cache entry ${entry.key}`] = data.toString('latin1');
  }
  return out;
}

async function job(env: Record<string, string>, builds: string[]): Promise<Job> {
  const svc = await startCacheService();
  cleanups.push(() => svc.close());
  const dir = await demoWorkspace();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const home = await mkdtemp(join(tmpdir(), 'sccache-guard-home-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const sccache = sccacheBinary('0.16.0');
  const port = String(await freePort());
  const ref = 'refs/heads/main';
  const runner = new RunnerEmulator({
    workspace: dir,
    env: {
      PATH: pathWith(sccache),
      // A home of its own for the run record; cargo and rustup keep theirs.
      HOME: home,
      RUSTUP_HOME: process.env['RUSTUP_HOME'] ?? join(homedir(), '.rustup'),
      CARGO_HOME: process.env['CARGO_HOME'] ?? join(homedir(), '.cargo'),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: svc.url,
      GITHUB_REF: ref,
      GITHUB_JOB: 'build',
      SCCACHE_SERVER_PORT: port,
      // The job's own configuration, as a workflow's `env:` would set it.
      ...env,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref }),
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  cleanups.push(async () => {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    runner.cleanup();
  });
  // backend: auto, as most users leave it: the Redis variables make it `external`.
  const setup = await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML });
  assert.equal(setup.exitCode, 0, setup.log);
  const steps: StepResult[] = [];
  for (const script of builds) {
    const step = await runner.runShell(script, { cwd: dir });
    assert.equal(step.exitCode, 0, step.log);
    steps.push(step);
  }
  const report = await runner.runAction(join(DIST, 'report.js'), { stage: 'post', actionYml: ACTION_YML });
  assert.equal(report.exitCode, 0, report.log);

  const files: Record<string, string> = {};
  const serverLogPath = runner.jobEnv['SCCACHE_ERROR_LOG'] ?? '';
  const readAll = (root: string) => {
    if (!existsSync(root)) return;
    for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const path = join(root, name);
      if (path !== serverLogPath && statSync(path).isFile()) files[path] = readFileSync(path, 'latin1');
    }
  };
  // GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_PATH of every step, raw.
  readAll(runner.fileCommandDir);
  // The action's temp folder (the saved stats), and the record file it handed @actions/cache.
  readAll(join(runner.runnerTemp, 'sccache-guard'));
  readAll(join(home, '.cache', 'sccache-guard'));
  Object.assign(files, recordsIn(svc));
  const serverLog = existsSync(serverLogPath) ? readFileSync(serverLogPath, 'utf8') : '';
  return { runner, setup, builds: steps, report, files, serverLog };
}

/** The printed output of a step, less the `::add-mask::` commands, which the runner consumes. */
const printed = (step: StepResult) =>
  `${step.stdout}\n${step.stderr}`
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('::add-mask::'))
    .join('\n');

/** No spelling of the password is in anything the action wrote or printed; each was masked first. */
function assertHidden(t: TestContext, j: Job, secrets: readonly string[]): void {
  const channels: Record<string, string> = { ...j.files };
  for (const step of [j.setup, ...j.builds, j.report]) {
    channels[`${step.name}: log as the runner shows it`] = step.log;
    channels[`${step.name}: annotations`] = JSON.stringify(step.annotations);
    channels[`${step.name}: outputs`] = JSON.stringify(step.outputs);
    channels[`${step.name}: summary`] = step.summary;
  }
  for (const step of [j.setup, j.report]) channels[`${step.name}: stdout and stderr`] = printed(step);
  // Not a vacuous look: every kind of file the action writes is among them.
  const names = Object.keys(j.files).join('\n');
  for (const kind of ['set_env_', 'set_output_', 'save_state_', 'step_summary_', 'sccache-stats.json']) {
    assert.ok(names.includes(kind), `no ${kind} file among:\n${names}`);
  }
  assert.ok(j.report.outputs['stats-json'] && j.files[j.report.outputs['stats-json']] !== undefined);
  t.diagnostic(/This run's record was [^\n]*/.exec(j.report.summary)?.[0] ?? 'no word on the run record');
  if (/This run's record was saved/.test(j.report.summary)) {
    assert.match(names, /^cache entry sccache-guard-run-/m, 'the saved record is looked at');
  }
  t.diagnostic(
    `sccache's own log (SCCACHE_ERROR_LOG, written by sccache) holds: ` +
      `${secrets.filter((s) => j.serverLog.includes(s)).join(' | ') || 'none of them'}`,
  );
  // Both processes mask it themselves, before printing a line: the post step is a process of its own.
  for (const step of [j.setup, j.report]) {
    for (const s of secrets) assert.ok(step.masks.includes(s), `${step.name} issued ::add-mask:: for ${s}`);
  }
  const leaks = Object.entries(channels)
    .filter(([, text]) => secrets.some((s) => text.includes(s)))
    .map(([where]) => where);
  assert.deepEqual(leaks, [], `the password is in: ${leaks.join('; ')}`);
}

test('a Redis URL with a password: the build uses Redis, hits on a rebuild, and the password is nowhere', async (t) => {
  const url = `redis://ci:${ENCODED}@127.0.0.1:${redisPort}/`;
  const keysBefore = await keysInRedis();
  const j = await job({ SCCACHE_REDIS: url }, [
    'cargo build --offline --quiet',
    'cargo clean -q && cargo build --offline --quiet',
  ]);
  assert.match(j.setup.log, /sccache backend: external/, j.setup.log);
  // The stats: a redis location, and the rebuild's lookups all hit what the first build stored.
  const stats = JSON.parse(readFileSync(j.report.outputs['stats-json']!, 'utf8'));
  assert.match(stats.cache_location, /^redis, name: redis:\/\//);
  const misses = Number(j.report.outputs['misses']);
  assert.ok(misses > 0, 'the first build missed');
  assert.equal(j.report.outputs['hits'], String(misses), 'the rebuild hit every one');
  assert.ok((await keysInRedis()) > keysBefore, 'objects were written to Redis');
  assertHidden(t, j, [PASSWORD, ENCODED, url]);
});

test('SCCACHE_REDIS_ENDPOINT with SCCACHE_REDIS_PASSWORD: the password is nowhere', async (t) => {
  const keysBefore = await keysInRedis();
  const j = await job(
    {
      SCCACHE_REDIS_ENDPOINT: `tcp://127.0.0.1:${redisPort}`,
      SCCACHE_REDIS_USERNAME: 'ci',
      SCCACHE_REDIS_PASSWORD: PASSWORD,
    },
    ['cargo build --offline --quiet'],
  );
  const stats = JSON.parse(readFileSync(j.report.outputs['stats-json']!, 'utf8'));
  assert.equal(stats.cache_location, `redis, name: tcp://127.0.0.1:${redisPort}, prefix: /`);
  assert.ok(Number(j.report.outputs['misses']) > 0);
  assert.ok((await keysInRedis()) > keysBefore, 'objects were written to Redis');
  assertHidden(t, j, [PASSWORD]);
});

test('a Redis URL whose password holds a quote: the password is nowhere', async (t) => {
  const url = `redis://ci:${QUOTED_ENCODED}@127.0.0.1:${redisPort}/`;
  const j = await job({ SCCACHE_REDIS: url }, ['cargo build --offline --quiet']);
  const stats = JSON.parse(readFileSync(j.report.outputs['stats-json']!, 'utf8'));
  // redact() ends a URL at a quote; the exact-value scrub then hides the whole configured URL.
  assert.match(stats.cache_location, /^redis, name: (redis:\/\/|\*\*\*)/);
  assert.ok(Number(j.report.outputs['misses']) > 0);
  assertHidden(t, j, [QUOTED, QUOTED_ENCODED, url]);
});
