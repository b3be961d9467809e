// server-restarted: a run: step after setup stops or starts the sccache server, or zeroes its
// counters. Read from the workflow: the finding points at the script line that does it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWorkflow } from '../../../../src/github/workflow.js';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import { buildJobFacts, type JobFacts } from '../../../../src/report/job-facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { scanLog } from '../../../../src/sccache/log-scanner.js';
import { parseVersion } from '../../../../src/sccache/version.js';
import { statsFixture } from '../../../fixtures/index.js';
import {
  edited,
  findingIn,
  jobFindings,
  lineWith,
  logFacts,
  logFixture,
  onlyJobFinding,
  setupRecord,
} from './helpers.js';

const ID = 'server-restarted';
const FILE = '.github/workflows/ci.yml';

function jobOf(yaml: string): JobFacts {
  const workflow = parseWorkflow(yaml);
  return buildJobFacts({ workflow, job: workflow.jobs[0]!, file: FILE, version: parseVersion('0.16.0') });
}

const findings = (job: JobFacts, facts?: Facts): Finding[] => jobFindings(ID, job, facts);

const onlyFinding = (job: JobFacts, facts?: Facts): Finding => onlyJobFinding(ID, job, facts);

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

// ---- The run itself: `check(facts)` from the server log against setup's snapshot of it. ----

/** The real log of a cold then a warm build, with the counters zeroed between them (and by setup). */
const RUST_LOG = 'real-0.16.0-rust.log';
/** Its stats: the warm build, 8 compile requests, after the second zero_stats. */
const WARM = 'real-0.16.0-rust-warm.json';
/** Setup started the server and zeroed the counters once: what its log held then. */
const AT_SETUP = { starts: 1, shutdowns: 0, zeroStats: 1 };

const localSetup = (serverLog?: { starts: number; shutdowns: number; zeroStats: number }) =>
  setupRecord({ version: '0.16.0', inputs: { backend: 'local' }, ...(serverLog ? { serverLog } : {}) });

/** This rule's finding for a run whose log reads `logText`, without the workflow. */
const runFinding = (stats: string, serverLog: typeof AT_SETUP | undefined, logText: string) =>
  findingIn(stats, ID, { setup: localSetup(serverLog), log: scanLog(logText) });

test('server-restarted: the log shows the counters zeroed after setup', () => {
  const f = runFinding(statsFixture(WARM), AT_SETUP, logFixture(RUST_LOG));
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.place, undefined);
  assert.equal(f.title, 'The sccache server setup started was stopped, restarted or reset during the job');
  assert.equal(
    f.evidence,
    'the counters zeroed 1 time. The stats cover only what ran after the last restart or reset (8 compile ' +
      "requests), and a server started by a later step lacks setup's environment.",
  );
  assert.match(f.fix, /--zero-stats/);
});

test('server-restarted: a later stop and start, and a log that ends in a shutdown', () => {
  // After the Rust builds another server started with this log, compiled, and shut down.
  const restarted = `${logFixture(RUST_LOG)}\n${logFixture('real-0.16.0-gha-rate-limited.log')}`;
  const f = runFinding(statsFixture(WARM), AT_SETUP, restarted);
  assert.ok(f);
  assert.ok(
    f.evidence.startsWith(
      '1 server stop after setup; 1 later server start; the counters zeroed 1 time; ' +
        'the log ends in a shutdown, so the server that answered did not log here. ',
    ),
    f.evidence,
  );
  // And once more: two later starts, the last one still running.
  const twice = `${restarted}\n${logFixture(RUST_LOG)}`;
  const g = runFinding(statsFixture(WARM), AT_SETUP, twice);
  assert.ok(
    g?.evidence.startsWith('1 server stop after setup; 2 later server starts; the counters zeroed 3 times. '),
    g?.evidence,
  );
});

test('server-restarted: a log that ends in a shutdown is enough on its own', () => {
  // Setup's snapshot already counted the stop: only the ending is news.
  const f = runFinding(
    statsFixture('real-0.16.0-c-mixed.json'),
    { starts: 1, shutdowns: 1, zeroStats: 0 },
    logFixture('real-0.16.0-gha-rate-limited.log'),
  );
  assert.ok(f);
  assert.ok(
    f.evidence.startsWith('the log ends in a shutdown, so the server that answered did not log here. '),
    f.evidence,
  );
});

test('server-restarted: more compile requests in the log since the last reset than in the stats', () => {
  const fewer = edited(WARM, (d) => {
    d.stats.compile_requests = 5;
  });
  const f = runFinding(fewer, { starts: 1, shutdowns: 0, zeroStats: 2 }, logFixture(RUST_LOG));
  assert.ok(f);
  assert.ok(f.evidence.startsWith('the log shows 8 compile requests, the stats 5. '), f.evidence);
});

test("server-restarted: silent when the log holds only setup's own start and resets, or is missing", () => {
  const all = { starts: 1, shutdowns: 0, zeroStats: 2 };
  assert.equal(runFinding(statsFixture(WARM), all, logFixture(RUST_LOG)), undefined);
  // No log, or no setup to hold it to: nothing to compare.
  assert.equal(findingIn(statsFixture(WARM), ID, { setup: localSetup(AT_SETUP) }), undefined);
  assert.equal(findingIn(statsFixture(WARM), ID, { log: logFacts(RUST_LOG) }), undefined);
});
