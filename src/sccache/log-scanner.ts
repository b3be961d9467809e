// Reads the sccache server log (SCCACHE_ERROR_LOG with SCCACHE_LOG set) for what the stats cannot
// show: why reads and writes failed, whether the startup write check turned the cache read-only,
// startups that failed, v1 protocol traffic, how long lookups that missed waited. Line formats as
// real sccache 0.16 writes them (see __tests__/fixtures/logs). Pure: feed it lines; the report
// streams the file.
import { redactedExcerpt } from '../util/redact.js';

/**
 * Why a cache read or write failed, told from sccache's words for it (opendal's error kind, the HTTP
 * status in its context, reqwest's "send http request" when no answer came at all).
 */
export type FailureCause = 'unreachable' | 'rate-limited' | 'server-error' | 'denied' | 'read-only' | 'other';

export type FailureCounts = Readonly<Record<FailureCause, number>>;

/** Failed cache reads and writes, by cause: what sccache counts as plain misses and write errors. */
export interface StorageFailures {
  /** WARN "Got unexpected error: …": lookups that failed (each one counted as a miss in the stats). */
  readonly reads: FailureCounts;
  /** "Error executing cache write: …" (each one a `cache_write_errors` in the stats). */
  readonly writes: FailureCounts;
  /** The first log line of each cause, redacted: for reads the one that says what the network did. */
  readonly examples: {
    readonly reads: Readonly<Partial<Record<FailureCause, string>>>;
    readonly writes: Readonly<Partial<Record<FailureCause, string>>>;
  };
  /** HTTP statuses of the failures that had an answer (429, 500, …), in the order first seen. */
  readonly statuses: readonly number[];
  /** What the network said when no answer came ("connection refused", "connection reset"). */
  readonly networkErrors: readonly string[];
}

/** What a server's startup storage check answered (sccache 0.8+ with a remote store). */
export interface StorageCheck {
  /**
   * "storage check result: ReadWrite | ReadOnly | ReadOnly (manually set)" (sccache 0.16, debug),
   * else "server has setup with ReadWrite | ReadOnly" (info).
   */
  readonly result: 'read-write' | 'read-only' | 'read-only (manually set)';
  /**
   * sccache logged the check itself ("storage check result", debug level): a remote store was probed.
   * False when only "server has setup with …" tells the mode: local disk, which is not probed, or a
   * log level above debug.
   */
  readonly checked: boolean;
  /** The write probe failed ("storage write check failed: …"): why, and sccache's words, redacted. */
  readonly failure?: {
    readonly cause: FailureCause;
    readonly status?: number;
    /** "connection refused", …: when the service did not answer. */
    readonly networkError?: string;
    readonly quote: string;
  };
}

