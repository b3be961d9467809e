// What the runner tells us about the job we run in.

/** A label that tells jobs apart in annotations: the input when given, else job, OS and arch. */
export function jobLabel(input: string, env: NodeJS.ProcessEnv): string {
  if (input.trim()) return input.trim();
  const parts = [env['GITHUB_JOB'], [env['RUNNER_OS'], env['RUNNER_ARCH']].filter(Boolean).join('-')];
  return parts.filter(Boolean).join(' ');
}
