// The log reader under fuzzing: for generated files (real sccache lines, random text, CRLF, invalid
// UTF-8, lines around and far past the line limit, characters split across chunks, no final
// newline, empty files, a byte limit that cuts the file anywhere) it never throws, counts exactly
// the lines a simple reference model says are too long, and scans exactly the lines that model keeps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { MAX_LINE_BYTES, readLog, type LogReadLimits } from '../../../src/sccache/log-reader.js';
import { LogScanner } from '../../../src/sccache/log-scanner.js';
import { FIXTURES } from '../../fixtures/index.js';

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

/**
 * The reference: split the first `maxBytes` bytes at `\n`; drop one `\r` before it (or at the end);
 * a line longer than `maxLineBytes` bytes is skipped; a file with more bytes than `maxBytes` is
 * truncated and its cut line left out (counted as skipped if it was already too long with its `\r`).
 */
function reference(bytes: Buffer, limits: LogReadLimits) {
  const truncated = bytes.length > limits.maxBytes;
  const data = truncated ? bytes.subarray(0, limits.maxBytes) : bytes;
  const kept: string[] = [];
  let skipped = 0;
  const line = (raw: Buffer) => {
    const content = raw.at(-1) === 13 ? raw.subarray(0, -1) : raw;
    if (content.length > limits.maxLineBytes) skipped++;
    else kept.push(content.toString('utf8'));
  };
  let start = 0;
  for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10, start)) {
    line(data.subarray(start, newline));
    start = newline + 1;
  }
  const rest = data.subarray(start);
  if (truncated) {
    if (rest.length > limits.maxLineBytes + 1) skipped++;
  } else if (rest.length > 0) {
    line(rest);
  }
  return { kept, skipped, truncated };
}

const scan = (lines: readonly string[]) => {
  const scanner = new LogScanner();
  for (const line of lines) scanner.add(line);
  return scanner.facts();
};

const count = (lines: readonly string[], text: string) => lines.filter((l) => l.includes(text)).length;

const REAL_LINES = [
  'real-0.16.0-rust.log',
  'real-0.16.0-gha-rate-limited.log',
  'real-0.16.0-gha-v1-decommissioned.log',
]
  .flatMap((name) => readFileSync(`${FIXTURES}logs/${name}`, 'utf8').split('\n'))
  .filter((l) => l !== '');

/** One line's bytes, without its newline; `cap` is the line limit of the case. */
const lineBytes = (cap: number): fc.Arbitrary<Buffer> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...REAL_LINES).map((l) => Buffer.from(l)) },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((s) => Buffer.from(s.replace(/\n/g, ' '))),
    },
    // Invalid UTF-8: lone continuation bytes, truncated sequences, overlongs, surrogates.
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 40 })
        .map((b) => Buffer.from(b.map((x) => (x === 10 ? 0x80 : x)))),
    },
    // Right around the limit, in one-, two-, three- and four-byte characters.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'é', '€', '𝄞'), fc.integer({ min: -3, max: 3 }))
        .map(([ch, delta]) => {
          const width = Buffer.byteLength(ch);
          return Buffer.from(ch.repeat(Math.max(0, Math.floor(cap / width) + delta)));
        }),
    },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(3 * cap + 7, 'y')) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  );

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
      const expected = reference(bytes, limits);
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