export interface LogFacts {
  readonly lines: number;
  /** "Error executing cache write: …" */
  readonly writeErrors: number;
  /** Write errors that were HTTP 429 / RateLimited. */
  readonly rateLimitedWrites: number;
  /** Write errors from a read-only storage. */
  readonly readOnlyWrites: number;
  /** The first "storage write check failed: …" (the startup write probe). */
  readonly writeCheckFailure?: string;
  /** "server has setup with ReadOnly". */
  readonly startedReadOnly: boolean;
  /** "storage check failed for: …" / "storage init failed for: …": a server that did not start. */
  readonly startupFailures: number;
  readonly firstStartupFailure?: string;
  /** Requests to the v1 REST API (`/_apis/artifactcache/`). */
  readonly v1Requests: number;
  /** The v1 service answered that it is shut down. */
  readonly decommissioned: boolean;
  /** WARN "Got unexpected error" on reads: counted as plain misses in the stats. */
  readonly readErrors: number;
  /** "[crate]: Cache timed out 60.001 s": lookups abandoned after sccache's 60 s. */
  readonly timeouts: number;
  /** The first such line, redacted. */
  readonly firstTimeout?: string;
  /** The startup storage check of the last server started ("start_server: …"), if it logged one. */
  readonly storageCheck?: StorageCheck;
  /** Failed reads and writes by cause, since the last server start or zero_stats (what the stats count). */
  readonly failures: StorageFailures;
  /**
   * "[crate]: Cache miss in 0.504 s" since the last server start or zero_stats: the time lookups that
   * missed waited for the storage, which the stats do not count (they time hits only).
   */
  readonly missLookups: number;
  readonly missLookupSeconds: number;
  /**
   * "[crate]: Cache write finished in 0.001 s", in the whole log: the report reads the log again after
   * it stopped the server, and the difference is the writes that finished after it read the stats.
   */
  readonly writesFinished: number;
  /** "server started, listening on …": every server that logged here. */
  readonly serverStarts: number;
  /** "shutting down due to being idle or request". */
  readonly shutdowns: number;
  /** "handle_client: zero_stats": the counters were reset. */
  readonly zeroStats: number;
  /** The last server event is a shutdown: whatever answered later was not started with this log. */
  readonly endsInShutdown: boolean;
  /** "handle_client: compile" since the last server start or zero_stats: what the stats should count. */
  readonly compileRequestsSinceReset: number;
  /**
   * "[crate]: compile result: cache hit|cache miss", per crate (Rust) or source (C/C++), since the
   * last server start or zero_stats (what the stats count); capped.
   */
  readonly outcomes: ReadonlyMap<string, { readonly hits: number; readonly misses: number }>;
  /** Crates beyond the cap, counted but not named. */
  readonly outcomesDropped: number;
  /** `--target TRIPLE` values seen in compile arguments. */
  readonly targets: readonly string[];
  /** "Using rustc at path: …": the compiler the build used. */
  readonly rustcPath?: string;
}

/** Enough for a large workspace's dependency tree; the rest are counted, not named. */
export const MAX_NAMED_OUTCOMES = 5000;
const MAX_TARGETS = 20;
const OUTCOME = /\[([^\]]{1,200})\]: compile result: cache (hit|miss)\b/;
const TARGET = /"--target", "([A-Za-z0-9_.-]{1,100})"/;

const MAX_QUOTE = 300;
const quote = (text: string) => redactedExcerpt(text.trim(), MAX_QUOTE);

/** No HTTP answer at all: reqwest could not send the request, or the connection broke under it. */
const NETWORK =
  /send http request|error sending request|tcp connect error|connection refused|connection reset|connection closed before message completed|dns error/i;
const STATUS = /\bstatus: (\d{3})\b/;
const MISS_TIME = /\]: Cache miss in (\d{1,7}\.\d{1,3}) s/;
const CHECK_RESULT = /storage check result: (ReadWrite|ReadOnly \(manually set\)|ReadOnly)/;
const SETUP_WITH = /server has setup with (ReadWrite|ReadOnly)/;

/** The part of reqwest's error that says what happened on the wire, in a few words. */
export function networkErrorOf(text: string): string | undefined {
  if (/connection refused/i.test(text)) return 'connection refused';
  if (/connection reset/i.test(text)) return 'connection reset';
  if (/connection closed before message completed/i.test(text)) return 'connection closed mid-request';
  if (/dns error|failed to lookup address/i.test(text)) return 'DNS lookup failed';
  if (/timed out/i.test(text)) return 'timed out';
  return undefined;
}

export function failureCause(text: string, status: number | undefined): FailureCause {
  if (text.includes('read-only storage')) return 'read-only';
  if (text.includes('RateLimited') || status === 429) return 'rate-limited';
  // Before the status: a request that never got an answer has none, and its line says so.
  if (NETWORK.test(text)) return 'unreachable';
  if (status !== undefined && status >= 500) return 'server-error';
  if (status === 401 || status === 403 || text.includes('PermissionDenied')) return 'denied';
  return 'other';
}

/**
 * opendal's one-line error puts its whole context (URL, path, response headers) between the kind
 * and the cause, and a blob URL carries its signature in the query: elided, the quote keeps what
 * failed and why within the quote's length.
 */
