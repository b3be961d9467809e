// The SCCACHE_* variables of the S3, Redis and WebDAV stores, version by version (docs/stores.md has
// the sources), and that no credential leaves the variables made for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  readOnlyVariable,
  storeVariables,
  type RedisStore,
  type StorePlan,
  type StoreSettings,
  type StoreVariables,
  type WebdavStore,
} from '../../../src/sccache/stores.js';
import { parseVersion } from '../../../src/sccache/version.js';

const SEED = 20260506;

function planned(plan: StorePlan): StoreVariables {
  if ('unsupported' in plan) assert.fail(`unexpected unsupported: ${plan.unsupported}`);
  return plan;
}
function refused(plan: StorePlan): string {
  if (!('unsupported' in plan)) assert.fail(`expected unsupported, got ${JSON.stringify(plan.exports)}`);
  return plan.unsupported;
}
const plan = (store: StoreSettings, version: string) => storeVariables(store, parseVersion(version));

const MOTO: StoreSettings = {
  kind: 's3',
  s3: { bucket: 'ci-cache', endpoint: 'http://127.0.0.1:9000', keyPrefix: 'ci/' },
};
const AWS: StoreSettings = { kind: 's3', s3: { bucket: 'ci-cache', region: 'eu-west-1' } };
const REDIS: StoreSettings = {
  kind: 'redis',
  redis: { endpoint: 'redis://127.0.0.1:6379', password: 's3cret', db: 2 },
};
const WEBDAV: StoreSettings = {
  kind: 'webdav',
  webdav: { endpoint: 'http://127.0.0.1:8080/dav/', username: 'ci', password: 'p4ss', keyPrefix: 'ci' },
};

const MOTO_EXPORTS = {
  SCCACHE_BUCKET: 'ci-cache',
  SCCACHE_ENDPOINT: 'http://127.0.0.1:9000',
  SCCACHE_S3_USE_SSL: 'off',
  SCCACHE_REGION: 'us-east-1',
  SCCACHE_S3_KEY_PREFIX: 'ci/',
};
const AWS_EXPORTS = { SCCACHE_BUCKET: 'ci-cache', SCCACHE_REGION: 'eu-west-1' };
const REDIS_URL = { SCCACHE_REDIS: 'redis://:s3cret@127.0.0.1:6379/?db=2' };
const REDIS_SPLIT = {
  SCCACHE_REDIS_ENDPOINT: 'redis://127.0.0.1:6379',
  SCCACHE_REDIS_PASSWORD: 's3cret',
  SCCACHE_REDIS_DB: '2',
};
const WEBDAV_EXPORTS = {
  SCCACHE_WEBDAV_ENDPOINT: 'http://127.0.0.1:8080/dav/',
  SCCACHE_WEBDAV_KEY_PREFIX: 'ci',
  SCCACHE_WEBDAV_USERNAME: 'ci',
  SCCACHE_WEBDAV_PASSWORD: 'p4ss',
};

// version → [s3 on moto, s3 on AWS, redis, webdav with basic auth]; a string is the unsupported reason.
type Row = readonly [object | string, object | string, object | string, object | string];
const TABLE: Readonly<Record<string, Row>> = {
  '0.3.3': [
    'sccache 0.3.3 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.3.3 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.3.3 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.3.3 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
  ],
  '0.4.0-pre.6': [
    'sccache 0.4.0-pre.6 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.4.0-pre.6 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.4.0-pre.6 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
    'sccache 0.4.0-pre.6 predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)',
  ],
  '0.4.1': [
    MOTO_EXPORTS,
    AWS_EXPORTS,
    REDIS_URL,
    'sccache 0.4.1 reads no WebDAV credentials (SCCACHE_WEBDAV_USERNAME, _PASSWORD and _TOKEN came with 0.4.2)',
  ],
  '0.4.2': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_URL, WEBDAV_EXPORTS],
  '0.5.4': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_URL, WEBDAV_EXPORTS],
  '0.7.7': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_URL, WEBDAV_EXPORTS],
  '0.8.2': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.9.1': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.10.0': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.14.0': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.15.0': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.16.0': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  '0.19.1': [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
  nightly: [MOTO_EXPORTS, AWS_EXPORTS, REDIS_SPLIT, WEBDAV_EXPORTS],
};

