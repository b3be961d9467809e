/**
 * A loopback emulator of GitHub's Actions cache service, for tests that drive the real clients
 * (@actions/cache, sccache's opendal `ghac` backend) without the network.
 *
 * Served on one base URL (use it as ACTIONS_RESULTS_URL and ACTIONS_CACHE_URL):
 *  - v2 twirp `POST /twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,
 *    FinalizeCacheEntryUpload,GetCacheEntryDownloadURL}`, answering in the encoding it was asked in:
 *    `application/json` (proto field names, int64 as strings; @actions/cache) or
 *    `application/protobuf` (opendal). Errors are twirp JSON `{code, msg}` with twirp's HTTP status.
 *  - v1 REST `…/_apis/artifactcache/{cache,caches,caches/<id>}` (GHES; sccache without
 *    ACTIONS_CACHE_SERVICE_V2), or, with `decommissioned`, github.com's 422 for every v1 call.
 *  - An Azure-Blob-like data plane behind signed, path-style URLs
 *    `/devstoreaccount1/actions-cache/<blob>?sv=…&sp=…&se=…&sig=…`: Put Blob, Put Block, Put Block List,
 *    Append Block, Get Blob (with Range) and Get Blob Properties (HEAD). The signature, permission
 *    and expiry are checked; the upload URL is revoked when its entry is finalized.
 *
 * GitHub's rules it applies: entries are immutable (a second create of the same key+version in the
 * same scope is 409 `already_exists`); a run writes into its own ref's scope and reads its own ref,
 * then (pull requests) the base branch, then the default branch; in each scope the primary key
 * is looked up exactly, then as a prefix, then each restore key exactly, then as a prefix, the
 * newest entry winning among prefix matches (docs.github.com, "Cache key matching"). Only entries
 * whose version matches exactly and whose upload was finalized are visible.
 *
 * How fast it answers is its `profile` (service-profile.ts): `instant` by default, or `github-like`
 * (latency per request, blob bandwidth, 200 uploads and 1,500 downloads a minute, as measured on
 * hosted runners), or a custom one.
 *
 * Runs in the test process: never spawnSync anything while it serves, or it cannot answer.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MessageType } from '@protobuf-ts/runtime';
import {
  CreateCacheEntryRequest,
  CreateCacheEntryResponse,
  FinalizeCacheEntryUploadRequest,
  FinalizeCacheEntryUploadResponse,
  GetCacheEntryDownloadURLRequest,
  GetCacheEntryDownloadURLResponse,
} from './cache-service-proto.js';
import { Link, MINUTE_MS, SlidingWindow, latencySampler, resolveProfile } from './service-profile.js';
import type { ProfileName, ServiceProfile } from './service-profile.js';

export type { ProfileName, ServiceProfile } from './service-profile.js';

export const TWIRP_SERVICE = 'github.actions.results.api.v1.CacheService';
/** The key sccache (opendal backends) writes at server start to probe for write access. */
export const SCCACHE_CHECK_KEY = 'sccache/.sccache_check';
export const DECOMMISSIONED_MESSAGE =
  'This legacy service is shutting down, effective April 15, 2025. Migrate to the new service ASAP. For more information: https://gh.io/gha-cache-sunset';

const ACCOUNT = 'devstoreaccount1';
const CONTAINER = 'actions-cache';
const AZURE_VERSION = '2025-01-05';
const MAX_KEY_LENGTH = 512;

/** The workflow run a runtime token is issued for. */
export interface RunIdentity {
  /** GITHUB_REF of the run: refs/heads/…, refs/tags/… or refs/pull/N/merge. */
  ref: string;
  /** The repository's default branch; default refs/heads/main. */
  defaultBranch?: string;
  /** For pull_request runs: the base branch (GITHUB_BASE_REF as a ref), readable like the default. */
  baseRef?: string;
  /** owner/name; default octo-org/octo-repo. Entries never cross repositories. */
  repo?: string;
}

/** One scope of a token, as in the `ac` claim of a real ACTIONS_RUNTIME_TOKEN. */
export interface TokenScope {
  scope: string;
  /** 1 read, 2 write, 3 read and write. */
  permission: 1 | 2 | 3;
}

export interface RateLimitFault {
  /** Accepted uploads (CreateCacheEntry, v1 reserve) allowed per window. */
  uploads: number;
  windowMs: number;
}

export interface Status5xxFault {
  /** Operation name to fail (see RecordedRequest.operation); every operation when absent. */
  method?: string;
  /** How many of the next matching requests fail; counts down to 0. Without it there is no end. */
  count?: number;
  /**
   * Only this fraction of the matching requests fails, spread evenly and the same way every time
   * (0.3: the 4th, 7th, 10th, … since the fault was set), so a test of a flaky service is repeatable.
   */
  ratio?: number;
  /** 500 by default. */
  status?: 500 | 502 | 503 | 504;
}

export interface CacheServiceFaults {
  /** 429 + Retry-After on CreateCacheEntry / v1 reserve beyond `uploads` per `windowMs`. */
  rateLimit?: RateLimitFault | undefined;
  /** 429 on creating sccache's probe entry `sccache/.sccache_check` only. */
  rejectCheckWrite?: boolean | undefined;
  /** Answer matching requests with a 5xx: the next `count`, a `ratio` of them, or all. */
  status5xx?: Status5xxFault | undefined;
  /**
   * Reset the connection of blob uploads (Put Blob, Put Block, Put Block List, Append Block) once
   * their body starts to arrive, as a proxy or load balancer that drops an upload does: `true` every
   * one, a number the next N. The twirp calls around them are answered. Counted in
   * refused.uploadsReset.
   */
  resetUploads?: boolean | number | undefined;
  /**
   * The service dies after answering this many more requests: it stops listening and drops every
   * open connection (then `refuse` is true), as a cache service that crashes mid-build.
   */
  dieAfter?: number | undefined;
  /** Delay before every answer. */
  latencyMs?: number | undefined;
  /**
   * `true`: stop listening, so clients get ECONNREFUSED (the kernel refuses; nothing to count).
   * `'reset'`: accept and immediately destroy every connection (counted in refused.connections).
   * Assigning it at runtime takes effect at once for 'reset' and within a tick for `true`;
   * `await service.setFaults({refuse})` to be sure the listener has changed.
   */
  refuse?: boolean | 'reset' | undefined;
}

/** What the emulator turned away, by reason. */
export interface RefusedCounts {
  /** Cache-entry creations refused with 429: the rateLimit fault or the profile's uploadsPerMinute. */
  rateLimited: number;
  /** Lookup hits refused with 429 by the profile's downloadsPerMinute. */
  downloadsLimited: number;
  checkWrite: number;
  status5xx: number;
  /** Connections destroyed in `refuse: 'reset'` mode. */
  connections: number;
  /** Uploads whose connection was reset (`resetUploads`). */
  uploadsReset: number;
  unauthorized: number;
  decommissioned: number;
}

export type Encoding = 'json' | 'protobuf';

