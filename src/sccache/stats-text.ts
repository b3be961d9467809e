// Reads sccache's human-readable stats (`--show-stats`, `--show-adv-stats`, and what `--stop-server`
// prints) into the model the JSON gives, SccacheStats, as docs/stats-text.md specifies the text of
// every release (groups A–L). The text arrives pasted: from a terminal, a CI log (timestamps on
// every line, `##[group]` lines, colour codes, CRLF), an issue comment (an indent), so the block is
// found by its first row, `Compile requests`, and whatever stands in front of that label is taken
// for the paste's prefix and stripped from the block's lines.
//
// What the text cannot give, by design (docs/stats-text.md §4, "Information lost in the text"):
// - cacheWrites and cacheWriteSeconds are null: the number of writes is never printed, only the
//   average per write.
// - compilerSeconds = `Average compiler` × compilations (0.9.0+) or × cache misses (before), and
//   cacheReadHitSeconds = `Average cache read hit` × cache hits: the averages are truncated to the
//   millisecond, so these are low by less than 1 ms per compilation or hit. `Average cache read miss`
//   (before 0.4.0) has no field: compilerSeconds is null there.
// - cacheSize and maxCacheSize are the printed whole binary unit (`78 KiB` → 79872 bytes).
// - usePreprocessorCacheMode is null when the line is absent (sccache prints it for a local disk
//   cache only; the JSON carries it for every cache from 0.7.1).
// - `--show-adv-stats` keys its rows by language and compiler (`c [gcc]`, `rust`); they are mapped to
//   the language keys of `--show-stats` (`C/C++`, `Rust`) as sccache maps them
//   (CompilerKind::lang_kind), so both forms fill cacheHits with the keys the JSON's `counts` has.
//   A key this mapping does not know (a later release's language) is kept as printed.
// - Before 0.2.9 no per-language rows exist: the total is kept under UNSPLIT_LANGUAGE. Before
//   0.2.8, distErrors is 0 (`Failed distributed compilations` is not printed) and notCached is {}
//   (no reasons block): the model has no "unknown" for either.
// - `Cache read errors`, `Successful distributed compilations` and its later block, the hit rates,
//   `Average cache write`, `Average cache read miss` and the multi-level averages are read (they
//   are no unknown lines) but have no field. The hit rates are checked against the counts: a rate
//   that disagrees is put in notUnderstood, as are a total that its per-language rows do not add
//   up to and a `Multi-level cache levels` that is not the number of levels.
// - notUnderstood holds each unknown line of the block once, trimmed, without the paste's prefix,
//   through redact() (it may be a location with a password); at most MAX_NOT_UNDERSTOOD of them.
//
// Bounded and linear: the input is capped (MAX_TEXT_CHARS), a line longer than MAX_LINE_CHARS is
// never looked into, and every scan is a loop whose cursor only moves forward; the one look-ahead
// (after `Cache location`) looks at most INFO_LOOKAHEAD lines. The only regular expression reads
// the version string, with no nested quantifier.
import { redact } from '../util/redact.js';
import {
  StatsParseError,
  type LanguageCounts,
  type LevelStats,
  type SccacheStats,
  type StatsShape,
} from './stats.js';

/** The longest input read (UTF-16 code units): far above any stats output with its log around it. */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;
/** A longer line is not a stats line: it is skipped unread (noted when it is inside the block). */
export const MAX_LINE_CHARS = 64 * 1024;
/** The key of cacheHits/cacheMisses/cacheErrors for a total that no per-language row splits. */
export const UNSPLIT_LANGUAGE = '(all languages)';
/** Distinct lines kept in notUnderstood; more are counted in one last entry. */
const MAX_NOT_UNDERSTOOD = 100;
/** After `Cache location`: how many lines ahead an info line may still come after an unknown one. */
const INFO_LOOKAHEAD = 8;

const EXPECTED = '(expected sccache --show-stats output or its --stats-format json)';