function withoutContext(line: string): string {
  // Bounded work on a hostile line: sccache's context blocks are a few hundred characters.
  const text = line.slice(0, 4000);
  const start = text.indexOf(', context: {');
  const end = start < 0 ? -1 : text.indexOf('} => ', start);
  const short = end < 0 ? text : `${text.slice(0, start)}, context: {…} => ${text.slice(end + 5)}`;
  return short.replace(/(https?:\/\/[^\s?)]{1,500})\?[^\s)]{1,2000}/g, '$1?…');
}

const statusIn = (text: string): number | undefined => {
  const status = STATUS.exec(text)?.[1];
  return status === undefined ? undefined : Number(status);
};

/** "[2026-… DEBUG sccache::compiler::compiler] [demo_core]: …" without env_logger's part. */
function withoutLogPrefix(line: string): string {
  const end = line.startsWith('[') ? line.indexOf('] ') : -1;
  return end < 0 ? line : line.slice(end + 2);
}

const zeroCounts = (): Record<FailureCause, number> => ({
  unreachable: 0,
  'rate-limited': 0,
  'server-error': 0,
  denied: 0,
  'read-only': 0,
  other: 0,
});

/** An error sccache printed over several lines (opendal's Debug form): its first line and what follows. */
interface OpenError {
  readonly kind: 'read' | 'write-check';
  readonly first: string;
  status?: number;
  networkError?: string;
  /** The "error sending request for url (…): …" line, the one that says what the network did. */
  sourceLine?: string;
}

/** Lines that continue a multi-line error: blank, indented, or one of its section headings. */
const continues = (line: string) =>
  line === '' || line.startsWith(' ') || /^(Context|Source|Backtrace):/.test(line);

export class LogScanner {
  #lines = 0;
  #writeErrors = 0;
  #rateLimited = 0;
  #readOnlyWrites = 0;
  #writeCheckFailure: string | undefined;
  #startedReadOnly = false;
  #startupFailures = 0;
  #firstStartupFailure: string | undefined;
  #v1Requests = 0;
  #decommissioned = false;
  #readErrors = 0;
  #timeouts = 0;
  #firstTimeout: string | undefined;
  #open: OpenError | undefined;
  #checkFailure: StorageCheck['failure'];
  #checkLogged = false;
  #storageCheck: StorageCheck | undefined;
  #reads = zeroCounts();
  #writes = zeroCounts();
  #readExamples: Partial<Record<FailureCause, string>> = {};
  #writeExamples: Partial<Record<FailureCause, string>> = {};
  #statuses = new Set<number>();
  #networkErrors = new Set<string>();
  #missLookups = 0;
  #writesFinished = 0;
  #missLookupSeconds = 0;
  #serverStarts = 0;
  #shutdowns = 0;
  #zeroStats = 0;
  #endsInShutdown = false;
  #sinceReset = 0;
  // A Map, not an object: crate names come from the build and may be "__proto__".
  #outcomes = new Map<string, { hits: number; misses: number }>();
  #outcomesDropped = 0;
  #targets = new Set<string>();
  #rustcPath: string | undefined;

