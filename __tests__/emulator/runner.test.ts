import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunnerEmulator, StepTimeoutError } from './runner.js';
import { parseKeyValueFile, parseWorkflowCommand, SecretMasker } from './workflow-commands.js';

const CORE_URL = pathToFileURL(resolve('node_modules/@actions/core/lib/core.js')).href;
const scripts = mkdtempSync(join(tmpdir(), 'runner-emulator-scripts-'));
after(() => rmSync(scripts, { recursive: true, force: true }));

/** Write a throwaway action script and return its path. */
function script(name: string, body: string): string {
  const p = join(scripts, name);
  writeFileSync(p, body);
  return p;
}

const RUNTIME = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-xyz',
  ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
};

// A plain-node action writing the file commands by hand.
const HANDMADE = script(
  'handmade.mjs',
  `import { appendFileSync } from 'node:fs';
const env = process.env;
appendFileSync(env.GITHUB_ENV, 'PLAIN_VAR=plain value\\n');
appendFileSync(env.GITHUB_ENV, 'MULTI<<EOF_1\\nline one\\nline two\\nEOF_1\\n');
appendFileSync(env.GITHUB_OUTPUT, 'simple=1\\n');
appendFileSync(env.GITHUB_STATE, 'handmade=yes\\n');
appendFileSync(env.GITHUB_PATH, '/opt/handmade/bin\\n');
appendFileSync(env.GITHUB_STEP_SUMMARY, '# handmade\\n');
console.log('token-seen=' + (env.ACTIONS_RUNTIME_TOKEN ?? '<none>'));
console.log('input=' + (env['INPUT_SOME-INPUT'] ?? '<none>') + ' spaced=' + (env.INPUT_WITH_SPACE ?? '<none>'));
`,
);

// An action using the real @actions/core 3.
const CORE_MAIN = script(
  'core-main.mjs',
  `import * as core from ${JSON.stringify(CORE_URL)};
core.exportVariable('CORE_VAR', 'from-core');
core.addPath('/opt/core/bin');
core.saveState('started', '1700000000');
core.saveState('multi', 'a\\nb');
core.setOutput('report', 'first line\\nsecond line');
core.setSecret('s3cr3t-value');
console.log('the secret is s3cr3t-value, ok');
core.warning('bad %thing: 100%, done', { file: process.env.GITHUB_WORKSPACE + '/src/a,b.ts', startLine: 12, endLine: 14, title: 'Title: with, punct' });
core.notice('just so you know');
core.debug('quiet');
core.startGroup('grouped');
console.log('inside');
core.endGroup();
core.info('runtime=' + (process.env.ACTIONS_RUNTIME_TOKEN ?? '<none>') + ' input=' + core.getInput('cache-key'));
await core.summary.addHeading('Core summary').addRaw('hit rate 50% s3cr3t-value', true).write();
`,
);

const CORE_POST = script(
  'core-post.mjs',
  `import * as core from ${JSON.stringify(CORE_URL)};
console.log('post-state started=' + core.getState('started') + ' multi=' + JSON.stringify(core.getState('multi')));
console.log('post-env CORE_VAR=' + process.env.CORE_VAR);
`,
);

const CORE_FAIL = script(
  'core-fail.mjs',
  `import * as core from ${JSON.stringify(CORE_URL)};
core.setFailed('it broke');
`,
);

