// Reading one block, line by line: the counter table, its two optional blocks, the info lines after
// `Cache location`, the cache levels, and the lines not understood.
import { redact } from '../../util/redact.js';
import { isBlank, isDigit } from '../../util/characters.js';
import {
  AVERAGE_LABELS,
  COUNT_LABELS,
  hasLabel,
  INFO_LABELS,
  isLevelName,
  LEVEL_FIELDS,
  LEVEL_SUFFIXES,
  PER_KEY,
  RATE_PREFIX,
  type InfoLabel,
} from './labels.js';
import { ANCHOR, isRunnerCommand, type LongLine } from './lines.js';
import { splitRow, toBytes, toCount, toMillis, type Row } from './values.js';

/** Distinct lines kept in notUnderstood; more are counted in one last entry. */
const MAX_NOT_UNDERSTOOD = 100;

export interface MutableLevel {
  name: string;
  location: string | undefined;
  hits: number;
  misses: number;
  writes: number;
  writeFailures: number;
  backfillsFrom: number;
  backfillsTo: number;
}

export interface Block {
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

export function newBlock(line: number, prefix: string, count: number): Block {
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

export function note(block: Block, line: string): void {
  const shown = redact(line);
  if (block.notUnderstood.has(shown)) return;
  if (block.notUnderstood.size < MAX_NOT_UNDERSTOOD) block.notUnderstood.add(shown);
  else block.overflow++;
}

export const noteLong = (block: Block, line: LongLine) =>
  note(block, `${line.head}… (a line of ${line.length} characters, longer than a stats line can be)`);

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
export function tableLine(block: Block, content: string): void {
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
export function infoLine(block: Block, s: string): boolean {
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
export function isPendingInfo(block: Block, s: string): boolean {
  for (const label of INFO_LABELS) if (hasLabel(s, label)) return !block.info.has(label);
  if (!isLevelName(s)) return false;
  const level = locatedLevel(block, s);
  return level !== undefined && level.location === undefined;
}

/**
 * An info line of a later release: a label without double blanks, padded with at least two blanks
 * to the column where `Cache location`'s value starts, then a value.
 */
export function looksLikeInfoRow(content: string, column: number | undefined): boolean {
  if (column === undefined || column < 3 || content.length <= column) return false;
  if (isBlank(content.charCodeAt(0)) || isBlank(content.charCodeAt(column))) return false;
  let i = 1;
  while (i < column && !(isBlank(content.charCodeAt(i)) && isBlank(content.charCodeAt(i - 1)))) i++;
  if (i >= column) return false;
  while (i < column && content.charCodeAt(i) === 32) i++;
  return i === column;
}
