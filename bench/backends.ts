// Every way a job can cache its compiles, side by side, cold and warm, under the cache-service
// emulator's instant and github-like profiles (bench/README.md): on examples/workload (Rust) and
// on a generated C/C++ CMake project of several hundred translation units (scripts/cpp-workload.ts).
//
//   none      the build alone;
//   ours      sccache-guard: setup (GitHub cache, preflight) -> build -> report;
//   local     sccache-guard with `backend: local`: one archive of SCCACHE_DIR per job;
//   web-copy  what most workflows copy (mozilla-actions/sccache-action's environment):
//             SCCACHE_GHA_ENABLED=true and the wrapper in every step, the runtime token exported,
//             the server started by the first compile, no preflight; `sccache --show-stats` after;
//   build-dir rust-cache's way without sccache: the build directory (target/, CMake's build/)
//             restored and saved with @actions/cache.
//
// Each repetition gets a fresh service and a fresh copy of the workload at one path (sccache's keys
// include it). Before a warm build every source file is touched, as a fresh checkout leaves them.
// Measures, never asserts: figures go into bench/RESULTS.md through bench/run.ts.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCacheService, type CacheService } from '../__tests__/emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../__tests__/emulator/runner.js';
import { ACTION_YML, DIST, freePort, pathWith, ROOT, sccacheBinary } from '../__tests__/e2e/tools.js';
import { generateCppWorkload } from '../scripts/cpp-workload.js';
import { bundleScript, check, load, median, say } from './common.js';

export const CONFIGS = ['none', 'ours', 'local', 'web-copy', 'build-dir'] as const;
export type Config = (typeof CONFIGS)[number];
export const PROFILES = ['instant', 'github-like'] as const;
export type Profile = (typeof PROFILES)[number];
export const WORKLOADS = ['rust', 'cpp'] as const;
export type Workload = (typeof WORKLOADS)[number];

/** One job's figures. */
export interface JobFigures {
  buildMs: number;
  /** Our setup and report steps, or the build-dir restore and save, or the peer's stats call. */
  overheadMs: number;
  hits?: number;
  misses?: number;
  requests: number;
  rateLimited: number;
  bytesUp: number;
  bytesDown: number;
  /** The post step (ours: the report; web-copy: the peer's show_stats) under /usr/bin/time -v. */
  post?: { cpuMs: number; maxRssKb: number };
}

export interface Cell {
  workload: Workload;
  profile: Profile;
  config: Config;
  cold: JobFigures[];
  warm: JobFigures[];
}

const sccache = sccacheBinary();
const RUST_DIR = join(ROOT, 'examples', 'workload');
const CPP_UNITS = Math.max(1, Number(process.env['BENCH_CPP_UNITS'] ?? '400') || 400);

/** The build, from an empty build directory (the warm job's too: only the cache differs). */
const BUILD: Record<Workload, string> = {
  rust: 'cargo build --offline --quiet',
  cpp: 'cmake -S . -B build -G Ninja >/dev/null && cmake --build build >/dev/null',
};
const CLEAN: Record<Workload, string> = {
  rust: 'cargo clean -q',
  cpp: 'rm -rf build',
};
const BUILD_DIR: Record<Workload, string> = { rust: 'target', cpp: 'build' };
/** A fresh checkout's mtimes: every file but the build directory is newer than any saved output. */
const TOUCH = 'find . -path ./target -prune -o -path ./build -prune -o -type f -exec touch {} +';

