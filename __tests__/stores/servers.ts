// Real stores for sccache on loopback ports, each wanting credentials and refusing wrong ones:
// S3 (moto, which checks every request's SigV4 signature against IAM users and their policies),
// WebDAV (WsgiDAV on cheroot, basic auth, read-write or read-only shares) and Redis (Debian's
// redis-server, a password and ACL users). moto and WsgiDAV come from .tools/stores-venv, which
// scripts/bootstrap.sh installs; redis-server from Debian.
//
// Each start picks a free port, a temp folder for the server's data, config and log, waits until the
// server answers (bounded; the error names the server and ends with its log), and gives back what
// sccache needs to use it (`sccacheEnv`). `stop` ends the process (SIGTERM, then SIGKILL) and removes
// the folder; a process still running when the test process exits is killed then.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/util/ports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The virtualenv scripts/bootstrap.sh installs moto and WsgiDAV into. */
export const STORES_VENV = join(ROOT, '.tools', 'stores-venv');
const BOOTSTRAP = 'bash scripts/bootstrap.sh';
/** How long a server may take to answer: moto imports boto3 and botocore first (2 to 5 s here). */
const START_TIMEOUT_MS = 60_000;
/** How long `stop` waits after SIGTERM, then after SIGKILL. */
const STOP_TIMEOUT_MS = 5_000;

export interface RunningStore {
  readonly kind: 's3' | 'webdav' | 'redis';
  /** The server's base address, `http://127.0.0.1:PORT` or `redis://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The server process (ours: a test may signal it, e.g. SIGSTOP for a hung store). */
  readonly pid: number;
  /** Everything the server printed; inside the temp folder, so gone after `stop`. */
  readonly logPath: string;
  /** The log so far ('' once stopped). */
  readonly log: () => string;
  /** Ends the server (SIGTERM, then SIGKILL) and removes its folder; safe to call twice. */
  readonly stop: () => Promise<void>;
  /** True once the process has exited, by `stop` or on its own. */
  readonly exited: () => boolean;
}

export interface S3Credential {
  readonly accessKey: string;
  readonly secretKey: string;
}

export interface S3Options extends S3Credential {
  /** A bucket created before the server answers; without it the server has none. */
  readonly bucket?: string;
  /** The region buckets live in and requests are signed for; us-east-1 unless given. */
  readonly region?: string;
  /** A second IAM user whose policy allows only s3:GetObject and s3:ListBucket. */
  readonly readOnly?: S3Credential;
}

export interface S3Store extends RunningStore, S3Credential {
  readonly kind: 's3';
  /** `http://127.0.0.1:PORT`, path-style (as sccache's S3 client addresses it). */
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string | undefined;
  readonly readOnly: S3Credential | undefined;
  /** sccache's variables for this store: the read-write credential and bucket unless given. */
  readonly sccacheEnv: (as?: S3Credential, bucket?: string) => Record<string, string>;
}

export interface WebdavUser {
  readonly username: string;
  readonly password: string;
}

export interface WebdavOptions extends WebdavUser {
  /** The share `/` is read-only for this user too (the server refuses every write). */
  readonly readOnly?: boolean;
  /** A second user, for the share `/ro`: the same folder, read-only. */
  readonly readOnlyUser?: WebdavUser;
}

export interface WebdavStore extends RunningStore, WebdavUser {
  readonly kind: 'webdav';
  /** `http://127.0.0.1:PORT`, the share `/`. No trailing slash: sccache 0.16 would ask for
   * `//.sccache_check`, which cheroot refuses ("Absolute URI not allowed if server is not a proxy"). */
  readonly endpoint: string;
  /** `http://127.0.0.1:PORT/ro` when a read-only user was asked for. */
  readonly readOnlyEndpoint: string | undefined;
  readonly readOnly: boolean;
  readonly readOnlyUser: WebdavUser | undefined;
  /** The folder the shares serve (inside the temp folder). */
  readonly root: string;
  /** sccache's variables for this store: the first user on `/` unless given. */
  readonly sccacheEnv: (as?: WebdavUser, endpoint?: string) => Record<string, string>;
}

export interface RedisOptions {
  readonly password: string;
  /** An ACL user with this password (the default user is then off); else `requirepass`. */
  readonly username?: string;
  /** An ACL user allowed only reads (+@read, +@connection). */
  readonly readOnlyUser?: { readonly username: string; readonly password: string };
  /** How many databases the server has (16 unless given): SELECT of a higher one fails. */
  readonly databases?: number;
}

