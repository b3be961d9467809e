// Keys for the local backend's one-archive-per-job cache of SCCACHE_DIR: a series per runner OS,
// architecture and job (with its matrix label), newest first by restore-key prefix. Pure.
import { jobKeyPart } from './job.js';

export interface LocalCacheKeys {
  /** This run's key: immutable, so every run that adds objects saves under a new one. */
  readonly key: string;
  /** The prefix that finds the newest earlier archive of this series. */
  readonly restorePrefix: string;
}

/** What a key is made of, in the order localCacheKeys puts it together: for the summary. */
export const LOCAL_CACHE_KEY_PARTS =
  "the runner's OS and architecture, the job id with a hash of it and the job label (matrix jobs apart), " +
  "then this run's id and attempt";

export function localCacheKeys(env: NodeJS.ProcessEnv, label: string): LocalCacheKeys {
  const job = jobKeyPart(env['GITHUB_JOB'] ?? 'job', label);
  const os = (env['RUNNER_OS'] ?? process.platform).toLowerCase();
  const arch = (env['RUNNER_ARCH'] ?? process.arch).toLowerCase();
  const restorePrefix = `sccache-guard-dir-v1-${os}-${arch}-${job}-`;
  return {
    restorePrefix,
    key: `${restorePrefix}${env['GITHUB_RUN_ID'] ?? '0'}-${env['GITHUB_RUN_ATTEMPT'] ?? '1'}`,
  };
}
