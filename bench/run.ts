// The benchmark (`npm run bench`): measures, never asserts. On examples/workload, with real sccache
// 0.16.0, under the runner emulator as scripts/demo.ts runs a job (setup -> cargo build -> report):
//   - through the GitHub cache-service emulator: a cold job then a warm job (fresh server, clean
//     target/, same workspace path since Rust cache keys include the cwd);
//   - the floor: the same with `backend: local` and one SCCACHE_DIR shared by both jobs;
//   - the baseline: the cold build without sccache;
//   - the report's time and peak memory on a large synthetic stats document (and log, when
//     `sccache-guard explain` takes --log), under /usr/bin/time -v.
// Figures go to bench/RESULTS.md (a `## Notes` section already there is kept). See bench/README.md.
//
// Environment: BENCH_RUNS (default 3) repetitions of every build; BENCH_LOG_MB (default 75) size of
// the synthetic log; BENCH_OUT (default bench/RESULTS.md); BENCH_SKIP_BUILDS=1 only the report part.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import {
  SCCACHE_CHECK_KEY,
  startCacheService,
  type CacheService,
} from '../__tests__/emulator/cache-service.js';
import { RunnerEmulator } from '../__tests__/emulator/runner.js';
import { ACTION_YML, DIST, freePort, pathWith, ROOT, sccacheBinary } from '../__tests__/e2e/tools.js';
import { bundleScript, check, load, median, say, seconds } from './common.js';
import {
  floorOf,
  renderBackends,
  runBackends,
  PROFILES,
  WORKLOADS,
  type BackendsResult,
  type Profile,
  type Workload,
} from './backends.js';

const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? '3') || 3);
const LOG_MB = Math.max(1, Number(process.env['BENCH_LOG_MB'] ?? '75') || 75);
const OUT = process.env['BENCH_OUT'] ?? join(ROOT, 'bench', 'RESULTS.md');
const SKIP_BUILDS = process.env['BENCH_SKIP_BUILDS'] === '1';
const SKIP_BACKENDS = process.env['BENCH_SKIP_BACKENDS'] === '1';
const WORKLOAD = join(ROOT, 'examples', 'workload');
const BUILD = 'cargo build --offline';

const sccache = sccacheBinary();

// ------------------------------------------------------------------ small helpers

function values(xs: readonly string[]): string {
  const unique = [...new Set(xs)];
  return unique.length === 1 ? (unique[0] ?? '') : xs.join(' / ');
}

function sh(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' }).trim();
}

/** A private copy of the workload without target/, fetched crates come from ~/.cargo. */
async function workloadCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-bench-ws-'));
  await cp(WORKLOAD, dir, { recursive: true, filter: (src) => !src.startsWith(join(WORKLOAD, 'target')) });
  return dir;
}

// ------------------------------------------------------------------ one job

interface JobResult {
  setupMs: number;
  buildMs: number;
  reportMs: number;
  outputs: Record<string, string>;
  /** not_cached reasons and counters from the report's saved stats document. */
  notCached: Record<string, number>;
  compileRequests: number;
  compileFails: number;
  /** `Compiling …` lines in cargo's output. */
  cratesCompiled: number;
  /** Cache-service requests during this job (0 for local disk). */
  requests: number;
  operations: Record<string, number>;
}

interface JobOptions {
  name: string;
  workspace: string;
  service: CacheService;
  inputs?: Record<string, string>;
  setupEnv?: Record<string, string>;
}

