// The values of the stats lines: counts, counter-table rows, durations, sizes and percentages.
import { isBlank, isDigit, isDigits } from '../../util/characters.js';

const U64_MAX = 2n ** 64n - 1n;

/** A u64 as sccache prints it (digits only), as the nearest double; undefined above 2^64−1. */
export function toCount(text: string): number | undefined {
  if (!isDigits(text) || text.length > 20) return undefined;
  if (text.length === 20 && BigInt(text) > U64_MAX) return undefined;
  return Number(text);
}

export type Kind = 'count' | 'dash' | 'percent' | 'seconds';
export interface Row {
  readonly label: string;
  readonly value: string;
  readonly kind: Kind;
}

/** `<digits>.<n digits>` ending at `end` (exclusive): its start, or -1. */
function decimalStart(s: string, end: number, decimals: number): number {
  let i = end;
  while (i > 0 && isDigit(s.charCodeAt(i - 1))) i--;
  if (end - i !== decimals || i === 0 || s.charCodeAt(i - 1) !== 0x2e) return -1;
  const point = i - 1;
  i = point;
  while (i > 0 && isDigit(s.charCodeAt(i - 1))) i--;
  return i < point ? i : -1;
}

/**
 * A counter-table row (trimmed): the label, then blanks, then the value at the end: `120`, `-`,
 * `69.57 %`, `0.012 s`. Columns are not relied on (docs/stats-text.md §1.1, suffix_len).
 */
export function splitRow(s: string): Row | undefined {
  let valueStart: number;
  let kind: Kind;
  const suffix = s.length >= 2 && s.charCodeAt(s.length - 2) === 32 ? s.charCodeAt(s.length - 1) : 0;
  if (suffix === 0x25 /* % */ || suffix === 0x73 /* s */) {
    kind = suffix === 0x25 ? 'percent' : 'seconds';
    valueStart = decimalStart(s, s.length - 2, kind === 'percent' ? 2 : 3);
    if (valueStart < 0) return undefined;
  } else {
    valueStart = s.length;
    while (valueStart > 0 && !isBlank(s.charCodeAt(valueStart - 1))) valueStart--;
    const token = s.slice(valueStart);
    if (token === '-') kind = 'dash';
    else if (isDigits(token)) kind = 'count';
    else return undefined;
  }
  if (valueStart === 0 || !isBlank(s.charCodeAt(valueStart - 1))) return undefined;
  const label = s.slice(0, valueStart).trimEnd();
  if (label === '') return undefined;
  return { label, value: s.slice(valueStart), kind };
}

/** `12.345 s` → 12345 (ms); undefined above u64 seconds. */
export function toMillis(value: string): number | undefined {
  const point = value.indexOf('.');
  const secs = toCount(value.slice(0, point));
  const ms = Number(value.slice(point + 1, point + 4));
  return secs === undefined ? undefined : secs * 1000 + ms;
}

const SIZE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** `78 KiB` → 79872; `0 bytes` → 0; undefined when it is not a size or is above 2^64. */
export function toBytes(value: string): number | undefined {
  const space = value.indexOf(' ');
  if (space < 0) return undefined;
  const number = toCount(value.slice(0, space));
  const unit = SIZE_UNITS.indexOf(value.slice(space + 1).trim());
  if (number === undefined || unit < 0) return undefined;
  const bytes = number * 1024 ** unit;
  return bytes <= 2 ** 64 ? bytes : undefined;
}

/** Does a printed percentage (`{:.2} %`, or `-` when nothing was looked up) agree with the counts? */
export function rateAgrees(value: string, hits: number, misses: number): boolean {
  const total = hits + misses;
  if (value === '-') return total === 0;
  if (total === 0) return false;
  const printed = Number(value.slice(0, value.length - 2));
  return Math.abs(printed - (hits / total) * 100) <= 0.0051;
}
