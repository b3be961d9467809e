// The explain command as a user runs it: the bundled dist/cli.js, real files, exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { STATS_DIR, statsDocument, statsFixture } from '../fixtures/index.js';
import { DIST } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'sccache-guard-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', input: '' });

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('explain --format json: hit rate as a fraction, findings with the documented fields', () => {
  const run = cli('explain', '--stats', `${STATS_DIR}v0.10.json`, '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  const d = statsDocument('v0.10.json').stats;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const [hits, misses] = [sum(d.cache_hits.counts), sum(d.cache_misses.counts)];
  assert.equal(json.hitRate, hits / (hits + misses));
  assert.equal(json.hits, hits);
  assert.equal(json.misses, misses);
  assert.deepEqual(
    json.findings.map((f: { id: string }) => f.id),
    ['write-errors', 'incremental-compilation', 'backend-advice', 'expected-non-cacheable'],
  );
});

test('explain on a document it has never seen: a new version with extra fields', () => {
  const doc = statsDocument('newest.json');
  doc.version = '0.19.0';
  doc.future = [1, 2];
  doc.stats.cache_hits.counts = { Rust: 30, 'C/C++': 10 };
  doc.stats.cache_misses.counts = { Rust: 10 };
  doc.stats.cache_writes = 10;
  doc.stats.cache_write_errors = 0;
  // Timings that fit the counts above (the fixture's belong to its own counts).
  doc.stats.cache_write_duration = { secs: 0, nanos: 200_000_000 };
  doc.stats.cache_read_hit_duration = { secs: 0, nanos: 400_000_000 };
  doc.stats.not_cached = { incremental: 4 };
  doc.stats.requests_not_cacheable = 4;
  doc.cache_location = 'ghac, name: sccache-v0.19.0, prefix: /sccache/';
  const run = cli('explain', '--stats', file('unseen.json', JSON.stringify(doc)), '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.equal(json.hitRate, 0.8);
  assert.deepEqual(
    json.findings.map((f: { id: string }) => f.id),
    ['gha-protocol-v1', 'incremental-compilation'],
  );
});

test('explain defaults to Markdown and reads stdin with -', () => {
  const run = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'explain', '--stats', '-'], {
    encoding: 'utf8',
    input: statsFixture('newest.json'),
  });
  assert.equal(run.status, 0, run.stderr);
  // The stats alone: no label, the verdict (the read-only cache costs 159 of 1076 lookups; 917
  // reads at 0.33 s each make one archive per job the faster store).
  assert.match(run.stdout, /^## sccache: 2 problems to fix — 159 of 1076 lookups missed\n/);
  assert.match(run.stdout, /read-only/);
});

test('bad input: exit 2 and one line on stderr naming the problem, never a stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['explain', '--stats', join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/],
    // Not JSON, so read as sccache's text output, in which there is no stats block.
    [
      ['explain', '--stats', file('garbage.txt', 'hello')],
      /no "Compile requests" line of sccache --show-stats/,
    ],
    [['explain', '--stats', file('trunc.json', statsFixture('v0.14.json').slice(0, 300))], /not valid JSON/],
    [
      ['explain', '--stats', file('type.json', '{"stats":{"compile_requests":true}}')],
      /\$\.stats\.compile_requests/,
    ],
    [['explain', '--stats', `${STATS_DIR}v0.3.json`, '--format', 'xml'], /--format must be markdown or json/],
    [['explain'], /--stats FILE or --workflow FILE is required/],
    [['explain', '--bogus'], /bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [args, message] of cases) {
    const run = cli(...args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(run.stderr.trim().split('\n')[0]?.startsWith('sccache-guard:'), true);
  }
});

test('explain --log reads the sccache log: a v1 restart shows even when the stats look fine', () => {
  const run = cli(
    'explain',
    '--stats',
    `${STATS_DIR}real-0.16.0-rust-warm.json`,
    '--log',
    `${STATS_DIR}../logs/real-0.16.0-gha-v1-decommissioned.log`,
    '--format',
    'json',
  );
  assert.equal(run.status, 0, run.stderr);
  assert.ok(JSON.parse(run.stdout).findings.some((f: { id: string }) => f.id === 'gha-protocol-v1'));
  const missing = cli('explain', '--stats', `${STATS_DIR}v0.3.json`, '--log', join(dir, 'nope.log'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read the log file .*nope\.log: no such file/);
});
