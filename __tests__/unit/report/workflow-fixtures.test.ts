// Realistic workflow files (__tests__/fixtures/workflows/) and exactly what `explain --workflow` finds
// in each: every finding's id, severity, job and line, and nothing else (notices included). Lines are
// found by their text, so each expectation says which line it means.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeWorkflow } from '../../../src/report/analyze.js';
import { run } from '../../../src/report/explain.js';
import { readWorkflowJobs } from '../../../src/report/read-workflow.js';
import type { Severity } from '../../../src/report/rules/rule.js';
import { parseVersion } from '../../../src/sccache/version.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The fixtures, as findings name them (relative to the repository root). */
const DIR = '__tests__/fixtures/workflows';
const VERSION = parseVersion('0.16.0');

interface Expected {
  readonly id: string;
  readonly severity: Severity;
  readonly job: string;
  /** Text on the line the finding points at. */
  readonly at: string;
  /** The first line with `at` after the one line that has this text (for text on several lines). */
  readonly after?: string;
  /** The file the line is in, when it is not the fixture itself (relative to DIR). */
  readonly in?: string;
}

interface Case {
  /** Relative to DIR. */
  readonly fixture: string;
  /** The jobs explain reads: those that compile through sccache, in file order. */
  readonly jobs: readonly string[];
  readonly findings: readonly Expected[];
}

const text = (file: string): string => readFileSync(join(ROOT, DIR, file), 'utf8');

/** The 1-based line of `at`: its only line, or its first line after the only line with `after`. */
function lineOf(file: string, at: string, after?: string): number {
  const lines = text(file).split('\n');
  const only = (needle: string): number => {
    const found = lines.flatMap((line, i) => (line.includes(needle) ? [i] : []));
    assert.equal(found.length, 1, `${file}: "${needle}" should be on exactly one line, not ${found.length}`);
    return found[0]!;
  };
  if (after === undefined) return only(at) + 1;
  const start = only(after);
  const next = lines.findIndex((line, i) => i > start && line.includes(at));
  assert.ok(next > start, `${file}: no "${at}" after "${after}"`);
  return next + 1;
}

/** One finding as one comparable line: `id severity job file:line`. */
const key = (f: { id: string; severity: string; job?: string; file?: string; line?: number }): string =>
  `${f.id} ${f.severity} job=${f.job ?? '-'} ${f.file ?? '-'}:${f.line ?? '-'}`;

function expectedKeys(c: Case, fileOf: (relative: string) => string): string[] {
  return c.findings
    .map((e) => {
      const file = e.in ?? c.fixture;
      return key({ ...e, file: fileOf(file), line: lineOf(file, e.at, e.after) });
    })
    .sort();
}

const CASES: readonly Case[] = [
  {
    fixture: 'release-tag.yml',
    jobs: ['build'],
    findings: [
      { id: 'tag-scope', severity: 'warning', job: 'build', at: "tags: ['v*']" },
      { id: 'target-restored', severity: 'warning', job: 'build', at: 'uses: Swatinem/rust-cache@v2' },
      { id: 'server-restarted', severity: 'warning', job: 'build', at: 'sccache --stop-server || true' },
    ],
  },
  { fixture: 'ci-main-and-prs.yml', jobs: ['test'], findings: [] },
  {
    fixture: 'matrix-os-toolchain.yml',
    jobs: ['test'],
    findings: [
      {
        id: 'incremental-compilation',
        severity: 'warning',
        job: 'test',
        at: 'echo "CARGO_INCREMENTAL=1" >> "$GITHUB_ENV"',
      },
    ],
  },
  {
    fixture: 'rust-cache-with-sccache.yml',
    // clippy keeps cache-targets: false and is healthy.
    jobs: ['clippy', 'test', 'msrv'],
    findings: [
      {
        id: 'target-restored',
        severity: 'warning',
        job: 'test',
        at: 'uses: Swatinem/rust-cache@v2',
        after: '  test:',
      },
      { id: 'target-restored', severity: 'warning', job: 'msrv', at: 'path: |', after: '  msrv:' },
    ],
  },
  {
    fixture: 'cmake-cxx.yml',
    jobs: ['build'],
    findings: [{ id: 'no-effect-env', severity: 'notice', job: 'build', at: 'SCCACHE_CACHE_SIZE: 5G' }],
  },
  {
    fixture: 'mozilla-hand-exported.yml',
    jobs: ['build'],
    // The second setup is the github-script step; the finding points at its `script:` key.
    findings: [{ id: 'duplicate-setup', severity: 'warning', job: 'build', at: 'script: |' }],
  },
  {
    fixture: 'windows-powershell.yml',
    jobs: ['msvc'],
    findings: [
      {
        id: 'invalid-env-value',
        severity: 'warning',
        job: 'msvc',
        at: 'Add-Content $env:GITHUB_ENV "SCCACHE_GHA_ENABLED=yes"',
      },
      {
        id: 'dead-env-var',
        severity: 'warning',
        job: 'msvc',
        at: '"SCCACHE_LOG_LEVEL=debug" | Out-File -FilePath $Env:GITHUB_ENV',
      },
    ],
  },
  {
    fixture: 'migrated-from-manual-install.yml',
    jobs: ['build'],
    findings: [
      // The install-action step sets sccache up first; our step is the second setup.
      { id: 'duplicate-setup', severity: 'warning', job: 'build', at: 'uses: org/sccache-guard@v1' },
      {
        id: 'wrapper-overridden',
        severity: 'warning',
        job: 'build',
        at: 'RUSTC_WRAPPER: /home/runner/.cargo/bin/sccache',
      },
      // One finding for both 0.3-only variables, at the first.
      { id: 'dead-env-var', severity: 'warning', job: 'build', at: 'SCCACHE_GHA_CACHE_TO:' },
    ],
  },
  // Called on its own (workflow_call only), the reusable workflow has no trigger of its own to blame.
  { fixture: 'repo/.github/workflows/reusable-build.yml', jobs: ['build'], findings: [] },
  {
    fixture: 'repo/.github/workflows/reusable-caller.yml',
    // The job is the callee's; the trigger, and so the line and file, are the caller's.
    jobs: ['build'],
    findings: [
      {
        id: 'tag-scope',
        severity: 'warning',
        job: 'build',
        at: "tags: ['v*.*.*']",
        in: 'repo/.github/workflows/reusable-caller.yml',
      },
    ],
  },
  // `uses: ./` is this action in its own repository: its jobs are read (the GitHub cache and the three
  // shared stores), and they are healthy.
  { fixture: 'uses-this-action.yml', jobs: ['self-test', 's3', 'redis', 'webdav'], findings: [] },
  // A tag build that took tag-scope's advice (read-only: true; SCCACHE_GHA_RW_MODE=READ_ONLY with
  // mozilla-actions/sccache-action) writes nothing into the tag's scope: nothing to say.
  { fixture: 'release-read-only.yml', jobs: ['linux', 'macos'], findings: [] },
];

