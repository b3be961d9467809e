import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeScope, readableRefs } from '../../../src/github/run-scope.js';

test('what a run can read and where it writes, by event', () => {
  const push = { event: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' };
  assert.deepEqual(readableRefs(push), ['refs/heads/feature', 'refs/heads/main']);
  const pr = { event: 'pull_request', ref: 'refs/pull/7/merge', baseRef: 'release', defaultBranch: 'main' };
  assert.deepEqual(readableRefs(pr), ['refs/pull/7/merge', 'refs/heads/release', 'refs/heads/main']);
  assert.match(
    describeScope(pr),
    /writes into refs\/pull\/7\/merge, which only re-runs of this pull request can read/,
  );
  const tag = { event: 'push', ref: 'refs/tags/v1', defaultBranch: 'main' };
  assert.equal(
    describeScope(tag),
    'this push run reads entries of refs/tags/v1, refs/heads/main and writes into refs/tags/v1',
  );
});
