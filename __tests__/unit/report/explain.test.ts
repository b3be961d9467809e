// `sccache-guard explain` through its run(argv, io): the exit code and what it writes, in buffers.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../../../src/report/explain.js';
import { STATS_DIR, statsDocument } from '../../fixtures/index.js';

async function explain(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Exactly one line, ending in a newline. */
function assertOneLine(text: string, pattern: RegExp): void {
  assert.match(text, /^[^\n]+\n$/, `one line: ${JSON.stringify(text)}`);
  assert.match(text, pattern);
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test('--format json on a fixture: exit 0 and the analysis as JSON', async () => {
  const fixture = 'v0.10.json';
  const { code, stdout, stderr } = await explain(
    'explain',
    '--stats',
    `${STATS_DIR}${fixture}`,
    '--format',
    'json',
  );
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const json = JSON.parse(stdout);
  const stats = statsDocument(fixture)['stats'];
  assert.equal(json.hits, sum(stats.cache_hits.counts));
  assert.equal(json.misses, sum(stats.cache_misses.counts));
  assert.equal(json.hitRate, 429 / 807);
  assert.equal(json.sccacheVersion, '0.10.0');
  assert.deepEqual(json.cacheLocation, {
    backend: 'gha',
    raw: statsDocument(fixture)['cache_location'],
    protocol: 'v2',
    namespace: 'sccache-v0.10.0',
  });
  const ids = (json.findings as { id: string }[]).map((f) => f.id);
  assert.ok(ids.includes('write-errors'), ids.join(', '));
  for (const finding of json.findings) {
    for (const field of ['id', 'severity', 'title', 'evidence', 'fix']) {
      assert.equal(typeof finding[field], 'string', `${finding.id}.${field}`);
    }
  }
});

test('the default format is the Markdown summary', async () => {
  const { code, stdout, stderr } = await explain(
    'explain',
    '--stats',
    `${STATS_DIR}real-0.16.0-c-mixed.json`,
  );
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  assert.match(stdout, /^## /);
  assert.match(stdout, /50\.0 %/, '1 hit and 1 miss');
  assert.throws(() => JSON.parse(stdout));
});

test('neither --stats nor --workflow: exit 2 and one line on stderr', async () => {
  const { code, stdout, stderr } = await explain('explain', '--format', 'json');
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr, /^sccache-guard: explain: --stats FILE or --workflow FILE is required\n$/);
});

test('a bad --format: exit 2 and one line on stderr', async () => {
  const { code, stdout, stderr } = await explain(
    'explain',
    '--stats',
    `${STATS_DIR}v0.10.json`,
    '--format',
    'xml',
  );
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr, /--format must be markdown or json, not "xml"/);
});

test('a stats file that does not exist: exit 2 and one line on stderr', async () => {
  const missing = join(tmpdir(), 'sccache-guard-no-such-dir', 'stats.json');
  const { code, stdout, stderr } = await explain('explain', '--stats', missing, '--format', 'json');
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr, /cannot read the stats file .*stats\.json: no such file/);
  assert.ok(stderr.includes(missing), 'names the file');
});

test('a file that is not sccache stats: exit 2 and one line naming the problem', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-explain-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'stats.json');
  await writeFile(file, '{"stats": {"compile_requests": "many"}}');
  const { code, stdout, stderr } = await explain('explain', '--stats', file);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr, /^sccache-guard: not sccache stats: \$\.stats\.compile_requests: /);
});

test('an unknown option: exit 2 and one line on stderr', async () => {
  const { code, stdout, stderr } = await explain('explain', '--stats', `${STATS_DIR}v0.10.json`, '--colour');
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr, /^sccache-guard: .*--colour/);
});