async function workloadCopy(workload: Workload): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sccache-guard-bench-${workload}-`));
  if (workload === 'rust') {
    await cp(RUST_DIR, dir, { recursive: true, filter: (src) => !src.startsWith(join(RUST_DIR, 'target')) });
  } else {
    await generateCppWorkload({ dir, units: CPP_UNITS });
  }
  return dir;
}

/** @actions/cache restore or save of one path, as actions/cache and rust-cache run it (a JS step). */
async function cacheStepScript(dir: string): Promise<string> {
  return bundleScript(
    dir,
    'cache-step',
    [
      "import * as cache from '@actions/cache';",
      "import * as core from '@actions/core';",
      "const path = core.getInput('path');",
      "const key = core.getInput('key');",
      "if (core.getInput('mode') === 'restore') {",
      "  const hit = await cache.restoreCache([path], key, [key.replace(/-[^-]*$/, '-')]);",
      "  core.info(`restored: ${hit ?? 'nothing'}`);",
      '} else {',
      '  const id = await cache.saveCache([path], key);',
      '  core.info(`saved: ${id}`);',
      '}',
    ].join('\n'),
  );
}

/**
 * mozilla-actions/sccache-action's post step (dist/show_stats/index.js of a checkout named by
 * BENCH_PEER_ACTION), run where web-copy runs `sccache --show-stats`: its cost beside our report's.
 * Not vendored: clone https://github.com/Mozilla-Actions/sccache-action at the tag to compare with.
 */
const PEER_POST = process.env['BENCH_PEER_ACTION']
  ? join(process.env['BENCH_PEER_ACTION'], 'dist', 'show_stats', 'index.js')
  : undefined;

/**
 * A JS step entry that runs `entry` under /usr/bin/time -v with the step's own environment and
 * writes the CPU time and peak RSS to `${RUSAGE_FILE}`: the runner emulator runs it as it runs any
 * action, so the measured step sees exactly the inputs, state and files a real one would.
 */
async function timedEntry(dir: string, entry: string, name: string): Promise<string> {
  const wrapper = join(dir, `timed-${name}.mjs`);
  await writeFile(
    wrapper,
    [
      "import { spawnSync } from 'node:child_process';",
      "import { writeFileSync } from 'node:fs';",
      `const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ${JSON.stringify(entry)}], { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' });`,
      'const field = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);',
      'const user = field(/User time \\(seconds\\): ([\\d.]+)/), sys = field(/System time \\(seconds\\): ([\\d.]+)/);',
      'const rss = field(/Maximum resident set size \\(kbytes\\): (\\d+)/);',
      "process.stderr.write(r.stderr.split('\\n\\tCommand being timed')[0]);",
      'writeFileSync(process.env.RUSAGE_FILE, JSON.stringify({ cpuMs: (user + sys) * 1000, maxRssKb: rss }));',
      'process.exit(r.status ?? 1);',
    ].join('\n'),
  );
  return wrapper;
}

interface Entries {
  cacheStep: string;
  report: string;
  peerPost?: string;
}

interface JobContext {
  workload: Workload;
  config: Config;
  service: CacheService;
  workspace: string;
  cacheDir: string;
  entries: Entries;
  run: number;
  warm: boolean;
}

/** The stats of the server on `port`, as `sccache --show-stats --stats-format json` prints them. */
function statsOf(port: string): { hits: number; misses: number } | undefined {
  const r = spawnSync(sccache, ['--show-stats', '--stats-format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, SCCACHE_SERVER_PORT: port },
  });
  if (r.status !== 0) return undefined;
  const sum = (c: { counts?: Record<string, number> } | undefined) =>
    Object.values(c?.counts ?? {}).reduce((a, b) => a + b, 0);
  const doc = JSON.parse(r.stdout) as { stats: Record<string, { counts?: Record<string, number> }> };
  return { hits: sum(doc.stats['cache_hits']), misses: sum(doc.stats['cache_misses']) };
}

