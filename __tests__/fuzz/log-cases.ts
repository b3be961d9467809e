// Generated sccache logs for the log reader's property test and the fuzz campaign (bench/fuzz.ts):
// one generator and one reference model, so the campaign checks exactly what the test checks.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LogReadLimits } from '../../src/sccache/log-reader.js';
import { FIXTURES } from '../fixtures/index.js';

/**
 * The reference: split the first `maxBytes` bytes at `\n`; drop one `\r` before it (or at the end);
 * a line longer than `maxLineBytes` bytes is skipped; a file with more bytes than `maxBytes` is
 * truncated and its cut line left out (counted as skipped if it was already too long with its `\r`).
 */
export function referenceRead(bytes: Buffer, limits: LogReadLimits) {
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

export const REAL_LOG_LINES = [
  'real-0.16.0-rust.log',
  'real-0.16.0-gha-rate-limited.log',
  'real-0.16.0-gha-v1-decommissioned.log',
]
  .flatMap((name) => readFileSync(`${FIXTURES}logs/${name}`, 'utf8').split('\n'))
  .filter((l) => l !== '');

/** One line's bytes, without its newline; `cap` is the line limit of the case. */
export const lineBytes = (cap: number): fc.Arbitrary<Buffer> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...REAL_LOG_LINES).map((l) => Buffer.from(l)) },
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