export interface RecordedRequest {
  seq: number;
  /** ms since the service started, when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** The raw query string with its `?`, or ''. */
  query: string;
  api: 'twirp' | 'v1' | 'blob' | 'rest' | 'unknown';
  /**
   * twirp: the method name. v1: GetCacheEntry, ReserveCache, UploadChunk, CommitCache.
   * blob: PutBlob, PutBlock, PutBlockList, AppendBlock, GetBlob, GetBlobProperties; 'upload' for an
   * upload `resetUploads` dropped before it was read. Else 'unknown'.
   */
  operation: string;
  twirpMethod?: string;
  status: number;
  /** twirp only: the encoding of the request (and so of a successful answer). */
  encoding?: Encoding;
  contentType?: string;
  /** The token's run: its ref (the scope it writes) and repository. */
  scope?: string;
  repo?: string;
  key?: string;
  version?: string;
  restoreKeys?: string[];
  /** twirp GetCacheEntryDownloadURL / v1 GetCacheEntry hits: the key matched. */
  matchedKey?: string;
  /** Request body size (blob: the bytes uploaded). */
  bytes: number;
  /** Response body size (blob: the bytes downloaded; 0 for HEAD). */
  responseBytes: number;
  /** A few request headers worth asserting on (x-ms-blob-type, range, content-range, user-agent). */
  headers: Record<string, string>;
  /** A 429's Retry-After, in seconds. */
  retryAfter?: number;
  /** Why the emulator refused it, if it did. */
  fault?:
    | 'rateLimit'
    | 'downloadRateLimit'
    | 'checkWrite'
    | 'status5xx'
    | 'unauthorized'
    | 'decommissioned'
    | 'resetUpload';
  error?: string;
}

export interface CacheEntryInfo {
  id: number;
  key: string;
  version: string;
  /** The ref whose runs wrote it. */
  scope: string;
  repo: string;
  /** Bytes: the finalized size; before that, what was uploaded so far (v1: the reserved size until commit). */
  size: number;
  finalized: boolean;
  createdAt: Date;
  api: 'v1' | 'v2';
}

export interface CacheServiceOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Make every v1 call answer like github.com since the legacy service was shut down. */
  decommissioned?: boolean;
  faults?: CacheServiceFaults;
  /** Called with one line per answered request. */
  log?: (line: string) => void;
  /** Lifetime of signed blob URLs; default 6 h. */
  signedUrlTtlMs?: number;
  /** How fast and how much it serves: a preset name or a custom profile; default 'instant'. */
  profile?: ProfileName | ServiceProfile;
}

export interface CacheService {
  /** `http://127.0.0.1:PORT/`, for ACTIONS_RESULTS_URL and ACTIONS_CACHE_URL. */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** A snapshot of the entries, oldest first. */
  readonly entries: CacheEntryInfo[];
  /** Live: change fields at any time (see CacheServiceFaults.refuse). */
  faults: CacheServiceFaults;
  readonly refused: RefusedCounts;
  /** The service profile it paces its answers by (the resolved preset when started with a name). */
  readonly profile: ServiceProfile;
  decommissioned: boolean;
  /** A runtime token for this run; only tokens issued here are accepted (others get 401). */
  tokenFor(run: RunIdentity): string;
  /** The scopes a token grants, as its `ac` claim would list them. */
  scopesOf(token: string): TokenScope[] | undefined;
  /** The stored bytes of a finalized entry visible to nobody in particular (exact key, any scope). */
  entryData(key: string, version?: string): Buffer | undefined;
  /** Store a finalized entry directly, as if a run on `scope` had saved it. */
  seed(entry: { key: string; version: string; scope: string; data: Buffer | string; repo?: string }): void;
  /**
   * A token for the REST API (`GET /repos/{owner}/{repo}/actions/caches`, `…/actions/cache/usage`,
   * `DELETE …/actions/caches/{id}`), as GITHUB_TOKEN would be: with `actions: read` it lists, with
   * `actions: write` it also deletes (write implies read, as in GitHub's permissions); without them
   * the API answers 403.
   */
  apiToken(permissions: { actionsRead: boolean; actionsWrite?: boolean }): string;
  /** Change faults and wait until a `refuse` change has reached the listener. */
  setFaults(patch: CacheServiceFaults): Promise<void>;
  /** Requests whose operation is one of these names. */
  requestsFor(...operations: string[]): RecordedRequest[];
  close(): Promise<void>;
}

interface TokenInfo {
  run: Required<Omit<RunIdentity, 'baseRef'>> & { baseRef?: string };
  scopes: TokenScope[];
}

interface Blob {
  id: string;
  type: 'BlockBlob' | 'AppendBlob';
  data: Buffer | undefined;
  /** Uncommitted blocks by block id. */
  blocks: Map<string, Buffer>;
  /** v1 PATCH chunks. */
  chunks: { start: number; data: Buffer }[];
  etag: string;
  lastModified: Date;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  scope: string;
  repo: string;
  api: 'v1' | 'v2';
  createdAt: Date;
  /** Updated by every lookup that finds it, as GitHub's last_accessed_at is. */
  lastAccessedAt: Date;
  /** Strictly increasing, to order entries created within the same millisecond. */
  order: number;
  finalized: boolean;
  reservedSize: number;
  size: number;
  blob: Blob;
}

interface Signature {
  blobId: string;
  permissions: string;
  expires: number;
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Buffer;
  record: RecordedRequest;
  token?: TokenInfo;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(msg);
  }
}

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
};

function twirpError(code: keyof typeof TWIRP_STATUS, msg: string): TwirpError {
  return new TwirpError(TWIRP_STATUS[code] ?? 500, code, msg);
}

const TWIRP_5XX_CODE: Record<number, string> = {
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

const AZURE_5XX: Record<number, [string, string]> = {
  500: ['InternalError', 'The server encountered an internal error. Please retry the request.'],
  502: ['InternalError', 'Bad gateway.'],
  503: ['ServerBusy', 'The server is currently unable to receive requests. Please retry your request.'],
  504: ['OperationTimedOut', 'The operation could not be completed within the permitted time.'],
};

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Lookup order of GitHub's cache: per scope, the key then each restore key, exact before prefix.
 * The caller marks a hit accessed once it answers with it (not when the download limit refuses it).
 */
function findEntry(
  entries: readonly Entry[],
  repo: string,
  scopes: readonly string[],
  keys: readonly string[],
  version: string,
): Entry | undefined {
  const visible = entries
    .filter((e) => e.finalized && e.repo === repo && e.version === version)
    .sort((a, b) => b.order - a.order);
  for (const scope of scopes) {
    const inScope = visible.filter((e) => e.scope === scope);
    for (const key of keys) {
      const hit = inScope.find((e) => e.key === key) ?? inScope.find((e) => e.key.startsWith(key));
      if (hit) return hit;
    }
  }
  return undefined;
}

function readScopes(token: TokenInfo): string[] {
  return token.scopes.filter((s) => s.permission & 1).map((s) => s.scope);
}

function parseRange(header: string | undefined, length: number): [number, number] | 'none' | 'invalid' {
  if (!header) return 'none';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'none';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, length - suffix);
    end = length - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
  }
  if (start >= length || end < start) return 'invalid';
  return [start, end];
}

