// What holds across the rules: their ids, one test file per finding id (like ESLint's
// tests/lib/rules/<rule>.js), and the order of the findings.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { RunContext } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { PINNED_SCCACHE, ourStepSnippet } from '../../../../src/report/rules/fixes.js';
import { applyRules, RULES } from '../../../../src/report/rules/index.js';
import { SEVERITY_ORDER, type Finding } from '../../../../src/report/rules/rule.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, lineWith, previousRunRecord, setupRecord } from './helpers.js';

test('rule ids are unique and kebab-case', () => {
  const seen = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!seen.has(rule.id), rule.id);
    seen.add(rule.id);
  }
});

test('every finding id has its own test file here, and every test file here is a finding id', () => {
  const here = readdirSync(fileURLToPath(new URL('./', import.meta.url)));
  const testedIds = here
    .filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
    .map((f) => f.replace(/\.test\.ts$/, ''))
    .sort();
  assert.deepEqual(testedIds, RULES.map((r) => r.id).sort());
});

test('a healthy warm run raises no error or warning', () => {
  for (const name of statsFixtureNames().filter((n) => /warm|v0\.14\.json/.test(n))) {
    const severe = analyzeStats(statsFixture(name)).findings.filter((f) => f.severity !== 'notice');
    assert.deepEqual(severe, [], name);
  }
});

test('findings are ordered most severe first', () => {
  const order = analyzeStats(statsFixture('v0.4.json')).findings.map((f) => f.severity);
  assert.deepEqual(
    order,
    [...order].sort(
      (a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b),
    ),
  );
});

test('findings: most severe first by their own severity, then in RULES order', () => {
  const rank = (f: Finding) =>
    SEVERITY_ORDER.indexOf(f.severity) * RULES.length + RULES.findIndex((r) => r.id === f.id);
  const order = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.id}`);
  const check = (what: string, findings: readonly Finding[]) =>
    assert.deepEqual(order(findings), order([...findings].sort((a, b) => rank(a) - rank(b))), what);
  for (const name of statsFixtureNames()) check(name, analyzeStats(statsFixture(name)).findings);
  // read-only-cache comes before incremental-compilation in RULES, but says only a notice when setup
  // made the run read-only: the warning goes first.
  const { version } = statsDocument('newest.json');
  const setup = setupRecord({ version, event: 'pull_request' });
  const incremental = edited('newest.json', (d) => {
    d.stats.not_cached.incremental = 12;
  });
  const findings = analyzeStats(incremental, { setup }).findings;
  assert.deepEqual(
    findings.map((f) => f.id).filter((id) => id === 'read-only-cache' || id === 'incremental-compilation'),
    ['incremental-compilation', 'read-only-cache'],
  );
  check('newest.json, read-only by design, with incremental calls', findings);
});

// Fixes that set inputs on our step, shown on the user's own step ---------------------------------

const RELEASE = '.github/workflows/release.yml';
const TAG_RUN: RunContext = { scope: { event: 'push', ref: 'refs/tags/v1', defaultBranch: 'main' } };

/** A release workflow whose one job sets sccache up with its own inputs and comments. */
const releaseWorkflow = (on: string, jobs = ['publish']) =>
  `name: release\n${on}\njobs:\n` +
  jobs
    .map(
      (id) => `  ${id}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: sccache   # set up before the build
        uses: owner/sccache-guard@v1
        with:
          cache-namespace: x   # release builds
      - run: cargo build --release --locked
`,
    )
    .join('');

const jobsOf = (yaml: string): JobFacts[] => {
  const workflow = parseWorkflow(yaml);
  return workflow.jobs.map((job) =>
    buildJobFacts({ workflow, job, file: RELEASE, version: parseVersion('0.16.0') }),
  );
};

/** The step of releaseWorkflow, at its own lines, with read-only: true added to its with: block. */
const READ_ONLY_STEP =
  '      - name: sccache   # set up before the build\n' +
  '        uses: owner/sccache-guard@v1\n' +
  '        with:\n' +
  '          cache-namespace: x   # release builds\n' +
  '          read-only: true';

test("a job's fix on our step shows the user's step with the input added, where the snippet stood", () => {
  const yaml = releaseWorkflow("on:\n  push:\n    tags: ['v*']");
  const [f] = applyRules(undefined, jobsOf(yaml)).filter((x) => x.id === 'tag-scope');
  assert.ok(f);
  const first = lineWith(yaml, 'name: sccache');
  assert.equal(
    f.fix,
    '# Let tag builds read what main warmed without writing entries no later run can read:\n' +
      `# replace lines ${first}–${first + 3} of ${RELEASE} with:\n` +
      `${READ_ONLY_STEP}\n` +
      '# And build the default branch with the release configuration (the same toolchain, target, profile and ' +
      'RUSTFLAGS), so that what it writes is what a tag run looks up; config-changed names what differs.',
  );
  // It pointed at the trigger already: it still does.
  assert.deepEqual(f.place, { file: RELEASE, line: lineWith(yaml, 'tags:') });
  assert.ok(!('stepInputs' in f), 'the inputs are not part of a finding');
});