/** `sccache-guard explain --workflow PATH --format json` through the CLI's run(): exit code and output. */
async function explainJson(path: string): Promise<{ code: number; json: any; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['explain', '--workflow', path, '--sccache-version', '0.16.0', '--format', 'json'], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, json: code === 0 ? JSON.parse(out.join('')) : undefined, stderr: err.join('') };
}

for (const c of CASES) {
  const title = `${c.fixture}: ${c.findings.map((f) => f.id).join(', ') || 'no findings'}`;
  test(title, async () => {
    // The analysis, as the post step runs it: the file as the repository names it.
    const read = readWorkflowJobs({
      path: join(ROOT, DIR, c.fixture),
      file: `${DIR}/${c.fixture}`,
      version: VERSION,
    });
    assert.ok(read.ok, read.ok ? '' : read.message);
    assert.deepEqual(
      read.jobs.map((j) => j.jobId),
      c.jobs,
    );
    assert.deepEqual(read.notes, []);
    const findings = analyzeWorkflow(read.jobs);
    for (const f of findings) assert.ok(f.place, `${f.id} names its line`);
    assert.deepEqual(
      findings.map((f) => key({ ...f, file: f.place?.file, line: f.place?.line })).sort(),
      expectedKeys(c, (file) => `${DIR}/${file}`),
    );

    // The same through the command line's JSON: the file as given (here an absolute path).
    const path = join(ROOT, DIR, c.fixture);
    const { code, json, stderr } = await explainJson(path);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.deepEqual(json.workflow, { file: path, jobs: c.jobs, notes: [] });
    assert.deepEqual(
      json.findings.map(key).sort(),
      expectedKeys(c, (file) => join(ROOT, DIR, file)),
    );
  });
}

test('the reusable pair: the tag-scope finding of the called job names the caller, not the callee', async () => {
  const callerFile = 'repo/.github/workflows/reusable-caller.yml';
  const caller = join(ROOT, DIR, callerFile);
  const read = readWorkflowJobs({ path: caller, file: caller, version: VERSION });
  assert.ok(read.ok);
  // The job's own file is the callee's: only the trigger is the caller's.
  assert.deepEqual(
    read.jobs.map((j) => [j.jobId, j.file]),
    [['build', join(ROOT, DIR, 'repo/.github/workflows/reusable-build.yml')]],
  );
  const { json } = await explainJson(caller);
  assert.equal(json.findings.length, 1);
  const [finding] = json.findings;
  const line = lineOf(callerFile, "tags: ['v*.*.*']");
  assert.deepEqual(
    [finding.id, finding.file, finding.line, finding.job],
    ['tag-scope', caller, line, 'build'],
  );
  assert.ok(
    finding.evidence.startsWith(`\`push: tags\` (line ${line}) triggers job \`build\``),
    finding.evidence,
  );
});

test('every fixture under __tests__/fixtures/workflows/ has its expectations here', () => {
  const all = readdirSync(join(ROOT, DIR), { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  assert.deepEqual(all, CASES.map((c) => c.fixture).sort());
});
