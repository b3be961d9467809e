// Streams the sccache log file through the scanner. Logs of long builds reach hundreds of MB, and a
// hostile or broken one may be a single 600 MB line or /dev/zero: the file is read in chunks and
// cut into lines as bytes, a line longer than MAX_LINE_BYTES bytes is counted and skipped (never
// assembled, never decoded), and reading stops after MAX_LOG_BYTES. Memory stays at a chunk plus
// one line; time at one pass over at most that much. A line is decoded as UTF-8 once it is whole,
// so a character split across chunks arrives whole and an invalid byte becomes U+FFFD.
import { createReadStream } from 'node:fs';
import { LogScanner, type LogFacts } from './log-scanner.js';

/** Longer than any line sccache writes (its longest are compile arguments, a few KB). */
export const MAX_LINE_BYTES = 64 * 1024;
/** A debug log of a very long build; beyond this the rest is not read. */
export const MAX_LOG_BYTES = 1024 * 1024 * 1024;

export interface LogReadLimits {
  readonly maxLineBytes: number;
  readonly maxBytes: number;
  /** How much is read at a time (256 KB); tests make it small to put chunk ends everywhere. */
  readonly chunkBytes?: number;
}

/** What the reader left out, beside what the scanner found. */
export interface LogRead {
  readonly facts: LogFacts;
  /** Lines longer than the line limit, skipped whole. */
  readonly skippedLines: number;
  /** The file went on past the byte limit. */
  readonly truncated: boolean;
}

/**
 * Undefined when there is no log to read (logging off, or another path). Lines end at `\n`; one `\r`
 * before it (or at the end of the file) is not part of the line, nor of its length. A final line
 * without a newline is read too; a file that ends with a newline has no empty line after it. When
 * the byte limit cuts the file, the line it cuts is left out (counted as skipped only if it was
 * already too long).
 */
export async function readLog(
  path: string | undefined,
  limits: LogReadLimits = { maxLineBytes: MAX_LINE_BYTES, maxBytes: MAX_LOG_BYTES },
): Promise<LogRead | undefined> {
  if (!path) return undefined;
  const scanner = new LogScanner();
  // The current line: its pieces while it may still fit (the limit plus a `\r`), and its length.
  const pieces: Buffer[] = [];
  let lineBytes = 0;
  let skipping = false;
  let skippedLines = 0;
  let read = 0;
  let truncated = false;

  const endLine = () => {
    if (skipping) {
      skippedLines++;
    } else {
      const line = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, lineBytes);
      const cr = lineBytes > 0 && line[lineBytes - 1] === 13 ? 1 : 0;
      if (lineBytes - cr > limits.maxLineBytes) skippedLines++;
      else scanner.add(line.toString('utf8', 0, lineBytes - cr));
    }
    pieces.length = 0;
    lineBytes = 0;
    skipping = false;
  };

  // `end` is inclusive: one byte past the limit tells a file that goes on from one that ends there.
  const stream = createReadStream(path, {
    highWaterMark: limits.chunkBytes ?? 256 * 1024,
    end: limits.maxBytes,
  });
  try {
    for await (let chunk of stream as AsyncIterable<Buffer>) {
      if (read + chunk.length > limits.maxBytes) {
        chunk = chunk.subarray(0, limits.maxBytes - read);
        truncated = true;
      }
      read += chunk.length;
      for (let start = 0; start < chunk.length;) {
        const newline = chunk.indexOf(10, start);
        const end = newline < 0 ? chunk.length : newline;
        if (!skipping) {
          if (lineBytes + (end - start) > limits.maxLineBytes + 1) {
            skipping = true;
            pieces.length = 0;
          } else if (end > start) {
            pieces.push(chunk.subarray(start, end));
          }
        }
        lineBytes += end - start;
        if (newline < 0) break;
        endLine();
        start = newline + 1;
      }
      if (truncated) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  } finally {
    stream.destroy();
  }
  if (truncated) {
    if (skipping) skippedLines++;
  } else if (lineBytes > 0) {
    endLine();
  }
  return { facts: scanner.facts(), skippedLines, truncated };
}

/** The scanner's facts only, for callers that need nothing else. */
export async function readLogFacts(path: string | undefined): Promise<LogFacts | undefined> {
  return (await readLog(path))?.facts;
}
