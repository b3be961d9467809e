// The post step under the runner emulator, after real cargo builds through a real sccache server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RunnerEmulator } from '../emulator/runner.js';
import { assertSummaryReadsWell } from '../render/summary-checks.js';
import { ACTION_YML, demoWorkspace, DIST, freePort, pathWith, sccacheBinary } from './tools.js';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  // One failing cleanup must not leave the sccache servers of the others running.
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function emulator(env: Record<string, string>): Promise<RunnerEmulator> {
  const runner = new RunnerEmulator({ env });
  cleanups.push(async () => runner.cleanup());
  return runner;
}

test('after a cold and a warm cargo build, the report writes the hit rate, findings and outputs', async () => {
  const sccache = sccacheBinary();
  const workspace = await demoWorkspace();
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  const port = String(await freePort());
  const runner = await emulator({ PATH: pathWith(sccache), GITHUB_SERVER_URL: 'https://github.com' });
  const sccacheEnv = {
    SCCACHE_SERVER_PORT: port,
    SCCACHE_DIR: join(runner.tempRoot, 'sccache-dir'),
    SCCACHE_IDLE_TIMEOUT: '0',
  };
  cleanups.push(async () => void (await runner.runStep(sccache, ['--stop-server'], { env: sccacheEnv })));

  const start = await runner.runStep(sccache, ['--start-server'], { env: sccacheEnv });
  assert.equal(start.exitCode, 0, start.log);
  const buildEnv = { ...sccacheEnv, RUSTC_WRAPPER: sccache, CARGO_INCREMENTAL: '0' };
  const cold = await runner.runShell('cargo build --offline --quiet', { cwd: workspace, env: buildEnv });
  assert.equal(cold.exitCode, 0, cold.log);
  const warm = await runner.runShell('cargo clean && cargo build --offline --quiet', {
    cwd: workspace,
    env: buildEnv,
  });
  assert.equal(warm.exitCode, 0, warm.log);

  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { SCCACHE_SERVER_PORT: port },
    actionYml: ACTION_YML,
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);

  // The numbers in the outputs are the numbers in the stats document the step saved.
  const statsPath = report.outputs['stats-json'];
  assert.ok(statsPath, 'stats-json output is set');
  const stats = JSON.parse(readFileSync(statsPath, 'utf8'));
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const hits = sum(stats.stats.cache_hits.counts);
  const misses = sum(stats.stats.cache_misses.counts);
  assert.ok(hits > 0 && misses > 0, `a cold then warm build both hits and misses: ${hits}/${misses}`);
  assert.equal(hits, misses, 'the warm build hits every lookup the cold build missed');
  assert.equal(report.outputs['hits'], String(hits));
  assert.equal(report.outputs['misses'], String(misses));
  assert.equal(report.outputs['hit-rate'], ((hits / (hits + misses)) * 100).toFixed(1));
  const findings = JSON.parse(report.outputs['findings'] ?? 'null');
  assert.ok(findings.includes('expected-non-cacheable'));
  assert.ok(!findings.includes('incremental-compilation'));

  assert.match(
    report.summary,
    new RegExp(`^## sccache · [^\\n]*: ${report.outputs['hit-rate']} % of ${hits + misses} lookups hit`),
  );
  assert.match(report.summary, new RegExp(`\\| Rust \\| ${hits} \\| ${misses} \\| 0 \\|`));
  assert.match(report.summary, /\| `crate-type` \| \d+ \| expected \|/);
  assert.match(report.summary, /local disk at `.*sccache-dir`/);
  assert.equal(
    report.annotations.filter((a) => a.level !== 'notice').length,
    0,
    'a healthy run raises nothing',
  );
});

test('incremental builds: the report names incremental-compilation and annotates it', async () => {
  const sccache = sccacheBinary();
  const workspace = await demoWorkspace();
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  const port = String(await freePort());
  const runner = await emulator({ PATH: pathWith(sccache), GITHUB_JOB: 'build' });
  const sccacheEnv = {
    SCCACHE_SERVER_PORT: port,
    SCCACHE_DIR: join(runner.tempRoot, 'dir'),
    SCCACHE_IDLE_TIMEOUT: '0',
  };
  cleanups.push(async () => void (await runner.runStep(sccache, ['--stop-server'], { env: sccacheEnv })));
  await runner.runStep(sccache, ['--start-server'], { env: sccacheEnv });
  // CARGO_INCREMENTAL unset: cargo's dev profile passes -C incremental for workspace crates.
  // (sccache >= 0.7.7 refuses CARGO_INCREMENTAL=1 outright, so a user sees this only when it is unset.)
  const build = await runner.runShell('cargo build --offline --quiet', {
    cwd: workspace,
    env: { ...sccacheEnv, RUSTC_WRAPPER: sccache },
  });
  assert.equal(build.exitCode, 0, build.log);
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { SCCACHE_SERVER_PORT: port },
    inputs: { 'job-label': 'linux stable' },
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  const findings: string[] = JSON.parse(report.outputs['findings'] ?? '[]');
  assert.ok(findings.includes('incremental-compilation'), findings.join());
  const annotation = report.annotations.find((a) => a.title?.startsWith('sccache incremental-compilation'));
  assert.ok(annotation, JSON.stringify(report.annotations));
  assert.equal(annotation.level, 'warning');
  assert.equal(annotation.title, 'sccache incremental-compilation (linux stable)');
  assert.match(annotation.message, /CARGO_INCREMENTAL: "0"/);
});

