// @actions/cache speaks to the job log itself: `core.warning("Failed to save: …")`, even
// `core.error(…)` on a 5xx, with no title and no job label, outside our annotation budget, and
// sometimes with the wrong reason ("another job may be creating this cache" after a 429, while the
// real answer is only in a `::debug::` line). Every call we make to it runs through `quietly`: the
// workflow commands it writes become plain log lines of ours, and the caller gets them back to word
// its own message. Its chatter (`[command]/usr/bin/tar …`, `Sent 621 of 621`, `Cache Size: …`) goes
// to the debug log only: the caller says in one line what became of the call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { redact } from '../util/redact.js';

/** What @actions/cache said during one call, decoded and redacted. */
export interface CacheVoice {
  /** Its warnings, errors and notices, in order. */
  readonly complaints: string[];
  /** Its debug lines, which carry the service's real answer. */
  readonly debug: string[];
}

const calls = new AsyncLocalStorage<CacheVoice>();
const COMMAND = /^::(warning|error|notice|debug)(?: [^:]*)?::(.*)$/s;

/** Undoes @actions/core's escaping of a command's message (command.js escapeData). */
const unescape = (data: string) =>
  data.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');

let installed = false;

/**
 * Diverts writes to stdout made from inside a `quietly` call: only that call's async context is
 * affected, so our own annotations, written meanwhile, go out as they are.
 */
function install(): void {
  if (installed) return;
  installed = true;
  const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array) => boolean;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const voice = calls.getStore();
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!voice) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    const command = COMMAND.exec(text.trimEnd());
    // Plain output (tar's command line, progress, sizes): shown with step debug logging only.
    const message = redact(command ? unescape(command[2]!) : text.trimEnd());
    if (!command || command[1] === 'debug') {
      if (!message) return true;
      voice.debug.push(message);
      // Shown only with step debug logging on; redacted there too (a signed URL is not a registered secret).
      const escaped = message.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
      return (write as (...args: unknown[]) => boolean)(`::debug::${escaped}\n`, ...rest);
    }
    voice.complaints.push(message);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    write(`cache service: ${message.split('\n')[0]}\n`);
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}

/** Runs one @actions/cache call with its workflow commands turned into plain lines, collected. */
export async function quietly<T>(call: () => Promise<T>): Promise<{ result: T; voice: CacheVoice }> {
  install();
  const voice: CacheVoice = { complaints: [], debug: [] };
  const result = await calls.run(voice, call);
  return { result, voice };
}

/**
 * The best reason the call gave for not doing its job: the service's own answer from the debug lines
 * when there is one (a 429, a 5xx), else its last complaint.
 */
export function reasonFrom(voice: CacheVoice, fallback: string): string {
  const reserve = voice.debug.findLast((line) => /^Failed to reserve cache: /.test(line));
  if (reserve)
    return reserve.replace(/^Failed to reserve cache: (Error: )?/, 'the service refused the entry: ');
  const complaint = voice.complaints.at(-1);
  return complaint ? complaint.replace(/^Failed to (save|restore): /, '') : fallback;
}