export interface RedisStore extends RunningStore {
  readonly kind: 'redis';
  /** `redis://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly username: string | undefined;
  readonly password: string;
  readonly readOnlyUser: { readonly username: string; readonly password: string } | undefined;
  /** sccache's variables for this store: SCCACHE_REDIS_ENDPOINT=tcp://127.0.0.1:PORT (sccache 0.16 takes
   * `redis://` there too), SCCACHE_REDIS_USERNAME when there is one, SCCACHE_REDIS_PASSWORD. */
  readonly sccacheEnv: (as?: { username?: string; password: string }) => Record<string, string>;
  /** Sends commands after AUTH, in one connection: each one's reply line (`+OK`, `:3`, `-NOPERM …`),
   * a bulk reply's value (`$-1` for nil). Not for commands that answer with an array. */
  readonly command: (...commands: string[][]) => Promise<string[]>;
}

// Children still running when the test process exits (a failed test that never called stop).
const live = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tail(path: string, lines = 30): string {
  if (!existsSync(path)) return '(no log)';
  const text = readFileSync(path, 'utf8').trimEnd();
  return text ? text.split('\n').slice(-lines).join('\n') : '(empty log)';
}

/** The venv's program, or an error that says how to install it. */
function venvProgram(name: string, what: string): string {
  const path = join(STORES_VENV, 'bin', name);
  if (!existsSync(path)) {
    throw new Error(`${what} is not installed (no ${path}): run ${BOOTSTRAP}`);
  }
  return path;
}

interface Launch {
  readonly name: string;
  readonly kind: RunningStore['kind'];
  readonly dir: string;
  readonly port: number;
  readonly url: string;
  readonly command: string;
  readonly args: readonly string[];
  /** True once the server answers as it should. */
  readonly ready: () => Promise<boolean>;
}

/** Starts the process, waits until it answers; on failure stops it and throws with its log. */
async function launch(l: Launch): Promise<RunningStore> {
  const logPath = join(l.dir, 'server.log');
  const fd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(l.command, [...l.args], {
      cwd: l.dir,
      stdio: ['ignore', fd, fd],
      // Nothing of ours: no AWS_*, SCCACHE_* or MOTO_* reaches the server.
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: l.dir,
        LANG: 'C.UTF-8',
        PYTHONUNBUFFERED: '1',
        PYTHONDONTWRITEBYTECODE: '1',
      },
    });
  } finally {
    closeSync(fd);
  }
  let exitText: string | undefined;
  const exitedP = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitText = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
    child.once('error', (e) => {
      exitText = `could not be started: ${e.message}`;
      resolve();
    });
  });
  track(child);
  /** Sends the signal and waits, at most STOP_TIMEOUT_MS, for the exit (no timer left behind). */
  const signalAndWait = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exitedP, new Promise((r) => (timer = setTimeout(r, STOP_TIMEOUT_MS)))]);
    clearTimeout(timer);
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (exitText === undefined) await signalAndWait('SIGTERM');
      if (exitText === undefined) await signalAndWait('SIGKILL');
      await rm(l.dir, { recursive: true, force: true });
    })());

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitText !== undefined) {
      const log = tail(logPath);
      await stop();
      throw new Error(
        `${l.name} ${exitText} before answering on port ${l.port}; the end of its log:\n${log}`,
      );
    }
    if (await l.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      const log = tail(logPath);
      await stop();
      throw new Error(
        `${l.name} did not answer on 127.0.0.1:${l.port} within ${START_TIMEOUT_MS / 1000} s; the end of its log:\n${log}`,
      );
    }
    await sleep(100);
  }
  return {
    kind: l.kind,
    url: l.url,
    port: l.port,
    pid: child.pid ?? -1,
    logPath,
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    stop,
    exited: () => exitText !== undefined,
  };
}

/** Any HTTP answer at all: the server is up (what it thinks of the request does not matter). */
async function answersHttp(url: string): Promise<boolean> {
  const response = await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return true;
}