async function job(options: JobOptions): Promise<JobResult> {
  const { service } = options;
  const port = String(await freePort());
  const before = service.requests.length;
  const runner = new RunnerEmulator({
    env: {
      PATH: pathWith(sccache),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_JOB: options.name,
      SCCACHE_SERVER_PORT: port,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  let stopped = false;
  try {
    const setup = check(
      'setup',
      await runner.runAction(join(DIST, 'setup.js'), {
        actionYml: ACTION_YML,
        ...(options.inputs ? { inputs: options.inputs } : {}),
        ...(options.setupEnv ? { env: options.setupEnv } : {}),
      }),
    );
    check('cargo clean', await runner.runShell('cargo clean -q', { cwd: options.workspace }));
    const build = check('cargo build', await runner.runShell(BUILD, { cwd: options.workspace }));
    const report = check(
      'report',
      await runner.runAction(join(DIST, 'report.js'), { stage: 'post', actionYml: ACTION_YML }),
    );
    let notCached: Record<string, number> = {};
    let compileRequests = 0;
    let compileFails = 0;
    const statsPath = report.outputs['stats-json'];
    if (statsPath && existsSync(statsPath)) {
      const doc = JSON.parse(await readFile(statsPath, 'utf8')) as {
        stats?: { not_cached?: Record<string, number>; compile_requests?: number; compile_fails?: number };
      };
      notCached = doc.stats?.not_cached ?? {};
      compileRequests = doc.stats?.compile_requests ?? 0;
      compileFails = doc.stats?.compile_fails ?? 0;
    }
    // Stop the server before counting: it may still be uploading what the build wrote.
    await runner.runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } });
    stopped = true;
    const mine = service.requests.slice(before);
    const operations: Record<string, number> = {};
    for (const r of mine) operations[r.operation] = (operations[r.operation] ?? 0) + 1;
    return {
      setupMs: setup.durationMs,
      buildMs: build.durationMs,
      reportMs: report.durationMs,
      outputs: report.outputs,
      notCached,
      compileRequests,
      compileFails,
      cratesCompiled: build.log.split('\n').filter((l) => /^\s*Compiling /.test(l)).length,
      requests: mine.length,
      operations,
    };
  } finally {
    if (!stopped) {
      await runner
        .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
        .catch(() => undefined);
    }
    runner.cleanup();
  }
}

// ------------------------------------------------------------------ scenarios

interface Pair {
  cold: JobResult;
  warm: JobResult;
  /** Finalized cache entries after the cold job; of those, sccache's objects and their bytes. */
  entries: number;
  objects: number;
  objectBytes: number;
  /** Finalized entries after the warm job too (a warm miss writes one more). */
  entriesAfterWarm: number;
}