const BLOB_PATH = new RegExp(`^/${ACCOUNT}/${CONTAINER}/([\\w-]+)$`);

const RECORDED_HEADERS = ['x-ms-blob-type', 'range', 'x-ms-range', 'content-range', 'user-agent', 'accept'];

class CacheServiceImpl implements CacheService {
  url = '';
  port = 0;
  readonly requests: RecordedRequest[] = [];
  readonly refused: RefusedCounts = {
    rateLimited: 0,
    downloadsLimited: 0,
    checkWrite: 0,
    status5xx: 0,
    connections: 0,
    uploadsReset: 0,
    unauthorized: 0,
    decommissioned: 0,
  };
  decommissioned: boolean;

  private readonly server: Server;
  private readonly started = Date.now();
  private readonly secret = randomBytes(32);
  private readonly tokens = new Map<string, TokenInfo>();
  /** REST API tokens and what they may do with Actions data. */
  private readonly apiTokens = new Map<string, 'none' | 'read' | 'write'>();
  private readonly store: Entry[] = [];
  private readonly blobs = new Map<string, Blob>();
  private readonly signatures = new Map<string, Signature>();
  /** Accepted cache-entry creations, for the rateLimit fault (its window can change at runtime). */
  private readonly faultUploads = new SlidingWindow();
  readonly profile: ServiceProfile;
  private readonly nextLatency: () => number;
  /** The runner's link, one per direction, shared by every blob transfer. */
  private readonly downLink: Link;
  private readonly upLink: Link;
  private readonly profileUploads = new SlidingWindow();
  private readonly profileDownloads = new SlidingWindow();
  /** Matching requests each 5xx fault with a ratio has seen: a new fault starts counting afresh. */
  private readonly seen5xx = new WeakMap<Status5xxFault, number>();
  private readonly sockets = new Set<Socket>();
  private readonly log: ((line: string) => void) | undefined;
  private readonly ttl: number;
  private nextId = 1;
  private nextOrder = 1;
  private nextSeq = 1;
  private listening = false;
  private closed = false;
  private listenerChange: Promise<void> = Promise.resolve();
  private faultState: CacheServiceFaults;
  faults: CacheServiceFaults;