test('exportVariable, addPath, state, outputs, summary, masks and annotations across steps', async (t) => {
  const runner = new RunnerEmulator({ actionsRuntime: RUNTIME });
  t.after(() => runner.cleanup());

  const main = await runner.runAction(CORE_MAIN, { inputs: { 'cache-key': 'k1' } });
  assert.equal(main.exitCode, 0, main.stderr);
  assert.equal(main.failed, false);

  // exportVariable / addPath
  assert.deepEqual(main.exportedEnv, { CORE_VAR: 'from-core' });
  assert.deepEqual(main.path, ['/opt/core/bin']);
  // saveState / setOutput heredoc
  assert.deepEqual(main.state, { started: '1700000000', multi: 'a\nb' });
  assert.equal(main.outputs['report'], 'first line\nsecond line');
  // summary (masked like the runner's upload)
  assert.match(main.summary, /<h1>Core summary<\/h1>/);
  assert.match(main.summary, /hit rate 50% \*\*\*/);
  assert.deepEqual(runner.summaries, [main.summary]);
  // add-mask
  assert.deepEqual(main.masks, ['s3cr3t-value']);
  assert.match(main.stdout, /s3cr3t-value/);
  assert.doesNotMatch(main.log, /s3cr3t-value/);
  assert.match(main.log, /the secret is \*\*\*, ok/);
  assert.doesNotMatch(main.log, /::add-mask::/);
  // annotations: unescaped, file made workspace-relative
  const warning = main.annotations.find((a) => a.level === 'warning');
  assert.deepEqual(warning, {
    level: 'warning',
    message: 'bad %thing: 100%, done',
    file: 'src/a,b.ts',
    line: 12,
    endLine: 14,
    title: 'Title: with, punct',
    step: 'action:main',
  });
  assert.ok(main.annotations.some((a) => a.level === 'notice' && a.message === 'just so you know'));
  assert.match(main.log, /##\[warning\]bad %thing: 100%, done/);
  assert.deepEqual(main.debug, ['quiet']);
  assert.deepEqual(main.groups, ['grouped']);
  assert.match(main.log, /##\[group\]grouped\ninside\n##\[endgroup\]/);
  // runtime token reaches the action, input arrives
  assert.match(main.log, /runtime=runtime-token-xyz input=k1/);

  // A later run: step sees the export and the path, but not the runtime token.
  const run = await runner.runShell(
    'echo "CORE_VAR=$CORE_VAR"; echo "PATH=$PATH"; echo "TOKEN=${ACTIONS_RUNTIME_TOKEN:-<none>}"; echo "URL=${ACTIONS_RESULTS_URL:-<none>}"',
  );
  assert.equal(run.exitCode, 0, run.stderr);
  assert.match(run.stdout, /CORE_VAR=from-core/);
  assert.match(run.stdout, /PATH=\/opt\/core\/bin:/);
  assert.match(run.stdout, /TOKEN=<none>/);
  assert.match(run.stdout, /URL=<none>/);
  assert.equal(runner.jobEnv['CORE_VAR'], 'from-core');
  assert.deepEqual(runner.jobPath, ['/opt/core/bin']);
  assert.equal(runner.jobEnv['ACTIONS_RUNTIME_TOKEN'], undefined);

  // The post stage gets STATE_* from main, and the job env.
  const post = await runner.runAction(CORE_POST, { stage: 'post' });
  assert.equal(post.exitCode, 0, post.stderr);
  assert.match(post.stdout, /post-state started=1700000000 multi="a\\nb"/);
  assert.match(post.stdout, /post-env CORE_VAR=from-core/);

  assert.equal(runner.allAnnotations.length, 2);
});

test('hand-written file commands: NAME=value and heredoc, inputs naming, run: steps via runStep', async (t) => {
  const runner = new RunnerEmulator({ actionsRuntime: RUNTIME });
  t.after(() => runner.cleanup());
  const r = await runner.runAction(HANDMADE, {
    inputs: { 'some-input': 'v1', 'with space': 'v2' },
    actionId: 'hm',
  });
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(r.exportedEnv, { PLAIN_VAR: 'plain value', MULTI: 'line one\nline two' });
  assert.deepEqual(r.outputs, { simple: '1' });
  assert.equal(r.summary, '# handmade\n');
  assert.match(r.stdout, /token-seen=runtime-token-xyz/);
  assert.match(r.stdout, /input=v1 spaced=v2/);
  assert.deepEqual(runner.stateOf('hm'), { handmade: 'yes' });
  assert.deepEqual(runner.stateOf(), {});

  const step = await runner.runStep('node', [
    '-e',
    'console.log(JSON.stringify([process.env.PLAIN_VAR, process.env.MULTI, process.env.ACTIONS_RUNTIME_TOKEN ?? null, process.env.PATH.split(":")[0]]))',
  ]);
  assert.equal(step.exitCode, 0, step.stderr);
  assert.deepEqual(JSON.parse(step.stdout), ['plain value', 'line one\nline two', null, '/opt/handmade/bin']);

  // A later action sees the export as well; a run: step can export too.
  const exp = await runner.runShell(
    'echo "FROM_RUN=42" >> "$GITHUB_ENV"; echo /opt/run/bin >> "$GITHUB_PATH"',
  );
  assert.equal(exp.exitCode, 0, exp.stderr);
  const probe = script(
    'probe.mjs',
    `console.log(JSON.stringify({ plain: process.env.PLAIN_VAR, run: process.env.FROM_RUN, path: process.env.PATH.split(':').slice(0, 2) }));`,
  );
  const later = await runner.runAction(probe);
  assert.deepEqual(JSON.parse(later.stdout), {
    plain: 'plain value',
    run: '42',
    path: ['/opt/run/bin', '/opt/handmade/bin'],
  });
  assert.deepEqual(runner.jobPath, ['/opt/run/bin', '/opt/handmade/bin']);
});

test('core.setFailed gives exitCode 1 and an error annotation', async (t) => {
  const runner = new RunnerEmulator();
  t.after(() => runner.cleanup());
  const r = await runner.runAction(CORE_FAIL);
  assert.equal(r.exitCode, 1);
  assert.equal(r.failed, true);
  assert.deepEqual(
    r.annotations.map((a) => [a.level, a.message]),
    [['error', 'it broke']],
  );
});

test('a non-zero run: step and a shell -e failure', async (t) => {
  const runner = new RunnerEmulator();
  t.after(() => runner.cleanup());
  const r = await runner.runShell('false\necho not reached');
  assert.equal(r.exitCode, 1);
  assert.equal(r.stdout, '');
  const s = await runner.runStep('bash', ['-c', 'exit 3']);
  assert.equal(s.exitCode, 3);
});

test('runner defaults: env, event file, no GITHUB_SERVER_URL, no leaked env', async (t) => {
  process.env['SCCACHE_GUARD_LEAK_PROBE'] = 'leak';
  t.after(() => delete process.env['SCCACHE_GUARD_LEAK_PROBE']);
  const runner = new RunnerEmulator({ env: { GITHUB_EVENT_NAME: 'pull_request' } });
  t.after(() => runner.cleanup());
  const r = await runner.runStep('node', [
    '-e',
    `const e = process.env; const ev = JSON.parse(require('fs').readFileSync(e.GITHUB_EVENT_PATH, 'utf8'));
     console.log(JSON.stringify({ a: e.GITHUB_ACTIONS, ci: e.CI, os: e.RUNNER_OS, arch: e.RUNNER_ARCH, ref: e.GITHUB_REF,
       ev: e.GITHUB_EVENT_NAME, server: e.GITHUB_SERVER_URL ?? null, leak: e.SCCACHE_GUARD_LEAK_PROBE ?? null,
       temp: e.RUNNER_TEMP, tool: e.RUNNER_TOOL_CACHE, ws: e.GITHUB_WORKSPACE, cwd: process.cwd(), evref: ev.ref,
       hasFiles: [e.GITHUB_ENV, e.GITHUB_PATH, e.GITHUB_OUTPUT, e.GITHUB_STATE, e.GITHUB_STEP_SUMMARY].every(Boolean) }));`,
  ]);
  assert.equal(r.exitCode, 0, r.stderr);
  const o = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(o['a'], 'true');
  assert.equal(o['ci'], 'true');
  assert.equal(o['os'], 'Linux');
  assert.equal(o['arch'], 'X64');
  assert.equal(o['ref'], 'refs/heads/main');
  assert.equal(o['ev'], 'pull_request');
  assert.equal(o['server'], null);
  assert.equal(o['leak'], null);
  assert.equal(o['temp'], runner.runnerTemp);
  assert.equal(o['tool'], runner.toolCache);
  assert.equal(o['ws'], runner.workspace);
  assert.equal(o['cwd'], runner.workspace);
  assert.equal(o['evref'], 'refs/heads/main');
  assert.equal(o['hasFiles'], true);
});

test('action.yml literal defaults become INPUT_ vars; unexpected inputs warn', async (t) => {
  const runner = new RunnerEmulator();
  t.after(() => runner.cleanup());
  const yml = join(scripts, 'action.yml');
  writeFileSync(
    yml,
    'name: x\ninputs:\n  mode:\n    default: auto\n  verbose:\n    default: false\n  key:\n    description: no default\n',
  );
  const probe = script(
    'inputs.mjs',
    `console.log(JSON.stringify({ mode: process.env.INPUT_MODE, verbose: process.env.INPUT_VERBOSE, key: process.env.INPUT_KEY ?? null, extra: process.env.INPUT_EXTRA }));`,
  );
  const r = await runner.runAction(probe, { actionYml: yml, inputs: { verbose: 'true', extra: 'x' } });
  assert.deepEqual(JSON.parse(r.stdout), { mode: 'auto', verbose: 'true', key: null, extra: 'x' });
  assert.equal(r.annotations[0]?.level, 'warning');
  assert.match(r.annotations[0]?.message ?? '', /Unexpected input\(s\) 'extra'/);
});

test('stop-commands, disabled set-env, bad GITHUB_ENV format fail the step', async (t) => {
  const runner = new RunnerEmulator();
  t.after(() => runner.cleanup());
  const r = await runner.runShell(
    [
      'echo "::stop-commands::tok"',
      'echo "::warning::ignored while stopped"',
      'echo "::tok::"',
      'echo "::warning::seen"',
      'echo "::set-env name=X::1"',
    ].join('\n'),
  );
  assert.equal(r.exitCode, 0);
  assert.equal(r.failed, true);
  assert.match(r.log, /::warning::ignored while stopped/);
  assert.deepEqual(
    r.annotations.map((a) => a.message.slice(0, 30)),
    ['seen', "Unable to process command '::s", 'The `set-env` command is disab'],
  );
  const bad = await runner.runShell('echo "NOPE" >> "$GITHUB_ENV"; echo "K<<EOF" >> "$GITHUB_ENV"');
  assert.equal(bad.exitCode, 0);
  assert.equal(bad.failed, true);
  assert.equal(bad.annotations[0]?.message, "Unable to process file command 'env' successfully.");
});

test('steps run asynchronously: an in-process server keeps answering', async (t) => {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => res.end('pong'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const addr = server.address();
  assert.ok(addr !== null && typeof addr === 'object');
  const runner = new RunnerEmulator({
    actionsRuntime: { ACTIONS_RESULTS_URL: `http://127.0.0.1:${addr.port}/` },
  });
  t.after(() => runner.cleanup());
  const probe = script(
    'fetch.mjs',
    `const r = await fetch(process.env.ACTIONS_RESULTS_URL); console.log('got ' + await r.text());`,
  );
  const r = await runner.runAction(probe);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'got pong');
});

test('a background process holding the pipes does not hang the step', async (t) => {
  const runner = new RunnerEmulator();
  t.after(() => runner.cleanup());
  const started = Date.now();
  const r = await runner.runShell('sleep 4 &\necho done');
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'done\n');
  assert.ok(Date.now() - started < 3900, 'waited for the background process');
});

test('a step past its timeout is killed and the call rejects', async (t) => {
  const runner = new RunnerEmulator({ timeoutMs: 300 });
  t.after(() => runner.cleanup());
  await assert.rejects(runner.runShell('echo started; sleep 30'), (e: unknown) => {
    assert.ok(e instanceof StepTimeoutError);
    assert.match(e.message, /timed out after 300 ms/);
    assert.match(e.partial.stdout, /started/);
    return true;
  });
});

test('parsers: workflow command escaping, key/value files, masker', () => {
  const c = parseWorkflowCommand('::Warning file=a%3Ab%2Cc.ts,line=3,title=x%25y::50%25 done%0Anext');
  assert.deepEqual(c, {
    command: 'warning',
    properties: { file: 'a:b,c.ts', line: '3', title: 'x%y' },
    data: '50% done\nnext',
  });
  assert.equal(parseWorkflowCommand('::unknown::x'), undefined);
  assert.equal(parseWorkflowCommand('not ::a command'), undefined);
  assert.deepEqual(parseKeyValueFile('A=1\n\nB<<D\nx\n\ny\nD\nC=a=b\nE<<D\nD\n'), [
    ['A', '1'],
    ['B', 'x\n\ny'],
    ['C', 'a=b'],
    ['E', ''],
  ]);
  assert.throws(() => parseKeyValueFile('B<<D\nx\n'), /Matching delimiter not found/);
  const m = new SecretMasker();
  m.add('abc');
  m.add('bcd');
  assert.equal(m.mask('xabcdx abc'), 'x***x ***');
  // the runner also masks encoded forms: base64, JSON-escaped, URI-escaped
  assert.equal(m.mask('b64=YWJj'), 'b64=***');
  const n = new SecretMasker();
  n.add('a b"c');
  assert.equal(n.mask('json="a b\\"c" uri=a%20b%22c'), 'json="***" uri=***');
});