/** True when the input is not JSON: its first character, past blanks and a BOM, is not `{`. */
export function isStatsText(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0xfeff || isBlank(c)) continue;
    return c !== 0x7b;
  }
  return true;
}

// ------------------------------------------------------------------ characters

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** What `\s` matches (and what String.prototype.trim removes). */
const isBlank = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 128 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));
const isDigits = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
};

// ------------------------------------------------------------------ lines as pasted

/** A line longer than MAX_LINE_CHARS: its length and its cleaned start, for a note. */
interface LongLine {
  readonly length: number;
  readonly head: string;
}
type Line = string | LongLine;

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
function lineEnd(input: string, start: number): number {
  const end = input.indexOf('\n', start);
  return end < 0 ? input.length : end;
}

/** The line [start, end) as a terminal shows it, or a LongLine. */
function lineAt(input: string, start: number, end: number): Line {
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
function contentOf(text: string, prefix: string): string {
  const at = afterPrefix(text, prefix);
  if (at === ONLY_PREFIX) return '';
  if (at >= 0) return text.slice(at);
  return withoutTimestamp(text);
}

const ANCHOR = 'Compile requests';

/** The first row of a stats block: its prefix and its count. */
function anchorOf(line: Line): { prefix: string; count: number } | undefined {
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
function isRunnerCommand(s: string): boolean {
  return s.startsWith('##[') || (s.startsWith('::') && s.indexOf('::', 2) > 2);
}

// ------------------------------------------------------------------ values

const U64_MAX = 2n ** 64n - 1n;

/** A u64 as sccache prints it (digits only), as the nearest double; undefined above 2^64−1. */
function toCount(text: string): number | undefined {
  if (!isDigits(text) || text.length > 20) return undefined;
  if (text.length === 20 && BigInt(text) > U64_MAX) return undefined;
  return Number(text);
}

type Kind = 'count' | 'dash' | 'percent' | 'seconds';
interface Row {
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
function splitRow(s: string): Row | undefined {
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
function toMillis(value: string): number | undefined {
  const point = value.indexOf('.');
  const secs = toCount(value.slice(0, point));
  const ms = Number(value.slice(point + 1, point + 4));
  return secs === undefined ? undefined : secs * 1000 + ms;
}

const SIZE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** `78 KiB` → 79872; `0 bytes` → 0; undefined when it is not a size or is above 2^64. */
function toBytes(value: string): number | undefined {
  const space = value.indexOf(' ');
  if (space < 0) return undefined;
  const number = toCount(value.slice(0, space));
  const unit = SIZE_UNITS.indexOf(value.slice(space + 1).trim());
  if (number === undefined || unit < 0) return undefined;
  const bytes = number * 1024 ** unit;
  return bytes <= 2 ** 64 ? bytes : undefined;
}

/** Does a printed percentage (`{:.2} %`, or `-` when nothing was looked up) agree with the counts? */
function rateAgrees(value: string, hits: number, misses: number): boolean {
  const total = hits + misses;
  if (value === '-') return total === 0;
  if (total === 0) return false;
  const printed = Number(value.slice(0, value.length - 2));
  return Math.abs(printed - (hits / total) * 100) <= 0.0051;
}

// ------------------------------------------------------------------ languages

/**
 * `--show-adv-stats` keys (`Language::as_str()` plus ` [<compiler>]`, or `rust`) → the language key
 * `--show-stats` and the JSON `counts` use: CompilerKind::lang_kind in sccache's
 * src/compiler/compiler.rs (v0.6.0 … v0.17.0; the mapping only grew).
 */
const ADVANCED_LANGUAGES: ReadonlyMap<string, string> = new Map([
  ['assemblerToPreprocess', 'Assembler'],
  ['assembler', 'Assembler'],
  ...[
    'c',
    'cHeader',
    'cPreprocessed',
    'c++',
    'c++Header',
    'c++Preprocessed',
    'c++-module',
    'c/c++',
    'objc',
    'objcPreprocessed',
    'objc++',
    'objc++Preprocessed',
  ].map((key): [string, string] => [key, 'C/C++']),
  ['cuda', 'CUDA'],
  ['ptx', 'PTX'],
  ['cubin', 'CUBIN'],
  ['rust', 'Rust'],
  ['hip', 'HIP'],
]);

/** The `--show-stats` keys this parser knows (kept as they are). */
const PLAIN_LANGUAGES: ReadonlySet<string> = new Set([...ADVANCED_LANGUAGES.values(), 'CUDA (Device code)']);

/**
 * The `--show-stats` language key of a `--show-adv-stats` key, or undefined when it is not one this
 * parser knows (a `--show-stats` key such as `Rust` is one, and is kept as it is).
 */
export function languageOfAdvancedKey(key: string): string | undefined {
  if (key === 'rust') return 'Rust'; // rustc: the language alone
  const open = key.lastIndexOf(' [');
  if (open <= 0 || !key.endsWith(']') || open + 3 === key.length) return undefined; // `<language> [<compiler>]`
  const language = key.slice(0, open);
  const compiler = key.slice(open + 2, -1);
  if (language === 'rust') return undefined;
  // Language::CudaFE prints as `cuda` too; only the cudafe++ compiler handles it (src/compiler/cudafe.rs).
  if (language === 'cuda' && compiler === 'cudafe++') return 'CUDA (Device code)';
  return ADVANCED_LANGUAGES.get(language);
}

// ------------------------------------------------------------------ one block

const COUNT_LABELS: ReadonlySet<string> = new Set([
  'Compile requests',
  'Compile requests executed',
  'Cache hits',
  'Cache misses',
  'Cache timeouts',
  'Cache read errors',
  'Forced recaches',
  'Cache write errors',
  'Cache errors',
  'Compilations',
  'Compilation failures',
  'Non-cacheable compilations',
  'Non-cacheable calls',
  'Non-compilation calls',
  'Unsupported compiler calls',
  'Successful distributed compilations',
  'Failed distributed compilations',
  'Multi-level cache levels',
]);
const AVERAGE_LABELS: ReadonlySet<string> = new Set([
  'Average cache write',
  'Average cache read miss',
  'Average compiler',
  'Average cache read hit',
]);
/** Rows every release prints whose value the model needs: a block without one is incomplete. */
const REQUIRED_LABELS: readonly string[] = [
  'Compile requests executed',
  'Cache hits',
  'Cache misses',
  'Cache timeouts',
  'Forced recaches',
  'Cache write errors',
  'Cache errors',
  'Compilation failures',
  'Non-cacheable compilations',
  'Non-cacheable calls',
  'Non-compilation calls',
  'Unsupported compiler calls',
  'Average cache read hit',
];
const PER_KEY = [
  ['Cache hits (', 'hits'],
  ['Cache misses (', 'misses'],
  ['Cache errors (', 'errors'],
] as const;
const RATE_PREFIX = 'Cache hits rate (';
const LEVEL_SUFFIXES = [
  ' hits',
  ' misses',
  ' hit rate',
  ' writes',
  ' write failures',
  ' backfills from',
  ' backfills to',
  ' avg cache write',
  ' avg cache read hit',
] as const;
type LevelSuffix = (typeof LEVEL_SUFFIXES)[number];
type LevelCount = 'hits' | 'misses' | 'writes' | 'writeFailures' | 'backfillsFrom' | 'backfillsTo';
const LEVEL_FIELDS: Partial<Record<LevelSuffix, LevelCount>> = {
  ' hits': 'hits',
  ' misses': 'misses',
  ' writes': 'writes',
  ' write failures': 'writeFailures',
  ' backfills from': 'backfillsFrom',
  ' backfills to': 'backfillsTo',
};
const INFO_LABELS = [
  'Base directories',
  'Use direct/preprocessor mode?',
  'Version (client)',
  'Cache size',
  'Max cache size',
] as const;
type InfoLabel = (typeof INFO_LABELS)[number];

interface MutableLevel {
  name: string;
  location: string | undefined;
  hits: number;
  misses: number;
  writes: number;
  writeFailures: number;
  backfillsFrom: number;
  backfillsTo: number;
}

interface Block {
  /** 1-based line of its `Compile requests` row. */
  readonly line: number;
  readonly prefix: string;
  phase: 'table' | 'reasons' | 'dist' | 'info';
  readonly counts: Map<string, number>;
  /** Each counter's line as printed, for a note. */
  readonly lineOf: Map<string, string>;
  readonly millis: Map<string, number>;
  readonly perKey: { hits: Map<string, number>; misses: Map<string, number>; errors: Map<string, number> };
  /** `Cache hits rate` (key null) and `Cache hits rate (<key>)` rows, checked at the end. */
  readonly rates: { key: string | null; value: string; line: string }[];
  readonly levels: Map<string, MutableLevel>;
  readonly levelRates: { name: string; value: string; line: string }[];
  readonly notCached: Map<string, number>;
  location: string | undefined;
  /** Where `Cache location`'s value starts in its line (label width + 1), when it has one. */
  locationColumn: number | undefined;
  readonly info: Map<InfoLabel, string>;
  readonly notUnderstood: Set<string>;
  overflow: number;
}

function newBlock(line: number, prefix: string, count: number): Block {
  return {
    line,
    prefix,
    phase: 'table',
    counts: new Map([[ANCHOR, count]]),
    lineOf: new Map(),
    millis: new Map(),
    perKey: { hits: new Map(), misses: new Map(), errors: new Map() },
    rates: [],
    levels: new Map(),
    levelRates: [],
    notCached: new Map(),
    location: undefined,
    locationColumn: undefined,
    info: new Map(),
    notUnderstood: new Set(),
    overflow: 0,
  };
}

function note(block: Block, line: string): void {
  const shown = redact(line);
  if (block.notUnderstood.has(shown)) return;
  if (block.notUnderstood.size < MAX_NOT_UNDERSTOOD) block.notUnderstood.add(shown);
  else block.overflow++;
}

const noteLong = (block: Block, line: LongLine) =>
  note(block, `${line.head}… (a line of ${line.length} characters, longer than a stats line can be)`);

/** `label` followed by a blank or the end. */
const hasLabel = (s: string, label: string): boolean =>
  s.startsWith(label) && (s.length === label.length || isBlank(s.charCodeAt(label.length)));

/** `L<digits> (`: the start of a multi-level row or location line. */
function isLevelName(s: string): boolean {
  if (s.charCodeAt(0) !== 0x4c /* L */) return false;
  let i = 1;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i > 1 && s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 0x28;
}

function levelOf(block: Block, name: string): MutableLevel {
  let level = block.levels.get(name);
  if (!level) {
    level = {
      name,
      location: undefined,
      hits: 0,
      misses: 0,
      writes: 0,
      writeFailures: 0,
      backfillsFrom: 0,
      backfillsTo: 0,
    };
    block.levels.set(name, level);
  }
  return level;
}

/** A counter-table row: true when understood. */
function tableRow(block: Block, row: Row, line: string): boolean {
  const { label, value, kind } = row;
  if (COUNT_LABELS.has(label)) {
    const count = kind === 'count' ? toCount(value) : undefined;
    if (count === undefined || block.counts.has(label)) return false;
    block.counts.set(label, count);
    block.lineOf.set(label, line);
    return true;
  }
  if (AVERAGE_LABELS.has(label)) {
    const millis = kind === 'seconds' ? toMillis(value) : undefined;
    if (millis === undefined || block.millis.has(label)) return false;
    block.millis.set(label, millis);
    return true;
  }
  if (label === 'Cache hits rate') {
    if (kind !== 'percent' && kind !== 'dash') return false;
    block.rates.push({ key: null, value, line });
    return true;
  }
  if (label.endsWith(')')) {
    if (label.startsWith(RATE_PREFIX)) {
      if (kind !== 'percent' && kind !== 'dash') return false;
      block.rates.push({ key: label.slice(RATE_PREFIX.length, -1), value, line });
      return true;
    }
    for (const [prefix, map] of PER_KEY) {
      if (!label.startsWith(prefix)) continue;
      const key = label.slice(prefix.length, -1);
      const count = kind === 'count' ? toCount(value) : undefined;
      const counts = block.perKey[map];
      if (count === undefined || key === '' || counts.has(key)) return false;
      counts.set(key, count);
      return true;
    }
  }
  if (isLevelName(label)) {
    for (const suffix of LEVEL_SUFFIXES) {
      if (!label.endsWith(suffix)) continue;
      const name = label.slice(0, label.length - suffix.length);
      if (!name.endsWith(')')) return false;
      if (suffix === ' hit rate') {
        if (kind !== 'percent' && kind !== 'dash') return false;
        levelOf(block, name);
        block.levelRates.push({ name, value, line });
        return true;
      }
      if (suffix === ' avg cache write' || suffix === ' avg cache read hit') {
        if (kind !== 'seconds') return false;
        levelOf(block, name);
        return true;
      }
      const field = LEVEL_FIELDS[suffix]!;
      const count = kind === 'count' ? toCount(value) : undefined;
      if (count === undefined) return false;
      levelOf(block, name)[field] = count;
      return true;
    }
  }
  return false;
}

/** `<name> <count>`: a reason or a dist server, any text then blanks then a count. */
function splitEntry(s: string): { key: string; count: number } | undefined {
  let i = s.length;
  while (i > 0 && isDigit(s.charCodeAt(i - 1))) i--;
  const count = toCount(s.slice(i));
  if (count === undefined || i === 0 || !isBlank(s.charCodeAt(i - 1))) return undefined;
  const key = s.slice(0, i).trimEnd();
  return key === '' ? undefined : { key, count };
}

/** A line before `Cache location`: the table, the two optional blocks (docs/stats-text.md §1.4). */
function tableLine(block: Block, content: string): void {
  const s = content.trim();
  if (s === '') {
    // A blank line opens a block (then its header follows) and closes the reasons block.
    if (block.phase === 'reasons' || block.phase === 'dist') block.phase = 'table';
    return;
  }
  if (isRunnerCommand(s)) return;
  if (hasLabel(s, 'Cache location')) {
    block.phase = 'info';
    block.location = s.slice('Cache location'.length).trim();
    if (block.location !== '') {
      const start = content.indexOf(block.location, 'Cache location'.length);
      block.locationColumn = start;
    }
    return;
  }
  if (s === 'Non-cacheable reasons:') {
    block.phase = 'reasons';
    return;
  }
  if (s === 'Successful distributed compiles') {
    block.phase = 'dist';
    return;
  }
  if (block.phase === 'reasons' || block.phase === 'dist') {
    const entry = splitEntry(s);
    if (!entry) note(block, s);
    else if (block.phase === 'reasons') {
      if (block.notCached.has(entry.key)) note(block, s);
      else block.notCached.set(entry.key, entry.count);
    }
    return;
  }
  const row = splitRow(s);
  if (!row || !tableRow(block, row, s)) note(block, s);
}

/** An info line after `Cache location` (§1.5): true when it is one this parser knows. */
function infoLine(block: Block, s: string): boolean {
  for (const label of INFO_LABELS) {
    if (!hasLabel(s, label)) continue;
    const value = s.slice(label.length).trim();
    const valid =
      label === 'Use direct/preprocessor mode?'
        ? value === 'yes' || value === 'no'
        : label === 'Cache size' || label === 'Max cache size'
          ? toBytes(value) !== undefined
          : value !== '';
    if (!valid || block.info.has(label)) note(block, s);
    else block.info.set(label, value);
    return true;
  }
  if (isLevelName(s)) {
    const level = locatedLevel(block, s);
    if (level && level.location === undefined) level.location = s.slice(level.name.length).trim();
    else note(block, s);
    return true;
  }
  return false;
}

/** The level whose name starts this location line, among those the table listed. */
function locatedLevel(block: Block, s: string): MutableLevel | undefined {
  const close = s.indexOf(')');
  if (close < 0) return undefined;
  const level = block.levels.get(s.slice(0, close + 1));
  return level && hasLabel(s, level.name) ? level : undefined;
}

/** Would an info line this block has not had yet be known here? */
function isPendingInfo(block: Block, s: string): boolean {
  for (const label of INFO_LABELS) if (hasLabel(s, label)) return !block.info.has(label);
  if (!isLevelName(s)) return false;
  const level = locatedLevel(block, s);
  return level !== undefined && level.location === undefined;
}

/**
 * An info line of a later release: a label without double blanks, padded with at least two blanks
 * to the column where `Cache location`'s value starts, then a value.
 */
function looksLikeInfoRow(content: string, column: number | undefined): boolean {
  if (column === undefined || column < 3 || content.length <= column) return false;
  if (isBlank(content.charCodeAt(0)) || isBlank(content.charCodeAt(column))) return false;
  let i = 1;
  while (i < column && !(isBlank(content.charCodeAt(i)) && isBlank(content.charCodeAt(i - 1)))) i++;
  if (i >= column) return false;
  while (i < column && content.charCodeAt(i) === 32) i++;
  return i === column;
}

// ------------------------------------------------------------------ the model

function shapeOfVersion(version: string): StatsShape | undefined {
  const match = /^v?(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(-)?/.exec(version);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = Number(match[3] ?? '0');
  if (major > 0) return 'G';
  if (minor < 4) return 'A';
  if (minor === 4 && patch === 0 && match[4] !== undefined) return "A'"; // 0.4.0-pre.*
  if (minor <= 5) return 'B';
  if (minor === 6 || (minor === 7 && patch === 0)) return 'C';
  if (minor <= 8) return 'D';
  if (minor <= 13) return 'E';
  if (minor === 14) return 'F';
  return 'G';
}

/** Without a readable version: the newest release marker the lines show (SHAPE_RELEASES). */
function shapeOfLines(block: Block): StatsShape {
  if (block.levels.size > 0 || block.counts.has('Multi-level cache levels')) return 'G';
  if (block.info.has('Base directories')) return 'F';
  if (block.counts.has('Compilations')) return 'E';
  if (block.info.has('Use direct/preprocessor mode?') || block.rates.length > 0) return 'D';
  const keys = [...block.perKey.hits.keys(), ...block.perKey.misses.keys(), ...block.perKey.errors.keys()];
  const advanced = keys.some((key) => languageOfAdvancedKey(key) !== undefined && !PLAIN_LANGUAGES.has(key));
  if (advanced) return 'C';
  if (block.info.has('Version (client)')) return 'B';
  if (block.millis.has('Average compiler')) return "A'";
  return 'A';
}

/** The printed rows of one counter, under the JSON `counts` keys (prototype-free, like stats.ts's). */
function languageCounts(block: Block, rows: Map<string, number>, label: string): LanguageCounts {
  const counts = Object.create(null) as Record<string, number>;
  let sum = 0;
  for (const [key, count] of rows) {
    const language = PLAIN_LANGUAGES.has(key) ? key : (languageOfAdvancedKey(key) ?? key);
    counts[language] = (counts[language] ?? 0) + count;
    sum += count;
  }
  const total = block.counts.get(label) ?? 0;
  if (rows.size === 0 && total > 0)
    counts[UNSPLIT_LANGUAGE] = total; // before 0.2.9
  else if (sum !== total) note(block, block.lineOf.get(label) ?? label);
  return counts;
}

const ownCounts = (entries: Map<string, number>): Readonly<Record<string, number>> => {
  const counts = Object.create(null) as Record<string, number>;
  for (const [key, count] of entries) counts[key] = count;
  return counts;
};

/** A duration total from a printed average (ms) × its count. */
const seconds = (millis: number, count: number) => (millis * count) / 1000;

function toStats(block: Block, blocks: number): SccacheStats {
  const count = (label: string) => block.counts.get(label) ?? 0;
  const hits = languageCounts(block, block.perKey.hits, 'Cache hits');
  const misses = languageCounts(block, block.perKey.misses, 'Cache misses');
  const errors = languageCounts(block, block.perKey.errors, 'Cache errors');
  for (const rate of block.rates) {
    const [h, m] =
      rate.key === null
        ? [count('Cache hits'), count('Cache misses')]
        : [block.perKey.hits.get(rate.key) ?? 0, block.perKey.misses.get(rate.key) ?? 0];
    if (!rateAgrees(rate.value, h, m)) note(block, rate.line);
  }
  for (const rate of block.levelRates) {
    const level = block.levels.get(rate.name)!;
    if (!rateAgrees(rate.value, level.hits, level.misses)) note(block, rate.line);
  }
  const levelCount = block.counts.get('Multi-level cache levels');
  if (levelCount !== undefined && levelCount !== block.levels.size) {
    note(block, block.lineOf.get('Multi-level cache levels')!);
  }
  const version = block.info.get('Version (client)') ?? null;
  const compilations = block.counts.get('Compilations') ?? null;
  const compilerMillis = block.millis.get('Average compiler');
  const basedirs = block.info.get('Base directories');
  const preprocessor = block.info.get('Use direct/preprocessor mode?');
  const size = (label: InfoLabel) => {
    const value = block.info.get(label);
    return value === undefined ? null : toBytes(value)!;
  };
  const hasLevels = block.levels.size > 0 || levelCount !== undefined;
  const notUnderstood = [...block.notUnderstood];
  if (block.overflow > 0) notUnderstood.push(`… and ${block.overflow} more lines not understood`);
  return {
    shape: (version === null ? undefined : shapeOfVersion(version)) ?? shapeOfLines(block),
    form: 'text',
    blocks,
    notUnderstood,
    version,
    compileRequests: count(ANCHOR),
    requestsUnsupportedCompiler: count('Unsupported compiler calls'),
    requestsNotCompile: count('Non-compilation calls'),
    requestsNotCacheable: count('Non-cacheable calls'),
    requestsExecuted: count('Compile requests executed'),
    cacheHits: hits,
    cacheMisses: misses,
    cacheErrors: errors,
    cacheTimeouts: count('Cache timeouts'),
    nonCacheableCompilations: count('Non-cacheable compilations'),
    forcedRecaches: count('Forced recaches'),
    cacheWriteErrors: count('Cache write errors'),
    cacheWrites: null,
    compilations,
    compileFails: count('Compilation failures'),
    notCached: ownCounts(block.notCached),
    distErrors: count('Failed distributed compilations'),
    cacheWriteSeconds: null,
    cacheReadHitSeconds: seconds(block.millis.get('Average cache read hit') ?? 0, count('Cache hits')),
    compilerSeconds:
      compilerMillis === undefined ? null : seconds(compilerMillis, compilations ?? count('Cache misses')),
    multiLevel: hasLevels
      ? [...block.levels.values()].map((level): LevelStats => ({
          name: level.name,
          location: redact(level.location ?? ''),
          hits: level.hits,
          misses: level.misses,
          writes: level.writes,
          writeFailures: level.writeFailures,
          backfillsFrom: level.backfillsFrom,
          backfillsTo: level.backfillsTo,
        }))
      : null,
    // A Redis or WebDAV location carries its password: never let it reach a summary.
    cacheLocation: redact(block.location ?? ''),
    cacheSize: size('Cache size'),
    maxCacheSize: size('Max cache size'),
    usePreprocessorCacheMode: preprocessor === undefined ? null : preprocessor === 'yes',
    basedirs: basedirs === undefined ? null : basedirs === '(none)' ? [] : basedirs.split(', '),
  };
}

/** What an incomplete block lacks: `Cache location` or a row every release prints. */
function missingOf(block: Block): string | undefined {
  const row = REQUIRED_LABELS.find((label) => !block.counts.has(label) && !block.millis.has(label));
  return row ?? (block.location === undefined ? 'Cache location' : undefined);
}

// ------------------------------------------------------------------ the entry

/**
 * Reads the last complete stats block of the text (see the top of this file). Throws a
 * StatsParseError at `$` when the text is too long, holds no block, or only incomplete ones.
 */
export function parseStatsText(input: string): SccacheStats {
  if (input.length > MAX_TEXT_CHARS) {
    const mib = (input.length / 1024 / 1024).toFixed(1);
    throw new StatsParseError(
      `$: the text is ${mib} MiB (${input.length} characters), more than the ${MAX_TEXT_CHARS / 1024 / 1024} MiB of sccache stats output this reads`,
      '$',
    );
  }
  let blocks = 0;
  let lastComplete: Block | undefined;
  let block: Block | undefined;
  /** The last block seen, kept for the message when no block is complete. */
  let last: Block | undefined;
  const close = () => {
    if (block && missingOf(block) === undefined) lastComplete = block;
    block = undefined;
  };
  let lineNumber = 0;
  for (let start = 0; start <= input.length;) {
    const end = lineEnd(input, start);
    const line = lineAt(input, start, end);
    start = end + 1;
    lineNumber++;
    const anchor = anchorOf(line);
    if (anchor) {
      close();
      block = last = newBlock(lineNumber, anchor.prefix, anchor.count);
      blocks++;
      continue;
    }
    if (!block) continue;
    if (block.phase !== 'info') {
      if (typeof line === 'string') tableLine(block, contentOf(line, block.prefix));
      else noteLong(block, line);
      continue;
    }
    // After `Cache location`: info lines, until a line that is none (the text around the block).
    const content = typeof line === 'string' ? contentOf(line, block.prefix) : '';
    const s = content.trim();
    if (isRunnerCommand(s)) continue;
    if (s !== '' && infoLine(block, s)) continue;
    if (s !== '' && looksLikeInfoRow(content, block.locationColumn)) {
      note(block, s);
      continue;
    }
    if (infoAhead(block, input, start)) {
      if (typeof line !== 'string') noteLong(block, line);
      else if (s !== '') note(block, s);
      continue;
    }
    close();
  }
  close();
  if (lastComplete) return toStats(lastComplete, blocks);
  if (!last) {
    throw new StatsParseError(`$: no "${ANCHOR}" line of sccache --show-stats in the text ${EXPECTED}`, '$');
  }
  throw new StatsParseError(
    `$: incomplete sccache stats: the block that starts at line ${last.line} has no "${missingOf(last)!}" line ${EXPECTED}`,
    '$',
  );
}

/**
 * Does an info line the block has not had come within the next INFO_LOOKAHEAD lines (from `start`),
 * before another block?
 */
function infoAhead(block: Block, input: string, start: number): boolean {
  for (let k = 0; k < INFO_LOOKAHEAD && start <= input.length; k++) {
    const end = lineEnd(input, start);
    const line = lineAt(input, start, end);
    start = end + 1;
    if (typeof line !== 'string') continue;
    if (anchorOf(line)) return false;
    if (isPendingInfo(block, contentOf(line, block.prefix).trim())) return true;
  }
  return false;
}