test('no server running: sccache >= 0.7.7 answers zeros, the report says no-compilations', async () => {
  const sccache = sccacheBinary();
  const runner = await emulator({ PATH: pathWith(sccache) });
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { SCCACHE_SERVER_PORT: String(await freePort()) },
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  assert.deepEqual(JSON.parse(report.outputs['findings'] ?? '[]'), ['no-compilations']);
  assert.equal(report.outputs['hit-rate'], '');
  assert.match(report.summary, /no cache lookups/);
});

test('sccache missing: a warning and a summary that says so; the step stays green', async () => {
  // A PATH with nothing on it (the machine may have Debian's sccache in /usr/bin).
  const runner = await emulator({ PATH: '/nonexistent' });
  const report = await runner.runAction(join(DIST, 'report.js'), { stage: 'post' });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  assert.equal(report.failed, false);
  const warning = report.annotations.find((a) => a.level === 'warning');
  assert.match(warning?.message ?? '', /sccache was not found/);
  assert.match(report.summary, /## sccache · [^\n]*: no report/);
  assert.equal(report.outputs['findings'], '[]');
});

test('garbage on stdout, and a port where no sccache answers: warnings, never a failed step', async () => {
  // A stand-in binary that prints what a broken wrapper might: the fault, not the expected answer.
  const runner = await emulator({ PATH: '/usr/bin:/bin' });
  await writeFile(join(runner.tempRoot, 'sccache'), '#!/bin/sh\necho "sccache: warning: something odd"\n');
  await chmod(join(runner.tempRoot, 'sccache'), 0o755);
  const garbage = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { PATH: `${runner.tempRoot}:/usr/bin:/bin` },
  });
  assert.equal(garbage.exitCode, 0, garbage.log);
  // Not JSON: read as sccache's text table, which it is not either.
  assert.match(garbage.annotations[0]?.message ?? '', /cannot read: \$: no "Compile requests" line/);
  assert.match(garbage.summary, /no "Compile requests" line/);

  // A TCP server that is not sccache: the real client fails to talk to it.
  const sockets = new Set<import('node:net').Socket>();
  const impostor = createServer((socket) => {
    sockets.add(socket);
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        impostor.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  );
  const port = (impostor.address() as { port: number }).port;
  const sccache = sccacheBinary();
  const dead = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { PATH: pathWith(sccache), SCCACHE_SERVER_PORT: String(port) },
  });
  assert.equal(dead.exitCode, 0, dead.log);
  assert.ok(
    dead.annotations.some((a) => a.level === 'warning'),
    dead.log,
  );
  assert.match(dead.summary, /## sccache · [^\n]*: no report/);
});

test('a broken event file does not break the report', async () => {
  const sccache = sccacheBinary();
  const runner = await emulator({ PATH: pathWith(sccache) });
  const broken = join(runner.tempRoot, 'broken-event.json');
  await writeFile(broken, '{"ref": ');
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { SCCACHE_SERVER_PORT: String(await freePort()), GITHUB_EVENT_PATH: broken },
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  assert.match(report.summary, /^## sccache · [^\n]*: 1 problem to fix — no cache lookups\n/);
});

test('an sccache that refuses --stats-format json: the report reads its text table instead', async () => {
  const sccache = sccacheBinary();
  const port = String(await freePort());
  const runner = await emulator({ PATH: '/usr/bin:/bin' });
  const sccacheEnv = {
    SCCACHE_SERVER_PORT: port,
    SCCACHE_DIR: join(runner.tempRoot, 'sccache-dir'),
    SCCACHE_IDLE_TIMEOUT: '0',
  };
  cleanups.push(async () => void (await runner.runStep(sccache, ['--stop-server'], { env: sccacheEnv })));
  // A real server and a real C build: a miss, then a hit.
  const source = join(runner.tempRoot, 'a.c');
  await writeFile(source, 'int answer(void) { return 42; }\n');
  for (let i = 0; i < 2; i++) {
    const compile = await runner.runStep(sccache, ['gcc', '-c', source, '-o', `${source}.o`], {
      env: sccacheEnv,
    });
    assert.equal(compile.exitCode, 0, compile.log);
  }
  // sccache in front of it on PATH answers `--stats-format` as a release without it (clap 2) does.
  const bin = join(runner.tempRoot, 'old-bin');
  await writeFile(
    join(runner.tempRoot, 'refuse.sh'),
    `#!/bin/sh\ncase " $* " in *" --stats-format "*) echo "error: Found argument '--stats-format' which wasn't expected, or isn't valid in this context" >&2; exit 1;; esac\nexec ${sccache} "$@"\n`,
  );
  await runner.runShell(
    `mkdir -p ${bin} && cp ${join(runner.tempRoot, 'refuse.sh')} ${bin}/sccache && chmod +x ${bin}/sccache`,
  );
  const report = await runner.runAction(join(DIST, 'report.js'), {
    stage: 'post',
    env: { ...sccacheEnv, PATH: `${bin}:/usr/bin:/bin` },
    actionYml: ACTION_YML,
  });
  assert.equal(report.exitCode, 0, report.log);
  assertSummaryReadsWell(report.summary);
  assert.equal(report.outputs['hits'], '1');
  assert.equal(report.outputs['misses'], '1');
  assert.equal(report.outputs['hit-rate'], '50.0');
  // What was read is kept as it was printed: the text, redacted, as .txt.
  assert.match(report.outputs['stats-json'] ?? '', /sccache-stats\.txt$/);
  assert.match(readFileSync(report.outputs['stats-json']!, 'utf8'), /^Compile requests +2$/m);
  assert.match(report.summary, /Read from sccache's text output/);
  assert.match(report.summary, /Not decided: [^\n]*`cold-cache`: they need `cache_writes`/);
  assert.equal(report.annotations.filter((a) => a.level !== 'notice').length, 0, report.log);
});
