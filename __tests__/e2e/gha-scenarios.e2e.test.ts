// Real sccache with its GHA backend against the loopback cache-service emulator, under the runner
// emulator: setup -> cargo build -> report, one job after another, as GitHub would run them.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCacheService, type CacheService, type CacheServiceOptions } from '../emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import {
  ACTION_YML,
  demoWorkspace,
  DIST,
  exampleWorkspace,
  freePort,
  pathWith,
  sccacheBinary,
} from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function service(options: CacheServiceOptions = {}): Promise<CacheService> {
  const s = await startCacheService(options);
  cleanups.push(() => s.close());
  return s;
}

async function workspace(): Promise<string> {
  const dir = await demoWorkspace();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

interface JobOptions {
  ref?: string;
  event?: string;
  inputs?: Record<string, string>;
  /** Extra runner env, e.g. SCCACHE_DIR. */
  env?: Record<string, string>;
  runtime?: Record<string, string | undefined>;
  /** run: steps between the build and the report. */
  afterBuild?: (runner: RunnerEmulator) => Promise<unknown>;
  /** The run's workflow file, written into the workspace and named by GITHUB_WORKFLOW_REF. */
  workflow?: { path: string; text: string };
}

interface JobResult {
  setup: StepResult;
  build: StepResult;
  report: StepResult;
  findings: string[];
}

let runCounter = 100;

/** One job: setup, `cargo clean && cargo build` in `dir` (Rust keys include the cwd), report. */
async function job(svc: CacheService, dir: string, opts: JobOptions = {}): Promise<JobResult> {
  const ref = opts.ref ?? 'refs/heads/main';
  const port = String(await freePort());
  const sccache = sccacheBinary('0.16.0');
  const runtime: Record<string, string> = {
    ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref }),
    ACTIONS_RESULTS_URL: svc.url,
    ACTIONS_CACHE_SERVICE_V2: 'True',
  };
  for (const [name, value] of Object.entries(opts.runtime ?? {})) {
    if (value === undefined) delete runtime[name];
    else runtime[name] = value;
  }
  const runner = new RunnerEmulator({
    env: {
      PATH: pathWith(sccache),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REF: ref,
      GITHUB_EVENT_NAME: opts.event ?? 'push',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: String(runCounter++),
      SCCACHE_SERVER_PORT: port,
      ...(opts.workflow
        ? {
            GITHUB_REPOSITORY: 'acme/widget',
            GITHUB_SHA: 'feedface'.repeat(5),
            GITHUB_WORKFLOW_REF: `acme/widget/${opts.workflow.path}@${ref}`,
          }
        : {}),
      ...opts.env,
    },
    actionsRuntime: runtime,
  });
  if (opts.workflow) {
    await mkdir(join(runner.workspace, opts.workflow.path, '..'), { recursive: true });
    await writeFile(join(runner.workspace, opts.workflow.path), opts.workflow.text);
  }
  try {
    const setup = await runner.runAction(join(DIST, 'setup.js'), {
      actionYml: ACTION_YML,
      ...(opts.inputs ? { inputs: opts.inputs } : {}),
    });
    assert.equal(setup.exitCode, 0, setup.log);
    const build = await runner.runShell('cargo clean -q && cargo build --offline --quiet', { cwd: dir });
    await opts.afterBuild?.(runner);
    const report = await runner.runAction(join(DIST, 'report.js'), {
      stage: 'post',
      actionYml: ACTION_YML,
      ...(opts.inputs ? { inputs: opts.inputs } : {}),
    });
    assert.equal(report.exitCode, 0, report.log);
    assertSummaryReadsWell(report.summary);
    return { setup, build, report, findings: JSON.parse(report.outputs['findings'] ?? '[]') };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    await runner.cleanup();
  }
}

const objectsIn = (svc: CacheService) =>
  svc.entries.filter(
    (e) => e.key.startsWith('sccache/') && e.key !== 'sccache/.sccache_check' && e.finalized,
  );

test('cold then warm: the second run, fresh server and target/, hits every cacheable lookup', async () => {
  const svc = await service();
  const dir = await workspace();
  const cold = await job(svc, dir);
  assert.equal(cold.build.exitCode, 0, cold.build.log);
  assert.ok(cold.findings.includes('cold-cache'), cold.findings.join());
  const misses = Number(cold.report.outputs['misses']);
  assert.ok(misses > 0);
  assert.equal(objectsIn(svc).length, misses, 'every miss was stored');

  const warm = await job(svc, dir);
  assert.equal(warm.build.exitCode, 0, warm.build.log);
  // The figure: every lookup the cold run missed, the warm run hits (2 of 2 on the demo workspace).
  assert.equal(warm.report.outputs['hits'], String(misses));
  assert.equal(warm.report.outputs['misses'], '0');
  assert.equal(warm.report.outputs['hit-rate'], '100.0');
  assert.ok(!warm.findings.includes('cold-cache'));
  assert.deepEqual(
    warm.report.annotations.filter((a) => a.level !== 'notice'),
    [],
    'a warm run raises nothing',
  );
});

