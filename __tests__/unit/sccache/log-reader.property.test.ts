// The log reader under fuzzing: for generated files (real sccache lines, random text, CRLF, invalid
// UTF-8, lines around and far past the line limit, characters split across chunks, no final
// newline, empty files, a byte limit that cuts the file anywhere) it never throws, counts exactly
// the lines a simple reference model says are too long, and scans exactly the lines that model keeps.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { MAX_LINE_BYTES, readLog } from '../../../src/sccache/log-reader.js';
import { LogScanner } from '../../../src/sccache/log-scanner.js';
import { lineBytes, referenceRead } from '../../fuzz/log-cases.js';

const SEED = 20261125;
let dir = '';
let files = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sccache-guard-log-fuzz-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
async function file(bytes: Buffer): Promise<string> {
  const path = join(dir, `${files++}.log`);
  await writeFile(path, bytes);
  return path;
}

const scan = (lines: readonly string[]) => {
  const scanner = new LogScanner();
  for (const line of lines) scanner.add(line);
  return scanner.facts();
};

const count = (lines: readonly string[], text: string) => lines.filter((l) => l.includes(text)).length;

/** A whole file: lines, each ended by \n or \r\n, the last one maybe not; limits to read it with. */
const logCase = fc
  .constantFrom(16, 100, 4096, MAX_LINE_BYTES)
  .chain((cap) =>
    fc.record({
      cap: fc.constant(cap),
      lines: fc.array(fc.tuple(lineBytes(cap), fc.constantFrom('\n', '\r\n', '\r\r\n')), { maxLength: 25 }),
      finalNewline: fc.boolean(),
      chunkBytes: fc.constantFrom(1, 2, 3, 5, 64, 1000, 256 * 1024),
      cut: fc.option(fc.nat(), { nil: undefined }),
    }),
  )
  .map(({ cap, lines, finalNewline, chunkBytes, cut }) => {
    const parts = lines.flatMap(([bytes, end], i) =>
      i < lines.length - 1 || finalNewline ? [bytes, Buffer.from(end)] : [bytes],
    );
    const bytes = Buffer.concat(parts);
    const maxBytes = cut === undefined ? 1024 ** 3 : cut % (bytes.length + 2);
    // Tiny chunks of a large file make thousands of reads: a chunk holds at least 1/100 of the file.
    const chunk = Math.max(chunkBytes, Math.ceil(bytes.length / 100));
    return { bytes, limits: { maxLineBytes: cap, maxBytes, chunkBytes: chunk } };
  });

test('property: generated logs never throw, skip what is too long, and scan exactly the rest', async () => {
  await fc.assert(
    fc.asyncProperty(logCase, async ({ bytes, limits }) => {
      const read = await readLog(await file(bytes), limits);
      const expected = referenceRead(bytes, limits);
      assert.ok(read);
      assert.equal(read.truncated, expected.truncated, 'truncated');
      assert.equal(read.skippedLines, expected.skipped, 'skipped lines');
      // The simple model: how many lines, and lines that the scanner counts by a plain substring.
      assert.equal(read.facts.lines, expected.kept.length, 'lines');
      assert.equal(
        read.facts.writeErrors,
        count(expected.kept, 'Error executing cache write'),
        'write errors',
      );
      assert.equal(read.facts.v1Requests, count(expected.kept, '/_apis/artifactcache/'), 'v1 requests');
      // And everything else the scanner finds, line for line.
      assert.deepEqual(read.facts, scan(expected.kept));
    }),
    { seed: SEED, numRuns: 200 },
  );
});

test('the 64 KB limit counts bytes, not characters, and not the \\r of a CRLF line', async () => {
  const at = (text: string) => Buffer.from(text);
  const cases: [Buffer, number, number][] = [
    // [file, lines kept, lines skipped]
    [at(`${'x'.repeat(MAX_LINE_BYTES)}\r\n`), 1, 0],
    [at(`${'x'.repeat(MAX_LINE_BYTES)}\r`), 1, 0],
    [at(`${'x'.repeat(MAX_LINE_BYTES + 1)}\n`), 0, 1],
    [at(`${'x'.repeat(MAX_LINE_BYTES)}\r\r\n`), 0, 1],
    // 40,000 characters of three bytes each: 120,000 bytes, far past the limit.
    [at(`${'€'.repeat(40_000)}\nnext`), 1, 1],
    [at(''), 0, 0],
    [at('\n'), 1, 0],
    [at('no newline at the end'), 1, 0],
  ];
  for (const [bytes, kept, skipped] of cases) {
    const read = await readLog(await file(bytes));
    assert.equal(read?.facts.lines, kept, `${bytes.length} bytes`);
    assert.equal(read?.skippedLines, skipped, `${bytes.length} bytes`);
  }
});

test('a byte limit that cuts a line: the cut line is left out, or counted when already too long', async () => {
  const bytes = Buffer.from(`one\ntwo\n${'z'.repeat(200)}`);
  const limits = { maxLineBytes: 100, maxBytes: bytes.length - 1 };
  const read = await readLog(await file(bytes), limits);
  assert.deepEqual([read?.facts.lines, read?.skippedLines, read?.truncated], [2, 1, true]);
  const short = await readLog(await file(bytes), { maxLineBytes: 100, maxBytes: 10 });
  assert.deepEqual([short?.facts.lines, short?.skippedLines, short?.truncated], [2, 0, true]);
});

test('/dev/zero: one line too long, cut by the byte limit, read in bounded memory', async () => {
  const read = await readLog('/dev/zero', { maxLineBytes: MAX_LINE_BYTES, maxBytes: 32 * 1024 * 1024 });
  assert.deepEqual([read?.facts.lines, read?.skippedLines, read?.truncated], [0, 1, true]);
});
