// Runs the sccache binary. The only place that spawns it, so every failure reads the same way, every
// call has a time limit (a wedged server must not hold the job until its timeout), and nothing it
// prints reaches a message unredacted.
import { spawn } from 'node:child_process';
import { redact } from '../util/redact.js';

/** The most of sccache's stdout we keep: a stats document with thousands of cache levels fits. */
export const MAX_STDOUT_BYTES = 64 * 2 ** 20;
/** The most of its stderr we keep: enough for any error sccache prints. */
const MAX_STDERR_BYTES = 2 ** 20;

export class SccacheCommandError extends Error {
  override readonly name = 'SccacheCommandError';
  constructor(
    message: string,
    readonly kind: 'missing-binary' | 'failed' | 'timeout',
    /** Everything the command printed on stderr (redacted), for callers that summarize it. */
    readonly detail = '',
  ) {
    super(message);
  }
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Long enough for a server start whose storage check waits on a slow service. */
export const SCCACHE_COMMAND_TIMEOUT_MS = 60_000;

export async function runSccache(
  binary: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS,
): Promise<CommandResult> {
  const command = `sccache ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    // stdin closed and no inherited stdio: the daemon sccache forks must not keep our pipes open.
    const child = spawn(binary, [...args], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    let exitCode: number | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      finish();
    }, timeoutMs);
    // A server started in the foreground (SCCACHE_NO_DAEMON) can hold our pipes after its client
    // exited: settle at most a moment after the exit, not when the pipes close.
    let grace: NodeJS.Timeout | undefined;
    // Bounded: a server that prints without end must not take the step's memory with it.
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= MAX_STDOUT_BYTES) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errBytes += chunk.length;
      if (errBytes <= MAX_STDERR_BYTES) err.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const why = error.code === 'ENOENT' ? 'no such file on PATH' : error.message;
      reject(new SccacheCommandError(`sccache was not found (${binary}): ${why}`, 'missing-binary'));
    });
    child.on('exit', (code) => {
      exitCode = code;
      grace = setTimeout(finish, 2000);
    });
    child.on('close', () => finish());

    function finish(): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (grace) clearTimeout(grace);
      child.stdout.destroy();
      child.stderr.destroy();
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = redact(Buffer.concat(err).toString('utf8'));
      if (timedOut) {
        return reject(
          new SccacheCommandError(
            `\`${command}\` did not answer within ${timeoutMs / 1000} s`,
            'timeout',
            stderr,
          ),
        );
      }
      if (outBytes > MAX_STDOUT_BYTES) {
        return reject(
          new SccacheCommandError(
            `\`${command}\` printed ${outBytes} bytes, more than the ${MAX_STDOUT_BYTES} a stats document can take`,
            'failed',
            stderr,
          ),
        );
      }
      if (exitCode !== 0) {
        const said = redact(stderr.trim() || stdout.trim())
          .split('\n')
          .slice(0, 3)
          .join(' ');
        return reject(
          new SccacheCommandError(
            `\`${command}\` exited with code ${exitCode}${said ? `: ${said}` : ''}`,
            'failed',
            stderr,
          ),
        );
      }
      resolve({ stdout, stderr });
    }
  });
}

/** sccache's refusal of an option it does not know (clap 2: "Found argument …", clap 4: "unexpected argument …"). */
const UNKNOWN_OPTION =
  /Found argument '--stats-format'|unexpected argument '--stats-format'|--stats-format.*(wasn't expected|not expected)/;

/**
 * The stats as JSON when this sccache can print them so, else its human-readable table: a release
 * older than `--stats-format` refuses the option, and its text is all there is (stats-text.ts).
 */
export async function showStats(
  binary: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS,
): Promise<string> {
  try {
    return await showStatsJson(binary, env, timeoutMs);
  } catch (error) {
    if (!(error instanceof SccacheCommandError) || !UNKNOWN_OPTION.test(error.detail)) throw error;
    return (await runSccache(binary, ['--show-stats'], env, timeoutMs)).stdout;
  }
}

/** The stats JSON exactly as printed (one line, no trailing newline). */
export async function showStatsJson(
  binary: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS,
): Promise<string> {
  return (await runSccache(binary, ['--show-stats', '--stats-format', 'json'], env, timeoutMs)).stdout;
}