// moto's server with IAM enforced from the first request (INITIAL_NO_AUTH_ACTION_COUNT=0): each
// request's signature is checked with the secret of the IAM access key it names, and the action
// against that user's policies. IAM makes keys of its own; the launcher gives them the ones asked
// for. Users, policies and the bucket are made in the process before it serves. A request with no
// signature at all gets S3's 403 AccessDenied (moto itself would fail it with a 500: it reads the
// Authorization header unconditionally), so a client without credentials meets what AWS answers.
const MOTO_LAUNCHER = String.raw`
import json, os, sys
cfg = json.load(open(sys.argv[1]))
os.environ["MOTO_ACCOUNT_ID"] = cfg["account"]
os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
from moto.iam.models import iam_backends
from moto.s3.models import s3_backends
iam = iam_backends[cfg["account"]]["aws"]
for user in cfg["users"]:
    iam.create_user(cfg["region"], user["name"])
    key = iam.create_access_key(user["name"])
    del iam.access_keys[key.physical_resource_id]
    key.access_key_id = user["accessKey"]
    key.secret_access_key = user["secretKey"]
    iam.access_keys[key.physical_resource_id] = key
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": user["actions"], "Resource": "*"}]}
    iam.put_user_policy(user["name"], "store", json.dumps(policy))
for bucket in cfg["buckets"]:
    s3_backends[cfg["account"]]["aws"].create_bucket(bucket, cfg["region"])
print("sccache-guard moto launcher: users", [u["name"] for u in cfg["users"]], "buckets", cfg["buckets"], flush=True)
import signal
from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
app = DomainDispatcherApplication(create_backend_app)
DENIED = b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><Resource></Resource><RequestId>0</RequestId></Error>'
def refuse_anonymous(environ, start_response):
    if environ.get("HTTP_AUTHORIZATION") or "X-Amz-Credential=" in environ.get("QUERY_STRING", "") or environ.get("PATH_INFO", "").startswith("/moto-api/"):
        return app(environ, start_response)
    start_response("403 Forbidden", [("Content-Type", "application/xml"), ("Content-Length", str(len(DENIED)))])
    return [DENIED]
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
run_simple("127.0.0.1", cfg["port"], refuse_anonymous, threaded=True, request_handler=MotoRequestHandler)
`;

export async function startS3(opts: S3Options): Promise<S3Store> {
  venvProgram('moto_server', 'the S3 server (moto)');
  const python = venvProgram('python', 'the stores virtualenv');
  const region = opts.region ?? 'us-east-1';
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-s3-'));
  const users = [{ name: 'sccache', ...pick(opts), actions: ['s3:*'] }];
  if (opts.readOnly) {
    users.push({
      name: 'sccache-read-only',
      ...pick(opts.readOnly),
      actions: ['s3:GetObject', 's3:ListBucket'],
    });
  }
  const config = join(dir, 'moto.json');
  await writeFile(
    config,
    JSON.stringify({
      account: '123456789012',
      region,
      port,
      buckets: opts.bucket ? [opts.bucket] : [],
      users,
    }),
    { mode: 0o600 },
  );
  const url = `http://127.0.0.1:${port}`;
  const store = await launch({
    name: 'the S3 server (moto)',
    kind: 's3',
    dir,
    port,
    url,
    command: python,
    args: ['-c', MOTO_LAUNCHER, config],
    // moto's own API answers without a signature once the IAM users exist.
    ready: () => answersHttp(`${url}/moto-api/`),
  });
  const rw: S3Credential = pick(opts);
  return {
    ...store,
    kind: 's3',
    endpoint: url,
    region,
    bucket: opts.bucket,
    ...rw,
    readOnly: opts.readOnly ? pick(opts.readOnly) : undefined,
    sccacheEnv: (as = rw, bucket = opts.bucket) => ({
      ...(bucket !== undefined ? { SCCACHE_BUCKET: bucket } : {}),
      SCCACHE_ENDPOINT: url,
      SCCACHE_REGION: region,
      SCCACHE_S3_USE_SSL: 'false',
      AWS_ACCESS_KEY_ID: as.accessKey,
      AWS_SECRET_ACCESS_KEY: as.secretKey,
    }),
  };
}

const pick = (c: S3Credential): S3Credential => ({ accessKey: c.accessKey, secretKey: c.secretKey });

export async function startWebdav(opts: WebdavOptions): Promise<WebdavStore> {
  const wsgidav = venvProgram('wsgidav', 'the WebDAV server (WsgiDAV)');
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-webdav-'));
  const root = join(dir, 'root');
  await mkdir(root);
  const readOnly = opts.readOnly ?? false;
  const providers: Record<string, { root: string; readonly: boolean }> = {
    '/': { root, readonly: readOnly },
  };
  const users: Record<string, Record<string, { password: string }>> = {
    '/': { [opts.username]: { password: opts.password } },
  };
  if (opts.readOnlyUser) {
    providers['/ro'] = { root, readonly: true };
    users['/ro'] = { [opts.readOnlyUser.username]: { password: opts.readOnlyUser.password } };
  }
  const config = join(dir, 'wsgidav.json');
  await writeFile(
    config,
    JSON.stringify({
      host: '127.0.0.1',
      port,
      verbose: 3,
      provider_mapping: providers,
      // Basic only, as sccache's WebDAV client (opendal) sends it; no anonymous share of ours.
      http_authenticator: {
        domain_controller: null,
        accept_basic: true,
        accept_digest: false,
        default_to_digest: false,
      },
      simple_dc: { user_mapping: users },
      dir_browser: { enable: false },
      // Disabled Cors or dir browser warnings are noise; the request lines (verbose 3) stay.
      logging: { enable_loggers: [] },
    }),
    { mode: 0o600 },
  );
  const url = `http://127.0.0.1:${port}`;
  const store = await launch({
    name: 'the WebDAV server (WsgiDAV)',
    kind: 'webdav',
    dir,
    port,
    url,
    command: wsgidav,
    args: ['--config', config],
    ready: () => answersHttp(`${url}/`),
  });
  const user: WebdavUser = { username: opts.username, password: opts.password };
  return {
    ...store,
    kind: 'webdav',
    endpoint: url,
    readOnlyEndpoint: opts.readOnlyUser ? `${url}/ro` : undefined,
    ...user,
    readOnly,
    readOnlyUser: opts.readOnlyUser,
    root,
    sccacheEnv: (as = user, endpoint = url) => ({
      SCCACHE_WEBDAV_ENDPOINT: endpoint,
      SCCACHE_WEBDAV_USERNAME: as.username,
      SCCACHE_WEBDAV_PASSWORD: as.password,
    }),
  };
}

