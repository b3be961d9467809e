// Runs the sccache binary. The only place that spawns it, so every failure reads the same way.
import * as exec from '@actions/exec';

export class SccacheCommandError extends Error {
  override readonly name = 'SccacheCommandError';
  constructor(
    message: string,
    readonly kind: 'missing-binary' | 'failed',
  ) {
    super(message);
  }
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

export async function runSccache(
  binary: string,
  args: readonly string[],
  env?: Readonly<Record<string, string>>,
): Promise<CommandResult> {
  let result: exec.ExecOutput;
  try {
    result = await exec.getExecOutput(binary, [...args], {
      ignoreReturnCode: true,
      silent: true,
      ...(env ? { env: { ...env } } : {}),
    });
  } catch (error) {
    // @actions/exec throws before spawning when the file cannot be found.
    throw new SccacheCommandError(
      `sccache was not found (${binary}): ${(error as Error).message.split('\n')[0]}`,
      'missing-binary',
    );
  }
  if (result.exitCode !== 0) {
    const said = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(0, 3).join(' ');
    throw new SccacheCommandError(
      `\`sccache ${args.join(' ')}\` exited with code ${result.exitCode}${said ? `: ${said}` : ''}`,
      'failed',
    );
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

/** The stats JSON exactly as printed (one line, no trailing newline). */
export async function showStatsJson(binary: string): Promise<string> {
  return (await runSccache(binary, ['--show-stats', '--stats-format', 'json'])).stdout;
}