test("a run's fix on our step, with the one job read (the post step): the user's step, and the place is that step", () => {
  // `on: push` runs on tag pushes too; the workflow alone has nothing to say, the run does.
  const yaml = releaseWorkflow('on: push');
  const stats = statsFixture('newest.json');
  const [f] = analyzeStats(stats, TAG_RUN, jobsOf(yaml)).findings.filter((x) => x.id === 'tag-scope');
  assert.ok(f);
  const first = lineWith(yaml, 'name: sccache');
  assert.equal(
    f.fix,
    '# Warm the default branch with the release configuration (same toolchain, target, profile, RUSTFLAGS),\n' +
      '# or keep tag builds off the shared cache:\n' +
      `# replace lines ${first}–${first + 3} of ${RELEASE} with:\n` +
      READ_ONLY_STEP,
  );
  assert.deepEqual(f.place, { file: RELEASE, line: lineWith(yaml, 'uses: owner/sccache-guard') });
  assert.equal(f.job, 'publish');

  // Several jobs read (explain): which one is unknown, so the generic advice, placed nowhere.
  const two = analyzeStats(stats, TAG_RUN, jobsOf(releaseWorkflow('on: push', ['a', 'b']))).findings;
  const generic = two.find((x) => x.id === 'tag-scope');
  assert.ok(generic);
  assert.ok(generic.fix.endsWith(ourStepSnippet({ 'read-only': 'true' })), generic?.fix);
  assert.equal(generic.place, undefined);
  // No workflow: the same.
  const alone = analyzeStats(stats, TAG_RUN).findings.find((x) => x.id === 'tag-scope');
  assert.equal(alone?.fix, generic.fix);
});

test("the run's and the job's finding merged: the job's fix, fitted; a step without its lines keeps the snippet", () => {
  const yaml = releaseWorkflow("on:\n  push:\n    tags: ['v*']");
  const found = analyzeStats(statsFixture('newest.json'), TAG_RUN, jobsOf(yaml)).findings;
  const tag = found.filter((x) => x.id === 'tag-scope');
  assert.equal(tag.length, 1);
  assert.match(tag[0]!.evidence, / In the workflow: /);
  assert.ok(tag[0]!.fix.includes(`${READ_ONLY_STEP}\n# And build the default branch`), tag[0]!.fix);
  assert.deepEqual(tag[0]!.place, { file: RELEASE, line: lineWith(yaml, 'tags:') });

  // Our step through an alias: its text stands elsewhere, so the generic snippet stays.
  const aliased = `x-setup: &setup\n  uses: owner/sccache-guard@v1\n${yaml.replace(
    / {6}- name: sccache.*\n.*\n.*\n.*\n/,
    '      - *setup\n',
  )}`;
  const [job] = jobsOf(aliased);
  const ours = job?.setups.find((s) => s.kind === 'sccache-guard');
  assert.ok(ours, 'our step, through the alias');
  assert.equal(ours.source, undefined);
  const [g] = applyRules(undefined, [job!]).filter((x) => x.id === 'tag-scope');
  assert.ok(
    g?.fix.includes(`${ourStepSnippet({ 'read-only': 'true' })}\n# And build the default branch`),
    g?.fix,
  );
});

test("namespace-changed: two inputs fitted at once, the step's value replaced and the pin added", () => {
  const yaml = releaseWorkflow('on: push');
  const previousRun = previousRunRecord('1234', 'sccache-v0.15.0', 900, 1000);
  const [f] = analyzeStats(statsFixture('newest.json'), { previousRun }, jobsOf(yaml)).findings.filter(
    (x) => x.id === 'namespace-changed',
  );
  assert.ok(f);
  const lines = f.fix.split('\n');
  assert.ok(lines.includes('          cache-namespace: "" # or a fixed value'), f.fix);
  assert.ok(lines.includes(`          ${PINNED_SCCACHE}`), f.fix);
  assert.ok(!f.fix.includes('x   # release builds'), 'the old value and its comment are gone');
  assert.deepEqual(f.place, { file: RELEASE, line: lineWith(yaml, 'uses: owner/sccache-guard') });
});
