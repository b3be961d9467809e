// backend s3, redis and webdav end to end, against real servers on loopback (moto for S3, Debian's
// redis-server, wsgidav for WebDAV; __tests__/stores/servers.ts) with real sccache 0.16.0, under the
// runner emulator as a job runs them: a cold then a warm build of examples/workload hits on the warm
// run; a wrong password, a missing bucket and a stopped server each keep the build green, fall back
// to local disk, and are named in the summary; no credential reaches any output, log or file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import type { StepResult } from '../emulator/runner.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';
import { startRedis, startS3, startWebdav } from '../stores/servers.js';
import {
  ACTION_YML,
  demoWorkspace,
  DIST,
  exampleWorkspace,
  freePort,
  pathWith,
  pushToMainRunner,
  sccacheBinary,
} from './tools.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const S3_KEY = { accessKey: 'AKIASCCACHEGUARDTEST', secretKey: 's3-secret-Zq8vLwP3nX' };
const REDIS_PASSWORD = 'redis-pass-Hk29sLx7';
const WEBDAV_USER = { username: 'ci', password: 'webdav-pass-Tm41cVq9' };
const SECRETS = [S3_KEY.secretKey, REDIS_PASSWORD, WEBDAV_USER.password];

let runId = 900;

interface Job {
  setup: StepResult;
  build: StepResult;
  report: StepResult;
  findings: string[];
  files: Record<string, string>;
}

/** One job: setup with these inputs, the build, the report; every file it left, read raw. */
async function job(
  svc: CacheService,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Job> {
  const port = String(await freePort());
  const sccache = sccacheBinary('0.16.0');
  const runner = pushToMainRunner(svc, {
    PATH: pathWith(sccache),
    GITHUB_RUN_ID: String(runId++),
    SCCACHE_SERVER_PORT: port,
    ...env,
  });
  const action = { actionYml: ACTION_YML, inputs: { 'github-token': '', ...inputs } };
  try {
    const setup = await runner.runAction(join(DIST, 'setup.js'), action);
    assert.equal(setup.exitCode, 0, setup.log);
    const build = await runner.runShell('cargo clean -q && cargo build --offline --quiet', {
      cwd: workspace,
    });
    assert.equal(build.exitCode, 0, `the build stays green: ${build.log}`);
    const report = await runner.runAction(join(DIST, 'report.js'), { ...action, stage: 'post' });
    assert.equal(report.exitCode, 0, report.log);
    assert.equal(report.failed, false);
    assertSummaryReadsWell(report.summary);
    const files: Record<string, string> = {};
    for (const root of [join(runner.tempRoot, '_temp'), join(runner.tempRoot, '_runner_file_commands')]) {
      if (!existsSync(root)) continue;
      for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        const path = join(root, name);
        if (statSync(path).isFile()) files[path] = readFileSync(path, 'latin1');
      }
    }
    return {
      setup,
      build,
      report,
      findings: JSON.parse(report.outputs['findings'] ?? '[]') as string[],
      files,
    };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    runner.cleanup();
  }
}

/** No credential in the summary, the outputs, the step logs as shown, or any file the job left. */
function assertNoSecrets(jobs: readonly Job[]): void {
  for (const j of jobs) {
    const channels: Record<string, string> = {
      summary: j.report.summary,
      outputs: JSON.stringify(j.report.outputs),
      'setup log': j.setup.log,
      'report log': j.report.log,
      'build log': j.build.log,
      ...j.files,
    };
    for (const [where, text] of Object.entries(channels))
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `a credential in ${where}`);
  }
}

const hits = (j: Job) => Number(j.report.outputs['hits']);
/** The summary as it reads: it writes `:` in a URL as `&#58;`, so that GitHub does not link it. */
const readable = (j: Job) => j.report.summary.replaceAll('&#58;', ':');
const misses = (j: Job) => Number(j.report.outputs['misses']);

