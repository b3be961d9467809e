// Reads the sccache server log (SCCACHE_ERROR_LOG with SCCACHE_LOG set) for what the stats cannot
// show: why writes failed, whether the startup write check turned the cache read-only, startups
// that failed, v1 protocol traffic. Line formats as real sccache 0.16 writes them (see
// __tests__/fixtures/logs). Pure: feed it lines; the report streams the file.
import { redactedExcerpt } from '../util/redact.js';

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
  readonly timeouts: number;
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
    // Cheap substring tests first: a debug log has millions of lines and most match nothing.
    if (line.includes('Error executing cache write')) {
      this.#writeErrors++;
      if (line.includes('RateLimited') || line.includes('status: 429')) this.#rateLimited++;
      else if (line.includes('read-only storage')) this.#readOnlyWrites++;
    } else if (line.includes('storage write check failed')) {
      this.#writeCheckFailure ??= quote(line.slice(line.indexOf('storage write check failed')));
    } else if (line.includes('server has setup with ReadOnly')) {
      this.#startedReadOnly = true;
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
    } else if (line.includes('Cache timed out')) {
      this.#timeouts++;
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
