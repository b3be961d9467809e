// backend s3, redis and webdav: the inputs that name the store (and the errors that name a bad
// one), the plan's variables for the sccache in use, kept in the server unless export-credentials,
// the credentials masked, read-only enforced where this sccache can, the job's other store variables
// kept from the server, and the fallback to local disk carrying none of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, readSettings } from '../../../src/setup/inputs.js';
import { fallbackPlan, planSetup, type PlanInput } from '../../../src/setup/plan.js';
import { serverEnv } from '../../../src/setup/preflight.js';
import { capabilitiesOf, parseVersionOutput } from '../../../src/sccache/version.js';

const REDIS_PASSWORD = 'r3dis-pa55word!';
const AWS_SECRET = 'aws-secret-access-key-value';

function input(version: string, inputs: Record<string, string>, env: Record<string, string> = {}): PlanInput {
  const v = parseVersionOutput(`sccache ${version}\n`);
  return {
    settings: readSettings((name) => inputs[name] ?? ''),
    version: v,
    capabilities: capabilitiesOf(v),
    sccachePath: '/opt/sccache/bin/sccache',
    env: {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: 'push',
      ACTIONS_RUNTIME_TOKEN: 'ghs_runtime',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ...env,
    },
    ghaCompiledIn: true,
    logPath: '/tmp/_temp/sccache-guard/sccache.log',
    localCacheDir: '/home/runner/.cache/sccache',
    serverPort: '41234',
  };
}

const REDIS = {
  backend: 'redis',
  'redis-endpoint': 'redis://127.0.0.1:6379',
  'redis-password': REDIS_PASSWORD,
};

test('store inputs: what each backend needs, and an error naming the input for what is wrong', () => {
  const bad: [Record<string, string>, string, RegExp][] = [
    [{ backend: 's3' }, 's3-bucket', /is required with backend: s3/],
    [{ backend: 's3', 's3-bucket': 'Bad_Bucket' }, 's3-bucket', /is not an S3 bucket name/],
    [
      { backend: 's3', 's3-bucket': 'ok-bucket', 's3-endpoint': 'minio:9000' },
      's3-endpoint',
      /"minio:9000" is not a http: or https: URL/,
    ],
    [{ backend: 'redis' }, 'redis-endpoint', /is required with backend: redis/],
    [
      { backend: 'redis', 'redis-endpoint': 'http://r:6379' },
      'redis-endpoint',
      /"http:\/\/r:6379" is not a redis: or rediss: URL/,
    ],
    [
      { backend: 'redis', 'redis-endpoint': 'redis://:secret@r:6379' },
      'redis-endpoint',
      /holds a password: put it in the password input/,
    ],
    [
      { backend: 'webdav', 'webdav-endpoint': 'ftp://dav' },
      'webdav-endpoint',
      /"ftp:\/\/dav" is not a http: or https: URL/,
    ],
    [{ ...REDIS, 's3-bucket': 'b' }, 's3-bucket', /is not read with backend: redis/],
    [
      { backend: 'gha', 'redis-endpoint': 'redis://r:6379' },
      'redis-endpoint',
      /is only read with backend: redis/,
    ],
  ];
  for (const [inputs, name, message] of bad) {
    assert.throws(
      () => readSettings((n) => inputs[n] ?? ''),
      (e: unknown) => e instanceof InputError && e.input === name && message.test(e.message),
      JSON.stringify(inputs),
    );
  }
  // A credential never appears in an error message.
  try {
    readSettings(
      (n) => ({ backend: 'redis', 'redis-endpoint': `redis://:${REDIS_PASSWORD}@r:6379` })[n] ?? '',
    );
  } catch (error) {
    assert.ok(!(error as Error).message.includes(REDIS_PASSWORD));
  }
  const webdav = readSettings(
    (n) => ({ backend: 'webdav', 'webdav-endpoint': 'https://dav.example/sccache//' })[n] ?? '',
  );
  assert.deepEqual(webdav.store, { kind: 'webdav', webdav: { endpoint: 'https://dav.example/sccache' } });
});

