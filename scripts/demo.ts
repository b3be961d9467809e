// The demo: two runs of a job using this action, under the runner emulator, against the loopback
// GitHub cache-service emulator. Each run: setup (real sccache 0.16.0, GHA v2) -> a real cargo build
// of examples/demo-workspace -> the post step's report. The first run finds the cache cold; the
// second, on a fresh server and a clean target/, reads what the first stored. Both job summaries
// are printed.
//
// `npm run demo -- --capture DIR` also keeps what each report read (the stats as sccache printed
// them, setup's record, the server log), with this machine's paths and ports replaced by a hosted
// runner's: the inputs of the summaries in docs/summaries/ (scripts/summaries.ts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCacheService } from '../__tests__/emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../__tests__/emulator/runner.js';
import {
  ACTION_YML,
  DEMO_WORKFLOW,
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

const { values: flags } = parseArgs({ options: { capture: { type: 'string' } } });
const sccache = sccacheBinary();
const workspace = await demoWorkspace();
const service = await startCacheService();

await mkdir(join(workspace, '.github', 'workflows'), { recursive: true });
await writeFile(join(workspace, '.github', 'workflows', 'ci.yml'), DEMO_WORKFLOW);

let runId = 1000;

/** This machine's temporary paths and ports as a GitHub-hosted runner would have them. */
function asOnHostedRunner(text: string, runner: RunnerEmulator, port: string): string {
  return text
    .replaceAll(runner.runnerTemp, '/home/runner/work/_temp')
    .replaceAll(workspace, '/home/runner/work/octo-repo/octo-repo')
    .replaceAll(dirname(sccache), '/opt/hostedtoolcache/sccache/0.16.0/x64')
    .replaceAll(`"${port}"`, '"4226"')
    .replaceAll(`port ${port}`, 'port 4226')
    .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:4226')
    .replaceAll(service.url, 'https://results-receiver.actions.githubusercontent.com');
}

/**
 * The log as the report read it: up to the stats request. The report stops the server afterwards,
 * and a log that ends in that shutdown reads as a server stopped during the build.
 */
function upToTheStats(log: string): string {
  const at = log.lastIndexOf('handle_client: get_stats');
  return at < 0 ? log : log.slice(0, log.indexOf('\n', at) + 1);
}

/** What the report read, kept for the summaries in docs/summaries/. */
async function capture(
  name: string,
  runner: RunnerEmulator,
  setup: StepResult,
  report: StepResult,
  port: string,
) {
  if (!flags.capture) return;
  const dir = join(flags.capture, name);
  await mkdir(dir, { recursive: true });
  const record = setup.state['setup-record'] ?? '{}';
  const logPath = (JSON.parse(record) as { logPath?: string }).logPath;
  const files = {
    'stats.json': await readFile(report.outputs['stats-json'] ?? '', 'utf8'),
    'setup-record.json': `${JSON.stringify(JSON.parse(record), null, 2)}\n`,
    'sccache.log': logPath ? upToTheStats(await readFile(logPath, 'utf8')) : '',
  };
  for (const [file, text] of Object.entries(files))
    await writeFile(join(dir, file), asOnHostedRunner(text, runner, port));
  console.log(`captured the report's inputs in ${dir}`);
}

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
    const setup = await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, inputs });
    show('setup (uses: sccache-guard)', setup);
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
    await capture(name, runner, setup, report, port);
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
  const cold = await job('first-run');
  const warm = await job('second-run');
  console.log(`\n=== cache service: ${service.entries.length} entries, ${service.requests.length} requests`);
  console.log('\n=== job summary of the first run ($GITHUB_STEP_SUMMARY)\n');
  console.log(cold.summary);
  console.log('\n=== job summary of the second run ($GITHUB_STEP_SUMMARY)\n');
  console.log(warm.summary);
} finally {
  await service.close();
  await rm(workspace, { recursive: true, force: true });
}
