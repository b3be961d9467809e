// Are cache writes still in flight at the end of a job lost? (`npx tsx bench/flush.ts`)
//
// A job (setup, a cold cargo build of examples/demo-workspace, then the end of the job) against the
// cache-service emulator with latency on every request, ended two ways:
// - "stop": the post step as it is, which stops the job's own server after reading its stats;
// - "kill": no stop; the server is killed with SIGKILL, as the runner ends a job's leftover processes.
// For each run: the cache misses (each one an object to write), what the stats said was written when
// they were read, and the sccache objects finalized in the service once the job is over. Measures,
// never asserts; prints a Markdown table.
//
// Environment: FLUSH_LATENCY_MS (300), FLUSH_RUNS (3), FLUSH_WORKSPACE (demo-workspace, or workload:
// 41 crates from crates.io, 34 objects to write).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCacheService, type CacheService } from '../__tests__/emulator/cache-service.js';
import { RunnerEmulator } from '../__tests__/emulator/runner.js';
import { ACTION_YML, DIST, exampleWorkspace, pathWith, sccacheBinary } from '../__tests__/e2e/tools.js';

const LATENCY_MS = Number(process.env['FLUSH_LATENCY_MS'] ?? 300);
const RUNS = Number(process.env['FLUSH_RUNS'] ?? 3);
const WORKSPACE = process.env['FLUSH_WORKSPACE'] === 'workload' ? 'workload' : 'demo-workspace';
const sccache = sccacheBinary();

/** The pid of the sccache server listening on `port`, from /proc. */
async function serverPid(port: string): Promise<number | undefined> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const environ = await readFile(`/proc/${pid}/environ`, 'utf8');
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('sccache') && environ.includes(`\0SCCACHE_SERVER_PORT=${port}\0`)) {
        if (environ.includes('SCCACHE_START_SERVER=1')) return Number(pid);
      }
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

const objectsIn = (svc: CacheService) =>
  svc.entries.filter((e) => e.key.startsWith('sccache/') && e.key !== 'sccache/.sccache_check' && e.finalized)
    .length;

async function oneJob(ending: 'stop' | 'kill') {
  const svc = await startCacheService({ faults: { latencyMs: LATENCY_MS } });
  const runner = new RunnerEmulator({
    env: { PATH: pathWith(sccache), GITHUB_SERVER_URL: 'https://github.com' },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  const workspace = await exampleWorkspace(WORKSPACE);
  try {
    const inputs = { 'github-token': '', 'run-record': 'false' };
    const setup = await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, inputs });
    if (setup.exitCode !== 0) throw new Error(setup.log);
    const port = runner.jobEnv['SCCACHE_SERVER_PORT']!;
    const build = await runner.runShell('cargo build --offline --quiet', { cwd: workspace });
    if (build.exitCode !== 0) throw new Error(build.log);
    let statsWrites: number;
    let misses: number;
    if (ending === 'stop') {
      const report = await runner.runAction(join(DIST, 'report.js'), {
        stage: 'post',
        actionYml: ACTION_YML,
        inputs,
      });
      const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8'));
      statsWrites = stats.stats.cache_writes;
      misses = Number(report.outputs['misses']);
    } else {
      const shown = await runner.runStep(sccache, ['--show-stats', '--stats-format', 'json'], {
        env: { SCCACHE_SERVER_PORT: port },
      });
      const stats = JSON.parse(shown.stdout);
      statsWrites = stats.stats.cache_writes;
      misses = Object.values(stats.stats.cache_misses.counts as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      );
      const pid = await serverPid(port);
      if (pid) process.kill(pid, 'SIGKILL');
    }
    // Whatever was going to arrive has arrived by now.
    await sleep(3 * LATENCY_MS + 500);
    return { ending, misses, statsWrites, finalized: objectsIn(svc) };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], {
        env: { SCCACHE_SERVER_PORT: runner.jobEnv['SCCACHE_SERVER_PORT'] ?? '' },
      })
      .catch(() => 0);
    runner.cleanup();
    await svc.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const ending of ['stop', 'kill'] as const) {
    const r = await oneJob(ending);
    rows.push(
      `| ${r.ending} | ${i + 1} | ${r.misses} | ${r.statsWrites} | ${r.finalized} | ${r.misses - r.finalized} |`,
    );
    console.error(rows.at(-1));
  }
}
console.log(
  `Latency ${LATENCY_MS} ms on every request to the cache service; sccache 0.16.0; examples/${WORKSPACE}, cold.\n`,
);
console.log(
  '| job ending | run | misses (objects to write) | writes in the stats when read | objects finalized after the job | lost |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