test('the exports of each store, version by version', () => {
  for (const [version, row] of Object.entries(TABLE)) {
    [MOTO, AWS, REDIS, WEBDAV].forEach((store, i) => {
      const want = row[i]!;
      const got = plan(store, version);
      const label = `${store.kind} #${i} on ${version}`;
      if (typeof want === 'string') assert.equal(refused(got), want, label);
      else assert.deepEqual(planned(got).exports, want, label);
    });
  }
});

test('secrets: each password, and the URL that holds one', () => {
  assert.deepEqual(planned(plan(MOTO, '0.16.0')).secrets, []);
  assert.deepEqual(planned(plan(REDIS, '0.7.7')).secrets, ['redis://:s3cret@127.0.0.1:6379/?db=2', 's3cret']);
  assert.deepEqual(planned(plan(REDIS, '0.8.2')).secrets, ['s3cret']);
  assert.deepEqual(planned(plan(WEBDAV, '0.10.0')).secrets, ['p4ss']);
  const token = {
    kind: 'webdav',
    webdav: { endpoint: 'https://dav.example.com', token: 'tok-123' },
  } as const;
  assert.deepEqual(planned(plan(token, '0.16.0')).exports, {
    SCCACHE_WEBDAV_ENDPOINT: 'https://dav.example.com',
    SCCACHE_WEBDAV_TOKEN: 'tok-123',
  });
  assert.deepEqual(planned(plan(token, '0.16.0')).secrets, ['tok-123']);
});

test('described: one line, no credential', () => {
  assert.equal(
    planned(plan(MOTO, '0.16.0')).described,
    'S3 bucket `ci-cache` at http://127.0.0.1:9000, prefix `ci/`',
  );
  assert.equal(planned(plan(AWS, '0.10.0')).described, 'S3 bucket `ci-cache` (eu-west-1)');
  assert.equal(
    planned(plan(REDIS, '0.7.7')).described,
    'Redis at redis://127.0.0.1:6379, database 2, with a password',
  );
  assert.equal(
    planned(plan(WEBDAV, '0.16.0')).described,
    'WebDAV at http://127.0.0.1:8080/dav/, prefix `ci`, basic authentication',
  );
});

test('S3: the endpoint scheme sets SCCACHE_S3_USE_SSL to a value every version reads alike', () => {
  const https = {
    kind: 's3',
    s3: { bucket: 'b', endpoint: 'https://acc.r2.cloudflarestorage.com', region: 'auto' },
  } as const;
  for (const version of ['0.4.2', '0.7.7', '0.8.2', '0.16.0']) {
    assert.deepEqual(planned(plan(https, version)).exports, {
      SCCACHE_BUCKET: 'b',
      SCCACHE_ENDPOINT: 'https://acc.r2.cloudflarestorage.com',
      SCCACHE_S3_USE_SSL: 'on',
      SCCACHE_REGION: 'auto',
    });
  }
  // "false" would mean https before 0.8.0: never exported.
  for (const version of ['0.4.0', '0.7.7', '0.16.0'])
    assert.equal(planned(plan(MOTO, version)).exports['SCCACHE_S3_USE_SSL'], 'off');
  assert.match(
    refused(plan({ kind: 's3', s3: { bucket: 'b', endpoint: '127.0.0.1:9000' } }, '0.16.0')),
    /http:\/\//,
  );
  assert.equal(
    refused(plan({ kind: 's3', s3: { bucket: 'b', endpoint: 'http://k:s@127.0.0.1:9000' } }, '0.16.0')),
    'the S3 endpoint holds a user or password: give them as their own settings, from secrets',
  );
  assert.equal(refused(plan({ kind: 's3', s3: { bucket: '' } }, '0.16.0')), 'the S3 bucket is empty');
});

