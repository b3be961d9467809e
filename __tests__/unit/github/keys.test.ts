// Cache keys are a promise to users' caches: a key that changes between releases makes every job's
// archive and run record unreachable, so the exact strings are pinned here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobKeyPart, jobLabel } from '../../../src/github/job.js';
import { recordKeyPrefix } from '../../../src/github/run-record.js';
import { localCacheKeys } from '../../../src/github/sccache-dir-key.js';

const env = {
  GITHUB_JOB: 'Build & Test',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
};

test('the archive key and the run-record prefix share one job part', () => {
  const label = jobLabel('', env);
  assert.equal(label, 'Build & Test Linux-X64');
  const part = jobKeyPart(env.GITHUB_JOB, label);
  assert.match(part, /^build-test-[0-9a-f]{8}$/);
  const keys = localCacheKeys(env, label);
  assert.equal(keys.restorePrefix, `sccache-guard-dir-v1-linux-x64-${part}-`);
  assert.equal(keys.key, `${keys.restorePrefix}42-2`);
  assert.equal(recordKeyPrefix(env.GITHUB_JOB, label), `sccache-guard-run-v2-${part}-`);
});

test('keys are stable across releases (pinned values)', () => {
  assert.equal(jobKeyPart('build', 'build Linux-X64'), 'build-c067711e');
  assert.equal(jobKeyPart('!!!', 'x'), 'job-1fc15546');
});

test('matrix jobs with one job id keep their own series', () => {
  assert.notEqual(jobKeyPart('build', 'build (ubuntu, stable)'), jobKeyPart('build', 'build (ubuntu, beta)'));
});
