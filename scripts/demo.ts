// The demo: two runs of a job using this action, under the runner emulator, against the loopback
// GitHub cache-service emulator. Each run: setup (real sccache 0.16.0, GHA v2) -> a real cargo build
// of examples/demo-workspace -> the post step's report. The first run finds the cache cold; the
// second, on a fresh server and a clean target/, reads what the first stored. Both job summaries
// are printed.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCacheService } from '../__tests__/emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../__tests__/emulator/runner.js';
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
  if (result.log.trim()) console.log(result.log.trim().split('\n').slice(-12).join('\n'));
  if (result.exitCode !== 0) throw new Error(`${step} failed`);
}

const sccache = sccacheBinary();
const workspace = await demoWorkspace();
const service = await startCacheService();

/** The workflow these runs belong to, in the checkout as a real job has it. */
const WORKFLOW = `name: CI
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      actions: read
    steps:
      - uses: actions/checkout@v4
      - uses: org/sccache-guard@v1
      - run: cargo clean -q && cargo build --offline
`;
await mkdir(join(workspace, '.github', 'workflows'), { recursive: true });
await writeFile(join(workspace, '.github', 'workflows', 'ci.yml'), WORKFLOW);

let runId = 1000;

async function job(name: string): Promise<StepResult> {
  const port = String(await freePort());
  const runner = new RunnerEmulator({
    workspace,
    env: {
      PATH: pathWith(sccache),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: service.url,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: String(runId++),
      SCCACHE_SERVER_PORT: port,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  try {
    console.log(`\n##### job "${name}"`);
    // github-token: what ${{ github.token }} is on GitHub, with actions: read (the cache listing).
    const inputs = { 'github-token': service.apiToken({ actionsRead: true }) };
    show(
      'setup (uses: sccache-guard)',
      await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, inputs }),
    );
    show(
      'cargo clean && cargo build',
      await runner.runShell('cargo clean -q && cargo build --offline', { cwd: workspace }),
    );
    const report = await runner.runAction(join(DIST, 'report.js'), {
      stage: 'post',
      actionYml: ACTION_YML,
      inputs,
    });
    show('report (post step)', report);
    console.log('\n=== outputs');
    for (const [output, value] of Object.entries(report.outputs)) console.log(`${output}=${value}`);
    return report;
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    await runner.cleanup();
  }
}

try {
  const cold = await job('cold');
  const warm = await job('warm');
  console.log(`\n=== cache service: ${service.entries.length} entries, ${service.requests.length} requests`);
  console.log('\n=== job summary of the first run ($GITHUB_STEP_SUMMARY)\n');
  console.log(cold.summary);
  console.log('\n=== job summary of the second run ($GITHUB_STEP_SUMMARY)\n');
  console.log(warm.summary);
} finally {
  await service.close();
  await rm(workspace, { recursive: true, force: true });
}