/** A cold job then a warm job on one workspace path, against a fresh cache (GHA or local disk). */
async function pair(backend: 'gha' | 'local', run: number): Promise<Pair> {
  const service = await startCacheService();
  const workspace = await workloadCopy();
  const cacheDir = await mkdtemp(join(tmpdir(), 'sccache-guard-bench-cache-'));
  const extra =
    backend === 'local' ? { inputs: { backend: 'local' }, setupEnv: { SCCACHE_DIR: cacheDir } } : {};
  try {
    say(`${backend} #${run}: cold job (load ${load()})`);
    const cold = await job({ name: `cold-${backend}`, workspace, service, ...extra });
    say(`  cold build ${(cold.buildMs / 1000).toFixed(1)} s, hit-rate ${cold.outputs['hit-rate'] || '-'}`);
    const entries = service.entries.filter((e) => e.finalized);
    const objects = entries.filter((e) => e.key.startsWith('sccache/') && e.key !== SCCACHE_CHECK_KEY);
    say(`${backend} #${run}: warm job (load ${load()})`);
    const warm = await job({ name: `warm-${backend}`, workspace, service, ...extra });
    say(
      `  warm build ${(warm.buildMs / 1000).toFixed(1)} s, hit-rate ${warm.outputs['hit-rate'] || '-'} ` +
        `(${warm.outputs['hits']} hits, ${warm.outputs['misses']} misses)`,
    );
    return {
      cold,
      warm,
      entries: entries.length,
      objects: objects.length,
      objectBytes: objects.reduce((n, e) => n + e.size, 0),
      entriesAfterWarm: service.entries.filter((e) => e.finalized).length,
    };
  } finally {
    await service.close();
    await rm(workspace, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** The cold build with no sccache at all, same CARGO_INCREMENTAL=0 as setup exports. */
async function baseline(run: number): Promise<number> {
  const workspace = await workloadCopy();
  const runner = new RunnerEmulator({ env: { CARGO_INCREMENTAL: '0' } });
  try {
    say(`baseline #${run}: cargo build without sccache (load ${load()})`);
    check('cargo clean', await runner.runShell('cargo clean -q', { cwd: workspace }));
    const build = check('cargo build', await runner.runShell(BUILD, { cwd: workspace }));
    const leaked = Object.keys(runner.jobEnv).filter(
      (k) => k === 'RUSTC_WRAPPER' || k.startsWith('SCCACHE_'),
    );
    if (leaked.length > 0) throw new Error(`baseline env has ${leaked.join(', ')}`);
    say(`  ${(build.durationMs / 1000).toFixed(1)} s`);
    return build.durationMs;
  } finally {
    runner.cleanup();
    await rm(workspace, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the report on large inputs

interface Measured {
  wallMs: number[];
  maxRssKb: number[];
  exitCodes: number[];
  stdoutBytes: number;
}

/** Runs `node dist/cli.js ARGS` under /usr/bin/time -v, RUNS times. */
function timeCli(args: string[]): Measured {
  return timeNode([join(DIST, 'cli.js'), ...args]);
}

/** Runs `node ARGS` under /usr/bin/time -v, RUNS times. */
function timeNode(args: string[]): Measured {
  const m: Measured = { wallMs: [], maxRssKb: [], exitCodes: [], stdoutBytes: 0 };
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    m.wallMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
    m.maxRssKb.push(Number(rss ?? NaN));
    m.exitCodes.push(r.status ?? -1);
    m.stdoutBytes = r.stdout.length;
    if (r.status !== 0) console.error(r.stderr.split('\n').slice(0, 5).join('\n'));
  }
  return m;
}

/** A stats document shaped like 0.16.0's with `reasons` not_cached reasons. */
function syntheticStats(reasons: number): string {
  const doc = JSON.parse(
    readFileSync(join(ROOT, '__tests__', 'fixtures', 'stats', 'real-0.16.0-rust-cold.json'), 'utf8'),
  ) as { stats: Record<string, unknown> };
  const notCached: Record<string, number> = {
    'crate-type': 2400,
    'missing input': 120,
    '-': 60,
    incremental: 300,
  };
  for (let i = 0; i < reasons; i++) notCached[`synthetic reason ${i} (-Zunstable-${i % 97})`] = 1 + (i % 13);
  const total = Object.values(notCached).reduce((a, b) => a + b, 0);
  doc.stats['not_cached'] = notCached;
  doc.stats['requests_not_cacheable'] = total;
  doc.stats['compile_requests'] = total + 5000;
  doc.stats['requests_executed'] = 5000;
  doc.stats['cache_hits'] = {
    counts: { Rust: 4100, 'C/C++': 300 },
    adv_counts: { rust: 4100, 'c [gcc]': 300 },
  };
  doc.stats['cache_misses'] = {
    counts: { Rust: 560, 'C/C++': 40 },
    adv_counts: { rust: 560, 'c [gcc]': 40 },
  };
  doc.stats['cache_writes'] = 600;
  doc.stats['compilations'] = 600;
  return JSON.stringify(doc);
}

/** Repeats the real 0.16.0 server log with varied crate names, ports and timestamps up to `mb` MB. */
async function syntheticLog(path: string, mb: number): Promise<{ bytes: number; lines: number }> {
  const template = readFileSync(join(ROOT, '__tests__', 'fixtures', 'logs', 'real-0.16.0-rust.log'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  // The server start lines appear once; the rest (compile requests) repeat.
  const start = template.findIndex((l) => l.includes('handle_client: compile'));
  const head = template.slice(0, Math.max(0, start));
  const body = template.slice(Math.max(0, start));
  const names = [
    ...new Set(
      template.flatMap((l) => [...l.matchAll(/"--crate-name", "([a-z_]+)"/g)].map((m) => m[1] ?? '')),
    ),
  ].filter((n) => n !== '' && n !== '___');
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(head.join('\n') + '\n');
  const t0 = Date.parse('2026-11-25T14:25:02Z');
  for (let rep = 0; bytes < mb * 1024 * 1024; rep++) {
    const stamp = new Date(t0 + rep * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    let chunk = body.join('\n').replace(/\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /g, `[${stamp} `);
    for (const name of names) chunk = chunk.replaceAll(name, `${name}_${rep % 5000}`);
    await write(chunk + '\n');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines };
}

interface ReportFigures {
  reasons: number;
  statsBytes: number;
  stats: Measured;
  workflow?: { bytes: number; jobs: number; one: Measured; all: Measured; none: Measured };
  log?: { bytes: number; lines: number; measured?: Measured; streamed?: Measured };
  logOption: boolean;
}

/**
 * A workflow of about `mb` MB: many jobs, each set up with sccache-guard and carrying the mistakes
 * the report looks for, so every job is read and every rule has work.
 */
function syntheticWorkflow(mb: number, withSccache: boolean): { text: string; jobs: number } {
  const tool = withSccache ? 'sccache' : 'ccache';
  let text =
    'name: Big\non:\n  push:\n    branches: [main]\n    tags: ["v*"]\nenv:\n  CARGO_TERM_COLOR: always\njobs:\n';
  let jobs = 0;
  while (text.length < mb * 1024 * 1024) {
    text +=
      `  job${jobs}:\n    runs-on: ubuntu-latest\n    env:\n      ${tool.toUpperCase()}_LOG_LEVEL: debug\n` +
      `      X${jobs}: "\${{ matrix.os }}"\n    steps:\n      - uses: actions/checkout@v4\n` +
      `      - uses: Swatinem/rust-cache@v2\n      - uses: org/${tool}-guard@v1\n        with:\n          backend: auto\n` +
      `      - name: Build ${jobs}\n        run: |\n          echo "RUSTFLAGS=-C opt-level=${jobs % 3}" >> "$GITHUB_ENV"\n` +
      `          ${tool} --zero-stats\n          cargo build --release --locked\n        env:\n          ${tool.toUpperCase()}_CACHE_SIZE: 2G\n`;
    jobs++;
  }
  return { text, jobs };
}

const LOG_READER = join(ROOT, 'src', 'sccache', 'log-reader.ts');

/** The report's own log reader (readLogFacts, which streams the file), bundled into a small script. */
async function logReaderScript(dir: string): Promise<string | undefined> {
  if (!existsSync(LOG_READER)) return undefined;
  return bundleScript(
    dir,
    'read-log',
    `import { readLogFacts } from ${JSON.stringify(LOG_READER)};\n` +
      'console.log(JSON.stringify(await readLogFacts(process.argv[2])));\n',
  );
}

async function reportOnLargeInputs(): Promise<ReportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-bench-report-'));
  try {
    const help = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'explain', '--help'], {
      encoding: 'utf8',
    });
    const logOption = /--log\b/.test(help.stdout + help.stderr);
    const reasons = 5000;
    const statsPath = join(dir, 'stats.json');
    const statsText = syntheticStats(reasons);
    await writeFile(statsPath, statsText);
    say(
      `report: explain on a ${(statsText.length / 1024).toFixed(0)} KB stats document (${reasons} reasons)`,
    );
    const stats = timeCli(['explain', '--stats', statsPath, '--format', 'json']);
    const figures: ReportFigures = { reasons, statsBytes: statsText.length, stats, logOption };
    if (/--workflow\b/.test(help.stdout + help.stderr)) {
      const big = syntheticWorkflow(5, true);
      const plain = syntheticWorkflow(5, false);
      const bigPath = join(dir, 'big.yml');
      const plainPath = join(dir, 'plain.yml');
      await writeFile(bigPath, big.text);
      await writeFile(plainPath, plain.text);
      const args = (path: string, ...more: string[]) => [
        'explain',
        '--workflow',
        path,
        '--format',
        'json',
        ...more,
      ];
      say(
        `report: explain --workflow on a ${(big.text.length / 1048576).toFixed(1)} MB workflow (${big.jobs} jobs)`,
      );
      figures.workflow = {
        bytes: big.text.length,
        jobs: big.jobs,
        one: timeCli(args(bigPath, '--job', `job${Math.floor(big.jobs / 2)}`)),
        all: timeCli(args(bigPath)),
        none: timeCli(args(plainPath)),
      };
    }
    const reader = await logReaderScript(dir);
    if (logOption || reader) {
      const logPath = join(dir, 'sccache.log');
      const { bytes, lines } = await syntheticLog(logPath, LOG_MB);
      figures.log = { bytes, lines };
      if (logOption) {
        say(`report: explain with a ${(bytes / 1048576).toFixed(0)} MB log (${lines} lines)`);
        figures.log.measured = timeCli([
          'explain',
          '--stats',
          statsPath,
          '--log',
          logPath,
          '--format',
          'json',
        ]);
      } else {
        say('report: `explain` has no --log option in dist/cli.js');
      }
      if (reader) {
        say(`report: the post step's streaming log reader on the same log`);
        figures.log.streamed = timeNode([reader, logPath]);
      }
    } else {
      say('report: no --log option and no log reader; measuring stats only');
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ machine and workload

function machine(): Record<string, string> {
  const cpuModel =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const version = (cmd: string, args: string[]) => {
    try {
      return sh(cmd, args);
    } catch {
      return 'n/a';
    }
  };
  return {
    nproc: version('nproc', []),
    cpu: cpuModel ?? 'unknown',
    ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    kernel: version('uname', ['-sr']),
    node: process.version,
    rustc: version('rustc', ['--version']),
    cargo: version('cargo', ['--version']),
    sccache: version(sccache, ['--version']),
  };
}

function workloadCrates(): { total: number; registry: number; local: number } {
  const lock = readFileSync(join(WORKLOAD, 'Cargo.lock'), 'utf8');
  const packages = lock.split('[[package]]').slice(1);
  const registry = packages.filter((p) => /\nsource = "registry\+/.test(p)).length;
  return { total: packages.length, registry, local: packages.length - registry };
}

// ------------------------------------------------------------------ results file

function reasonsText(notCached: Record<string, number>): string {
  return Object.entries(notCached)
    .map(([k, v]) => `\`${k}\` ${v}`)
    .join(', ');
}

function opsText(ops: Record<string, number>): string {
  return Object.entries(ops)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function render(
  info: Record<string, string>,
  crates: ReturnType<typeof workloadCrates>,
  gha: Pair[],
  local: Pair[],
  base: number[],
  report: ReportFigures,
  loads: string[],
  notes: string,
  backends?: BackendsResult,
): string {
  const L: string[] = [];
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  L.push('# Benchmark results', '');
  L.push(
    `Generated by \`npm run bench\` (bench/run.ts) on ${date}; ${RUNS} run(s) of every build, ` +
      'figures are the median with (min–max). See bench/README.md for what each figure means.',
    '',
  );
  L.push('## Machine and versions', '', '| | |', '| - | - |');
  L.push(`| CPUs (nproc) | ${info['nproc']} |`, `| CPU | ${info['cpu']} |`, `| RAM | ${info['ram']} |`);
  L.push(`| Kernel | ${info['kernel']} |`, `| Load (1 min) during the run | ${loads.join(', ')} |`);
  L.push(`| Node | ${info['node']} |`, `| rustc | ${info['rustc']} |`, `| cargo | ${info['cargo']} |`);
  L.push(`| sccache | ${info['sccache']} |`, '');
  L.push('## Workload', '');
  const compiled = gha[0]?.cold.cratesCompiled ?? local[0]?.cold.cratesCompiled;
  L.push(
    `\`examples/workload\`: ${crates.total} packages in Cargo.lock (${crates.registry} from crates.io, ` +
      `${crates.local} of the workspace: a lib with a build script, a proc-macro, a bin)` +
      (compiled !== undefined ? `; ${compiled} crates compiled on Linux (the rest are Windows-only).` : '.'),
    '',
  );
  if (gha.length > 0 || local.length > 0 || base.length > 0) {
    const w = gha[0]?.warm;
    const fl = local[0]?.warm;
    L.push('## Builds', '');
    L.push('| figure | value |', '| - | - |');
    L.push(`| Cold build, no sccache (baseline) | ${seconds(base)} |`);
    L.push(
      `| Cold build through sccache, GitHub cache emulator | ${seconds(gha.map((p) => p.cold.buildMs))} |`,
    );
    L.push(`| Warm build, GitHub cache emulator | ${seconds(gha.map((p) => p.warm.buildMs))} |`);
    if (w) {
      L.push(
        `| Warm hit rate (report outputs \`hit-rate\`) | ${values(gha.map((p) => `${p.warm.outputs['hit-rate']} %`))} |`,
      );
      L.push(
        `| Warm hits / misses (outputs \`hits\`, \`misses\`) | ${values(gha.map((p) => `${p.warm.outputs['hits']} / ${p.warm.outputs['misses']}`))} |`,
      );
      L.push(
        `| Cold hits / misses | ${values(gha.map((p) => `${p.cold.outputs['hits']} / ${p.cold.outputs['misses']}`))} |`,
      );
      L.push(
        `| Warm compile requests; non-cacheable calls | ${w.compileRequests}; ${reasonsText(w.notCached)} |`,
      );
      L.push(
        `| Cache entries after the cold job (finalized) | ${values(gha.map((p) => String(p.entries)))}, of which sccache objects ${values(gha.map((p) => String(p.objects)))} (${(median(gha.map((p) => p.objectBytes)) / 1048576).toFixed(1)} MB) |`,
      );
      L.push(`| Cache entries after the warm job | ${values(gha.map((p) => String(p.entriesAfterWarm)))} |`);
      L.push(`| Cache-service requests, cold job | ${values(gha.map((p) => String(p.cold.requests)))} |`);
      L.push(`| Cache-service requests, warm job | ${values(gha.map((p) => String(p.warm.requests)))} |`);
    }
    L.push(`| Cold build through sccache, local disk | ${seconds(local.map((p) => p.cold.buildMs))} |`);
    L.push(`| Warm build, local disk (the floor) | ${seconds(local.map((p) => p.warm.buildMs))} |`);
    if (fl) {
      L.push(
        `| Warm hit rate, local disk | ${values(local.map((p) => `${p.warm.outputs['hit-rate']} %`))} |`,
      );
      L.push(
        `| Warm hits / misses, local disk | ${values(local.map((p) => `${p.warm.outputs['hits']} / ${p.warm.outputs['misses']}`))} |`,
      );
    }
    const ghaJobs = gha.flatMap((p) => [p.cold, p.warm]);
    const localJobs = local.flatMap((p) => [p.cold, p.warm]);
    L.push(`| Setup step, GitHub cache (with preflight) | ${seconds(ghaJobs.map((j) => j.setupMs))} |`);
    L.push(`| Setup step, local disk | ${seconds(localJobs.map((j) => j.setupMs))} |`);
    L.push(`| Report (post) step | ${seconds([...ghaJobs, ...localJobs].map((j) => j.reportMs))} |`);
    L.push('');
    if (w && gha[0]) {
      L.push('Cache-service requests by operation (first run):', '');
      L.push(`- cold job: ${opsText(gha[0].cold.operations)}`, `- warm job: ${opsText(w.operations)}`, '');
    }
  }
  L.push('## The report on large inputs', '');
  L.push(
    `\`node dist/cli.js explain --format json\` under \`/usr/bin/time -v\`, ${RUNS} run(s); wall time includes Node start-up. ` +
      'The post step reads the server log with `readLogFacts` (src/sccache/log-reader.ts), measured alone, bundled with esbuild.',
    '',
  );
  L.push('| input | wall time | peak RSS | exit |', '| - | - | - | - |');
  const rss = (m: Measured) =>
    `${(median(m.maxRssKb) / 1024).toFixed(0)} MB (max ${(Math.max(...m.maxRssKb) / 1024).toFixed(0)})`;
  L.push(
    `| stats, ${(report.statsBytes / 1024).toFixed(0)} KB, ${report.reasons + 4} not_cached reasons | ${seconds(report.stats.wallMs)} | ${rss(report.stats)} | ${values(report.stats.exitCodes.map(String))} |`,
  );
  const log = report.log;
  const logText = log ? `a ${(log.bytes / 1048576).toFixed(0)} MB log (${log.lines} lines)` : '';
  if (log?.measured) {
    const m = log.measured;
    L.push(
      `| explain: the same stats + ${logText} | ${seconds(m.wallMs)} | ${rss(m)} | ${values(m.exitCodes.map(String))} |`,
    );
  }
  if (log?.streamed) {
    const m = log.streamed;
    L.push(
      `| the post step's log reader (\`readLogFacts\`, streaming) alone on ${logText} | ${seconds(m.wallMs)} | ${rss(m)} | ${values(m.exitCodes.map(String))} |`,
    );
  }
  const wf = report.workflow;
  if (wf) {
    const size = `${(wf.bytes / 1048576).toFixed(1)} MB, ${wf.jobs} jobs`;
    const row = (what: string, m: Measured) =>
      `| ${what} | ${seconds(m.wallMs)} | ${rss(m)} | ${values(m.exitCodes.map(String))} |`;
    L.push(row(`explain --workflow --job (one job, as the post step reads it): ${size}`, wf.one));
    L.push(row(`explain --workflow, no job using sccache: ${size}`, wf.none));
    L.push(row(`explain --workflow, every job (all set up sccache, each with findings): ${size}`, wf.all));
  }
  if (!log?.measured) {
    L.push('', '`explain` had no `--log` option when this ran: the log was not measured through it.');
  }
  L.push('');
  L.push('## Reading', '');
  const hit = gha[0]?.warm.outputs['hit-rate'];
  if (gha[0] && local[0] && base.length > 0) {
    const b = median(base);
    const c = median(gha.map((p) => p.cold.buildMs));
    const wm = median(gha.map((p) => p.warm.buildMs));
    const fm = median(local.map((p) => p.warm.buildMs));
    const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %`;
    const warm = gha[0].warm;
    const fails = warm.compileFails;
    L.push(
      `- Cold through sccache vs no sccache: ${(c / 1000).toFixed(1)} s vs ${(b / 1000).toFixed(1)} s ` +
        `(${pct((c - b) / b)}); ` +
        (Math.abs(c - b) / b < 0.05
          ? `hashing every input and uploading ${gha[0].objects} objects costs less than the run-to-run spread.`
          : c > b
            ? `the cost of hashing every input and uploading ${gha[0].objects} objects.`
            : 'sccache cannot make a cold build faster: this is noise (load, page cache).'),
      `- Warm through the GitHub cache emulator: ${(wm / 1000).toFixed(1)} s, ${(b / wm).toFixed(1)}× faster than ` +
        `the plain build; the local-disk floor ${(fm / 1000).toFixed(1)} s (emulator minus floor: ` +
        `${((wm - fm) / 1000).toFixed(1)} s).`,
      `- Warm hit rate ${hit} % (${warm.outputs['hits']} hits, ${warm.outputs['misses']} misses). The ` +
        `${Object.values(warm.notCached).reduce((a, n) => a + n, 0)} non-cacheable calls ` +
        `(${reasonsText(warm.notCached)}) are not lookups, so they do not lower the rate, but they are ` +
        'compiled again on every build (proc-macros, build scripts, the bin), as is all linking.' +
        (fails > 0
          ? ` ${fails} compile failures per build are build-script probes that fail on stable rustc; ` +
            'they are looked up, never stored, and sccache counts them as failures, not misses.'
          : ''),
      '',
    );
  }
  if (backends) L.push(...renderBackendsSection(backends));
  L.push(notes.trim() === '' ? '## Notes\n\n(none yet)' : notes.trim(), '');
  return L.join('\n');
}

/** The side-by-side tables (bench/backends.ts) and what they say, from the figures. */
function renderBackendsSection(result: BackendsResult): string[] {
  const L = ['## Backends side by side', ''];
  L.push(
    `Each configuration ran a cold job then a warm job on a fresh cache service and a fresh copy of the ` +
      `workload, ${result.runs} time(s); seconds are the median with (min–max). "warm ÷ floor" divides ` +
      'the warm build by the warm build of `backend: local` under the same profile (no network during the ' +
      'build). bench/README.md describes the configurations and the profiles.',
    '',
  );
  L.push(...renderBackends(result));
  L.push('### Reading', '');
  for (const workload of ['rust', 'cpp'] as const) {
    for (const profile of ['instant', 'github-like'] as const) {
      const cells = result.cells.filter((c) => c.workload === workload && c.profile === profile);
      if (!cells.length) continue;
      const floor = floorOf(result.cells, workload, profile);
      const warm = (config: string) => {
        const cell = cells.find((c) => c.config === config);
        return cell ? median(cell.warm.map((j) => j.buildMs)) : NaN;
      };
      const ranked = cells
        .filter((c) => c.config !== 'none')
        .map((c) => ({ config: c.config, ms: warm(c.config) }))
        .sort((a, b) => a.ms - b.ms);
      const cold429 = cells.find((c) => c.config === 'ours')?.cold.map((j) => j.rateLimited) ?? [];
      L.push(
        `- ${workload}, ${profile}: warm builds from fastest: ${ranked
          .map((r) => `${r.config} ${(r.ms / 1000).toFixed(1)} s (${(r.ms / floor).toFixed(2)}×)`)
          .join(', ')}; the build with no cache ${(warm('none') / 1000).toFixed(1)} s. ` +
          `The GitHub cache (ours) met ${median(cold429)} 429s in the cold job.`,
      );
    }
  }
  L.push('');
  return L;
}

// ------------------------------------------------------------------ main

if (!existsSync(join(DIST, 'setup.js'))) throw new Error('dist/ is missing: run `npm run build` first');
const info = machine();
const crates = workloadCrates();
const loads = [load()];
say(
  `${info['nproc']} CPUs, ${info['cpu']}, ${info['ram']}; ${info['sccache']}; workload ${crates.total} packages`,
);
const gha: Pair[] = [];
const local: Pair[] = [];
const base: number[] = [];
if (!SKIP_BUILDS) {
  // Fetch once (a no-op after scripts/bootstrap.sh) so that every build below is --offline.
  execFileSync('cargo', ['fetch', '--quiet'], { cwd: WORKLOAD, stdio: 'inherit' });
  // BENCH_SKIP_PAIRS=1: only the backends side by side, which measure these builds too.
  for (let i = 1; i <= (process.env['BENCH_SKIP_PAIRS'] === '1' ? 0 : RUNS); i++) {
    base.push(await baseline(i));
    gha.push(await pair('gha', i));
    local.push(await pair('local', i));
    loads.push(load());
  }
}
// BENCH_WORKLOADS=rust (or cpp): one workload only, when the machine's time is short.
const workloads = (process.env['BENCH_WORKLOADS'] ?? 'rust,cpp')
  .split(',')
  .filter((w): w is Workload => (WORKLOADS as readonly string[]).includes(w));
const profiles = (process.env['BENCH_PROFILES'] ?? 'instant,github-like')
  .split(',')
  .filter((p): p is Profile => (PROFILES as readonly string[]).includes(p));
const backends = SKIP_BUILDS || SKIP_BACKENDS ? undefined : await runBackends(RUNS, workloads, profiles);
// The raw figures, when asked for: a table can be rendered again from them.
if (backends && process.env['BENCH_BACKENDS_JSON'])
  writeFileSync(process.env['BENCH_BACKENDS_JSON'], JSON.stringify(backends, null, 2));
loads.push(load());
const report = await reportOnLargeInputs();
loads.push(load());
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const notesAt = previous.indexOf('\n## Notes');
const notes = notesAt >= 0 ? previous.slice(notesAt + 1) : '';
writeFileSync(OUT, render(info, crates, gha, local, base, report, loads, notes, backends));
// .prettierignore skips bench/results* (case-insensitively); align the tables anyway.
spawnSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--ignore-path', '/dev/null', '--write', OUT], {
  stdio: 'ignore',
});
say(`wrote ${OUT}`);
console.log(readFileSync(OUT, 'utf8'));