async function job(ctx: JobContext): Promise<JobFigures> {
  const { service, workspace, workload, config } = ctx;
  const port = String(await freePort());
  const before = service.requests.length;
  const runtime = {
    ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_CACHE_SERVICE_V2: 'True',
  };
  const runner = new RunnerEmulator({
    workspace,
    env: {
      PATH: pathWith(sccache),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: service.url,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_JOB: `bench-${workload}`,
      GITHUB_RUN_ID: String(1000 + ctx.run * 2 + (ctx.warm ? 1 : 0)),
      SCCACHE_SERVER_PORT: port,
      CARGO_INCREMENTAL: '0',
    },
    actionsRuntime: runtime,
  });
  const key = `bench-build-dir-${workload}-${ctx.run}${ctx.warm ? 'w' : 'c'}`;
  let overheadMs = 0;
  let outputs: Record<string, string> = {};
  const steps: StepResult[] = [];
  const step = async (name: string, promise: Promise<StepResult>) => {
    const result = check(name, await promise);
    steps.push(result);
    return result;
  };
  try {
    await step('clean', runner.runShell(CLEAN[workload], { cwd: workspace }));
    if (ctx.warm) await step('touch', runner.runShell(TOUCH, { cwd: workspace }));
    const ours = config === 'ours' || config === 'local';
    const inputs: Record<string, string> = {
      ...(config === 'local' ? { backend: 'local' } : {}),
      ...(workload === 'cpp' ? { 'cmake-launchers': 'true', 'rustc-wrapper': 'false' } : {}),
      // The defaults a user gets: the run record, and a token that may list the caches.
      'github-token': service.apiToken({ actionsRead: true }),
    };
    if (ours) {
      const setup = await step(
        'setup',
        runner.runAction(join(DIST, 'setup.js'), {
          actionYml: ACTION_YML,
          inputs,
          ...(config === 'local' ? { env: { SCCACHE_DIR: ctx.cacheDir } } : {}),
        }),
      );
      overheadMs += setup.durationMs;
    }
    if (config === 'build-dir') {
      const restore = await step(
        'restore',
        runner.runAction(ctx.entries.cacheStep, {
          inputs: { mode: 'restore', path: join(workspace, BUILD_DIR[workload]), key },
        }),
      );
      overheadMs += restore.durationMs;
    }
    const env: Record<string, string> =
      config === 'web-copy'
        ? {
            ...runtime,
            SCCACHE_GHA_ENABLED: 'true',
            ...(workload === 'rust'
              ? { RUSTC_WRAPPER: 'sccache' }
              : { CMAKE_C_COMPILER_LAUNCHER: 'sccache', CMAKE_CXX_COMPILER_LAUNCHER: 'sccache' }),
          }
        : {};
    const build = await step('build', runner.runShell(BUILD[workload], { cwd: workspace, env }));
    let counts: { hits: number; misses: number } | undefined;
    const rusageFile = join(ctx.cacheDir, `rusage-${ctx.warm ? 'warm' : 'cold'}.json`);
    let post: JobFigures['post'];
    const readRusage = async () => JSON.parse(await readFile(rusageFile, 'utf8')) as JobFigures['post'];
    if (ours) {
      const report = await step(
        'report',
        runner.runAction(ctx.entries.report, {
          stage: 'post',
          actionYml: ACTION_YML,
          inputs,
          env: { RUSAGE_FILE: rusageFile },
        }),
      );
      overheadMs += report.durationMs;
      outputs = report.outputs;
      counts = { hits: Number(outputs['hits']), misses: Number(outputs['misses']) };
      post = await readRusage();
    }
    if (config === 'web-copy') {
      // The peer's post step prints the stats (itself, when a checkout of it was given).
      counts = statsOf(port);
      if (ctx.entries.peerPost) {
        const peer = await step(
          'peer post',
          runner.runAction(ctx.entries.peerPost, {
            stage: 'post',
            inputs: { disable_annotations: 'false' },
            env: { RUSAGE_FILE: rusageFile, SCCACHE_PATH: sccache },
          }),
        );
        overheadMs += peer.durationMs;
        post = await readRusage();
      }
    }
    if (config === 'build-dir') {
      const save = await step(
        'save',
        runner.runAction(ctx.entries.cacheStep, {
          inputs: { mode: 'save', path: join(workspace, BUILD_DIR[workload]), key },
        }),
      );
      overheadMs += save.durationMs;
    }
    // A server still running may still be uploading: stop it before counting requests.
    spawnSync(sccache, ['--stop-server'], { env: { ...process.env, SCCACHE_SERVER_PORT: port } });
    const mine = service.requests.slice(before);
    return {
      buildMs: build.durationMs,
      overheadMs,
      ...(counts ? counts : {}),
      requests: mine.length,
      rateLimited: mine.filter((r) => r.status === 429).length,
      bytesUp: mine.reduce((n, r) => n + r.bytes, 0),
      bytesDown: mine.reduce((n, r) => n + r.responseBytes, 0),
      ...(post ? { post } : {}),
    };
  } finally {
    spawnSync(sccache, ['--stop-server'], { env: { ...process.env, SCCACHE_SERVER_PORT: port } });
    runner.cleanup();
  }
}