test('the startup write check answered 429: read-only-cache, with the log line that says why', async () => {
  const svc = await service({ faults: { rejectCheckWrite: true } });
  const run = await job(svc, await workspace());
  assert.equal(run.build.exitCode, 0, run.build.log);
  assert.equal(svc.refused.checkWrite, 1);
  assert.ok(run.findings.includes('read-only-cache'), run.findings.join());
  const annotation = run.report.annotations.find((a) => a.title?.startsWith('sccache read-only-cache'));
  assert.equal(annotation?.level, 'warning');
  assert.match(annotation?.message ?? '', /storage write check failed: RateLimited/);
  assert.equal(objectsIn(svc).length, 0);
});

test('uploads over the rate limit mid-build: write-errors, counting exactly what the service refused', async () => {
  // The preflight's check write is the first upload; the first object the second; the rest are refused.
  const svc = await service({ faults: { rateLimit: { uploads: 2, windowMs: 60_000 } } });
  let refusedDuringBuild = -1;
  const run = await job(svc, await workspace(), {
    afterBuild: async () => {
      refusedDuringBuild = svc.refused.rateLimited;
    },
  });
  assert.equal(run.build.exitCode, 0, run.build.log);
  assert.ok(refusedDuringBuild > 0, 'the service refused some uploads');
  assert.ok(run.findings.includes('write-errors'), run.findings.join());
  const f = run.report.annotations.find((a) => a.title?.startsWith('sccache write-errors'));
  assert.match(f?.message ?? '', new RegExp(`^${refusedDuringBuild} of \\d+ cache writes failed`));
  assert.match(f?.message ?? '', new RegExp(`${refusedDuringBuild} refused with HTTP 429`));
});

test('a later step restarts sccache without ACTIONS_CACHE_SERVICE_V2: v1 against a shut-down service, gha-protocol-v1', async () => {
  const svc = await service({ decommissioned: true });
  const sccache = sccacheBinary('0.16.0');
  const run = await job(svc, await workspace(), {
    // A job that hands later steps the credentials (for a docker build's own sccache, say).
    inputs: { 'export-credentials': 'true' },
    afterBuild: async (runner) => {
      // Like a container step that does not forward the variable.
      // It has the runner's ACTIONS_CACHE_URL but not the V2 flag. (Without ACTIONS_CACHE_URL, real
      // sccache 0.16 on github.com fails earlier: "cache url for ghac not found".)
      const restart = await runner.runShell(
        `"${sccache}" --stop-server >/dev/null; unset ACTIONS_CACHE_SERVICE_V2; ` +
          `ACTIONS_CACHE_URL=${svc.url} "${sccache}" --start-server || true`,
      );
      assert.match(restart.log, /Server startup failed: cache storage failed to read/);
    },
  });
  assert.equal(run.build.exitCode, 0, run.build.log);
  assert.ok(svc.refused.decommissioned > 0, 'the restarted server asked the v1 service');
  assert.ok(run.findings.includes('gha-protocol-v1'), run.findings.join());
  const error = run.report.annotations.find((a) => a.level === 'error');
  assert.match(error?.message ?? '', /_apis\/artifactcache/);
  assert.match(error?.message ?? '', /legacy service is shutting down/);
});

test("with setup's own environment the preflight keeps v2, even when the runner did not pass the flag", async () => {
  const svc = await service({ decommissioned: true });
  const run = await job(svc, await workspace(), { runtime: { ACTIONS_CACHE_SERVICE_V2: undefined } });
  assert.equal(run.build.exitCode, 0, run.build.log);
  assert.match(run.report.summary, /\| Backend in use \| `gha` \|/);
  assert.match(run.report.summary, /protocol v2/);
  assert.ok(!run.findings.includes('gha-protocol-v1'));
  assert.equal(svc.refused.decommissioned, 0);
});

test('scope: a pull request writes where main cannot read; a tag reads what main wrote', async () => {
  const svc = await service();
  const dir = await workspace();
  const pr = await job(svc, dir, {
    ref: 'refs/pull/1/merge',
    event: 'pull_request',
    inputs: { 'read-only': 'false' },
  });
  const prObjects = objectsIn(svc).length;
  assert.ok(prObjects > 0, 'the PR run wrote');
  assert.ok(objectsIn(svc).every((e) => e.scope === 'refs/pull/1/merge'));

  const main = await job(svc, dir);
  assert.equal(main.report.outputs['hits'], '0', "main cannot read the PR's entries");
  assert.ok(main.findings.includes('cold-cache'));
  // main's own first run: nothing to change there, so no fix (the PR's fix explains the scopes).
  assert.match(
    main.report.summary,
    /^## sccache · [^\n]*: cold first run — the next run reads the \d+ objects this one wrote\n\n\*\*Nothing to fix\.\*\*/,
  );
  assert.doesNotMatch(main.report.summary, /\*\*Fix:\*\*/);
  assert.match(
    pr.report.summary,
    /Here this pull_request run reads entries of refs\/pull\/1\/merge, refs\/heads\/main/,
  );

  const tag = await job(svc, dir, { ref: 'refs/tags/v1.0.0' });
  assert.equal(tag.report.outputs['misses'], '0', "a tag run reads the default branch's entries");
  assert.equal(tag.report.outputs['hits'], main.report.outputs['misses']);
});

