// Streams the sccache log file through the scanner. Logs of long builds reach hundreds of MB, and a
// hostile or broken one may be a single 600 MB line or /dev/zero: the file is read in chunks, a line
// longer than MAX_LINE_BYTES is counted and skipped (never assembled), and reading stops after
// MAX_LOG_BYTES. Memory stays at a chunk plus one line; time at one pass over at most that much.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { LogScanner, type LogFacts } from './log-scanner.js';

/** Longer than any line sccache writes (its longest are compile arguments, a few KB). */
export const MAX_LINE_BYTES = 64 * 1024;
/** A debug log of a very long build; beyond this the rest is not read. */
export const MAX_LOG_BYTES = 1024 * 1024 * 1024;

export interface LogReadLimits {
  readonly maxLineBytes: number;
  readonly maxBytes: number;
}

/** What the reader left out, beside what the scanner found. */
export interface LogRead {
  readonly facts: LogFacts;
  /** Lines longer than the line limit, skipped whole. */
  readonly skippedLines: number;
  /** The file went on past the byte limit. */
  readonly truncated: boolean;
}

/** Undefined when there is no log to read (logging off, or another path). */
export async function readLog(
  path: string | undefined,
  limits: LogReadLimits = { maxLineBytes: MAX_LINE_BYTES, maxBytes: MAX_LOG_BYTES },
): Promise<LogRead | undefined> {
  if (!path) return undefined;
  const scanner = new LogScanner();
  const decoder = new StringDecoder('utf8');
  let line = '';
  let skipping = false;
  let skippedLines = 0;
  let read = 0;
  let truncated = false;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024, end: limits.maxBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      const text = decoder.write(chunk);
      let start = 0;
      for (let newline = text.indexOf('\n'); ; newline = text.indexOf('\n', start)) {
        const piece = text.slice(start, newline < 0 ? text.length : newline);
        if (!skipping) {
          if (line.length + piece.length > limits.maxLineBytes) {
            skipping = true;
            line = '';
          } else {
            line += piece;
          }
        }
        if (newline < 0) break;
        if (skipping) skippedLines++;
        else scanner.add(line.endsWith('\r') ? line.slice(0, -1) : line);
        line = '';
        skipping = false;
        start = newline + 1;
      }
      if (read > limits.maxBytes) {
        truncated = true;
        break;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  } finally {
    stream.destroy();
  }
  if (!truncated) {
    line += decoder.end();
    if (skipping) skippedLines++;
    else if (line !== '') scanner.add(line);
  }
  return { facts: scanner.facts(), skippedLines, truncated };
}

/** The scanner's facts only, for callers that need nothing else. */
export async function readLogFacts(path: string | undefined): Promise<LogFacts | undefined> {
  return (await readLog(path))?.facts;
}