/** The figures the closing note quotes: the warm run's hit rate and build time, per store. */
const figures: string[] = [];
after(() => {
  if (figures.length) process.stdout.write(`# store figures\n${figures.map((f) => `# ${f}`).join('\n')}\n`);
});

async function coldThenWarm(
  name: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  location: RegExp,
): Promise<Job[]> {
  const svc = await startCacheService();
  cleanups.push(() => svc.close());
  const dir = await exampleWorkspace('workload');
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const cold = await job(svc, dir, inputs, env);
  assert.match(cold.setup.log, /store: /);
  assert.ok(misses(cold) > 0 && hits(cold) === 0, cold.report.summary);
  assert.match(readable(cold), location);
  assert.doesNotMatch(cold.report.summary, /failed its preflight/);
  const warm = await job(svc, dir, inputs, env);
  assert.equal(misses(warm), 0, warm.report.summary);
  assert.ok(hits(warm) >= misses(cold), `the warm run hit what the cold run wrote: ${hits(warm)}`);
  figures.push(
    `${name}: warm hit rate ${warm.report.outputs['hit-rate']} % (${hits(warm)} hits), ` +
      `warm build ${(warm.build.durationMs / 1000).toFixed(1)} s, cold build ${(cold.build.durationMs / 1000).toFixed(1)} s`,
  );
  return [cold, warm];
}

test('backend: s3 against moto: cold then warm, hits on the warm run', { timeout: 900_000 }, async () => {
  const s3 = await startS3({ ...S3_KEY, bucket: 'sccache-guard-e2e' });
  cleanups.push(() => s3.stop());
  const jobs = await coldThenWarm(
    'S3 (moto)',
    { backend: 's3', 's3-bucket': 'sccache-guard-e2e', 's3-endpoint': s3.endpoint, 's3-key-prefix': 'ci/' },
    { AWS_ACCESS_KEY_ID: S3_KEY.accessKey, AWS_SECRET_ACCESS_KEY: S3_KEY.secretKey },
    /\| Backend in use \| `external`: S3 bucket `sccache-guard-e2e` at http:\/\/127\.0\.0\.1:\d+, prefix `ci\/`/,
  );
  assertNoSecrets(jobs);
});

test(
  'backend: redis with a password: cold then warm, hits on the warm run',
  { timeout: 900_000 },
  async () => {
    const redis = await startRedis({ password: REDIS_PASSWORD });
    cleanups.push(() => redis.stop());
    const jobs = await coldThenWarm(
      'Redis',
      { backend: 'redis', 'redis-endpoint': redis.endpoint, 'redis-password': REDIS_PASSWORD },
      {},
      /\| Backend in use \| `external`: Redis at redis:\/\/127\.0\.0\.1:\d+, with a password/,
    );
    assertNoSecrets(jobs);
  },
);

test(
  'backend: webdav with basic authentication: cold then warm, hits on the warm run',
  { timeout: 900_000 },
  async () => {
    const dav = await startWebdav(WEBDAV_USER);
    cleanups.push(() => dav.stop());
    const jobs = await coldThenWarm(
      'WebDAV (wsgidav)',
      {
        backend: 'webdav',
        'webdav-endpoint': `${dav.endpoint}/`,
        'webdav-username': WEBDAV_USER.username,
        'webdav-password': WEBDAV_USER.password,
      },
      {},
      /\| Backend in use \| `external`: WebDAV at http:\/\/127\.0\.0\.1:\d+, basic authentication/,
    );
    assertNoSecrets(jobs);
  },
);

test(
  'store faults: a wrong password, a missing bucket, a stopped server: green, local disk, named',
  { timeout: 900_000 },
  async () => {
    const svc = await startCacheService();
    cleanups.push(() => svc.close());
    const dir = await demoWorkspace();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const s3 = await startS3({ ...S3_KEY, bucket: 'present' });
    cleanups.push(() => s3.stop());
    const redis = await startRedis({ password: REDIS_PASSWORD });
    cleanups.push(() => redis.stop());
    const dav = await startWebdav(WEBDAV_USER);
    cleanups.push(() => dav.stop());
    const s3Env = { AWS_ACCESS_KEY_ID: S3_KEY.accessKey, AWS_SECRET_ACCESS_KEY: S3_KEY.secretKey };
    const s3Inputs = (bucket: string) => ({ backend: 's3', 's3-bucket': bucket, 's3-endpoint': s3.endpoint });
    const redisInputs = (password: string) => ({
      backend: 'redis',
      'redis-endpoint': redis.endpoint,
      'redis-password': password,
    });
    const davInputs = (password: string) => ({
      backend: 'webdav',
      'webdav-endpoint': dav.endpoint,
      'webdav-username': WEBDAV_USER.username,
      'webdav-password': password,
    });

    const faults: [string, () => Promise<Job>, RegExp, RegExp][] = [
      [
        'S3, a wrong secret key',
        () =>
          job(svc, dir, s3Inputs('present'), {
            ...s3Env,
            AWS_SECRET_ACCESS_KEY: `${S3_KEY.secretKey}-wrong`,
          }),
        /S3 bucket `present` at http:\/\/127\.0\.0\.1:\d+ failed its preflight; this run used local disk/,
        /SignatureDoesNotMatch/,
      ],
      [
        'S3, a missing bucket',
        () => job(svc, dir, s3Inputs('missing-bucket'), s3Env),
        /S3 bucket `missing-bucket` at http:\/\/127\.0\.0\.1:\d+ failed its preflight; this run used local disk/,
        /NoSuchBucket/,
      ],
      [
        'Redis, a wrong password',
        () => job(svc, dir, redisInputs(`${REDIS_PASSWORD}-wrong`)),
        /Redis at redis:\/\/127\.0\.0\.1:\d+ failed its preflight; this run used local disk/,
        /Timed out waiting for server startup/,
      ],
      [
        'WebDAV, a wrong password',
        () => job(svc, dir, davInputs(`${WEBDAV_USER.password}-wrong`)),
        /WebDAV at http:\/\/127\.0\.0\.1:\d+ failed its preflight; this run used local disk/,
        /401 Access not authorized/,
      ],
    ];
    const jobs: Job[] = [];
    const check = async (name: string, run: () => Promise<Job>, title: RegExp, cause: RegExp) => {
      const j = await run();
      jobs.push(j);
      assert.ok(j.findings.includes('backend-fallback'), `${name}: ${j.findings.join(', ')}`);
      assert.match(readable(j), title, name);
      assert.match(readable(j), cause, `${name}: sccache's own words are quoted`);
      assert.match(readable(j), /\| Backend in use \| `local` \|/, name);
      assert.match(
        j.setup.log,
        /##\[warning\]sccache could not use (S3 bucket|Redis at|WebDAV at) /,
        `${name}: setup warned, naming the store`,
      );
    };
    for (const [name, run, title, cause] of faults) await check(name, run, title, cause);

    // Stopped servers: each store is down when setup starts sccache.
    await s3.stop();
    await redis.stop();
    await dav.stop();
    await check(
      'S3, stopped',
      () => job(svc, dir, s3Inputs('present'), s3Env),
      /S3 bucket `present` at http:\/\/127\.0\.0\.1:\d+ failed its preflight/,
      /Connection refused|send http request/,
    );
    await check(
      'Redis, stopped',
      () => job(svc, dir, redisInputs(REDIS_PASSWORD)),
      /Redis at redis:\/\/127\.0\.0\.1:\d+ failed its preflight/,
      /Timed out waiting for server startup/,
    );
    await check(
      'WebDAV, stopped',
      () => job(svc, dir, davInputs(WEBDAV_USER.password)),
      /WebDAV at http:\/\/127\.0\.0\.1:\d+ failed its preflight/,
      /Connection refused|send http request/,
    );
    assertNoSecrets(jobs);
  },
);
