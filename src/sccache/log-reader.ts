// Streams the sccache log file through the scanner: logs of long builds reach hundreds of MB.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { LogScanner, type LogFacts } from './log-scanner.js';

/** Undefined when there is no log to read (logging off, or another path). */
export async function readLogFacts(path: string | undefined): Promise<LogFacts | undefined> {
  if (!path) return undefined;
  const scanner = new LogScanner();
  try {
    const lines = createInterface({
      input: createReadStream(path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) scanner.add(line);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return scanner.facts();
}
