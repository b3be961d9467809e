// What the runner tells us about the job we run in, and how a job is named in cache keys.
import { createHash } from 'node:crypto';

/** A label that tells jobs apart in annotations: the input when given, else job, OS and arch. */
export function jobLabel(input: string, env: NodeJS.ProcessEnv): string {
  if (input.trim()) return input.trim();
  const parts = [env['GITHUB_JOB'], [env['RUNNER_OS'], env['RUNNER_ARCH']].filter(Boolean).join('-')];
  return parts.filter(Boolean).join(' ');
}

/**
 * One job (and matrix label) in a cache key: a slug a person can read in the cache list, plus a
 * hash of job id and label so that matrix jobs with the same job id keep their own series.
 */
export function jobKeyPart(job: string, label: string): string {
  const slug =
    job
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'job';
  const hash = createHash('sha256').update(`${job}\n${label}`).digest('hex').slice(0, 8);
  return `${slug}-${hash}`;
}
