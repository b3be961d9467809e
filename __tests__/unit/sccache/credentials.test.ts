// The storage credentials to mask, by variable and by shape, in the spellings they may be printed in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { credentialsToMask } from '../../../src/sccache/credentials.js';

const masks = (env: Record<string, string | undefined>) => credentialsToMask(env);
const has = (list: readonly string[], ...values: string[]) => {
  for (const v of values) assert.ok(list.includes(v), `${JSON.stringify(v)} in ${JSON.stringify(list)}`);
};

test('a Redis URL: the password as written, decoded, and the whole URL; not the user name', () => {
  const url = 'redis://ci:p%40ss%2Fw%20rd%2540x@127.0.0.1:6379/';
  const list = masks({ SCCACHE_REDIS: url, SCCACHE_REDIS_USERNAME: 'ci' });
  has(list, url, 'p%40ss%2Fw%20rd%2540x', 'p@ss/w rd%40x');
  assert.ok(!list.includes('ci'), 'a user name beside a password is not a secret');
  // SCCACHE_REDIS_ENDPOINT takes a URL too, and the cluster form a list of them.
  has(masks({ SCCACHE_REDIS_ENDPOINT: 'rediss://:s3cret@redis.example:6380' }), 's3cret');
  const cluster = masks({ SCCACHE_REDIS_CLUSTER_ENDPOINTS: 'redis://:a,b@h1:1,redis://:c d@h2:2' });
  has(cluster, 'a,b', 'c d', 'c%20d', 'redis://:a,b@h1:1', 'redis://:c d@h2:2');
});

test('a password written raw in a URL (with @, / and a blank) is found whole, and as a parser re-encodes it', () => {
  const list = masks({ SCCACHE_REDIS: 'redis://:p@ss/w rd@host:6379/0' });
  has(
    list,
    'p@ss/w rd',
    'p%40ss%2Fw%20rd',
    'redis://:p@ss/w rd@host:6379/0',
    'redis://:p@ss/w%20rd@host:6379/0',
  );
});

test('a URL without credentials masks nothing; a token-long user alone is a token', () => {
  assert.deepEqual(masks({ SCCACHE_ENDPOINT: 'https://s3.example.com:9000' }), []);
  assert.deepEqual(masks({ SCCACHE_WEBDAV_ENDPOINT: 'https://host:8080/dav?mail=a@b.example' }), []);
  assert.deepEqual(masks({ SCCACHE_MEMCACHED: 'tcp://ci@127.0.0.1:11211' }), []);
  has(
    masks({ SCCACHE_WEBDAV_ENDPOINT: 'https://ghp_abcdefghijklmnopqrstu@host/dav' }),
    'ghp_abcdefghijklmnopqrstu',
  );
});

test('variables named for a secret: whole values; paths and addresses are not secrets', () => {
  const env = {
    SCCACHE_REDIS_PASSWORD: 'p@ss/w rd%40x',
    SCCACHE_MEMCACHED_PASSWORD: 'memcached-pw',
    SCCACHE_WEBDAV_PASSWORD: 'dav-pw',
    SCCACHE_WEBDAV_TOKEN: 'dav-token',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
    AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEJr',
    AWS_CONTAINER_AUTHORIZATION_TOKEN: 'ecs-token',
    AZURE_CLIENT_SECRET: 'azure-client-secret',
    AZBLOB_ACCOUNT_KEY: 'azblob-key==',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'oss-secret',
    TENCENTCLOUD_SECRET_KEY: 'cos-secret',
    SCCACHE_GHA_RUNTIME_TOKEN: 'v03-token',
  };
  assert.deepEqual([...masks(env)].sort(), Object.values(env).sort());
  assert.deepEqual(
    masks({
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token',
      AZURE_FEDERATED_TOKEN_FILE: '/var/run/azure/token',
      GOOGLE_APPLICATION_CREDENTIALS: '/tmp/key.json',
      SCCACHE_GCS_KEY_PATH: '/tmp/key.json',
      SCCACHE_GCS_SERVICE_ACCOUNT: 'ci@project.iam.gserviceaccount.com',
      SCCACHE_S3_NO_CREDENTIALS: 'true',
      SCCACHE_S3_SERVER_SIDE_ENCRYPTION_KMS_KEY_ID: 'arn:aws:kms:key/1',
      SCCACHE_REDIS_USERNAME: 'ci',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
      SCCACHE_REDIS_PASSWORD: '',
      SCCACHE_WEBDAV_TOKEN: undefined,
    }),
    [],
  );
});

test('only the families sccache and its storage signers read', () => {
  assert.deepEqual(masks({ MY_PASSWORD: 'x', CARGO_REGISTRY_TOKEN: 'y', REDIS_URL: 'redis://:z@h' }), []);
});

test('an Azure connection string: AccountKey, the SAS and its signature, the whole string', () => {
  const conn =
    'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc+def/ghi==;EndpointSuffix=core.windows.net';
  has(masks({ SCCACHE_AZURE_CONNECTION_STRING: conn }), conn, 'abc+def/ghi==');
  const sas =
    'BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2022-11-02&sp=rw&sig=S1gN%2Fature';
  // Named for a secret or not, the shape says it.
  has(masks({ AZURE_STORAGE_CONNECTION: sas }), sas, 'sv=2022-11-02&sp=rw&sig=S1gN%2Fature', 'S1gN%2Fature');
});

test('signed URLs: the signature or token in the query, and the whole URL', () => {
  const url = 'https://tc.example/api/auth/v1/gcs?token=abc%2Fdef&x=1';
  has(masks({ SCCACHE_GCS_CREDENTIALS_URL: url }), url, 'abc%2Fdef', 'abc/def');
  const s3 = 'https://b.s3.amazonaws.com/?X-Amz-Credential=AKIA%2F20250101&X-Amz-Signature=0123abcd';
  has(masks({ SCCACHE_ENDPOINT: s3 }), '0123abcd', 'AKIA%2F20250101', s3);
});

test('a JSON key document: its private key, by line as the runner masks, and its client secret', () => {
  const key = {
    type: 'service_account',
    client_email: 'ci@project.iam.gserviceaccount.com',
    private_key_id: '0123456789abcdef',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
    nested: { client_secret: 'oauth-client-secret' },
  };
  const list = masks({ GOOGLE_APPLICATION_CREDENTIALS: JSON.stringify(key) });
  has(list, key.private_key, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '0123456789abcdef', 'oauth-client-secret');
  assert.ok(!list.includes(key.client_email));
  assert.ok(!list.some((s) => s.length < 8), 'no structural line such as "}"');
});

test('multi-line and padded secrets are masked by line and trimmed', () => {
  has(
    masks({ AWS_SECRET_ACCESS_KEY: ' line-one-secret\nline-two-secret\n' }),
    'line-one-secret',
    'line-two-secret',
  );
});

test('unique, longest first, never empty, and total on any input', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom(
          'SCCACHE_REDIS',
          'SCCACHE_REDIS_PASSWORD',
          'SCCACHE_ENDPOINT',
          'AWS_SESSION_TOKEN',
          'OTHER',
        ),
        fc.oneof(
          fc.string(),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.tuple(fc.string(), fc.string()).map(([u, p]) => `redis://${u}:${p}@127.0.0.1:6379/`),
        ),
      ),
      (env) => {
        const list = credentialsToMask(env);
        assert.equal(new Set(list).size, list.length);
        for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.length >= list[i]!.length);
        assert.ok(list.every((s) => s.trim() !== ''));
        const password = env['SCCACHE_REDIS_PASSWORD'];
        if (password?.trim()) assert.ok(list.includes(password));
      },
    ),
  );
});
