// The store servers of servers.ts, used by real sccache 0.16: for S3 (moto), WebDAV (WsgiDAV) and
// Redis, the right credentials pass sccache's startup check and a second compile of the same file
// hits; wrong ones, a missing bucket, a stopped server and a read-only credential each fail the way
// sccache says they do. The texts asserted here are sccache's own (its stderr and its log, as
// SCCACHE_LOG=debug writes them): the findings match on them.
//
// Every sccache server runs on a port of its own and is stopped with --stop-server on that port;
// every store is stopped by its helper. Nothing else is touched.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { isListening } from '../../src/util/ports.js';
import { freePort, sccacheBinary } from '../e2e/tools.js';
import {
  startRedis,
  startS3,
  startWebdav,
  type RedisStore,
  type S3Store,
  type WebdavStore,
} from './servers.js';

const SCCACHE = sccacheBinary('0.16.0');
const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Stats {
  readonly cache_location: string;
  readonly stats: {
    readonly cache_hits: { readonly counts: Record<string, number> };
    readonly cache_misses: { readonly counts: Record<string, number> };
    readonly cache_writes: number;
    readonly cache_write_errors: number;
    readonly cache_read_errors: number;
    readonly cache_errors: { readonly counts: Record<string, number> };
  };
}

/** One sccache server of our own (its port, folder, log) pointed at a store by `storeEnv`. */
class Sccache {
  private runs = 0;
  private sources = 0;
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly env: Readonly<Record<string, string>>,
  ) {}

  /** `config`: the config file's TOML (none of the user's is read, nor ~/.aws). */
  static async with(storeEnv: Readonly<Record<string, string>>, config = ''): Promise<Sccache> {
    const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-stores-sccache-'));
    const port = await freePort();
    await writeFile(join(dir, 'config'), config);
    const env = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: dir,
      SCCACHE_CONF: join(dir, 'config'),
      SCCACHE_DIR: join(dir, 'cache'),
      SCCACHE_SERVER_PORT: String(port),
      SCCACHE_ERROR_LOG: join(dir, 'server.log'),
      SCCACHE_LOG: 'debug',
      // A safety net: a server this file fails to stop ends itself after two idle minutes.
      SCCACHE_IDLE_TIMEOUT: '120',
      ...storeEnv,
    };
    const s = new Sccache(dir, port, env);
    cleanups.push(() => s.stop());
    return s;
  }

  /** sccache with these arguments; stdout and stderr through files (a daemon may keep pipes open). */
  async run(args: readonly string[], timeoutMs = 90_000): Promise<Run> {
    const n = ++this.runs;
    const out = join(this.dir, `run-${n}.out`);
    const err = join(this.dir, `run-${n}.err`);
    const outFd = openSync(out, 'w');
    const errFd = openSync(err, 'w');
    const child = spawn(SCCACHE, [...args], {
      cwd: this.dir,
      env: this.env,
      stdio: ['ignore', outFd, errFd],
    });
    closeSync(outFd);
    closeSync(errFd);
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`sccache ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.once('error', reject);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    // The client's own debug lines (config file look-ups) are noise here.
    const stderr = readFileSync(err, 'utf8')
      .split('\n')
      .filter((line) => !/ DEBUG sccache::(config|commands)\]/.test(line))
      .join('\n');
    return { code, stdout: readFileSync(out, 'utf8'), stderr };
  }

  start(): Promise<Run> {
    return this.run(['--start-server']);
  }

  /** Compiles a C file with this body (a new file each call) through `sccache cc -c`. */
  async compile(body: string): Promise<Run> {
    const n = ++this.sources;
    const source = join(this.dir, `unit-${n}.c`);
    const object = join(this.dir, `unit-${n}.o`);
    await writeFile(source, `${body}\n`);
    const result = await this.run(['cc', '-c', source, '-o', object]);
    if (existsSync(object)) await unlink(object);
    return result;
  }

  async stats(): Promise<Stats> {
    const r = await this.run(['--show-stats', '--stats-format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Stats;
  }

  /** The server's log (SCCACHE_ERROR_LOG): its debug lines, and the error a failed start wrote. */
  log(): string {
    const path = join(this.dir, 'server.log');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  /** Waits until the server's log has `pattern` (a server still checking its storage ends then). */
  async logged(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.log())) {
      if (Date.now() > deadline)
        assert.fail(`within ${timeoutMs / 1000} s, the server log has no ${pattern}:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return linesWith(this.log(), pattern, 1)[0]!;
  }

  /** Stops the server on our port, if one listens there; removes the folder. */
  async stop(): Promise<void> {
    if (!existsSync(this.dir)) return;
    if (await isListening(this.port)) {
      const r = await this.run(['--stop-server'], 30_000);
      assert.equal(r.code, 0, `sccache --stop-server: ${r.stderr}`);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A C body no earlier run stored: sccache's key covers the preprocessed source. */
const fresh = (name: string) =>
  `int ${name.replace(/\W/g, '_')}(void) { return ${Math.floor(Math.random() * 1e9)}; } /* ${Date.now()} */`;

/** The lines of `text` with `needle`, first `max` of them, each cut at 600 characters. */
function linesWith(text: string, needle: string | RegExp, max = 3): string[] {
  return text
    .split('\n')
    .filter((line) => (typeof needle === 'string' ? line.includes(needle) : needle.test(line)))
    .slice(0, max)
    .map((line) => (line.length > 600 ? `${line.slice(0, 600)}…` : line));
}

/** What sccache said: its `error:` line and the first lines of what follows, for the findings. */
function said(t: TestContext, what: string, r: Run, s: Sccache): void {
  const stderr = r.stderr.trim().split('\n').slice(0, 12).join('\n');
  t.diagnostic(`${what}: exit ${r.code}; stderr:\n${stderr}`);
  const notable = / (ERROR|WARN) |storage check|storage write check|cache write|has setup with/;
  for (const line of linesWith(s.log(), notable, 8)) {
    t.diagnostic(`${what}: log: ${line}`);
  }
}

/** Hits and misses of C/C++ so far. */
const counts = (st: Stats) => ({
  hits: st.stats.cache_hits.counts['C/C++'] ?? 0,
  misses: st.stats.cache_misses.counts['C/C++'] ?? 0,
});

/** Starts sccache against the store; the second compile of the same body hits. */
async function roundTrip(t: TestContext, env: Record<string, string>, location: RegExp): Promise<Sccache> {
  const s = await Sccache.with(env);
  const started = await s.start();
  assert.equal(started.code, 0, `${started.stderr}\n${s.log()}`);
  assert.match(s.log(), /storage check result: ReadWrite/);
  const st0 = await s.stats();
  assert.match(st0.cache_location, location);
  t.diagnostic(`cache_location: ${st0.cache_location}`);
  const body = fresh(t.name);
  for (const n of [1, 2]) {
    const r = await s.compile(body);
    assert.equal(r.code, 0, `compile ${n}: ${r.stderr}`);
  }
  const st = await s.stats();
  assert.deepEqual(counts(st), { hits: 1, misses: 1 }, JSON.stringify(st.stats));
  assert.equal(st.stats.cache_writes, 1);
  assert.equal(st.stats.cache_write_errors, 0);
  return s;
}

/** A start that fails: non-zero, sccache's error line has `expected`, and so does its log. */
async function failedStart(
  t: TestContext,
  what: string,
  env: Record<string, string>,
  expected: string[],
  config = '',
): Promise<Sccache> {
  const s = await Sccache.with(env, config);
  const r = await s.start();
  said(t, what, r, s);
  assert.notEqual(r.code, 0, 'the start failed');
  assert.match(r.stderr, /sccache: error: Server startup failed: cache storage failed to read: /);
  for (const text of expected) {
    assert.ok(r.stderr.includes(text), `stderr has ${JSON.stringify(text)}:\n${r.stderr}`);
    assert.ok(s.log().includes(text), `the server log has ${JSON.stringify(text)}`);
  }
  assert.match(s.log(), / ERROR sccache::server\] storage check failed for: cache storage failed to read: /);
  assert.equal(await isListening(s.port), false, 'no sccache server was left');
  return s;
}

/** Read-only credentials: the start passes as ReadOnly, reads hit, a new object is not written. */
async function readOnly(t: TestContext, env: Record<string, string>, storedBody: string, writeCheck: string) {
  const s = await Sccache.with(env);
  const r = await s.start();
  said(t, 'read-only credential', r, s);
  assert.equal(r.code, 0, r.stderr);
  assert.match(s.log(), /storage check result: ReadOnly/);
  assert.match(s.log(), /server has setup with ReadOnly/);
  assert.ok(s.log().includes(writeCheck), `the log has ${JSON.stringify(writeCheck)}`);
  assert.equal((await s.compile(storedBody)).code, 0);
  assert.equal((await s.compile(fresh(t.name))).code, 0);
  const st = await s.stats();
  assert.deepEqual(counts(st), { hits: 1, misses: 1 }, 'what the writer stored is read');
  assert.equal(st.stats.cache_writes, 0);
  assert.equal(st.stats.cache_write_errors, 1, 'the miss was not written');
  assert.match(s.log(), /Error executing cache write: Cannot write to read-only storage/);
}

/** The store dies while sccache runs: the next compile still builds, as a miss, and says why. */
async function diesMidway(
  t: TestContext,
  start: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>,
) {
  const store = await start();
  const s = await Sccache.with(store.env);
  assert.equal((await s.start()).code, 0);
  await store.stop();
  const r = await s.compile(fresh(t.name));
  said(t, 'store stopped after sccache started', r, s);
  assert.equal(r.code, 0, 'the build goes on without the cache');
  const st = await s.stats();
  t.diagnostic(
    `stats: ${JSON.stringify({ ...counts(st), ...st.stats, cache_hits: undefined, cache_misses: undefined })}`,
  );
  // A miss, not a read error; the write of the result fails.
  assert.deepEqual(counts(st), { hits: 0, misses: 1 });
  assert.equal(st.stats.cache_read_errors, 0);
  assert.equal(st.stats.cache_write_errors, 1);
  assert.equal(st.stats.cache_writes, 0);
  return s;
}

describe('the helpers', () => {
  test('stop ends each server on SIGTERM, frees its port and removes its folder; twice is fine', async (t) => {
    const stores = await Promise.all([
      startS3({ accessKey: 'AKIAHELPER', secretKey: 'helper' }),
      startWebdav({ username: 'helper', password: 'helper' }),
      startRedis({ password: 'helper' }),
    ]);
    for (const store of stores) {
      cleanups.push(() => store.stop());
      const folder = dirname(store.logPath);
      assert.ok(existsSync(folder) && (await isListening(store.port)), store.kind);
      const started = Date.now();
      await store.stop();
      await store.stop();
      t.diagnostic(`${store.kind}: stopped in ${Date.now() - started} ms`);
      assert.ok(Date.now() - started < 5000, `${store.kind} ended on SIGTERM`);
      assert.ok(store.exited());
      assert.equal(existsSync(folder), false);
      assert.equal(await isListening(store.port), false);
      assert.equal(store.log(), '');
    }
  });

  test('a server that cannot start: the error names it and ends with its log', async () => {
    // moto refuses a one-letter bucket name while the launcher makes it, before serving.
    await assert.rejects(
      startS3({ accessKey: 'AKIABAD', secretKey: 'bad', bucket: 'b' }),
      (e: Error) =>
        /^the S3 server \(moto\) exited with code 1 before answering on port \d+; the end of its log:\n/.test(
          e.message,
        ) && e.message.includes('InvalidBucketName'),
    );
  });
});

describe('S3 (moto)', () => {
  let s3: S3Store;
  const BUCKET = 'sccache-guard-cache';
  /** A body the read-write user stored, for the read-only one to hit. */
  const stored = fresh('s3_stored');
  before(async () => {
    s3 = await startS3({
      accessKey: 'AKIASCCACHEGUARDRW01',
      secretKey: 'rw/secret+key=0123456789abcdefghijklmnop',
      bucket: BUCKET,
      readOnly: { accessKey: 'AKIASCCACHEGUARDRO01', secretKey: 'ro/secret+key=0123456789abcdefghijklmnop' },
    });
    cleanups.push(() => s3.stop());
  });

  test('the right keys: startup check, then a miss and a hit; a new server hits what it stored', async (t) => {
    const s = await roundTrip(t, s3.sccacheEnv(), new RegExp(`^s3, name: ${BUCKET}, prefix: /$`));
    assert.equal((await s.compile(stored)).code, 0);
    await s.stop();
    const again = await Sccache.with(s3.sccacheEnv());
    assert.equal((await again.start()).code, 0);
    assert.equal((await again.compile(stored)).code, 0);
    assert.equal(counts(await again.stats()).hits, 1, 'stored in the bucket, not on this server');
    assert.match(
      s3.log(),
      /"PUT \/sccache-guard-cache\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]{64} HTTP\/1\.1" 200/,
    );
  });

  test('a wrong secret key: SignatureDoesNotMatch', async (t) => {
    await failedStart(
      t,
      'wrong secret key',
      s3.sccacheEnv({ accessKey: s3.accessKey, secretKey: 'not-the-secret' }),
      [
        'PermissionDenied (permanent) at read => S3Error { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided. Check your key and signing method."',
      ],
    );
  });

  test('an unknown access key: InvalidAccessKeyId', async (t) => {
    await failedStart(
      t,
      'unknown access key',
      s3.sccacheEnv({ accessKey: 'AKIANOSUCHKEY0000000', secretKey: s3.secretKey }),
      [
        'PermissionDenied (permanent) at read => S3Error { code: "InvalidAccessKeyId", message: "The AWS Access Key Id you provided does not exist in our records."',
      ],
    );
  });

  test('a missing bucket: NoSuchBucket', async (t) => {
    await failedStart(t, 'missing bucket', s3.sccacheEnv(undefined, 'no-such-bucket'), [
      'ConfigInvalid (permanent) at read => S3Error { code: "NoSuchBucket", message: "The specified bucket does not exist"',
    ]);
  });

  test('no credentials at all: refused before a request is sent', async (t) => {
    const env = Object.fromEntries(
      Object.entries(s3.sccacheEnv()).filter(([name]) => !name.startsWith('AWS_')),
    );
    // No instance metadata service to wait for on a developer's machine or CI's.
    await failedStart(t, 'no credentials', { ...env, AWS_EC2_METADATA_DISABLED: 'true' }, [
      'PermissionDenied (permanent) at read => no valid credential found and anonymous access is not allowed',
    ]);
  });

  test('a read-only key: ReadOnly; reads hit, the miss is not written', async (t) => {
    const writer = await Sccache.with(s3.sccacheEnv());
    assert.equal((await writer.compile(stored)).code, 0);
    await writer.stop();
    await readOnly(
      t,
      s3.sccacheEnv(s3.readOnly),
      stored,
      'storage write check failed: PermissionDenied (permanent) at write => S3Error { code: "AccessDenied", message: "Access Denied"',
    );
  });

  test('a stopped server: connection refused at the startup check', async (t) => {
    const gone = await startS3({ accessKey: 'AKIAGONE', secretKey: 'gone', bucket: BUCKET });
    const env = gone.sccacheEnv();
    await gone.stop();
    await failedStart(t, 'stopped server', env, [
      'Unexpected (temporary) at read => send http request',
      'tcp connect error: Connection refused (os error 111)',
    ]);
  });

  test('a server that stops while sccache runs: a miss, and the write fails', async (t) => {
    const s = await diesMidway(t, async () => {
      const dying = await startS3({ accessKey: 'AKIADYING', secretKey: 'dying', bucket: BUCKET });
      return { env: dying.sccacheEnv(), stop: dying.stop };
    });
    assert.match(
      s.log(),
      / WARN {2}sccache::cache::cache\] Got unexpected error: Unexpected \(temporary\) at read => send http request/,
    );
    assert.match(s.log(), /write close failed Unexpected \(temporary\) at write => send http request/);
  });
});