test('S3: region, credentials and anonymous access', () => {
  assert.deepEqual(planned(plan(MOTO, '0.16.0')).notes, [
    'No S3 region given: us-east-1 is used with the custom endpoint.',
    'Credentials: sccache reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (or ~/.aws, AWS_PROFILE, AWS_ROLE_ARN) from its environment; setup exports none.',
  ]);
  const noRegion = { kind: 's3', s3: { bucket: 'b' } } as const;
  assert.deepEqual(planned(plan(noRegion, '0.10.0')).exports, { SCCACHE_BUCKET: 'b' });
  assert.match(planned(plan(noRegion, '0.10.0')).notes[0]!, /AWS_REGION .* does not start without it/);
  assert.match(planned(plan(noRegion, '0.4.2')).notes[0]!, /or asks the bucket/);

  const anonymous = { kind: 's3', s3: { bucket: 'b', region: 'us-west-2', noCredentials: true } } as const;
  for (const version of ['0.4.0', '0.4.2', '0.8.2', '0.16.0']) {
    const p = planned(plan(anonymous, version));
    assert.deepEqual(p.exports, {
      SCCACHE_BUCKET: 'b',
      SCCACHE_REGION: 'us-west-2',
      SCCACHE_S3_NO_CREDENTIALS: 'true',
    });
    assert.ok(p.mustBeUnset.includes('AWS_ACCESS_KEY_ID') && p.mustBeUnset.includes('AWS_SECRET_ACCESS_KEY'));
    assert.equal(p.described, 'S3 bucket `b` (us-west-2), anonymous');
  }
  assert.match(
    refused(plan({ kind: 's3', s3: { bucket: 'b', noCredentials: true } }, '0.8.2')),
    /anonymous S3 needs a region/,
  );
  // A non-anonymous plan never sets SCCACHE_S3_NO_CREDENTIALS: before 0.4.2 even "false" means anonymous.
  assert.equal(planned(plan(AWS, '0.4.1')).exports['SCCACHE_S3_NO_CREDENTIALS'], undefined);
});

test('Redis: the URL form before 0.8.0 takes only credentials the url crate keeps as they are', () => {
  const withUser = (password: string, version: string) =>
    plan({ kind: 'redis', redis: { endpoint: 'redis://cache:6379', username: 'ci', password } }, version);
  assert.deepEqual(planned(withUser("a$b&c'd(e)*+,f!~%-._", '0.7.7')).exports, {
    SCCACHE_REDIS: "redis://ci:a$b&c'd(e)*+,f!~%-._@cache:6379",
  });
  for (const bad of ['p@ss', 'p/ss', 'p:ss', 'p ss', 'pässe', 'p#ss', 'p?ss'])
    assert.match(refused(withUser(bad, '0.5.4')), /passes them on still percent-encoded/);
  // 0.8.0 and later: any password, in its own variable.
  assert.deepEqual(planned(withUser('p@ss/w:rd ü', '0.8.2')).exports, {
    SCCACHE_REDIS_ENDPOINT: 'redis://cache:6379',
    SCCACHE_REDIS_USERNAME: 'ci',
    SCCACHE_REDIS_PASSWORD: 'p@ss/w:rd ü',
  });
});

