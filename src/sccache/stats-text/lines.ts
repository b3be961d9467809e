// The lines as pasted: cleaned of colour codes and control characters, without the paste's prefix
// or a timestamp, and the block's anchor, its `Compile requests` row, found among them.
import { isBlank, isDigit } from '../../util/characters.js';
import { toCount } from './values.js';

/** A longer line is not a stats line: it is skipped unread (noted when it is inside the block). */
export const MAX_LINE_CHARS = 64 * 1024;

/** A line longer than MAX_LINE_CHARS: its length and its cleaned start, for a note. */
export interface LongLine {
  readonly length: number;
  readonly head: string;
}
export type Line = string | LongLine;

/**
 * The line as a terminal shows it: escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`,
 * two- and three-byte ESC sequences, the 8-bit CSI and OSC), other control characters and BOMs
 * removed; a carriage return ends what it overwrote (trailing ones are a CRLF's).
 */
function clean(raw: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    const control = c < 0x20 ? c !== 9 && c !== 13 : c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfeff;
    if (!control) {
      i++;
      continue;
    }
    out += raw.slice(from, i);
    i++;
    let csi = c === 0x9b;
    let osc = c === 0x9d;
    if (c === 0x1b && i < n) {
      const next = raw.charCodeAt(i);
      if (next === 0x5b) csi = true;
      else if (next === 0x5d) osc = true;
      else {
        // nF: intermediates 0x20–0x2F, then one final byte; Fe/Fp/Fs: one byte.
        while (i < n && raw.charCodeAt(i) >= 0x20 && raw.charCodeAt(i) <= 0x2f) i++;
        if (i < n && raw.charCodeAt(i) >= 0x30 && raw.charCodeAt(i) <= 0x7e) i++;
      }
      if (csi || osc) i++;
    }
    if (csi) {
      while (i < n && raw.charCodeAt(i) >= 0x20 && raw.charCodeAt(i) <= 0x3f) i++;
      if (i < n && raw.charCodeAt(i) >= 0x40 && raw.charCodeAt(i) <= 0x7e) i++;
    } else if (osc) {
      while (i < n) {
        const d = raw.charCodeAt(i);
        if (d === 0x07 || d === 0x9c) {
          i++;
          break;
        }
        if (d === 0x1b && i + 1 < n && raw.charCodeAt(i + 1) === 0x5c) {
          i += 2;
          break;
        }
        i++;
      }
    }
    from = i;
  }
  out = from === 0 ? raw : out + raw.slice(from);
  let end = out.length;
  while (end > 0 && out.charCodeAt(end - 1) === 13) end--;
  if (end < out.length) out = out.slice(0, end);
  const cr = out.lastIndexOf('\r');
  return cr < 0 ? out : out.slice(cr + 1);
}

/** Where the line that starts at `start` ends (its `\n`, or the end of the input). */
export function lineEnd(input: string, start: number): number {
  const end = input.indexOf('\n', start);
  return end < 0 ? input.length : end;
}

/** The line [start, end) as a terminal shows it, or a LongLine. */
export function lineAt(input: string, start: number, end: number): Line {
  if (end - start <= MAX_LINE_CHARS) return clean(input.slice(start, end));
  return {
    length: end - start,
    head: clean(input.slice(start, start + 200))
      .trim()
      .slice(0, 120),
  };
}

const NO_MATCH = -1;
const ONLY_PREFIX = -2;

/**
 * Where the text goes on after the block's prefix, or NO_MATCH, or ONLY_PREFIX when the text ends
 * inside it (a blank line of the block, its trailing blanks trimmed by the log). A run of digits
 * in the prefix matches any run of digits: each line has its own timestamp.
 */
function afterPrefix(text: string, prefix: string): number {
  let i = 0;
  let j = 0;
  while (j < prefix.length) {
    if (i >= text.length) return ONLY_PREFIX;
    const p = prefix.charCodeAt(j);
    const t = text.charCodeAt(i);
    if (isDigit(p)) {
      if (!isDigit(t)) return NO_MATCH;
      while (j < prefix.length && isDigit(prefix.charCodeAt(j))) j++;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    } else if (p === t) {
      i++;
      j++;
    } else {
      return NO_MATCH;
    }
  }
  return i;
}

/** `2024-01-01T00:00:00.0000000Z`, `[12:00:01]`, `12:00:01.123`: digits and date/time punctuation. */
function withoutTimestamp(text: string): string {
  let i = 0;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  const start = i;
  let digits = 0;
  if (text.charCodeAt(i) === 0x5b) i++; // [
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (!(
      c === 0x3a ||
      c === 0x2e ||
      c === 0x2d ||
      c === 0x2b ||
      c === 0x2c ||
      c === 0x2f ||
      c === 0x54 ||
      c === 0x5a
    ))
      break; // : . - + , / T Z
    i++;
  }
  if (text.charCodeAt(i) === 0x5d && text.charCodeAt(start) === 0x5b) i++; // ]
  if (digits < 4 || i >= text.length || !isBlank(text.charCodeAt(i))) return text;
  return text.slice(i + 1);
}

/** The line without the paste's prefix (untrimmed), or without a leading timestamp when it lacks it. */
export function contentOf(text: string, prefix: string): string {
  const at = afterPrefix(text, prefix);
  if (at === ONLY_PREFIX) return '';
  if (at >= 0) return text.slice(at);
  return withoutTimestamp(text);
}

export const ANCHOR = 'Compile requests';

/** The first row of a stats block: its prefix and its count. */
export function anchorOf(line: Line): { prefix: string; count: number } | undefined {
  if (typeof line !== 'string') return undefined;
  const at = line.indexOf(ANCHOR);
  if (at < 0) return undefined;
  let i = at + ANCHOR.length;
  const gap = i;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (i === gap) return undefined;
  const digits = i;
  while (i < line.length && isDigit(line.charCodeAt(i))) i++;
  const count = toCount(line.slice(digits, i));
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (i < line.length || count === undefined) return undefined;
  return { prefix: line.slice(0, at), count };
}

/** `##[group]…`, `##[endgroup]`, `::warning::…`: the runner's lines, never sccache's. */
export function isRunnerCommand(s: string): boolean {
  return s.startsWith('##[') || (s.startsWith('::') && s.indexOf('::', 2) > 2);
}
