// The log reader: the same facts as the scanner on the whole text, in bounded memory and time
// whatever the file is (a 3 MB line, /dev/zero, CRLF, characters split across chunks).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { readLog } from '../../../src/sccache/log-reader.js';
import { scanLog } from '../../../src/sccache/log-scanner.js';
import { FIXTURES } from '../../fixtures/index.js';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function file(text: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-log-'));
  dirs.push(dir);
  const path = join(dir, 'sccache.log');
  await writeFile(path, text);
  return path;
}

const WRITE_ERROR =
  '[2026-11-25T14:48:19Z DEBUG sccache::server] Error executing cache write: RateLimited (temporary) at write';

test('a real log: the same facts as scanning its whole text', async () => {
  for (const name of [
    'real-0.16.0-rust.log',
    'real-0.16.0-gha-rate-limited.log',
    'real-0.16.0-gha-v1-decommissioned.log',
  ]) {
    const text = readFileSync(`${FIXTURES}logs/${name}`, 'utf8');
    const read = await readLog(await file(text));
    assert.ok(read);
    // A final newline ends the last line; it does not start one more (as readline read it too).
    assert.deepEqual(read.facts, scanLog(text.replace(/\n$/, '')), name);
    assert.equal(read.skippedLines, 0);
    assert.equal(read.truncated, false);
  }
});

test('a line longer than the limit is counted and skipped, and the lines after it are read', async () => {
  const path = await file(`${WRITE_ERROR}\n${'x'.repeat(3 * 1024 * 1024)}\n${WRITE_ERROR}\r\n`);
  const read = await readLog(path, { maxLineBytes: 64 * 1024, maxBytes: 1024 ** 3 });
  assert.ok(read);
  assert.equal(read.skippedLines, 1);
  assert.equal(read.facts.writeErrors, 2);
  assert.equal(read.facts.rateLimitedWrites, 2);
  assert.equal(read.facts.lines, 2, 'the long line is not one of the scanned lines');
});

test('/dev/zero ends at the byte limit, truncated, with nothing made up', async () => {
  const read = await readLog('/dev/zero', { maxLineBytes: 64 * 1024, maxBytes: 8 * 1024 * 1024 });
  assert.ok(read);
  assert.equal(read.truncated, true);
  assert.equal(read.facts.lines, 0);
  assert.equal(read.facts.writeErrors, 0);
});

test('a missing file is no log; characters split across chunks arrive whole', async () => {
  assert.equal(await readLog(join(tmpdir(), 'no-such-sccache-guard.log')), undefined);
  // 300,000 two-byte characters: chunk boundaries fall inside them.
  const wide = `[x] storage write check failed: ${'é'.repeat(300_000)}`;
  const read = await readLog(await file(`${wide}\n`), { maxLineBytes: 1024 * 1024, maxBytes: 1024 ** 3 });
  assert.ok(read?.facts.writeCheckFailure?.startsWith('storage write check failed: éé'));
  assert.ok(!read?.facts.writeCheckFailure?.includes('\ufffd'), 'no replacement character');
});

test('property: for generated logs the reader finds what the scanner finds in the text', async () => {
  const line = fc.oneof(
    fc.constantFrom(
      WRITE_ERROR,
      '[x] server started, listening on 127.0.0.1:1',
      '[x] handle_client: zero_stats',
      '',
    ),
    fc.string({ maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 60 }), fc.boolean(), async (lines, crlf) => {
      const text = lines.join(crlf ? '\r\n' : '\n');
      const read = await readLog(await file(text));
      const expected = scanLog(lines.join('\n'));
      assert.equal(read?.facts.writeErrors, expected.writeErrors);
      assert.equal(read?.facts.serverStarts, expected.serverStarts);
      assert.equal(read?.facts.zeroStats, expected.zeroStats);
    }),
    { seed: 20261125, numRuns: 150 },
  );
});