  constructor(options: CacheServiceOptions) {
    this.decommissioned = options.decommissioned ?? false;
    this.log = options.log;
    this.ttl = options.signedUrlTtlMs ?? 6 * 3600_000;
    this.profile = resolveProfile(options.profile);
    this.nextLatency = latencySampler(this.profile.latency);
    this.downLink = new Link(this.profile.bandwidth?.downloadBytesPerSec);
    this.upLink = new Link(this.profile.bandwidth?.uploadBytesPerSec);
    // `refuse` is applied by startCacheService once the listener exists.
    this.faultState = { ...options.faults, refuse: undefined };
    this.faults = this.faultsProxy();
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
    this.server.on('connection', (socket: Socket) => {
      if (this.faultState.refuse === 'reset') {
        this.refused.connections++;
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** A live view of the faults whose `refuse` setter moves the listener. */
  private faultsProxy(): CacheServiceFaults {
    return new Proxy(this.faultState, {
      set: (target, prop, value) => {
        Reflect.set(target, prop, value);
        if (prop === 'refuse') this.applyRefuse();
        return true;
      },
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}/`;
  }

  private applyRefuse(): void {
    this.listenerChange = this.listenerChange.then(async () => {
      if (this.closed) return;
      const refuse = this.faultState.refuse;
      if (refuse === 'reset' || refuse === true) this.dropConnections();
      if (refuse === true && this.listening) {
        this.listening = false;
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
      } else if (refuse !== true && !this.listening) {
        await this.listen(this.port);
      }
    });
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async setFaults(patch: CacheServiceFaults): Promise<void> {
    const refuseChanged = 'refuse' in patch && patch.refuse !== this.faultState.refuse;
    Object.assign(this.faultState, patch);
    if (refuseChanged) this.applyRefuse();
    await this.listenerChange;
  }

  async close(): Promise<void> {
    await this.listenerChange;
    this.closed = true;
    if (!this.listening) return;
    this.listening = false;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    this.dropConnections();
    await done;
  }

  get entries(): CacheEntryInfo[] {
    return [...this.store]
      .sort((a, b) => a.order - b.order)
      .map((e) => ({
        id: e.id,
        key: e.key,
        version: e.version,
        scope: e.scope,
        repo: e.repo,
        size: e.finalized ? e.size : e.api === 'v1' ? e.reservedSize : this.uploadedBytes(e.blob),
        finalized: e.finalized,
        createdAt: e.createdAt,
        api: e.api,
      }));
  }

  tokenFor(run: RunIdentity): string {
    const info: TokenInfo = {
      run: {
        ref: run.ref,
        defaultBranch: run.defaultBranch ?? 'refs/heads/main',
        repo: run.repo ?? 'octo-org/octo-repo',
        ...(run.baseRef ? { baseRef: run.baseRef } : {}),
      },
      scopes: [],
    };
    const scopes: TokenScope[] = [{ scope: info.run.ref, permission: 3 }];
    for (const scope of [info.run.baseRef, info.run.defaultBranch]) {
      if (scope && !scopes.some((s) => s.scope === scope)) scopes.push({ scope, permission: 1 });
    }
    info.scopes = scopes;
    // Shaped like the real token (a JWT whose `ac` claim lists the cache scopes); only the
    // emulator's own table decides what it grants.
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
    const payload = base64url(
      JSON.stringify({
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vso:emulated',
        repo: info.run.repo,
        ref: info.run.ref,
        ac: JSON.stringify(scopes.map((s) => ({ Scope: s.scope, Permission: s.permission }))),
        nbf: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 6 * 3600,
        jti: randomBytes(8).toString('hex'),
      }),
    );
    const sig = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${sig}`;
    this.tokens.set(token, info);
    return token;
  }

  scopesOf(token: string): TokenScope[] | undefined {
    return this.tokens.get(token)?.scopes.map((s) => ({ ...s }));
  }

  entryData(key: string, version?: string): Buffer | undefined {
    const entry = [...this.store]
      .sort((a, b) => b.order - a.order)
      .find((e) => e.finalized && e.key === key && (version === undefined || e.version === version));
    return entry?.blob.data;
  }

  apiToken(permissions: { actionsRead: boolean; actionsWrite?: boolean }): string {
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.apiTokens.set(token, permissions.actionsWrite ? 'write' : permissions.actionsRead ? 'read' : 'none');
    return token;
  }

  seed(entry: { key: string; version: string; scope: string; data: Buffer | string; repo?: string }): void {
    const created = this.createEntry(
      entry.repo ?? 'octo-org/octo-repo',
      entry.scope,
      entry.key,
      entry.version,
      'v2',
    );
    const data = Buffer.from(entry.data);
    created.blob.data = data;
    created.size = data.length;
    created.finalized = true;
  }

  requestsFor(...operations: string[]): RecordedRequest[] {
    return this.requests.filter((r) => operations.includes(r.operation));
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.faultState.refuse === 'reset') {
      this.refused.connections++;
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', this.url);
    const headers: Record<string, string> = {};
    for (const name of RECORDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const record: RecordedRequest = {
      seq: this.nextSeq++,
      at: Date.now() - this.started,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      api: 'unknown',
      operation: 'unknown',
      status: 0,
      bytes: 0,
      responseBytes: 0,
      headers,
    };
    if (req.headers['content-type']) record.contentType = req.headers['content-type'];
    if (req.method === 'PUT' && BLOB_PATH.test(url.pathname) && this.takeUploadReset()) {
      // Mid-upload: the client has sent its headers and starts on the body when the connection drops.
      record.api = 'blob';
      record.operation = 'upload';
      record.fault = 'resetUpload';
      this.refused.uploadsReset++;
      this.requests.push(record);
      this.log?.(formatRequest(record));
      const drop = () => req.socket.destroy();
      req.once('data', drop);
      req.once('end', drop);
      return;
    }
    const ex: Exchange = { req, res, url, body: Buffer.alloc(0), record };
    try {
      ex.body = await readBody(req);
      record.bytes = ex.body.length;
      // The profile's latency (sampled in arrival order, so the sequence is the seed's) and the
      // latency fault add up.
      const latency = (this.faultState.latencyMs ?? 0) + this.nextLatency();
      if (latency > 0) await sleep(latency);
      await this.route(ex);
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) this.sendJson(ex, 500, { msg: record.error });
      else res.destroy();
    }
  }

  private async route(ex: Exchange): Promise<void> {
    const { url, req, record } = ex;
    const twirp = new RegExp(`/twirp/${TWIRP_SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(url.pathname);
    if (twirp) {
      record.api = 'twirp';
      record.operation = record.twirpMethod = twirp[1] ?? '';
      return this.twirp(ex, record.operation);
    }
    const v1 = /\/_apis\/artifactcache\/(cache|caches)(?:\/(\d+))?$/.exec(url.pathname);
    if (v1) {
      record.api = 'v1';
      const [, resource, id] = v1;
      record.operation =
        resource === 'cache'
          ? 'GetCacheEntry'
          : id === undefined
            ? 'ReserveCache'
            : req.method === 'PATCH'
              ? 'UploadChunk'
              : 'CommitCache';
      return this.v1(ex, id === undefined ? undefined : Number(id));
    }
    const rest = /^\/repos\/([^/]+)\/([^/]+)\/actions\/(caches|cache\/usage)(?:\/(\d+))?$/.exec(url.pathname);
    if (rest) {
      record.api = 'rest';
      const [, owner, repo, resource, id] = rest;
      if (id !== undefined) {
        record.operation = 'DeleteCacheById';
        return this.restDelete(ex, `${owner}/${repo}`, resource === 'caches' ? Number(id) : undefined);
      }
      record.operation = resource === 'caches' ? 'ListCaches' : 'CacheUsage';
      return this.restApi(ex, `${owner}/${repo}`, resource === 'caches');
    }
    const blob = BLOB_PATH.exec(url.pathname);
    if (blob) {
      record.api = 'blob';
      return this.blob(ex, blob[1] ?? '');
    }
    this.sendJson(ex, 404, { msg: `no route for ${req.method} ${url.pathname}` });
  }

  /**
   * The REST API's cache listing and usage, as api.github.com answers them: `key` is a prefix, `ref`
   * an exact ref, newest first by default, pages of `per_page` (max 100) with a Link header.
   */
  private restApi(ex: Exchange, repo: string, list: boolean): void {
    if (ex.req.method !== 'GET') {
      return this.sendJson(ex, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    if (!this.restAllowed(ex, 'read', 'list-github-actions-caches-for-a-repository')) return;
    const entries = this.store.filter((e) => e.finalized && e.repo === repo);
    if (!list) {
      return this.sendJson(ex, 200, {
        full_name: repo,
        active_caches_size_in_bytes: entries.reduce((n, e) => n + e.size, 0),
        active_caches_count: entries.length,
      });
    }
    const q = ex.url.searchParams;
    const key = q.get('key');
    const ref = q.get('ref');
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    const sortBy = q.get('sort') ?? 'last_accessed_at';
    const ascending = q.get('direction') === 'asc';
    const sortValue = (e: Entry): number =>
      sortBy === 'created_at'
        ? e.createdAt.getTime()
        : sortBy === 'size_in_bytes'
          ? e.size
          : e.lastAccessedAt.getTime();
    const matching = entries
      .filter((e) => (key ? e.key.startsWith(key) : true) && (ref ? e.scope === ref : true))
      .sort((a, b) => {
        const newestFirst = sortValue(b) - sortValue(a) || b.order - a.order;
        return ascending ? -newestFirst : newestFirst;
      });
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < matching.length) {
      const next = new URL(ex.url);
      next.searchParams.set('page', String(page + 1));
      headers['link'] = `<${next.toString()}>; rel="next"`;
    }
    this.sendJson(
      ex,
      200,
      {
        total_count: matching.length,
        actions_caches: slice.map((e) => ({
          id: e.id,
          ref: e.scope,
          key: e.key,
          version: e.version,
          last_accessed_at: e.lastAccessedAt.toISOString(),
          created_at: e.createdAt.toISOString(),
          size_in_bytes: e.size,
        })),
      },
      headers,
    );
  }

  /**
   * Whether the request's token may do this, having answered 401 or 403 as api.github.com does
   * when it may not. `doc` is the operation's anchor in GitHub's REST docs.
   */
  private restAllowed(ex: Exchange, need: 'read' | 'write', doc: string): boolean {
    const auth = /^(?:token|Bearer)\s+(\S+)$/i.exec(ex.req.headers.authorization ?? '')?.[1];
    const may = auth === undefined ? undefined : this.apiTokens.get(auth);
    if (may === undefined) {
      this.sendJson(ex, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return false;
    }
    if (may === 'none' || (need === 'write' && may !== 'write')) {
      this.sendJson(ex, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: `https://docs.github.com/rest/actions/cache#${doc}`,
      });
      return false;
    }
    return true;
  }

  /** `DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}`: 204, or 404 for an id it does not hold. */
  private restDelete(ex: Exchange, repo: string, id: number | undefined): void {
    if (ex.req.method !== 'DELETE' || id === undefined) {
      return this.sendJson(ex, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    if (!this.restAllowed(ex, 'write', 'delete-a-github-actions-cache-for-a-repository-using-a-cache-id'))
      return;
    const entry = this.store.find((e) => e.finalized && e.repo === repo && e.id === id);
    if (!entry) {
      return this.sendJson(ex, 404, {
        message: 'Not Found',
        documentation_url:
          'https://docs.github.com/rest/actions/cache#delete-a-github-actions-cache-for-a-repository-using-a-cache-id',
      });
    }
    this.store.splice(this.store.indexOf(entry), 1);
    this.send(ex, 204, Buffer.alloc(0), {});
  }

  /** A 5xx for this operation, if the status5xx fault still has some to give. */
  private take5xx(operation: string): number | undefined {
    const fault = this.faultState.status5xx;
    if (!fault || (fault.count !== undefined && fault.count <= 0)) return undefined;
    if (fault.method !== undefined && fault.method !== operation) return undefined;
    if (fault.ratio !== undefined) {
      const seen = this.seen5xx.get(fault) ?? 0;
      this.seen5xx.set(fault, seen + 1);
      // Fails request n when n·ratio crosses an integer: evenly spread, the same on every run.
      if (Math.floor((seen + 1) * fault.ratio) === Math.floor(seen * fault.ratio)) return undefined;
    }
    if (fault.count !== undefined) fault.count--;
    this.refused.status5xx++;
    return fault.status ?? 500;
  }

  /** Whether this upload is one `resetUploads` drops. */
  private takeUploadReset(): boolean {
    const fault = this.faultState.resetUploads;
    if (!fault) return false;
    if (typeof fault === 'number') this.faultState.resetUploads = fault - 1;
    return true;
  }

  /**
   * Seconds until an upload slot frees up under the rateLimit fault and the profile's
   * uploadsPerMinute (the longer wait when both are full), or undefined when one is free now.
   */
  private rateLimited(): number | undefined {
    const now = Date.now();
    const fault = this.faultState.rateLimit;
    const perMinute = this.profile.limits?.uploadsPerMinute;
    const waits = [
      fault ? this.faultUploads.retryAfter(now, fault.uploads, fault.windowMs) : undefined,
      perMinute === undefined ? undefined : this.profileUploads.retryAfter(now, perMinute, MINUTE_MS),
    ].filter((w) => w !== undefined);
    return waits.length ? Math.max(...waits) : undefined;
  }

  /** An upload was accepted: it counts in the fault's window (which may be set later) and the profile's. */
  private uploadAccepted(): void {
    const now = Date.now();
    this.faultUploads.record(now);
    if (this.profile.limits?.uploadsPerMinute !== undefined) this.profileUploads.record(now);
  }

  /**
   * The profile's downloadsPerMinute, for a lookup that hit: the Retry-After seconds of a 429 to
   * send (counted and marked on the record), or undefined to answer with the hit (counted).
   */
  private downloadGate(ex: Exchange): number | undefined {
    const perMinute = this.profile.limits?.downloadsPerMinute;
    if (perMinute === undefined) return undefined;
    const now = Date.now();
    const wait = this.profileDownloads.retryAfter(now, perMinute, MINUTE_MS);
    if (wait === undefined) {
      this.profileDownloads.record(now);
      return undefined;
    }
    ex.record.fault = 'downloadRateLimit';
    ex.record.retryAfter = wait;
    this.refused.downloadsLimited++;
    return wait;
  }

  /** Hold the answer while `bytes` of blob body cross the runner's link (the profile's bandwidth). */
  private async transfer(direction: 'up' | 'down', bytes: number): Promise<void> {
    const delay = (direction === 'up' ? this.upLink : this.downLink).reserve(Date.now(), bytes);
    if (delay > 0) await sleep(delay);
  }

  private authenticate(ex: Exchange): TokenInfo | undefined {
    const auth = ex.req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const token = m ? this.tokens.get(m[1] ?? '') : undefined;
    if (token) {
      ex.token = token;
      ex.record.scope = token.run.ref;
      ex.record.repo = token.run.repo;
    }
    return token;
  }

  private createEntry(repo: string, scope: string, key: string, version: string, api: 'v1' | 'v2'): Entry {
    const blob: Blob = {
      id: randomBytes(16).toString('hex'),
      type: 'BlockBlob',
      data: undefined,
      blocks: new Map(),
      chunks: [],
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      lastModified: new Date(),
    };
    this.blobs.set(blob.id, blob);
    const entry: Entry = {
      id: this.nextId++,
      key,
      version,
      scope,
      repo,
      api,
      createdAt: new Date(),
      lastAccessedAt: new Date(),
      order: this.nextOrder++,
      finalized: false,
      reservedSize: 0,
      size: 0,
      blob,
    };
    this.store.push(entry);
    return entry;
  }

  private signedUrl(blob: Blob, permissions: string): string {
    const sig = randomBytes(32).toString('base64');
    const expires = Date.now() + this.ttl;
    this.signatures.set(sig, { blobId: blob.id, permissions, expires });
    const se = new Date(expires).toISOString().replace(/\.\d+Z$/, 'Z');
    const query = new URLSearchParams({ sv: AZURE_VERSION, sr: 'b', sp: permissions, se, sig });
    return `${this.url}${ACCOUNT}/${CONTAINER}/${blob.id}?${query.toString()}`;
  }

  private revokeUploads(blob: Blob): void {
    for (const [sig, s] of this.signatures) {
      if (s.blobId === blob.id && s.permissions.includes('w')) this.signatures.delete(sig);
    }
  }

  private uploadedBytes(blob: Blob): number {
    if (blob.data) return blob.data.length;
    return blob.chunks.reduce((n, c) => n + c.data.length, 0);
  }

  // ---- v2 twirp -------------------------------------------------------------------------------

  private async twirp(ex: Exchange, method: string): Promise<void> {
    try {
      const status = this.take5xx(method);
      if (status !== undefined) {
        ex.record.fault = 'status5xx';
        throw new TwirpError(status, TWIRP_5XX_CODE[status] ?? 'internal', 'emulated server error');
      }
      if (ex.req.method !== 'POST') {
        throw twirpError('bad_route', `unsupported method ${ex.req.method} (only POST is allowed)`);
      }
      const contentType = (ex.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      let encoding: Encoding;
      if (contentType === 'application/json') encoding = 'json';
      else if (contentType === 'application/protobuf') encoding = 'protobuf';
      else throw twirpError('bad_route', `unexpected Content-Type: ${JSON.stringify(contentType ?? '')}`);
      ex.record.encoding = encoding;
      const token = this.authenticate(ex);
      if (!token) {
        ex.record.fault = 'unauthorized';
        this.refused.unauthorized++;
        throw twirpError('unauthenticated', 'invalid or missing runtime token');
      }
      switch (method) {
        case 'CreateCacheEntry':
          return this.reply(
            ex,
            encoding,
            CreateCacheEntryResponse,
            this.createCacheEntry(ex, token, encoding),
          );
        case 'FinalizeCacheEntryUpload':
          return this.reply(
            ex,
            encoding,
            FinalizeCacheEntryUploadResponse,
            this.finalize(ex, token, encoding),
          );
        case 'GetCacheEntryDownloadURL':
          return this.reply(
            ex,
            encoding,
            GetCacheEntryDownloadURLResponse,
            this.downloadUrl(ex, token, encoding),
          );
        default:
          throw twirpError('bad_route', `no handler for path "${ex.url.pathname}"`);
      }
    } catch (err) {
      if (!(err instanceof TwirpError)) throw err;
      ex.record.error = `${err.code}: ${err.message}`;
      this.sendJson(ex, err.status, { code: err.code, msg: err.message }, err.headers);
    }
  }

  private decode<T extends object>(ex: Exchange, encoding: Encoding, type: MessageType<T>): T {
    try {
      return encoding === 'json'
        ? type.fromJsonString(ex.body.toString('utf8') || '{}', { ignoreUnknownFields: true })
        : type.fromBinary(ex.body);
    } catch (err) {
      throw twirpError('malformed', `failed to parse request: ${err instanceof Error ? err.message : err}`);
    }
  }

  private reply<T extends object>(ex: Exchange, encoding: Encoding, type: MessageType<T>, message: T): void {
    if (encoding === 'json') {
      const body = JSON.stringify(type.toJson(message, { useProtoFieldName: true, emitDefaultValues: true }));
      this.send(ex, 200, Buffer.from(body), { 'content-type': 'application/json' });
    } else {
      this.send(ex, 200, Buffer.from(type.toBinary(message)), { 'content-type': 'application/protobuf' });
    }
  }

  private checkKey(key: string, version: string): void {
    if (!key) throw twirpError('invalid_argument', 'key is required');
    if (key.length > MAX_KEY_LENGTH)
      throw twirpError('invalid_argument', `key is longer than ${MAX_KEY_LENGTH}`);
    if (!version) throw twirpError('invalid_argument', 'version is required');
  }

  private createCacheEntry(ex: Exchange, token: TokenInfo, encoding: Encoding): CreateCacheEntryResponse {
    const msg = this.decode(ex, encoding, CreateCacheEntryRequest);
    Object.assign(ex.record, { key: msg.key, version: msg.version });
    this.checkKey(msg.key, msg.version);
    const wait = this.uploadGate(ex, msg.key);
    if (wait !== undefined) {
      throw new TwirpError(429, 'resource_exhausted', 'cache upload rate limit exceeded, retry later', {
        'retry-after': String(wait),
      });
    }
    const existing = this.store.find(
      (e) =>
        e.repo === token.run.repo &&
        e.scope === token.run.ref &&
        e.key === msg.key &&
        e.version === msg.version,
    );
    if (existing) {
      throw twirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
    }
    this.uploadAccepted();
    const entry = this.createEntry(token.run.repo, token.run.ref, msg.key, msg.version, 'v2');
    return { ok: true, signedUploadUrl: this.signedUrl(entry.blob, 'cw'), message: '' };
  }

  /**
   * The checkWrite and rate-limit faults, shared by CreateCacheEntry and the v1 reserve: the
   * Retry-After seconds of a 429 to send, or undefined to go on.
   */
  private uploadGate(ex: Exchange, key: string): number | undefined {
    if (this.faultState.rejectCheckWrite && key === SCCACHE_CHECK_KEY) {
      ex.record.fault = 'checkWrite';
      this.refused.checkWrite++;
      return (ex.record.retryAfter = 60);
    }
    const wait = this.rateLimited();
    if (wait !== undefined) {
      ex.record.fault = 'rateLimit';
      ex.record.retryAfter = wait;
      this.refused.rateLimited++;
    }
    return wait;
  }

  private finalize(ex: Exchange, token: TokenInfo, encoding: Encoding): FinalizeCacheEntryUploadResponse {
    const msg = this.decode(ex, encoding, FinalizeCacheEntryUploadRequest);
    Object.assign(ex.record, { key: msg.key, version: msg.version });
    this.checkKey(msg.key, msg.version);
    const entry = this.store.find(
      (e) =>
        !e.finalized &&
        e.repo === token.run.repo &&
        e.scope === token.run.ref &&
        e.key === msg.key &&
        e.version === msg.version,
    );
    if (!entry) throw twirpError('not_found', 'no cache entry with this key and version is being uploaded');
    const uploaded = entry.blob.data;
    if (!uploaded) throw twirpError('failed_precondition', 'the cache entry has no uploaded data');
    if (uploaded.length !== msg.sizeBytes) {
      throw twirpError(
        'invalid_argument',
        `size_bytes ${msg.sizeBytes} does not match the uploaded size ${uploaded.length}`,
      );
    }
    entry.finalized = true;
    entry.size = uploaded.length;
    this.revokeUploads(entry.blob);
    return { ok: true, entryId: entry.id, message: '' };
  }

  private downloadUrl(ex: Exchange, token: TokenInfo, encoding: Encoding): GetCacheEntryDownloadURLResponse {
    const msg = this.decode(ex, encoding, GetCacheEntryDownloadURLRequest);
    Object.assign(ex.record, { key: msg.key, version: msg.version, restoreKeys: msg.restoreKeys });
    this.checkKey(msg.key, msg.version);
    const hit = findEntry(
      this.store,
      token.run.repo,
      readScopes(token),
      [msg.key, ...msg.restoreKeys],
      msg.version,
    );
    if (!hit) return { ok: false, signedDownloadUrl: '', matchedKey: '' };
    ex.record.matchedKey = hit.key;
    const wait = this.downloadGate(ex);
    if (wait !== undefined) {
      throw new TwirpError(429, 'resource_exhausted', 'cache download rate limit exceeded, retry later', {
        'retry-after': String(wait),
      });
    }
    hit.lastAccessedAt = new Date();
    return { ok: true, signedDownloadUrl: this.signedUrl(hit.blob, 'r'), matchedKey: hit.key };
  }

  // ---- v1 REST --------------------------------------------------------------------------------

  private v1Error(ex: Exchange, status: number, typeKey: string, message: string, headers = {}): void {
    ex.record.error = `${typeKey}: ${message}`;
    this.sendJson(
      ex,
      status,
      {
        $id: '1',
        innerException: null,
        message,
        typeName: `Microsoft.Azure.DevOps.PipelineCache.WebApi.${typeKey}, Microsoft.Azure.DevOps.PipelineCache.WebApi`,
        typeKey,
        errorCode: 0,
        eventId: 3000,
      },
      headers,
    );
  }

  private async v1(ex: Exchange, id: number | undefined): Promise<void> {
    const { record, req, url } = ex;
    // The chunk crossed the link before any answer, whatever the answer is.
    if (req.method === 'PATCH') await this.transfer('up', ex.body.length);
    const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
    if (record.operation === 'GetCacheEntry') {
      Object.assign(record, {
        key: keys[0],
        version: url.searchParams.get('version') ?? '',
        restoreKeys: keys.slice(1),
      });
    }
    const token = this.authenticate(ex);
    if (this.decommissioned) {
      record.fault = 'decommissioned';
      this.refused.decommissioned++;
      return this.v1Error(ex, 422, 'ArtifactCacheServiceDecommissionedException', DECOMMISSIONED_MESSAGE);
    }
    const status = this.take5xx(record.operation);
    if (status !== undefined) {
      record.fault = 'status5xx';
      return this.sendJson(ex, status, { message: 'emulated server error' });
    }
    if (!token) {
      record.fault = 'unauthorized';
      this.refused.unauthorized++;
      return this.sendJson(ex, 401, { message: 'invalid or missing runtime token' });
    }
    switch (record.operation) {
      case 'GetCacheEntry': {
        if (req.method !== 'GET') break;
        const version = url.searchParams.get('version') ?? '';
        if (!keys.length || !version) {
          return this.v1Error(ex, 400, 'ArgumentException', 'keys and version are required');
        }
        const hit = findEntry(this.store, token.run.repo, readScopes(token), keys, version);
        if (!hit) return this.send(ex, 204, Buffer.alloc(0));
        record.matchedKey = hit.key;
        const wait = this.downloadGate(ex);
        if (wait !== undefined) {
          return this.v1Error(
            ex,
            429,
            'RateLimitExceededException',
            'cache download rate limit exceeded, retry later',
            { 'retry-after': String(wait) },
          );
        }
        hit.lastAccessedAt = new Date();
        return this.sendJson(ex, 200, {
          scope: hit.scope,
          cacheKey: hit.key,
          cacheVersion: hit.version,
          creationTime: hit.createdAt.toISOString(),
          archiveLocation: this.signedUrl(hit.blob, 'r'),
        });
      }
      case 'ReserveCache': {
        if (req.method !== 'POST') break;
        const msg = parseJsonObject(ex.body);
        const key = typeof msg['key'] === 'string' ? msg['key'] : '';
        const version = typeof msg['version'] === 'string' ? msg['version'] : '';
        Object.assign(record, { key, version });
        if (!key || !version || key.length > MAX_KEY_LENGTH) {
          return this.v1Error(
            ex,
            400,
            'ArgumentException',
            'a key (at most 512 characters) and version are required',
          );
        }
        const wait = this.uploadGate(ex, key);
        if (wait !== undefined) {
          return this.v1Error(
            ex,
            429,
            'RateLimitExceededException',
            'cache upload rate limit exceeded, retry later',
            {
              'retry-after': String(wait),
            },
          );
        }
        if (
          this.store.some(
            (e) =>
              e.repo === token.run.repo &&
              e.scope === token.run.ref &&
              e.key === key &&
              e.version === version,
          )
        ) {
          return this.v1Error(
            ex,
            409,
            'ArtifactCacheAlreadyExistsException',
            `Cache already exists. Scope: ${token.run.ref}, Key: ${key}, Version: ${version}`,
          );
        }
        this.uploadAccepted();
        const entry = this.createEntry(token.run.repo, token.run.ref, key, version, 'v1');
        entry.reservedSize = typeof msg['cacheSize'] === 'number' ? msg['cacheSize'] : 0;
        return this.sendJson(ex, 201, { cacheId: entry.id });
      }
      case 'UploadChunk':
      case 'CommitCache': {
        const entry = this.store.find((e) => e.id === id && e.api === 'v1');
        if (!entry || entry.repo !== token.run.repo || entry.scope !== token.run.ref) {
          return this.v1Error(ex, 404, 'ArtifactCacheNotFoundException', `Cache with id ${id} not found`);
        }
        Object.assign(record, { key: entry.key, version: entry.version });
        if (entry.finalized) {
          return this.v1Error(
            ex,
            409,
            'ArtifactCacheAlreadyCommittedException',
            `Cache ${id} is already committed`,
          );
        }
        if (req.method === 'PATCH') {
          const m = /^bytes (\d+)-(\d+)\/(\*|\d+)$/.exec(req.headers['content-range'] ?? '');
          const start = Number(m?.[1]);
          const end = Number(m?.[2]);
          if (!m || end - start + 1 !== ex.body.length) {
            return this.v1Error(ex, 400, 'ArgumentException', 'Content-Range does not match the body');
          }
          entry.blob.chunks.push({ start, data: ex.body });
          return this.send(ex, 204, Buffer.alloc(0));
        }
        if (req.method === 'POST') {
          const size = parseJsonObject(ex.body)['size'];
          const chunks = [...entry.blob.chunks].sort((a, b) => a.start - b.start);
          let offset = 0;
          for (const c of chunks) {
            if (c.start !== offset) {
              return this.v1Error(
                ex,
                400,
                'ArgumentException',
                `chunks are not contiguous at byte ${offset}`,
              );
            }
            offset += c.data.length;
          }
          if (size !== offset) {
            return this.v1Error(
              ex,
              400,
              'ArgumentException',
              `The cache size ${String(size)} does not match the uploaded size ${offset}`,
            );
          }
          entry.blob.data = Buffer.concat(chunks.map((c) => c.data));
          entry.blob.chunks = [];
          entry.size = offset;
          entry.finalized = true;
          return this.send(ex, 204, Buffer.alloc(0));
        }
        break;
      }
    }
    this.sendJson(ex, 405, { message: `${req.method} is not allowed here` });
  }

  // ---- blobs ----------------------------------------------------------------------------------

  private azureError(ex: Exchange, status: number, code: string, message: string, headers = {}): void {
    ex.record.error = `${code}: ${message}`;
    const body =
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code>` +
      `<Message>${message}\nRequestId:${randomBytes(8).toString('hex')}\nTime:${new Date().toISOString()}</Message></Error>`;
    this.send(ex, status, Buffer.from(body), {
      'content-type': 'application/xml',
      'x-ms-error-code': code,
      ...headers,
    });
  }

  private async blob(ex: Exchange, blobId: string): Promise<void> {
    const { req, url, record } = ex;
    const comp = url.searchParams.get('comp');
    const method = req.method ?? 'GET';
    record.operation =
      method === 'PUT'
        ? comp === 'block'
          ? 'PutBlock'
          : comp === 'blocklist'
            ? 'PutBlockList'
            : comp === 'appendblock'
              ? 'AppendBlock'
              : 'PutBlob'
        : method === 'HEAD'
          ? 'GetBlobProperties'
          : method === 'GET'
            ? 'GetBlob'
            : 'unknown';
    // An upload's body crossed the link before any answer (Put Block List's is a list, not data).
    if (method === 'PUT' && record.operation !== 'PutBlockList') await this.transfer('up', ex.body.length);
    const entry = this.store.find((e) => e.blob.id === blobId);
    if (entry)
      Object.assign(record, { key: entry.key, version: entry.version, scope: entry.scope, repo: entry.repo });

    const status = this.take5xx(record.operation);
    if (status !== undefined) {
      record.fault = 'status5xx';
      const [code, message] = AZURE_5XX[status] ?? ['InternalError', 'error'];
      return this.azureError(ex, status, code, message);
    }
    const write = method === 'PUT';
    const sig = this.signatures.get(url.searchParams.get('sig') ?? '');
    const needed = write ? 'w' : 'r';
    if (!sig || sig.blobId !== blobId || sig.permissions !== url.searchParams.get('sp')) {
      return this.azureError(
        ex,
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
      );
    }
    if (sig.expires < Date.now()) {
      return this.azureError(
        ex,
        403,
        'AuthenticationFailed',
        'Signed expiry time has to be after signed start time',
      );
    }
    if (!sig.permissions.includes(needed)) {
      return this.azureError(
        ex,
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.',
      );
    }
    const blob = this.blobs.get(blobId);
    if (!blob) return this.azureError(ex, 404, 'BlobNotFound', 'The specified blob does not exist.');
    const common = (): Record<string, string> => ({
      etag: blob.etag,
      'last-modified': blob.lastModified.toUTCString(),
      'x-ms-request-id': randomBytes(16).toString('hex'),
      'x-ms-version': AZURE_VERSION,
      date: new Date().toUTCString(),
    });
    const touched = (): void => {
      blob.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`;
      blob.lastModified = new Date();
    };

    switch (record.operation) {
      case 'PutBlob': {
        const type = req.headers['x-ms-blob-type'];
        if (type !== 'BlockBlob' && type !== 'AppendBlob') {
          return this.azureError(
            ex,
            400,
            'MissingRequiredHeader',
            'An HTTP header that is mandatory for this request is not specified.',
          );
        }
        if (type === 'AppendBlob' && ex.body.length) {
          return this.azureError(
            ex,
            400,
            'InvalidHeaderValue',
            'Put Blob of an append blob takes no content.',
          );
        }
        blob.type = type;
        blob.data = ex.body;
        blob.blocks.clear();
        touched();
        return this.send(ex, 201, Buffer.alloc(0), { ...common(), 'x-ms-request-server-encrypted': 'true' });
      }
      case 'PutBlock': {
        const blockId = url.searchParams.get('blockid');
        if (!blockId) {
          return this.azureError(ex, 400, 'InvalidQueryParameterValue', 'blockid is required.');
        }
        blob.blocks.set(blockId, ex.body);
        return this.send(ex, 201, Buffer.alloc(0), { ...common(), 'x-ms-request-server-encrypted': 'true' });
      }
      case 'PutBlockList': {
        const ids = [
          ...ex.body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g),
        ].map((m) => m[2] ?? '');
        const parts: Buffer[] = [];
        for (const id of ids) {
          const part = blob.blocks.get(id);
          if (!part)
            return this.azureError(ex, 400, 'InvalidBlockList', 'The specified block list is invalid.');
          parts.push(part);
        }
        blob.type = 'BlockBlob';
        blob.data = Buffer.concat(parts);
        blob.blocks.clear();
        touched();
        return this.send(ex, 201, Buffer.alloc(0), { ...common(), 'x-ms-request-server-encrypted': 'true' });
      }
      case 'AppendBlock': {
        if (blob.type !== 'AppendBlob' || !blob.data) {
          return this.azureError(ex, 409, 'InvalidBlobType', 'The blob type is invalid for this operation.');
        }
        const offset = blob.data.length;
        blob.data = Buffer.concat([blob.data, ex.body]);
        touched();
        return this.send(ex, 201, Buffer.alloc(0), {
          ...common(),
          'x-ms-blob-append-offset': String(offset),
          'x-ms-blob-committed-block-count': '1',
        });
      }
      case 'GetBlob':
      case 'GetBlobProperties': {
        if (!blob.data) return this.azureError(ex, 404, 'BlobNotFound', 'The specified blob does not exist.');
        const data = blob.data;
        const headers = {
          ...common(),
          'content-type': 'application/octet-stream',
          'accept-ranges': 'bytes',
          'x-ms-blob-type': blob.type,
        };
        const range = parseRange(
          (req.headers['x-ms-range'] as string | undefined) ?? req.headers.range,
          data.length,
        );
        if (range === 'invalid') {
          return this.azureError(
            ex,
            416,
            'InvalidRange',
            'The range specified is invalid for the current size of the resource.',
            {
              'content-range': `bytes */${data.length}`,
            },
          );
        }
        const head = method === 'HEAD';
        if (range === 'none') {
          if (!head) await this.transfer('down', data.length);
          return this.send(ex, 200, data, headers, head);
        }
        const [start, end] = range;
        if (!head) await this.transfer('down', end + 1 - start);
        return this.send(
          ex,
          206,
          data.subarray(start, end + 1),
          { ...headers, 'content-range': `bytes ${start}-${end}/${data.length}` },
          head,
        );
      }
    }
    this.azureError(ex, 405, 'UnsupportedHttpVerb', "The resource doesn't support the specified HTTP verb.");
  }

  // ---- answers --------------------------------------------------------------------------------

  private sendJson(ex: Exchange, status: number, value: unknown, headers: Record<string, string> = {}): void {
    this.send(ex, status, Buffer.from(JSON.stringify(value)), {
      'content-type': 'application/json',
      ...headers,
    });
  }

  private send(
    ex: Exchange,
    status: number,
    body: Buffer,
    headers: Record<string, string> = {},
    headOnly = false,
  ): void {
    const { res, record } = ex;
    record.status = status;
    record.responseBytes = headOnly ? 0 : body.length;
    res.writeHead(status, { ...headers, 'content-length': String(body.length) });
    res.end(headOnly ? undefined : body);
    this.requests.push(record);
    this.log?.(formatRequest(record));
    const dieAfter = this.faultState.dieAfter;
    if (dieAfter !== undefined) {
      this.faultState.dieAfter = dieAfter > 1 ? dieAfter - 1 : undefined;
      // Once this answer is out: the client got it, and the next request finds nobody there.
      if (dieAfter <= 1) res.once('finish', () => (this.faults.refuse = true));
    }
  }
}

/** One log line for a request. */
export function formatRequest(r: RecordedRequest): string {
  const parts = [`${r.status}`, r.method, `${r.path}${r.api === 'blob' ? '' : r.query}`, `[${r.operation}]`];
  if (r.encoding) parts.push(r.encoding);
  if (r.scope) parts.push(`scope=${r.scope}`);
  if (r.key !== undefined) parts.push(`key=${r.key}`);
  if (r.version) parts.push(`version=${r.version.length > 20 ? `${r.version.slice(0, 12)}…` : r.version}`);
  if (r.matchedKey) parts.push(`matched=${r.matchedKey}`);
  if (r.headers['x-ms-blob-type']) parts.push(`x-ms-blob-type=${r.headers['x-ms-blob-type']}`);
  if (r.headers['range']) parts.push(`range=${r.headers['range']}`);
  if (r.api === 'blob' && r.query.includes('comp=')) parts.push(r.query.replace(/sig=[^&]*/, 'sig=…'));
  parts.push(`${r.bytes}B in, ${r.responseBytes}B out`);
  if (r.fault) parts.push(`FAULT=${r.fault}`);
  if (r.retryAfter !== undefined) parts.push(`retry-after=${r.retryAfter}s`);
  if (r.error) parts.push(`(${r.error})`);
  return parts.join(' ');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Start an emulator on 127.0.0.1 (port 0 = any free port). */
export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const service = new CacheServiceImpl(options);
  await service.listen(options.port ?? 0);
  if (options.faults?.refuse) await service.setFaults({ refuse: options.faults.refuse });
  return service;
}
