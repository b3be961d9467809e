// duplicate-setup: two steps of one job set sccache up (this action and sccache-action, two
// installs, or cache credentials exported by hand). Read from the workflow: the finding points at
// the second setup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsFixture } from '../../../fixtures/index.js';
import { jobFindings, lineWith, onlyJobFinding } from './helpers.js';

const ID = 'duplicate-setup';
const FILE = '.github/workflows/ci.yml';

function jobOf(yaml: string): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file: FILE, version: parseVersion('0.16.0') });
}

const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

/** A job with these setup steps (indented), then a build. */
const withSetups = (setups: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${setups}      - run: cargo build --locked
`;

test('duplicate-setup: this action and sccache-action, at the second one', () => {
  const yaml = withSetups(
    '      - uses: owner/sccache-guard@v1\n      - uses: mozilla-actions/sccache-action@v0.0.9\n',
  );
  const f = onlyFinding(jobOf(yaml));
  const first = lineWith(yaml, 'sccache-guard@v1');
  const second = lineWith(yaml, 'sccache-action@v0.0.9');
  assert.equal(f.severity, 'warning');
  assert.equal(f.job, 'build');
  assert.deepEqual(f.place, { file: FILE, line: second });
  assert.equal(
    f.title,
    'sccache is set up twice in job build: owner/sccache-guard@v1 and mozilla-actions/sccache-action@v0.0.9',
  );
  assert.equal(
    f.evidence,
    `step 2 (line ${first}): owner/sccache-guard@v1; step 3 (line ${second}): mozilla-actions/sccache-action@v0.0.9.`,
  );
  // This action stays; the other setup goes.
  assert.equal(
    f.fix,
    '# keep one setup; delete:\n#   step 3 (line 8): mozilla-actions/sccache-action@v0.0.9',
  );
});

test('duplicate-setup: two installs, one in a run: script and one by install-action', () => {
  const yaml = withSetups(
    '      - name: Install\n' +
      '        run: |\n' +
      '          rustup show\n' +
      '          cargo install sccache --locked --version 0.10.0\n' +
      '      - uses: taiki-e/install-action@v2\n' +
      '        with:\n' +
      '          tool: sccache,cargo-nextest\n',
  );
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'taiki-e/install-action@v2'));
  // The install in the script is named at its own line, not the step's.
  assert.ok(
    f.evidence.startsWith(`step 2 (line ${lineWith(yaml, 'cargo install sccache')}): cargo install sccache`),
  );
});

test('duplicate-setup: cache credentials exported by actions/github-script, at its script: line', () => {
  const yaml = withSetups(
    '      - uses: mozilla-actions/sccache-action@v0.0.9\n' +
      '      - uses: actions/github-script@v7\n' +
      '        with:\n' +
      '          script: |\n' +
      "            core.exportVariable('ACTIONS_RESULTS_URL', process.env.ACTIONS_RESULTS_URL || '');\n" +
      "            core.exportVariable('ACTIONS_RUNTIME_TOKEN', process.env.ACTIONS_RUNTIME_TOKEN || '');\n",
  );
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'script: |'));
  assert.match(f.title, /and actions\/github-script@v7 exporting the cache credentials$/);
});

test('duplicate-setup: cache credentials echoed into GITHUB_ENV, at the echo line', () => {
  const yaml = withSetups(
    '      - uses: owner/sccache-guard@v1\n' +
      '      - run: |\n' +
      '          echo "SCCACHE_GHA_ENABLED=true" >> "$GITHUB_ENV"\n' +
      '          echo "ACTIONS_CACHE_URL=$ACTIONS_CACHE_URL" >> "$GITHUB_ENV"\n',
  );
  const f = onlyFinding(jobOf(yaml));
  assert.equal(f.place?.line, lineWith(yaml, 'ACTIONS_CACHE_URL='));
  assert.match(f.title, /and ACTIONS_CACHE_URL exported to GITHUB_ENV$/);
});

test('duplicate-setup: with the run known, still one finding at the line', () => {
  const yaml = withSetups('      - uses: owner/sccache-guard@v1\n      - run: brew install sccache\n');
  const facts = analyzeStats(statsFixture('real-0.16.0-rust-warm.json')).facts;
  assert.equal(onlyFinding(jobOf(yaml), facts).place?.line, lineWith(yaml, 'brew install sccache'));
});

test('duplicate-setup: silent with one setup, and for what only looks like one', () => {
  for (const setups of [
    '      - uses: owner/sccache-guard@v1\n',
    '      - uses: mozilla-actions/sccache-action@v0.0.9\n',
    // A comment, an install of another tool, and the stats are not setups.
    '      - uses: owner/sccache-guard@v1\n' +
      '      - run: |\n' +
      '          # cargo install sccache\n' +
      '          cargo install cargo-nextest\n' +
      '          sccache --show-stats\n' +
      '      - uses: taiki-e/install-action@v2\n' +
      '        with:\n' +
      '          tool: cargo-nextest\n',
    // Credentials read, not exported.
    '      - uses: owner/sccache-guard@v1\n      - run: echo "cache at $ACTIONS_CACHE_URL"\n',
  ]) {
    assert.deepEqual(findings(jobOf(withSetups(setups))), [], setups);
  }
});