describe('WebDAV (WsgiDAV)', () => {
  let dav: WebdavStore;
  const stored = fresh('dav_stored');
  before(async () => {
    dav = await startWebdav({
      username: 'ci',
      password: 'p@ss w:rd',
      readOnlyUser: { username: 'reader', password: 'read-only pw' },
    });
    cleanups.push(() => dav.stop());
  });

  test('the right password: startup check, then a miss and a hit, and the object is in the folder', async (t) => {
    const s = await roundTrip(t, dav.sccacheEnv(), /^webdav, name: , prefix: \/$/);
    assert.equal((await s.compile(stored)).code, 0);
    assert.ok(existsSync(join(dav.root, '.sccache_check')));
  });

  test('a wrong password: 401', async (t) => {
    await failedStart(t, 'wrong password', dav.sccacheEnv({ username: dav.username, password: 'wrong' }), [
      'Unexpected (permanent) at read => <html>',
      '401 Access not authorized',
    ]);
  });

  test('no credentials at all: 401', async (t) => {
    await failedStart(t, 'no credentials', { SCCACHE_WEBDAV_ENDPOINT: dav.endpoint }, [
      'Unexpected (permanent) at read => <html>',
      '401 Access not authorized',
    ]);
  });

  test('an endpoint with a trailing slash: cheroot refuses the `//` path', async (t) => {
    const s = await failedStart(t, 'trailing slash', dav.sccacheEnv(undefined, `${dav.endpoint}/`), [
      'Unexpected (permanent) at read => Absolute URI not allowed if server is not a proxy.',
    ]);
    assert.ok(s.log().includes(`uri: ${dav.endpoint}//.sccache_check`));
  });

  test('the read-only user on the read-only share: ReadOnly; reads hit, the miss is not written', async (t) => {
    const writer = await Sccache.with(dav.sccacheEnv());
    assert.equal((await writer.compile(stored)).code, 0);
    await writer.stop();
    await readOnly(
      t,
      dav.sccacheEnv(dav.readOnlyUser, dav.readOnlyEndpoint),
      stored,
      'storage write check failed: PermissionDenied (temporary) at write',
    );
  });

  test('a read-only server: ReadOnly', async (t) => {
    const readOnlyDav = await startWebdav({ username: 'ci', password: 'pw', readOnly: true });
    cleanups.push(() => readOnlyDav.stop());
    const s = await Sccache.with(readOnlyDav.sccacheEnv());
    const r = await s.start();
    said(t, 'read-only server', r, s);
    assert.equal(r.code, 0);
    assert.match(s.log(), /server has setup with ReadOnly/);
    assert.match(
      s.log(),
      /write close failed PermissionDenied \(temporary\) at write, context: \{ uri: [^ ]+\/\.sccache_check, response: Parts \{ status: 403/,
    );
  });

  test('a stopped server: connection refused at the startup check', async (t) => {
    const gone = await startWebdav({ username: 'ci', password: 'pw' });
    const env = gone.sccacheEnv();
    await gone.stop();
    await failedStart(t, 'stopped server', env, ['tcp connect error: Connection refused (os error 111)']);
  });

  test('a server that stops while sccache runs: a miss, and the write fails', async (t) => {
    const s = await diesMidway(t, async () => {
      const dying = await startWebdav({ username: 'ci', password: 'pw' });
      return { env: dying.sccacheEnv(), stop: dying.stop };
    });
    assert.match(s.log(), /Got unexpected error: Unexpected \(temporary\) at read => send http request/);
    assert.match(s.log(), /write failed Unexpected \(temporary\) at write => send http request/);
  });
});

// sccache 0.16 does not say what Redis answered: a wrong password, none, a database the server does
// not have and a server that is not there all read "get connection from pool failed", after the
// pool's 30 s. By then the client has given up: its wait for the server's start is 10 s unless the
// config's server_startup_timeout_ms says more. The slow tests run at once (they only wait).
const POOL_FAILED =
  'Server startup failed: cache storage failed to read: Unexpected (temporary) at read => get connection from pool failed';
const WAIT_LONGER = 'server_startup_timeout_ms = 60000\n';

describe('Redis (redis-server)', { concurrency: true }, () => {
  let redis: RedisStore;
  const stored = fresh('redis_stored');
  before(async () => {
    redis = await startRedis({
      password: 'p@ss w"rd',
      readOnlyUser: { username: 'reader', password: 'read-only' },
      databases: 4,
    });
    cleanups.push(() => redis.stop());
  });
  const keys = async () => Number((await redis.command(['DBSIZE']))[0]!.slice(1));

  test('the right password: startup check, then a miss and a hit, and keys in Redis', async (t) => {
    const before = await keys();
    const s = await roundTrip(
      t,
      redis.sccacheEnv(),
      new RegExp(`^redis, name: tcp://127\\.0\\.0\\.1:${redis.port}, prefix: /$`),
    );
    assert.equal((await s.compile(stored)).code, 0);
    assert.ok((await keys()) > before);
  });

  test('SCCACHE_REDIS_ENDPOINT=redis://… with an ACL user', async (t) => {
    const acl = await startRedis({ username: 'ci', password: 'acl pw' });
    cleanups.push(() => acl.stop());
    await roundTrip(
      t,
      acl.sccacheEnv(),
      new RegExp(`^redis, name: tcp://127\\.0\\.0\\.1:${acl.port}, prefix: /$`),
    );
    await roundTrip(
      t,
      {
        SCCACHE_REDIS_ENDPOINT: acl.endpoint,
        SCCACHE_REDIS_USERNAME: 'ci',
        SCCACHE_REDIS_PASSWORD: 'acl pw',
      },
      new RegExp(`^redis, name: redis://127\\.0\\.0\\.1:${acl.port}, prefix: /$`),
    );
  });

  test('a wrong password, as the action starts sccache: the client gives up at 10 s', async (t) => {
    const s = await Sccache.with(redis.sccacheEnv({ password: 'wrong' }));
    const r = await s.start();
    said(t, 'wrong password, default wait', r, s);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /^sccache: error: Timed out waiting for server startup$/m);
    // The server goes on until its storage check fails, then ends: wait for that.
    const line = await s.logged(/ ERROR sccache::server\] storage check failed for: /, 60_000);
    t.diagnostic(`then the server's log: ${line}`);
    assert.ok(
      line.includes(
        'cache storage failed to read: Unexpected (temporary) at read => get connection from pool failed',
      ),
    );
    assert.doesNotMatch(s.log(), /WRONGPASS|invalid username-password/i, "Redis's answer is not in the log");
  });

  for (const [what, env] of [
    ['a wrong password', () => redis.sccacheEnv({ password: 'wrong' })],
    ['no password', () => ({ SCCACHE_REDIS_ENDPOINT: `tcp://127.0.0.1:${redis.port}` })],
    [
      'a database the server does not have (9 of 4)',
      () => ({ ...redis.sccacheEnv(), SCCACHE_REDIS_DB: '9' }),
    ],
    ['a wrong username', () => redis.sccacheEnv({ username: 'nobody', password: redis.password })],
  ] as const) {
    test(`${what}, waiting longer: "get connection from pool failed"`, async (t) => {
      const started = Date.now();
      await failedStart(t, what, env(), [POOL_FAILED.slice('Server startup failed: '.length)], WAIT_LONGER);
      t.diagnostic(`${what}: the start failed after ${Math.round((Date.now() - started) / 1000)} s`);
    });
  }

  test('a read-only ACL user: ReadOnly; reads hit, the miss is not written', async (t) => {
    const writer = await Sccache.with(redis.sccacheEnv());
    assert.equal((await writer.compile(stored)).code, 0);
    await writer.stop();
    await readOnly(
      t,
      redis.sccacheEnv(redis.readOnlyUser),
      stored,
      'storage write check failed: Unexpected (temporary) at write => extension error',
    );
  });

  test('a stopped server: "get connection from pool failed" too', async (t) => {
    const gone = await startRedis({ password: 'pw' });
    const env = gone.sccacheEnv();
    await gone.stop();
    await failedStart(
      t,
      'stopped server',
      env,
      [POOL_FAILED.slice('Server startup failed: '.length)],
      WAIT_LONGER,
    );
  });

  test('a server that stops while sccache runs: a miss after 30 s, and the write fails', async (t) => {
    const s = await diesMidway(t, async () => {
      const dying = await startRedis({ password: 'pw' });
      return { env: dying.sccacheEnv(), stop: dying.stop };
    });
    assert.match(
      s.log(),
      /Got unexpected error: Unexpected \(temporary\) at read => get connection from pool failed/,
    );
    await s.logged(
      /write close failed Unexpected \(temporary\) at write => get connection from pool failed/,
      60_000,
    );
  });
});
