// Starting, stopping and checking the sccache server with an explicit environment: the server reads
// its whole configuration once, from the environment of the process that starts it.
import { runSccache, SccacheCommandError, showStatsJson } from './command.js';
import { decodeLocation, type CacheLocation } from './location.js';
import { parseStats } from './stats.js';

export type ServerEnv = Readonly<Record<string, string>>;

/**
 * A store that answers an error page (WebDAV servers do: `<html><head><title>401 Access not
 * authorized</title>…`) puts the page into sccache's message, line by line: its title says it all.
 * The search is bounded: the text is at most a few KB of stderr.
 */
function withoutErrorPage(text: string): string {
  const title = /<title>([^<]{1,200})<\/title>/i.exec(text.slice(0, 20_000))?.[1]?.trim();
  if (!title) return text;
  const start = text.search(/<(?:!DOCTYPE|html)\b/i);
  const end = text.search(/<\/html>/i);
  return start < 0
    ? text
    : `${text.slice(0, start)}${title}${end > start ? text.slice(end + '</html>'.length) : ''}`;
}

/** sccache's startup errors carry a backtrace; keep the error line and its source. */
export function summarizeSccacheError(text: string): string {
  const lines = withoutErrorPage(text)
    .split('\n')
    .map((l) => l.trim());
  const error = lines.find((l) => l.startsWith('sccache: error:')) ?? lines.find((l) => l !== '') ?? '';
  const sourceAt = lines.indexOf('Source:');
  const source = sourceAt >= 0 ? lines.slice(sourceAt + 1).find((l) => l !== '') : undefined;
  const summary = source ? `${error} (${source})` : error;
  return summary.length > 600 ? `${summary.slice(0, 599)}…` : summary;
}

export async function stopServer(binary: string, env: ServerEnv): Promise<void> {
  try {
    await runSccache(binary, ['--stop-server'], env);
  } catch {
    // Nothing was running: that is what we wanted.
  }
}

export type StartResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

export async function startServer(binary: string, env: ServerEnv): Promise<StartResult> {
  try {
    await runSccache(binary, ['--start-server'], env);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof SccacheCommandError)) throw error;
    return { ok: false, error: summarizeSccacheError(error.detail || error.message) };
  }
}

/** Where the running server actually keeps its cache, from its own stats. */
export async function serverLocation(binary: string, env: ServerEnv): Promise<CacheLocation> {
  return decodeLocation(parseStats(await showStatsJson(binary, env)).cacheLocation);
}

/** sccache listens on this port when SCCACHE_SERVER_PORT is not set (src/server.rs DEFAULT_PORT). */
export const DEFAULT_SERVER_PORT = 4226;

/** A server someone else started: what it says of itself, when it answers. */
export interface ServerIdentity {
  readonly version?: string;
  /** Its cache location, redacted. */
  readonly location?: string;
}

/** Asks the server on `env`'s port who it is; a server that does not answer in 5 s stays unknown. */
export async function describeServer(binary: string, env: ServerEnv): Promise<ServerIdentity> {
  try {
    const stats = parseStats(await showStatsJson(binary, env, 5_000));
    return { ...(stats.version ? { version: stats.version } : {}), location: stats.cacheLocation };
  } catch {
    return {};
  }
}