/** Every cell of one workload and profile, `runs` times, in an interleaved order. */
async function measure(
  workload: Workload,
  profile: Profile,
  runs: number,
  entries: Entries,
): Promise<Cell[]> {
  // Build-directory caching is rust-cache's way; a C/C++ project has no such peer, and with sources
  // newer than every object (a fresh checkout) it rebuilds everything, as `none` does.
  const configs = CONFIGS.filter((config) => !(workload === 'cpp' && config === 'build-dir'));
  const cells = configs.map((config) => ({ workload, profile, config, cold: [], warm: [] }) as Cell);
  for (let run = 0; run < runs; run++) {
    // Configurations take turns within a repetition, so a slow spell of the machine spreads.
    for (const cell of cells) {
      const service = await startCacheService({ profile });
      const workspace = await workloadCopy(workload);
      const cacheDir = await mkdtemp(join(tmpdir(), 'sccache-guard-bench-dir-'));
      try {
        const ctx = { workload, config: cell.config, service, workspace, cacheDir, entries, run };
        say(`${workload} ${profile} ${cell.config} #${run + 1}: cold (load ${load()})`);
        const cold = await job({ ...ctx, warm: false });
        cell.cold.push(cold);
        // Without a cache the warm build is the cold one again: not built twice.
        if (cell.config === 'none') {
          cell.warm.push(cold);
        } else {
          say(`${workload} ${profile} ${cell.config} #${run + 1}: warm (load ${load()})`);
          cell.warm.push(await job({ ...ctx, warm: true }));
        }
        const w = cell.warm.at(-1)!;
        say(
          `  cold ${(cold.buildMs / 1000).toFixed(1)} s, warm ${(w.buildMs / 1000).toFixed(1)} s` +
            `${w.hits !== undefined ? `, warm hits ${w.hits}/${w.hits + (w.misses ?? 0)}` : ''}` +
            `, 429s ${cold.rateLimited + w.rateLimited}`,
        );
      } finally {
        await service.close();
        await rm(workspace, { recursive: true, force: true });
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
  }
  return cells;
}

export interface BackendsResult {
  cells: Cell[];
  runs: number;
  cppUnits: number;
  /** Whether the peer's post step ran (BENCH_PEER_ACTION). */
  peerMeasured: boolean;
}

export async function runBackends(
  runs: number,
  workloads: readonly Workload[] = WORKLOADS,
  profiles: readonly Profile[] = PROFILES,
): Promise<BackendsResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'sccache-guard-bench-step-'));
  try {
    const entries: Entries = {
      cacheStep: await cacheStepScript(scratch),
      report: await timedEntry(scratch, join(DIST, 'report.js'), 'report'),
      ...(PEER_POST ? { peerPost: await timedEntry(scratch, PEER_POST, 'peer') } : {}),
    };
    const cells: Cell[] = [];
    for (const workload of workloads)
      for (const profile of profiles) cells.push(...(await measure(workload, profile, runs, entries)));
    return { cells, runs, cppUnits: CPP_UNITS, peerMeasured: PEER_POST !== undefined };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the table

const secs = (ms: readonly number[]): string => {
  const f = (x: number) => (x / 1000).toFixed(x < 10_000 ? 2 : 1);
  return ms.length > 1 ? `${f(median(ms))} (${f(Math.min(...ms))}–${f(Math.max(...ms))})` : f(median(ms));
};
const mib = (bytes: number): string => (bytes / 1024 ** 2).toFixed(1);
const med = (jobs: readonly JobFigures[], pick: (j: JobFigures) => number): number => median(jobs.map(pick));

/** The local-disk floor: the warm build of `backend: local` (no network during the build). */
export function floorOf(cells: readonly Cell[], workload: Workload, profile: Profile): number {
  const local = cells.find((c) => c.workload === workload && c.profile === profile && c.config === 'local');
  return local ? med(local.warm, (j) => j.buildMs) : NaN;
}

function hitRate(jobs: readonly JobFigures[]): string {
  const rates = jobs
    .filter((j) => j.hits !== undefined && j.hits + (j.misses ?? 0) > 0)
    .map((j) => (100 * j.hits!) / (j.hits! + (j.misses ?? 0)));
  return rates.length ? `${median(rates).toFixed(1)} %` : '–';
}

export function renderBackends(result: BackendsResult): string[] {
  const L: string[] = [];
  const described: Record<Workload, string> = {
    rust: '`examples/workload` (Rust, 41 packages)',
    cpp: `the generated C/C++ CMake project (\`scripts/cpp-workload.ts\`, ${result.cppUnits} translation units, Ninja, \`cmake-launchers\`)`,
  };
  for (const workload of WORKLOADS) {
    for (const profile of PROFILES) {
      const cells = result.cells.filter((c) => c.workload === workload && c.profile === profile);
      if (!cells.length) continue;
      const floor = floorOf(result.cells, workload, profile);
      L.push(`### ${described[workload]}, ${profile} profile`, '');
      L.push(
        '| configuration | cold build s | warm build s | warm ÷ floor | setup + report (warm) s | warm hit rate | requests cold / warm | 429s cold / warm | MiB up / down (cold + warm) |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      );
      for (const c of cells) {
        const warm = med(c.warm, (j) => j.buildMs);
        L.push(
          `| ${c.config} | ${secs(c.cold.map((j) => j.buildMs))} | ${secs(c.warm.map((j) => j.buildMs))} | ` +
            `${(warm / floor).toFixed(2)}× | ${secs(c.warm.map((j) => j.overheadMs))} | ${hitRate(c.warm)} | ` +
            `${med(c.cold, (j) => j.requests)} / ${med(c.warm, (j) => j.requests)} | ` +
            `${med(c.cold, (j) => j.rateLimited)} / ${med(c.warm, (j) => j.rateLimited)} | ` +
            `${mib(med(c.cold, (j) => j.bytesUp) + med(c.warm, (j) => j.bytesUp))} / ` +
            `${mib(med(c.cold, (j) => j.bytesDown) + med(c.warm, (j) => j.bytesDown))} |`,
        );
      }
      L.push('');
    }
  }
  L.push(...renderPostCost(result));
  return L;
}

/** Our report beside the peer's post step, on the same warm jobs: CPU time and peak memory. */
function renderPostCost(result: BackendsResult): string[] {
  const L = ["### The post step: our report beside mozilla-actions/sccache-action's", ''];
  if (!result.peerMeasured) {
    L.push(
      'Not measured in this run: set BENCH_PEER_ACTION to a checkout of the peer (bench/README.md).',
      '',
    );
  }
  L.push(
    '| workload, profile | ours: CPU s, peak RSS MB | peer: CPU s, peak RSS MB | CPU ours ÷ peer |',
    '| --- | --- | --- | --- |',
  );
  const cost = (jobs: readonly JobFigures[]) => {
    const posts = jobs.flatMap((j) => (j.post ? [j.post] : []));
    return posts.length
      ? { cpu: median(posts.map((p) => p.cpuMs)), rss: median(posts.map((p) => p.maxRssKb)) / 1024 }
      : undefined;
  };
  for (const workload of WORKLOADS) {
    for (const profile of PROFILES) {
      const of = (config: Config) =>
        result.cells.find((c) => c.workload === workload && c.profile === profile && c.config === config);
      const ours = cost(of('ours')?.warm ?? []);
      const peer = cost(of('web-copy')?.warm ?? []);
      if (!ours) continue;
      const fmt = (c: { cpu: number; rss: number } | undefined) =>
        c ? `${(c.cpu / 1000).toFixed(2)}, ${c.rss.toFixed(0)}` : '–';
      L.push(
        `| ${workload}, ${profile} | ${fmt(ours)} | ${fmt(peer)} | ${peer ? `${(ours.cpu / peer.cpu).toFixed(2)}×` : '–'} |`,
      );
    }
  }
  L.push('');
  return L;
}

// `npx tsx bench/backends.ts`: this part alone, printed (bench/run.ts puts it into RESULTS.md).
if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? '3') || 3);
  const only = process.env['BENCH_WORKLOADS']
    ?.split(',')
    .filter((w): w is Workload => (WORKLOADS as readonly string[]).includes(w));
  const result = await runBackends(runs, only?.length ? only : WORKLOADS);
  const out = process.env['BENCH_BACKENDS_JSON'];
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
  console.log(renderBackends(result).join('\n'));
}