test('backend redis on 0.16: the variables go to the server only, the password masked, the store described', () => {
  const plan = planSetup(input('0.16.0', REDIS));
  assert.equal(plan.backend, 'external');
  assert.deepEqual(plan.store?.kind, 'redis');
  assert.equal(plan.store?.described, 'Redis at redis://127.0.0.1:6379, with a password');
  assert.equal(plan.serverOnly['SCCACHE_REDIS_ENDPOINT'], 'redis://127.0.0.1:6379');
  assert.equal(plan.serverOnly['SCCACHE_REDIS_PASSWORD'], REDIS_PASSWORD);
  for (const name of Object.keys(plan.exports)) assert.ok(!name.startsWith('SCCACHE_REDIS'), name);
  assert.ok(plan.secrets.includes(REDIS_PASSWORD));
  assert.equal(plan.credentialsExported, false);
  // No GitHub cache credentials for a store of the user's own.
  assert.equal(plan.serverOnly['ACTIONS_RUNTIME_TOKEN'], undefined);
  assert.ok(!JSON.stringify(plan.store).includes(REDIS_PASSWORD));

  const exported = planSetup(input('0.16.0', { ...REDIS, 'export-credentials': 'true' }));
  assert.equal(exported.exports['SCCACHE_REDIS_PASSWORD'], REDIS_PASSWORD);
  assert.equal(exported.credentialsExported, true);
});

test('read-only on a pull request: SCCACHE_<STORE>_RW_MODE on 0.16, said to be unenforced before', () => {
  const pr = { GITHUB_EVENT_NAME: 'pull_request' };
  const enforced = planSetup(input('0.16.0', REDIS, pr));
  assert.deepEqual(
    { wanted: enforced.readOnly.wanted, enforced: enforced.readOnly.wanted && enforced.readOnly.enforced },
    { wanted: true, enforced: true },
  );
  assert.equal(enforced.serverOnly['SCCACHE_REDIS_RW_MODE'], 'READ_ONLY');
  const old = planSetup(input('0.14.0', REDIS, pr));
  assert.ok(old.readOnly.wanted && !old.readOnly.enforced);
  assert.match(
    old.readOnly.wanted && !old.readOnly.enforced ? old.readOnly.whyNot : '',
    /no read-only mode for redis/,
  );
  const s3 = planSetup(input('0.16.0', { backend: 's3', 's3-bucket': 'ci-cache' }, pr));
  assert.equal(s3.serverOnly['SCCACHE_S3_RW_MODE'], 'READ_ONLY');
});

test('backend s3: the bucket and endpoint exported for this version, the job AWS secret masked', () => {
  const plan = planSetup(
    input(
      '0.16.0',
      {
        backend: 's3',
        's3-bucket': 'ci-cache',
        's3-endpoint': 'http://127.0.0.1:9000',
        's3-key-prefix': 'ci/',
      },
      { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: AWS_SECRET },
    ),
  );
  assert.equal(plan.serverOnly['SCCACHE_BUCKET'], 'ci-cache');
  assert.equal(plan.serverOnly['SCCACHE_ENDPOINT'], 'http://127.0.0.1:9000');
  assert.equal(plan.serverOnly['SCCACHE_S3_KEY_PREFIX'], 'ci/');
  assert.ok(plan.secrets.includes(AWS_SECRET));
  assert.equal(plan.store?.described, 'S3 bucket `ci-cache` at http://127.0.0.1:9000, prefix `ci/`');
});

test("the server's environment: the job's other store variables are kept out, the store's put in", () => {
  const plan = planSetup(input('0.16.0', REDIS));
  const env = serverEnv(plan, {
    PATH: '/usr/bin',
    SCCACHE_BUCKET: 'a-stray-bucket', // sccache prefers S3 to Redis: it would win
    SCCACHE_GHA_ENABLED: 'true',
    AWS_ACCESS_KEY_ID: 'kept: the S3 client reads it, nothing else',
  });
  assert.equal(env['SCCACHE_BUCKET'], undefined);
  assert.equal(env['SCCACHE_GHA_ENABLED'], undefined);
  assert.equal(env['SCCACHE_REDIS_ENDPOINT'], 'redis://127.0.0.1:6379');
  assert.equal(env['PATH'], '/usr/bin');
});

test('a version without the store, and the fallback: local disk, none of the store', () => {
  const unsupported = planSetup(
    input('0.4.1', { backend: 'webdav', 'webdav-endpoint': 'https://dav.example', 'webdav-username': 'u' }),
  );
  assert.equal(unsupported.backend, 'local');
  assert.match(unsupported.ghaUnavailableBecause ?? '', /0\.4\.1/);
  assert.equal(unsupported.store, undefined);

  const planned = input('0.16.0', REDIS);
  const fallback = fallbackPlan(planSetup(planned), planned, 'Timed out waiting for server startup');
  assert.equal(fallback.backend, 'local');
  assert.equal(fallback.store, undefined);
  const all = JSON.stringify({ ...fallback.exports, ...fallback.serverOnly });
  assert.ok(!all.includes('SCCACHE_REDIS') && !all.includes(REDIS_PASSWORD), all);
});