  /** One line of the log, without its newline. */
  add(line: string): void {
    this.#lines++;
    if (this.#open) {
      if (continues(line)) this.#continueError(line);
      else this.#closeError();
    }
    // Cheap substring tests first: a debug log has millions of lines and most match nothing.
    if (line.includes('Error executing cache write')) {
      this.#writeErrors++;
      if (line.includes('RateLimited') || line.includes('status: 429')) this.#rateLimited++;
      else if (line.includes('read-only storage')) this.#readOnlyWrites++;
      const text = line.slice(line.indexOf('Error executing cache write'));
      const status = statusIn(text);
      this.#failed(
        this.#writes,
        this.#writeExamples,
        failureCause(text, status),
        withoutContext(text),
        status,
      );
    } else if (line.includes('storage write check failed')) {
      const text = line.slice(line.indexOf('storage write check failed'));
      this.#writeCheckFailure ??= quote(text);
      this.#open = { kind: 'write-check', first: text };
    } else if (line.includes('] start_server: ')) {
      // A new server: the check that counts is the one it is about to log (local disk logs none).
      this.#storageCheck = undefined;
      this.#checkFailure = undefined;
      this.#checkLogged = false;
    } else if (line.includes('storage check result: ')) {
      const result = CHECK_RESULT.exec(line)?.[1];
      if (result) this.#checked(result, true);
    } else if (line.includes('server has setup with ')) {
      const mode = SETUP_WITH.exec(line)?.[1];
      if (mode === 'ReadOnly') this.#startedReadOnly = true;
      // Without debug lines this is the only word on the check; with them it repeats the result.
      if (mode && !this.#checkLogged) this.#checked(mode, false);
      this.#checkLogged = false;
    } else if (line.includes(']: Cache write finished in ')) {
      this.#writesFinished++;
    } else if (line.includes('Cache miss in ')) {
      const seconds = MISS_TIME.exec(line)?.[1];
      if (seconds !== undefined) {
        this.#missLookups++;
        this.#missLookupSeconds += Number(seconds);
      }
    } else if (line.includes('storage check failed for') || line.includes('storage init failed for')) {
      this.#startupFailures++;
      const at = line.indexOf('storage ');
      this.#firstStartupFailure ??= quote(line.slice(at));
    } else if (line.includes('compile result: cache ')) {
      this.#outcome(line);
    } else if (line.includes('handle_client: compile')) {
      this.#sinceReset++;
    } else if (line.includes('server started, listening on')) {
      this.#serverStarts++;
      this.#endsInShutdown = false;
      this.#reset();
    } else if (line.includes('shutting down due to being idle or request')) {
      this.#shutdowns++;
      this.#endsInShutdown = true;
    } else if (line.includes('handle_client: zero_stats')) {
      this.#zeroStats++;
      this.#reset();
    } else if (line.includes('Got unexpected error')) {
      this.#readErrors++;
      this.#open = { kind: 'read', first: line.slice(line.indexOf('Got unexpected error')) };
    } else if (line.includes('Cache timed out')) {
      this.#timeouts++;
      this.#firstTimeout ??= quote(withoutLogPrefix(line));
    }
    if (line.includes('/_apis/artifactcache/')) this.#v1Requests++;
    if (this.#rustcPath === undefined && line.includes('Using rustc at path: ')) {
      this.#rustcPath = /Using rustc at path: "([^"]{1,1000})"/.exec(line)?.[1];
    }
    if (this.#targets.size < MAX_TARGETS && line.includes('"--target"')) {
      const target = TARGET.exec(line)?.[1];
      if (target) this.#targets.add(target);
    }
    if (
      line.includes('ArtifactCacheServiceDecommissionedException') ||
      line.includes('legacy service is shutting down')
    ) {
      this.#decommissioned = true;
    }
  }

