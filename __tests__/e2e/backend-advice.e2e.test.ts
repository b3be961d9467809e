// backend-advice on real builds through real sccache 0.16.0 and the cache-service emulator's
// github-like profile (latency per request, the 200-a-minute upload limit): a C/C++ CMake build of a
// few hundred translation units, one cache entry each, where one archive per job wins; and the small
// Rust demo workspace, two objects, where per-object storage costs next to nothing and the advice
// stays silent.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generateCppWorkload } from '../../scripts/cpp-workload.js';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';
import {
  ACTION_YML,
  demoWorkspace,
  DIST,
  freePort,
  pathWith,
  pushToMainRunner,
  sccacheBinary,
} from './tools.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** Enough objects to cross a minute's uploads on two cores; a build of about half a minute. */
const UNITS = 250;

async function job(
  svc: CacheService,
  workspace: string,
  build: string,
  inputs: Record<string, string>,
): Promise<{ findings: string[]; summary: string; outputs: Record<string, string> }> {
  const port = String(await freePort());
  const sccache = sccacheBinary('0.16.0');
  const runner = pushToMainRunner(svc, {
    PATH: pathWith(sccache),
    GITHUB_RUN_ID: '700',
    SCCACHE_SERVER_PORT: port,
  });
  const action = { actionYml: ACTION_YML, inputs: { 'run-record': 'false', 'github-token': '', ...inputs } };
  try {
    const setup = await runner.runAction(join(DIST, 'setup.js'), action);
    assert.equal(setup.exitCode, 0, setup.log);
    const built = await runner.runShell(build, { cwd: workspace, timeoutMs: 480_000 });
    assert.equal(built.exitCode, 0, built.log);
    const report = await runner.runAction(join(DIST, 'report.js'), { ...action, stage: 'post' });
    assert.equal(report.exitCode, 0, report.log);
    assertSummaryReadsWell(report.summary);
    return {
      findings: JSON.parse(report.outputs['findings'] ?? '[]') as string[],
      summary: report.summary,
      outputs: report.outputs,
    };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    runner.cleanup();
  }
}

test(
  'backend-advice: hundreds of C/C++ objects under the github-like profile: one archive per job is advised',
  { timeout: 600_000 },
  async () => {
    const svc = await startCacheService({ profile: 'github-like' });
    cleanups.push(() => svc.close());
    const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-advice-cpp-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await generateCppWorkload({ dir, units: UNITS });

    const cold = await job(
      svc,
      dir,
      'cmake -S . -B build -G Ninja >/dev/null && cmake --build build >/dev/null',
      { 'cmake-launchers': 'true', 'rustc-wrapper': 'false' },
    );
    assert.ok(Number(cold.outputs['misses']) >= UNITS, `every unit missed: ${cold.outputs['misses']}`);
    assert.ok(cold.findings.includes('backend-advice'), `backend-advice among ${cold.findings.join(', ')}`);
    // Its words, with this run's figures: per-object seconds measured, against the archive's.
    const title =
      /One archive per job would likely be faster here: about ([\d.]+) s against ([\d.]+) s of per-object cache requests/.exec(
        cold.summary,
      );
    assert.ok(title, cold.summary);
    const [archive, perObject] = [Number(title[1]), Number(title[2])];
    assert.ok(perObject >= 1.5 * archive && perObject - archive >= 10, `${perObject} against ${archive}`);
    assert.match(
      cold.summary,
      /Per-object \(this run\): [\d.]+ s in the cache this run \(0 reads, \d+ writes, \d+ lookups that missed\)/,
    );
    assert.match(cold.summary, /backend: local/);
  },
);

test(
  'backend-advice: the two-object demo workspace under the github-like profile: per-object wins, silence',
  { timeout: 600_000 },
  async () => {
    const svc = await startCacheService({ profile: 'github-like' });
    cleanups.push(() => svc.close());
    const dir = await demoWorkspace();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const build = 'cargo clean -q && cargo build --offline --quiet';
    const cold = await job(svc, dir, build, {});
    const warm = await job(svc, dir, build, {});
    assert.ok(Number(warm.outputs['hits']) > 0, `the warm run hit: ${warm.outputs['hits']}`);
    for (const run of [cold, warm]) {
      assert.ok(!run.findings.includes('backend-advice'), run.summary);
      assert.doesNotMatch(run.summary, /would likely be faster here/);
    }
  },
);
