// backend: local with a bound and a save policy, with real sccache and real @actions/cache against
// the loopback cache-service emulator: cache-size keeps the one archive per job under the bound
// (sccache evicts the least recently used objects), and the save input decides whether it is saved.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import type { StepResult } from '../emulator/runner.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';
import { formatBytes } from '../../src/util/bytes.js';
import { ACTION_YML, DIST, freePort, pathWith, pushToMainRunner, sccacheBinary } from './tools.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const OBJECT_BYTES = 256 * 1024;
const SOURCES = 6;

/**
 * C sources whose objects each carry 256 KiB of random bytes (`.incbin`: the data costs the compiler
 * nothing, and sccache's zstd cannot shrink it), six of them: 1.5 MiB of objects for a 1M bound.
 */
async function bulkySources(): Promise<string> {
  const dir = await tempDir('sccache-guard-bulky-');
  for (let i = 0; i < SOURCES; i++) {
    const blob = join(dir, `blob${i}.bin`);
    await writeFile(blob, randomBytes(OBJECT_BYTES));
    const asm = `.section .rodata\\n.incbin \\"${blob}\\"\\n.previous\\n`;
    await writeFile(join(dir, `f${i}.c`), `__asm__("${asm}");\nint f${i}(void) { return ${i}; }\n`);
  }
  return dir;
}

/** Compiles the given sources through sccache, one after another (so the oldest is written first). */
const compile = (files: readonly string[], flags = '') =>
  files.map((f) => `sccache cc ${flags} -c ${f}.c -o ${f}.o`).join('\n');

interface JobResult {
  setup: StepResult;
  build: StepResult;
  report: StepResult;
  /** The stats document the report saved (stats-json), read before the runner is cleaned up. */
  stats: { cache_size: number | null; max_cache_size: number | null; stats: { cache_writes: number } };
}

let runCounter = 500;

/**
 * One job on a fresh runner: SCCACHE_DIR starts empty and setup restores it; then the build; then
 * the report, which decides about the archive.
 */
async function job(
  svc: CacheService,
  src: string,
  sccacheDir: string,
  inputs: Record<string, string>,
  build: string,
): Promise<JobResult> {
  await rm(sccacheDir, { recursive: true, force: true });
  const port = String(await freePort());
  const sccache = sccacheBinary('0.16.0');
  const runner = pushToMainRunner(svc, {
    PATH: pathWith(sccache),
    GITHUB_RUN_ID: String(runCounter++),
    SCCACHE_SERVER_PORT: port,
    SCCACHE_DIR: sccacheDir,
    // The REST API the report deletes older entries through (with a github-token that may).
    GITHUB_API_URL: svc.url,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
  });
  // A token that may list the repository's caches but not delete them (actions: read), unless given.
  const githubToken = svc.apiToken({ actionsRead: true });
  const action = {
    actionYml: ACTION_YML,
    inputs: { backend: 'local', 'github-token': githubToken, ...inputs },
  };
  try {
    const setup = await runner.runAction(join(DIST, 'setup.js'), action);
    assert.equal(setup.exitCode, 0, setup.log);
    const built = await runner.runShell(build, { cwd: src });
    assert.equal(built.exitCode, 0, built.log);
    const report = await runner.runAction(join(DIST, 'report.js'), { ...action, stage: 'post' });
    assert.equal(report.exitCode, 0, report.log);
    assertSummaryReadsWell(report.summary);
    const stats = JSON.parse(await readFile(report.outputs['stats-json']!, 'utf8')) as JobResult['stats'];
    return { setup, build: built, report, stats };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    await runner.cleanup();
  }
}

const archivesIn = (svc: CacheService) =>
  svc.entries.filter((e) => e.key.startsWith('sccache-guard-dir-v1-') && e.finalized);

