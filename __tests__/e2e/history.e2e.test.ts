// History and scope end to end: real sccache 0.16 and real cargo under the runner emulator, jobs
// one after another against one emulated cache service, each leaving its run record for the next.
// The release replay (examples/workload): main warms, a tag run with release-only RUSTFLAGS misses
// everything, main again hits everything; then the faults that live outside the stats.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCacheService, type CacheService } from '../emulator/cache-service.js';
import { RunnerEmulator, type StepResult } from '../emulator/runner.js';
import { ACTION_YML, DIST, exampleWorkspace, freePort, pathWith, sccacheBinary } from './tools.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A registry token as a job would have it: sccache hashes every CARGO_* variable, so it is an input. */
const REGISTRY_TOKEN = 'cio_registrytokenvalue0123456789';

interface JobOptions {
  ref?: string;
  event?: string;
  /** run: steps before the build (e.g. exporting RUSTFLAGS to GITHUB_ENV). */
  before?: string;
  /** The build step (default: a clean build). */
  build?: string;
  /** run: steps after the build. */
  after?: string;
  /** The github-token input; default a token with actions: read. */
  githubToken?: string;
}

interface Job {
  setup: StepResult;
  steps: StepResult[];
  report: StepResult;
  findings: string[];
  /** Every file the action wrote that a later step or the cache could see. */
  files: Record<string, string>;
}

let runId = 500;

/** One home per replay, as a runner has one: @actions/cache restores a path under the home it saved from. */
const homes = new Map<CacheService, string>();

async function job(svc: CacheService, dir: string, opts: JobOptions = {}): Promise<Job> {
  const ref = opts.ref ?? 'refs/heads/main';
  const port = String(await freePort());
  const sccache = sccacheBinary('0.16.0');
  let home = homes.get(svc);
  if (!home) {
    home = await mkdtemp(join(tmpdir(), 'sccache-guard-home-'));
    homes.set(svc, home);
    const made = home;
    cleanups.push(() => rm(made, { recursive: true, force: true }));
  }
  const runner = new RunnerEmulator({
    workspace: dir,
    env: {
      PATH: pathWith(sccache),
      // A home of its own: the run record lives under ~/.cache (tests run side by side), while cargo
      // and rustup keep theirs.
      HOME: home,
      RUSTUP_HOME: process.env['RUSTUP_HOME'] ?? join(homedir(), '.rustup'),
      CARGO_HOME: process.env['CARGO_HOME'] ?? join(homedir(), '.cargo'),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: svc.url,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REF: ref,
      GITHUB_EVENT_NAME: opts.event ?? 'push',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: String(runId++),
      SCCACHE_SERVER_PORT: port,
      CARGO_REGISTRIES_MY_REGISTRY_TOKEN: REGISTRY_TOKEN,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: svc.tokenFor({ ref }),
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
  const inputs = { 'github-token': opts.githubToken ?? svc.apiToken({ actionsRead: true }) };
  try {
    const setup = await runner.runAction(join(DIST, 'setup.js'), { actionYml: ACTION_YML, inputs });
    assert.equal(setup.exitCode, 0, setup.log);
    const steps: StepResult[] = [];
    for (const script of [
      opts.before,
      opts.build ?? 'cargo clean -q && cargo build --offline --quiet',
      opts.after,
    ]) {
      if (!script) continue;
      const step = await runner.runShell(script, { cwd: dir });
      assert.equal(step.exitCode, 0, step.log);
      steps.push(step);
    }
    const report = await runner.runAction(join(DIST, 'report.js'), {
      stage: 'post',
      actionYml: ACTION_YML,
      inputs,
    });
    assert.equal(report.exitCode, 0, report.log);
    assert.equal(report.failed, false);
    assertSummaryReadsWell(report.summary);
    const files: Record<string, string> = {};
    const readAll = (root: string) => {
      if (!existsSync(root)) return;
      for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        const path = join(root, name);
        if (statSync(path).isFile() && statSync(path).size < 50 * 1024 * 1024)
          files[path] = readFileSync(path, 'latin1');
      }
    };
    readAll(join(home, '.cache', 'sccache-guard'));
    readAll(join(runner.tempRoot, '_temp', 'sccache-guard'));
    readAll(join(runner.tempRoot, '_runner_file_commands'));
    return { setup, steps, report, findings: JSON.parse(report.outputs['findings'] ?? '[]'), files };
  } finally {
    await runner
      .runStep(sccache, ['--stop-server'], { env: { SCCACHE_SERVER_PORT: port } })
      .catch(() => undefined);
    await runner.cleanup();
  }
}

/** No record, summary, output, log line or saved file holds a token: checked on the raw text. */
function assertNoSecrets(svc: CacheService, jobs: readonly Job[]): void {
  for (const j of jobs) {
    const secrets = [REGISTRY_TOKEN, ...j.setup.masks].filter((s) => s.length >= 8);
    assert.ok(secrets.length >= 2, 'the runtime token was masked, and the registry token is known');
    const channels: Record<string, string> = {
      summary: j.report.summary,
      outputs: JSON.stringify(j.report.outputs),
      // The logs as the runner shows them (the raw stdout carries ::add-mask:: commands by design).
      'report log': j.report.log,
      'setup log': j.setup.log,
      ...j.files,
    };
    for (const [where, text] of Object.entries(channels)) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `a secret in ${where}`);
    }
  }
  // The records in the cache, as the next run downloads them (the JSON itself, on v2).
  for (const entry of svc.entries.filter((e) => e.key.startsWith('sccache-guard-run-v2-'))) {
    const data = svc.entryData(entry.key, entry.version);
    assert.ok(data && !data.toString('latin1').includes(REGISTRY_TOKEN), entry.key);
  }
}