test('Redis: key prefix, expiry, TLS, and what must not be set', () => {
  const redis = (extra: Partial<RedisStore>, version: string, endpoint = 'redis://127.0.0.1:6379') =>
    plan({ kind: 'redis', redis: { endpoint, ...extra } }, version);
  assert.match(refused(redis({ keyPrefix: 'ci' }, '0.7.7')), /no Redis key prefix .* 0\.8\.0/);
  assert.deepEqual(planned(redis({ keyPrefix: 'ci', ttlSeconds: 86400 }, '0.10.0')).exports, {
    SCCACHE_REDIS_ENDPOINT: 'redis://127.0.0.1:6379',
    SCCACHE_REDIS_KEY_PREFIX: 'ci',
    SCCACHE_REDIS_EXPIRATION: '86400',
  });
  assert.deepEqual(planned(redis({ ttlSeconds: 3600 }, '0.7.7')).exports, {
    SCCACHE_REDIS: 'redis://127.0.0.1:6379',
    SCCACHE_REDIS_TTL: '3600',
  });
  assert.match(refused(redis({ ttlSeconds: 3600 }, '0.7.5')), /SCCACHE_REDIS_TTL came with 0\.7\.6/);
  assert.match(refused(redis({ ttlSeconds: 3600 }, '0.4.1')), /24 hours/);
  assert.match(planned(redis({}, '0.4.0')).notes[0]!, /expire after 24 hours/);
  assert.deepEqual(planned(redis({ ttlSeconds: 0 }, '0.5.4')).exports, {
    SCCACHE_REDIS: 'redis://127.0.0.1:6379',
  });

  assert.match(refused(redis({}, '0.5.4', 'rediss://cache:6380')), /no Redis over TLS/);
  assert.deepEqual(planned(redis({}, '0.6.0', 'rediss://cache:6380')).exports, {
    SCCACHE_REDIS: 'rediss://cache:6380',
  });
  assert.match(refused(redis({}, '0.16.0', 'redis://cache:6379/2')), /database number as its own setting/);
  assert.match(refused(redis({}, '0.16.0', 'redis://:pw@cache:6379')), /holds a user or password/);
  assert.match(refused(redis({}, '0.16.0', 'http://cache:6379')), /redis:\/\/ or rediss:\/\//);
  assert.match(refused(redis({ username: 'ci' }, '0.16.0')), /username needs a password/);
  assert.match(refused(redis({ db: -1 }, '0.16.0')), /whole number/);

  assert.deepEqual(planned(redis({ ttlSeconds: 60 }, '0.16.0')).mustBeUnset, [
    'SCCACHE_BUCKET',
    'SCCACHE_MULTILEVEL_CHAIN',
    'SCCACHE_REDIS',
    'SCCACHE_REDIS_CLUSTER_ENDPOINTS',
    'SCCACHE_REDIS_TTL',
  ]);
  assert.deepEqual(planned(redis({}, '0.7.7')).mustBeUnset, ['SCCACHE_BUCKET']);
  assert.deepEqual(planned(plan(MOTO, '0.14.0')).mustBeUnset, []);
  assert.deepEqual(planned(plan(MOTO, '0.15.0')).mustBeUnset, ['SCCACHE_MULTILEVEL_CHAIN']);
});

test('Redis: the versions that show the password of the URL form say so', () => {
  assert.match(planned(plan(REDIS, '0.7.7')).notes.join(' '), /cache_location and debug log/);
  assert.match(planned(plan(REDIS, '0.5.4')).notes.join(' '), /debug log/);
  assert.deepEqual(planned(plan(REDIS, '0.8.2')).notes, []);
});

test('WebDAV: from 0.4.0, credentials from 0.4.2, one kind of authentication', () => {
  const dav = (extra: Partial<WebdavStore>, version: string) =>
    plan({ kind: 'webdav', webdav: { endpoint: 'https://dav.example.com/cache', ...extra } }, version);
  assert.deepEqual(planned(dav({ keyPrefix: 'ci' }, '0.4.0')).exports, {
    SCCACHE_WEBDAV_ENDPOINT: 'https://dav.example.com/cache',
    SCCACHE_WEBDAV_KEY_PREFIX: 'ci',
  });
  assert.match(refused(dav({ token: 't' }, '0.4.1')), /came with 0\.4\.2/);
  assert.match(refused(dav({ username: 'u', password: 'p', token: 't' }, '0.16.0')), /not both/);
  assert.match(refused(dav({ password: 'p' }, '0.16.0')), /password needs a username/);
  assert.deepEqual(planned(dav({ username: 'u' }, '0.16.0')).exports, {
    SCCACHE_WEBDAV_ENDPOINT: 'https://dav.example.com/cache',
    SCCACHE_WEBDAV_USERNAME: 'u',
  });
  const unset = planned(dav({}, '0.16.0')).mustBeUnset;
  for (const name of [
    'SCCACHE_BUCKET',
    'SCCACHE_REDIS_ENDPOINT',
    'SCCACHE_GHA_ENABLED',
    'SCCACHE_MULTILEVEL_CHAIN',
  ])
    assert.ok(unset.includes(name), name);
  assert.ok(!planned(dav({}, '0.7.7')).mustBeUnset.includes('SCCACHE_REDIS_ENDPOINT'));
});

test('SCCACHE_<KIND>_RW_MODE from 0.16.0', () => {
  for (const kind of ['s3', 'redis', 'webdav'] as const) {
    for (const version of ['0.4.2', '0.10.0', '0.15.0'])
      assert.equal(readOnlyVariable(kind, parseVersion(version)), undefined);
    assert.equal(readOnlyVariable(kind, parseVersion('0.16.0')), `SCCACHE_${kind.toUpperCase()}_RW_MODE`);
    assert.equal(readOnlyVariable(kind, parseVersion('nightly')), `SCCACHE_${kind.toUpperCase()}_RW_MODE`);
  }
});

// ------------------------------------------------------------------ no credential leaves its variables

const VERSIONS = ['0.4.0', '0.4.2', '0.5.4', '0.6.0', '0.7.7', '0.8.2', '0.10.0', '0.14.0', '0.16.0'];
/** Variables made for one credential: the value may be it. */
const CREDENTIAL_VARIABLES = new Set([
  'SCCACHE_REDIS_PASSWORD',
  'SCCACHE_WEBDAV_PASSWORD',
  'SCCACHE_WEBDAV_TOKEN',
]);
/** Cannot appear in any other input of these stores, nor in any fixed text. */
const MARK = '\u{1F511}';
const URL_SAFE = [..."ABCXYZabcxyz0189!$%&'()*+,-._~"];

/** What the plan shows outside the credential variables and the secrets, which must not hold `secret`. */
function assertNowhereElse(p: StorePlan, secret: string, label: string) {
  if ('unsupported' in p) {
    assert.ok(!p.unsupported.includes(secret), `${label}: unsupported names it`);
    return;
  }
  assert.ok(p.secrets.includes(secret), `${label}: not among the secrets`);
  for (const [name, value] of Object.entries(p.exports)) {
    if (CREDENTIAL_VARIABLES.has(name) || p.secrets.includes(value)) continue;
    assert.ok(!value.includes(secret), `${label}: ${name} holds it`);
  }
  assert.ok(!p.described.includes(secret), `${label}: described holds it`);
  for (const note of p.notes) assert.ok(!note.includes(secret), `${label}: a note holds it`);
}

const credential = fc.oneof(
  fc.string({ minLength: 0, maxLength: 24 }).map((s) => `${MARK}${s}`),
  // URL-safe ones reach the URL form of old versions, which must then list the URL as a secret.
  fc.string({ minLength: 0, maxLength: 24, unit: fc.constantFrom(...URL_SAFE) }).map((s) => `ZQ${s}`),
);

/** A user name never holds a password here (no `Z`, no mark), and starts with `QJ`, found nowhere else. */
const user = fc
  .oneof(
    fc.string({ maxLength: 16 }).map((s) => s.replace(/[Z\u{1F511}]/gu, '')),
    fc.string({ maxLength: 16, unit: fc.constantFrom(...URL_SAFE.filter((c) => c !== 'Z')) }),
  )
  .map((s) => `QJ${s}`);

test('property: a Redis password or user shows only in its variable or a URL listed as a secret', () => {
  fc.assert(
    fc.property(
      credential,
      fc.option(user, { nil: undefined }),
      fc.constantFrom(...VERSIONS),
      fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
      (password, username, version, db) => {
        const redis: RedisStore = {
          endpoint: 'redis://127.0.0.1:6379',
          password,
          ...(username !== undefined ? { username } : {}),
          ...(db !== undefined ? { db } : {}),
        };
        const p = plan({ kind: 'redis', redis }, version);
        assertNowhereElse(p, password, `redis ${version}`);
        if (username !== undefined && !('unsupported' in p)) {
          assert.ok(!p.described.includes(username));
          for (const note of p.notes) assert.ok(!note.includes(username));
        }
        // Nothing but the credential variables and the secrets depends on the password.
        const other = plan({ kind: 'redis', redis: { ...redis, password: `${password}x` } }, version);
        if ('unsupported' in p || 'unsupported' in other) {
          // Both or neither, with the same words: `x` is as URL-safe as anything.
          assert.deepEqual(other, p);
          return;
        }
        assert.equal(other.described, p.described);
        assert.deepEqual(other.notes, p.notes);
        assert.deepEqual(other.mustBeUnset, p.mustBeUnset);
      },
    ),
    { seed: SEED, numRuns: 400 },
  );
});

test('property: a WebDAV password or token shows only in its variable', () => {
  fc.assert(
    fc.property(
      credential,
      fc.boolean(),
      fc.constantFrom(...VERSIONS.filter((v) => v !== '0.4.0')),
      (secret, asToken, version) => {
        const webdav: WebdavStore = asToken
          ? { endpoint: 'http://127.0.0.1:8080/', token: secret }
          : { endpoint: 'http://127.0.0.1:8080/', username: 'ci', password: secret };
        const p = plan({ kind: 'webdav', webdav }, version);
        assertNowhereElse(p, secret, `webdav ${asToken ? 'token' : 'password'} ${version}`);
        assert.ok(!('unsupported' in p));
      },
    ),
    { seed: SEED, numRuns: 200 },
  );
});
