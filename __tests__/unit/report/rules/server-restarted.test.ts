// server-restarted: a run: step after setup stops or starts the sccache server, or zeroes its
// counters. Read from the workflow: the finding points at the script line that does it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import { applyRules } from '../../../../src/report/rules/index.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsFixture } from '../../../fixtures/index.js';

const ID = 'server-restarted';
const FILE = '.github/workflows/ci.yml';

function jobOf(yaml: string): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file: FILE, version: parseVersion('0.16.0') });
}

const findings = (job: JobFacts, facts?: Facts): Finding[] =>
  applyRules(facts, [job]).filter((f) => f.id === ID);

function onlyFinding(job: JobFacts, facts?: Facts): Finding {
  const found = findings(job, facts);
  assert.equal(found.length, 1, `one ${ID} finding, not ${found.length}`);
  return found[0]!;
}

function lineWith(text: string, marker: string): number {
  const at = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
  assert.equal(at.length, 1, `"${marker}" should be on exactly one line`);
  return at[0]!;
}

/** A job whose `script` (a block literal, indented) runs after the setup step. */
const afterSetup = (script: string, setup = '      - uses: owner/sccache-guard@v1\n') => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${setup}      - name: Build
        run: |
          cargo build --locked
${script}`;

test('server-restarted: sccache --stop-server after setup, at its script line', () => {
  const yaml = afterSetup('          sccache --stop-server\n          cargo test\n');
  const f = onlyFinding(jobOf(yaml));
  const line = lineWith(yaml, '--stop-server');
  assert.equal(f.severity, 'warning');
  assert.equal(f.job, 'build');
  assert.deepEqual(f.place, { file: FILE, line });
  assert.equal(f.title, 'Step 3 of job build runs `sccache --stop-server` after setup');
  assert.equal(
    f.evidence,
    `\`--stop-server\` at line ${line}: the stats cover only what ran after it, and a server started there lacks setup's environment.`,
  );
  assert.equal(f.fix, '# delete this line (setup already started the server):\n#   sccache --stop-server');
});

test('server-restarted: several commands in several steps are all named; the finding is at the first', () => {
  const yaml = afterSetup(
    '          sccache --zero-stats\n' +
      '      - run: |\n' +
      '          if [ -n "$RESTART" ]; then\n' +
      '            "$SCCACHE_PATH" --stop-server || true\n' +
      '          fi\n' +
      '      - shell: pwsh\n' +
      '        run: "& $env:SCCACHE_PATH --start-server"\n',
  );
  const f = onlyFinding(jobOf(yaml));
  const zero = lineWith(yaml, '--zero-stats');
  const stop = lineWith(yaml, '--stop-server');
  const start = lineWith(yaml, '--start-server');
  assert.equal(f.place?.line, zero);
  assert.ok(
    f.evidence.startsWith(
      `\`--zero-stats\` at line ${zero}, \`--stop-server\` at line ${stop}, \`--start-server\` at line ${start}: `,
    ),
    f.evidence,
  );
});

test('server-restarted: after mozilla-actions/sccache-action or an install, too', () => {
  for (const setup of [
    '      - uses: mozilla-actions/sccache-action@v0.0.9\n',
    '      - run: cargo install sccache --locked\n',
    '      - uses: taiki-e/install-action@v2\n        with:\n          tool: sccache\n',
  ]) {
    const yaml = afterSetup('          sccache -z\n', setup);
    assert.equal(onlyFinding(jobOf(yaml)).place?.line, lineWith(yaml, 'sccache -z'), setup);
  }
});

test('server-restarted: with the run known, still one finding at the line', () => {
  const yaml = afterSetup('          ${{ env.SCCACHE_PATH }} --stop-server\n');
  const facts = analyzeStats(statsFixture('real-0.16.0-rust-warm.json')).facts;
  assert.equal(onlyFinding(jobOf(yaml), facts).place?.line, lineWith(yaml, '--stop-server'));
});

test('server-restarted: silent for commands that only read, echoed or commented text', () => {
  const yaml = afterSetup(
    '          # sccache --stop-server\n' +
      '          echo "restart with: sccache --stop-server"\n' +
      '          sccache --show-stats\n' +
      '          sccache-dist --stop-server\n' +
      '          cargo build -z\n',
  );
  assert.deepEqual(findings(jobOf(yaml)), []);
});

test('server-restarted: silent before setup and without any setup', () => {
  const before = `on: push
jobs:
  build:
    steps:
      - run: sccache --stop-server || true
      - uses: owner/sccache-guard@v1
      - run: cargo build
`;
  assert.deepEqual(findings(jobOf(before)), []);
  assert.deepEqual(findings(jobOf(afterSetup('          sccache --stop-server\n', ''))), []);
});