test('a new cache-namespace starts cold, and the report says the namespace changed', async () => {
  const svc = await service();
  const dir = await workspace();
  const first = await job(svc, dir);
  assert.ok(first.findings.includes('cold-cache'));
  const again = await job(svc, dir);
  assert.equal(again.report.outputs['misses'], '0');
  assert.ok(!again.findings.includes('namespace-changed'));

  const renamed = await job(svc, dir, { inputs: { 'cache-namespace': 'linux-x64' } });
  assert.equal(renamed.report.outputs['hits'], '0');
  assert.ok(renamed.findings.includes('namespace-changed'), renamed.findings.join());
  const annotation = renamed.report.annotations.find((a) => a.title?.startsWith('sccache namespace-changed'));
  assert.equal(annotation?.level, 'warning');
  assert.match(annotation?.message ?? '', /from sccache-v0\.16\.0 to sccache-v0\.16\.0-linux-x64/);
});

// Two builds of the workload: ~100 s on two idle cores, more on a busy machine.
test(
  'the real workload (crates.io dependencies, a bin, a proc-macro, build scripts): cold, then 100 % warm',
  { timeout: 600_000 },
  async () => {
    const svc = await service();
    const dir = await exampleWorkspace('workload');
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const cold = await job(svc, dir);
    assert.equal(cold.build.exitCode, 0, cold.build.log);
    const lookups = Number(cold.report.outputs['misses']);
    assert.ok(lookups >= 20, `dozens of cacheable crates, got ${lookups}`);
    const warm = await job(svc, dir);
    assert.equal(warm.build.exitCode, 0, warm.build.log);
    assert.equal(warm.report.outputs['hits'], String(lookups));
    assert.equal(warm.report.outputs['hit-rate'], '100.0');
    // Every expected non-cacheable kind of a cargo build shows up, and none is called fixable.
    for (const reason of ['crate-type', 'missing input', '-']) {
      assert.match(
        warm.report.summary,
        new RegExp(`\\| \`${reason.replace('-', '\\-')}\` \\| \\d+ \\| expected \\|`),
        reason,
      );
    }
    assert.ok(!warm.findings.includes('incremental-compilation'));
  },
);

test('backend local: SCCACHE_DIR travels as one archive per job; a fresh runner restores it and hits', async () => {
  const svc = await service();
  const dir = await workspace();
  const sccacheDir = await mkdtemp(join(tmpdir(), 'sccache-guard-dir-'));
  cleanups.push(() => rm(sccacheDir, { recursive: true, force: true }));
  const local = { inputs: { backend: 'local' }, env: { SCCACHE_DIR: sccacheDir } };

  const first = await job(svc, dir, local);
  assert.equal(first.build.exitCode, 0, first.build.log);
  const misses = Number(first.report.outputs['misses']);
  assert.ok(misses > 0);
  const archives = svc.entries.filter((e) => e.key.startsWith('sccache-guard-dir-v1-') && e.finalized);
  assert.equal(archives.length, 1, 'one upload for the whole job');
  assert.equal(objectsIn(svc).length, 0, 'no per-object entries');
  assert.match(first.report.summary, /\| Local cache archive \| [^\n]*nothing restored[^\n]*saved as/);

  // A fresh runner: the directory is gone; setup brings it back before the build.
  await rm(sccacheDir, { recursive: true, force: true });
  const second = await job(svc, dir, local);
  assert.equal(second.build.exitCode, 0, second.build.log);
  assert.equal(second.report.outputs['hits'], String(misses));
  assert.equal(second.report.outputs['misses'], '0');
  assert.match(second.setup.log, /local cache: restored .* from sccache-guard-dir-v1-/);
  assert.match(second.report.summary, /not saved: this run stored no new objects/);
});

test('a tag build on the GitHub cache: tag-scope, annotated on the trigger line of its workflow', async () => {
  const svc = await service();
  const dir = await workspace();
  const path = '.github/workflows/release.yml';
  const text = [
    'name: Release',
    'on:',
    '  push:',
    "    tags: ['v*']",
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: org/sccache-guard@v1',
    '      - run: cargo build --release',
    '',
  ].join('\n');
  const tagRun = await job(svc, dir, { ref: 'refs/tags/v1.0.0', workflow: { path, text } });
  assert.ok(tagRun.findings.includes('tag-scope'), tagRun.findings.join());
  const annotation = tagRun.report.annotations.find((a) => a.title?.startsWith('sccache tag-scope '));
  assert.ok(annotation, JSON.stringify(tagRun.report.annotations));
  assert.equal(annotation.file, path);
  assert.equal(annotation.line, 4, "the `tags: ['v*']` line");
  assert.match(
    tagRun.report.summary,
    /\[`\.github\/workflows\/release\.yml:4`\]\(https:\/\/github\.com\/acme\/widget\/blob\//,
  );
});
