// The demo: the action's main job under the runner emulator, on this machine.
// setup -> a real cargo build of examples/demo-workspace through sccache, twice (cold, then warm
// after `cargo clean`) -> the post step's report, whose job summary is printed at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerEmulator, type StepResult } from '../test/harness/runner.js';
import {
  ACTION_YML,
  demoWorkspace,
  DIST,
  freePort,
  pathWith,
  sccacheBinary,
} from '../__tests__/e2e/tools.js';

function show(step: string, result: StepResult): void {
  console.log(`\n=== ${step}: exit ${result.exitCode} (${(result.durationMs / 1000).toFixed(1)} s)`);
  if (result.log.trim()) console.log(result.log.trim().split('\n').slice(-15).join('\n'));
  if (result.exitCode !== 0) throw new Error(`${step} failed`);
}

const sccache = sccacheBinary();
const workspace = await demoWorkspace();
const home = await mkdtemp(join(tmpdir(), 'sccache-guard-demo-'));
const runner = new RunnerEmulator({
  env: { PATH: pathWith(sccache), GITHUB_SERVER_URL: 'https://github.com' },
});
const sccacheEnv = {
  SCCACHE_SERVER_PORT: String(await freePort()),
  SCCACHE_DIR: join(home, 'sccache'),
  SCCACHE_IDLE_TIMEOUT: '0',
};
try {
  show('setup', await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, env: sccacheEnv }));
  show('start sccache', await runner.runStep(sccache, ['--start-server'], { env: sccacheEnv }));
  const buildEnv = { ...sccacheEnv, RUSTC_WRAPPER: sccache, CARGO_INCREMENTAL: '0' };
  show(
    'cargo build (cold)',
    await runner.runShell('cargo build --offline', { cwd: workspace, env: buildEnv }),
  );
  show(
    'cargo clean && cargo build (warm)',
    await runner.runShell('cargo clean && cargo build --offline', { cwd: workspace, env: buildEnv }),
  );
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    actionYml: ACTION_YML,
    env: sccacheEnv,
  });
  show('report (post step)', report);
  console.log('\n=== outputs');
  for (const [name, value] of Object.entries(report.outputs)) console.log(`${name}=${value}`);
  console.log('\n=== job summary ($GITHUB_STEP_SUMMARY)\n');
  console.log(report.summary);
} finally {
  await runner.runStep(sccache, ['--stop-server'], { env: sccacheEnv }).catch(() => undefined);
  await runner.cleanup();
  await rm(workspace, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
}
