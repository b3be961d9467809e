// Running sccache: a child that leaves a process holding our pipes, or never answers, must not
// hold the step. Exercised with small shell scripts standing in for those behaviours.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runSccache, SccacheCommandError } from '../../../src/sccache/command.js';

const dir = mkdtempSync(join(tmpdir(), 'sccache-guard-cmd-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

test('a child that exits while a process it started holds stdout: settled soon after the exit', async () => {
  const started = Date.now();
  const result = await runSccache(script('fork.sh', 'sleep 20 & echo started'), ['--start-server']);
  assert.equal(result.stdout.trim(), 'started');
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
});

test('a child that never answers is killed at the time limit', async () => {
  await assert.rejects(
    runSccache(script('hang.sh', 'exec sleep 30'), ['--show-stats'], process.env, 500),
    (error: unknown) => error instanceof SccacheCommandError && error.kind === 'timeout',
  );
});

test('a failing child: its stderr, redacted, in the message', async () => {
  await assert.rejects(
    runSccache(script('fail.sh', 'echo "error at https://x/b?sig=SECRET&se=1" >&2; exit 2'), [
      '--start-server',
    ]),
    (error: unknown) =>
      error instanceof SccacheCommandError &&
      error.kind === 'failed' &&
      /exited with code 2: error at https:\/\/x\/b\?sig=\*\*\*&se=\*\*\*/.test(error.message) &&
      !error.message.includes('SECRET'),
  );
});