// Three builds of the workload (crates.io dependencies): ~150 s on two idle cores, more on a busy machine.
test(
  'the release replay: main warms, a tag run with release-only RUSTFLAGS, main again',
  { timeout: 600_000 },
  async () => {
    const svc = await startCacheService();
    cleanups.push(() => svc.close());
    const dir = await exampleWorkspace('workload');
    cleanups.push(() => rm(dir, { recursive: true, force: true }));

    const main = await job(svc, dir);
    assert.ok(main.findings.includes('cold-cache'), main.findings.join());
    const mainMisses = Number(main.report.outputs['misses']);
    assert.ok(mainMisses > 0);
    assert.match(main.report.summary, /This run's record was saved as `sccache-guard-run-v2-build-/);

    // 1. The tag run: RUSTFLAGS only releases set, so every Rust key differs from main's.
    const tag = await job(svc, dir, {
      ref: 'refs/tags/v1.0.0',
      before: 'echo "RUSTFLAGS=-C debug-assertions=off" >> "$GITHUB_ENV"',
    });
    assert.equal(tag.report.outputs['hits'], '0', 'not one of main’s entries matches');
    for (const id of ['tag-scope', 'config-changed'])
      assert.ok(tag.findings.includes(id), `${id}: ${tag.findings}`);
    assert.ok(!tag.findings.includes('cold-cache'), 'not "cold": the default branch is warm');
    const summary = tag.report.summary;
    assert.match(summary, /RUSTFLAGS: \(unset\) → "-C debug-assertions=off" \(part of every Rust key\)/);
    assert.match(summary, /Compared with run \d+ on `refs\/heads\/main` \(the default branch\)/);
    // 6. What the cache holds: the default branch's entries of this namespace, against the quota.
    assert.match(summary, new RegExp(`\`refs/heads/main\` ${mainMisses} entries`), summary);
    assert.match(summary, /of the repository's 10240\.0 MiB/);
    assert.match(summary, /refs\/heads\/main holds \d+ entries of this namespace; this run hit 0 of \d+/);

    // 4. Main again, healthy: nothing of the above, and the record compare says nothing changed.
    const again = await job(svc, dir);
    assert.equal(again.report.outputs['misses'], '0', again.report.summary);
    for (const id of [
      'tag-scope',
      'config-changed',
      'target-restored',
      'server-restarted',
      'version-mismatch',
    ]) {
      assert.ok(!again.findings.includes(id), `${id} on a healthy run: ${again.findings}`);
    }
    assert.match(again.report.summary, /nothing changed in the inputs of the keys/);

    // 7. No token anywhere, in any of the three jobs.
    assertNoSecrets(svc, [main, tag, again]);
  },
);

test('target restored, a server restarted, a wrapper of another version, a token without actions: read', async () => {
  const svc = await startCacheService();
  cleanups.push(() => svc.close());
  const dir = await exampleWorkspace('demo-workspace');
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const first = await job(svc, dir);
  assert.equal(first.report.exitCode, 0);

  // 2. target/ as a cache restored it: built by an earlier job, so cargo has nothing to compile.
  const restored = await job(svc, dir, { build: 'cargo build --offline --quiet' });
  assert.ok(restored.findings.includes('target-restored'), restored.findings.join());
  assert.match(
    restored.report.summary,
    /target\/ was restored before the build: sccache looked up only 0 compilations/,
  );

  // 3. A run: step that restarts sccache after the build.
  const restarted = await job(svc, dir, { after: 'sccache --stop-server && sccache --start-server' });
  assert.ok(restarted.findings.includes('server-restarted'), restarted.findings.join());
  assert.match(restarted.report.summary, /1 server stop after setup/);

  // 5. A later step points RUSTC_WRAPPER at another sccache: its compiles reach the server, its
  // version is not setup's.
  const other = sccacheBinary('0.10.0');
  const mismatch = await job(svc, dir, { before: `echo "RUSTC_WRAPPER=${other}" >> "$GITHUB_ENV"` });
  assert.ok(mismatch.findings.includes('version-mismatch'), mismatch.findings.join());
  assert.match(
    mismatch.report.summary,
    /sccache 0\.16\.0 was set up, but RUSTC_WRAPPER is .*, sccache 0\.10\.0/,
  );

  // 6. Without actions: read the listing is one line, no warning, a green step. The listing explains
  // misses: a new RUSTFLAGS makes this run miss, so it is asked for (and refused).
  const denied = await job(svc, dir, {
    githubToken: svc.apiToken({ actionsRead: false }),
    before: 'echo "RUSTFLAGS=-C debug-assertions=off" >> "$GITHUB_ENV"',
  });
  assert.ok(Number(denied.report.outputs['misses']) > 0, denied.report.summary);
  assert.match(denied.report.summary, /What the cache holds was not listed: the token may not list caches/);
  // Nor may it delete this job's older records: they are left for GitHub's eviction, in one line.
  assert.match(
    denied.report.summary,
    /older records of this job on this ref are left for GitHub to evict after 7 days unused: the github-token may not list caches/,
  );
  assert.ok(!denied.report.annotations.some((a) => /actions: read/.test(a.message)), 'no annotation for it');

  assertNoSecrets(svc, [first, restored, restarted, mismatch, denied]);
});