test('cache-size 1M: sccache evicts to stay under it, and the one archive is no larger; save decides the rest', async () => {
  const svc = await startCacheService();
  cleanups.push(() => svc.close());
  const src = await bulkySources();
  const sccacheDir = await tempDir('sccache-guard-dir-');
  const all = Array.from({ length: SOURCES }, (_, i) => `f${i}`);

  // 1. A build that stores 1.5 MiB under a 1 MiB bound.
  const bounded = await job(svc, src, sccacheDir, { 'cache-size': '1M' }, compile(all));
  assert.match(bounded.setup.log, /local cache bound: SCCACHE_CACHE_SIZE=1M \(cache-size\)/);
  assert.equal(bounded.stats.stats.cache_writes, SOURCES, 'every object was written');
  assert.ok(SOURCES * OBJECT_BYTES > 2 ** 20, 'more than the bound was stored');
  assert.equal(bounded.stats.max_cache_size, 2 ** 20, 'sccache read the bound');
  assert.ok(bounded.stats.cache_size! <= 2 ** 20, `sccache evicted: ${bounded.stats.cache_size}`);
  const [archive, ...more] = archivesIn(svc);
  assert.ok(archive && more.length === 0, 'one archive for the job');
  // Tar adds a 512-byte header per file and directory and pads each file to 512 bytes; the objects
  // are random, so compression takes nothing off. A few dozen entries: 64 KiB is ample.
  const overhead = 64 * 1024;
  assert.ok(archive.size <= 2 ** 20 + overhead, `the archive (${archive.size} B) is within the bound`);
  assert.ok(archive.size > 2 * OBJECT_BYTES, `it holds what fitted, not nothing (${archive.size} B)`);
  // The summary says how much the job added to the repository's cache: the size of the entry itself.
  const summary = bounded.report.summary;
  assert.ok(
    summary.includes(
      `saved as \`${archive.key}\` (${formatBytes(archive.size)}): this run stored 6 new objects`,
    ),
    summary,
  );
  assert.match(summary, /\| Cache size limit \| `1M` \(`SCCACHE_CACHE_SIZE`, the `cache-size` input\)/);
  assert.match(summary, /\| Archive key \| `sccache-guard-dir-v1-linux-x64-build-[0-9a-f]{8}-500-1`: /);
  assert.match(summary, /This run's record was saved as `sccache-guard-run-[^`]+` \(\d+(\.\d)? (B|KiB)\)\./);

  // 2. save: never: the restored archive, six new objects (other flags), and nothing saved.
  const never = await job(
    svc,
    src,
    sccacheDir,
    { 'cache-size': '1M', save: 'never' },
    compile(all, '-DNEVER'),
  );
  assert.equal(never.stats.stats.cache_writes, SOURCES);
  assert.match(never.setup.log, new RegExp(`local cache: restored .* from ${archive.key}`));
  assert.deepEqual(archivesIn(svc), [archive], 'no second archive');
  assert.match(never.report.summary, /not saved: `save: never`/);
  // Its record is saved, and the first run's stays: this token may list but not delete.
  assert.match(
    never.report.summary,
    /older records of this job on this ref are left for GitHub to evict after 7 days unused: the github-token may not delete caches; deleting them needs `permissions: actions: write`\./,
  );

  // 3. save: auto, a run that stores nothing: the newest objects survived the eviction and hit.
  const warm = await job(svc, src, sccacheDir, { 'cache-size': '1M' }, compile(['f4', 'f5']));
  assert.equal(warm.report.outputs['hits'], '2', warm.report.summary);
  assert.equal(warm.report.outputs['misses'], '0');
  assert.equal(warm.stats.stats.cache_writes, 0);
  assert.deepEqual(archivesIn(svc), [archive], 'nothing saved');
  assert.match(warm.report.summary, /not saved: this run stored no new objects \(`save: auto`\)/);

  // 4. save: always with a token that may delete (actions: write): the new archive replaces the
  // old one, and the three records before this run's go too. One archive and one record remain.
  const recordsIn = () => svc.entries.filter((e) => e.key.startsWith('sccache-guard-run-v2-') && e.finalized);
  assert.equal(recordsIn().length, 3, 'a record per run so far');
  const githubToken = svc.apiToken({ actionsRead: true, actionsWrite: true });
  const replaced = await job(
    svc,
    src,
    sccacheDir,
    { 'cache-size': '1M', save: 'always', 'github-token': githubToken },
    compile(['f5']),
  );
  const [newest, ...older] = archivesIn(svc);
  assert.ok(
    newest && older.length === 0,
    `one archive: ${archivesIn(svc)
      .map((e) => e.key)
      .join()}`,
  );
  assert.notEqual(newest.key, archive.key, 'the new one stayed, the old one went');
  assert.ok(
    replaced.report.summary.includes(
      `deleted 1 older archive of this job on this ref (${formatBytes(archive.size)})`,
    ),
    replaced.report.summary,
  );
  assert.deepEqual(
    recordsIn().map((e) => e.key),
    [`sccache-guard-run-v2-${newest.key.split('-').slice(-4, -2).join('-')}-503-1`],
  );
  assert.match(replaced.report.summary, /deleted 3 older records of this job on this ref/);
  assert.ok(!replaced.report.summary.includes(githubToken) && !replaced.report.log.includes(githubToken));
});