/** redis-server on PATH, else Debian's. */
function redisServer(): string {
  for (const dir of [...(process.env['PATH'] ?? '').split(':').filter(Boolean), '/usr/bin']) {
    const path = join(dir, 'redis-server');
    if (existsSync(path)) return path;
  }
  throw new Error(`redis-server is not installed (not on PATH, no /usr/bin/redis-server): run ${BOOTSTRAP}`);
}

/** One RESP connection: each command's reply line, or a bulk reply's value. */
function resp(port: number, commands: readonly (readonly string[])[], timeoutMs = 5000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`redis on port ${port} did not answer`)));
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`redis on port ${port} closed the connection: ${text}`)));
    socket.on('connect', () => {
      for (const args of commands) {
        socket.write(
          `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
        );
      }
    });
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      // A bulk reply ($N, then the value) counts as its value; `$-1` (nil) as itself.
      const replies: string[] = [];
      const lines = text.split('\r\n');
      for (let i = 0; i < lines.length - 1; i++) {
        const line = lines[i]!;
        if (!line.startsWith('$') || line === '$-1') replies.push(line);
        else if (i + 1 < lines.length - 1) replies.push(lines[++i]!);
        else break;
      }
      if (replies.length >= commands.length) {
        socket.end();
        resolve(replies.slice(0, commands.length));
      }
    });
  });
}

/** A redis.conf value: quoted, as the config file splits on blanks. */
const quoted = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export async function startRedis(opts: RedisOptions): Promise<RedisStore> {
  const server = redisServer();
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-redis-'));
  const lines = [
    `port ${port}`,
    'bind 127.0.0.1',
    'save ""',
    'appendonly no',
    `dir ${quoted(dir)}`,
    `databases ${opts.databases ?? 16}`,
  ];
  if (opts.username === undefined) {
    lines.push(`requirepass ${quoted(opts.password)}`);
  } else {
    lines.push('user default off', `user ${opts.username} on ${quoted(`>${opts.password}`)} ~* &* +@all`);
  }
  if (opts.readOnlyUser) {
    const ro = opts.readOnlyUser;
    lines.push(`user ${ro.username} on ${quoted(`>${ro.password}`)} ~* &* -@all +@read +@connection`);
  }
  const conf = join(dir, 'redis.conf');
  await writeFile(conf, `${lines.join('\n')}\n`, { mode: 0o600 });
  const url = `redis://127.0.0.1:${port}`;
  const store = await launch({
    name: 'redis-server',
    kind: 'redis',
    dir,
    port,
    url,
    command: server,
    args: [conf],
    // Any reply to PING (PONG, or NOAUTH before AUTH) means it serves.
    ready: async () => (await resp(port, [['PING']], 1000)).length === 1,
  });
  const auth = (as: { username?: string; password: string }) =>
    as.username === undefined ? ['AUTH', as.password] : ['AUTH', as.username, as.password];
  const own = {
    ...(opts.username !== undefined ? { username: opts.username } : {}),
    password: opts.password,
  };
  return {
    ...store,
    kind: 'redis',
    endpoint: url,
    username: opts.username,
    password: opts.password,
    readOnlyUser: opts.readOnlyUser,
    sccacheEnv: (as = own) => ({
      SCCACHE_REDIS_ENDPOINT: `tcp://127.0.0.1:${port}`,
      ...(as.username !== undefined ? { SCCACHE_REDIS_USERNAME: as.username } : {}),
      SCCACHE_REDIS_PASSWORD: as.password,
    }),
    command: async (...commands) => (await resp(port, [auth(own), ...commands])).slice(1),
  };
}
