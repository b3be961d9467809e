// The post step against logs no person would write: a 600 MB single line and /dev/zero in place of
// sccache's log. It must end with exit 0, a summary and its outputs, never a crash or a hang.
import assert from 'node:assert/strict';
import { rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RunnerEmulator } from '../emulator/runner.js';
import { ACTION_YML, DIST, freePort, pathWith, sccacheBinary } from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** Setup on local disk, one C compile through sccache, then `replaceLog` swaps the log, then the report. */
async function reportWithLog(replaceLog: (logPath: string) => Promise<void>) {
  const sccache = sccacheBinary();
  const port = String(await freePort());
  const runner = new RunnerEmulator({
    env: { PATH: pathWith(sccache), GITHUB_SERVER_URL: 'https://github.com', SCCACHE_SERVER_PORT: port },
  });
  cleanups.push(async () => {
    await runner.runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } }).catch(() => 0);
    await runner.cleanup();
  });
  const setup = await runner.runAction(join(DIST, 'setup.js'), {
    actionYml: ACTION_YML,
    // No run record and no cache listing (api.github.com is out of reach here): the time is the log's.
    inputs: { backend: 'local', 'run-record': 'false', 'github-token': '' },
  });
  assert.equal(setup.exitCode, 0, setup.log);
  await writeFile(join(runner.workspace, 'a.c'), 'int answer(void) { return 42; }\n');
  const build = await runner.runShell('"$RUSTC_WRAPPER" gcc -c a.c -o a.o', { cwd: runner.workspace });
  assert.equal(build.exitCode, 0, build.log);
  const logPath = runner.jobEnv['SCCACHE_ERROR_LOG']!;
  await replaceLog(logPath);
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    actionYml: ACTION_YML,
    inputs: { 'github-token': '' },
  });
  assertSummaryReadsWell(report.summary);
  return report;
}

for (const [name, replaceLog] of [
  [
    'a 600 MB log that is one line',
    async (path: string) => {
      await rm(path, { force: true });
      await writeFile(path, '');
      await truncate(path, 600 * 2 ** 20); // sparse: 600 MB of NUL bytes and no newline
      cleanups.push(() => rm(path, { force: true }));
    },
  ],
  [
    '/dev/zero as the log',
    async (path: string) => {
      await rm(path, { force: true });
      await symlink('/dev/zero', path);
    },
  ],
] as const) {
  test(`${name}: the report exits 0 with a summary and its outputs`, { timeout: 180_000 }, async () => {
    const report = await reportWithLog(replaceLog);
    assert.equal(report.exitCode, 0, report.log);
    assert.equal(report.failed, false);
    assert.match(report.summary, /^## sccache · [^\n]*: warm: 100\.0 % of 1 lookup hit$/m);
    assert.match(report.summary, /<summary>Setup<\/summary>/);
    const lookups = Number(report.outputs['hits']) + Number(report.outputs['misses']);
    assert.equal(lookups, 1, 'the counters still come from the stats');
    assert.ok(!/RangeError|Invalid string length/.test(report.log), report.log);
    // For the closing note: how long the post step took on this log.
    console.log(`${name}: post step ${(report.durationMs / 1000).toFixed(1)} s`);
  });
}
