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
//
// The parts, in stats-text/: characters.ts; values.ts (counts, rows, durations, sizes, rates);
// lines.ts (lines as pasted, the block's anchor); languages.ts (the language keys); labels.ts (the
// rows and info lines a block has); block.ts (reading one block); model.ts (SccacheStats from a
// complete block). Here: the entry, which walks the text's lines block by block.
import { StatsParseError, type SccacheStats } from './stats.js';
import {
  infoLine,
  isPendingInfo,
  looksLikeInfoRow,
  newBlock,
  note,
  noteLong,
  tableLine,
  type Block,
} from './stats-text/block.js';
import { isBlank } from '../util/characters.js';
import { ANCHOR, anchorOf, contentOf, isRunnerCommand, lineAt, lineEnd } from './stats-text/lines.js';
import { missingOf, toStats } from './stats-text/model.js';

export { languageOfAdvancedKey, UNSPLIT_LANGUAGE } from './stats-text/languages.js';
export { MAX_LINE_CHARS } from './stats-text/lines.js';

/** The longest input read (UTF-16 code units): far above any stats output with its log around it. */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;
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