  /** A new server or zeroed counters: what the stats count starts again, and so do the outcomes. */
  #reset(): void {
    this.#sinceReset = 0;
    this.#outcomes.clear();
    this.#outcomesDropped = 0;
    this.#reads = zeroCounts();
    this.#writes = zeroCounts();
    this.#readExamples = {};
    this.#writeExamples = {};
    this.#statuses.clear();
    this.#networkErrors.clear();
    this.#missLookups = 0;
    this.#missLookupSeconds = 0;
  }

  #continueError(line: string): void {
    const open = this.#open!;
    open.status ??= statusIn(line);
    if (open.sourceLine === undefined && line.includes('error sending request for url')) {
      open.sourceLine = line.trim();
      open.networkError = networkErrorOf(line);
    }
  }

  #closeError(): void {
    const open = this.#open!;
    this.#open = undefined;
    const cause = failureCause(`${open.first} ${open.sourceLine ?? ''}`, open.status);
    if (open.kind === 'read') {
      // The line that says what the network did says more than "send http request".
      this.#failed(
        this.#reads,
        this.#readExamples,
        cause,
        open.sourceLine ?? open.first,
        open.status,
        open.networkError,
      );
      return;
    }
    this.#checkFailure = {
      cause,
      ...(open.status !== undefined ? { status: open.status } : {}),
      ...(open.networkError ? { networkError: open.networkError } : {}),
      quote: quote(open.first),
    };
  }

  #failed(
    counts: Record<FailureCause, number>,
    examples: Partial<Record<FailureCause, string>>,
    cause: FailureCause,
    text: string,
    status: number | undefined,
    networkError?: string,
  ): void {
    counts[cause]++;
    examples[cause] ??= quote(text);
    if (status !== undefined) this.#statuses.add(status);
    if (networkError) this.#networkErrors.add(networkError);
  }

  /** The check's result; a failed write probe logged just before it is its reason. */
  #checked(result: string, checked: boolean): void {
    this.#checkLogged = true;
    const mode =
      result === 'ReadWrite'
        ? 'read-write'
        : result === 'ReadOnly (manually set)'
          ? 'read-only (manually set)'
          : 'read-only';
    const failure = mode === 'read-only' ? this.#checkFailure : undefined;
    this.#storageCheck = { result: mode, checked, ...(failure ? { failure } : {}) };
    this.#checkFailure = undefined;
  }

  #outcome(line: string): void {
    const match = OUTCOME.exec(line);
    if (!match) return;
    const name = match[1]!;
    let counts = this.#outcomes.get(name);
    if (!counts) {
      if (this.#outcomes.size >= MAX_NAMED_OUTCOMES) {
        this.#outcomesDropped++;
        return;
      }
      counts = { hits: 0, misses: 0 };
      this.#outcomes.set(name, counts);
    }
    if (match[2] === 'hit') counts.hits++;
    else counts.misses++;
  }

  facts(): LogFacts {
    // A multi-line error at the very end of the log is complete once there is nothing more to read.
    if (this.#open) this.#closeError();
    return {
      lines: this.#lines,
      writeErrors: this.#writeErrors,
      rateLimitedWrites: this.#rateLimited,
      readOnlyWrites: this.#readOnlyWrites,
      ...(this.#writeCheckFailure ? { writeCheckFailure: this.#writeCheckFailure } : {}),
      startedReadOnly: this.#startedReadOnly,
      startupFailures: this.#startupFailures,
      ...(this.#firstStartupFailure ? { firstStartupFailure: this.#firstStartupFailure } : {}),
      v1Requests: this.#v1Requests,
      decommissioned: this.#decommissioned,
      readErrors: this.#readErrors,
      timeouts: this.#timeouts,
      ...(this.#firstTimeout ? { firstTimeout: this.#firstTimeout } : {}),
      ...(this.#storageCheck ? { storageCheck: this.#storageCheck } : {}),
      failures: {
        reads: { ...this.#reads },
        writes: { ...this.#writes },
        examples: { reads: { ...this.#readExamples }, writes: { ...this.#writeExamples } },
        statuses: [...this.#statuses],
        networkErrors: [...this.#networkErrors],
      },
      missLookups: this.#missLookups,
      missLookupSeconds: Math.round(this.#missLookupSeconds * 1000) / 1000,
      writesFinished: this.#writesFinished,
      serverStarts: this.#serverStarts,
      shutdowns: this.#shutdowns,
      zeroStats: this.#zeroStats,
      endsInShutdown: this.#endsInShutdown,
      compileRequestsSinceReset: this.#sinceReset,
      outcomes: new Map(this.#outcomes),
      outcomesDropped: this.#outcomesDropped,
      targets: [...this.#targets].sort(),
      ...(this.#rustcPath ? { rustcPath: this.#rustcPath } : {}),
    };
  }
}

export function scanLog(text: string): LogFacts {
  const scanner = new LogScanner();
  for (const line of text.split('\n')) scanner.add(line);
  return scanner.facts();
}
