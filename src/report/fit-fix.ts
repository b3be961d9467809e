// A fix that sets inputs on our step, written into the user's own step: the lines they already
// have, with each input's line replaced or added, at the indentation their file uses, so that the
// advice can be pasted over those lines as it stands. Pure: lines in, text out.
//
// The step is edited as lines, not re-serialized through a YAML library, because that would
// rewrite the user's quoting, comments and spacing. Only the block layout GitHub workflows use is
// edited; anything else (flow style, aliases, merge keys, a `?` key) is refused rather than
// guessed at, and every result is parsed back to check it means exactly the intended change.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import type { SourceLine } from '../github/workflow.js';

/**
 * The step as it would stand in the file with the inputs set. `text` replaces the file's lines
 * `firstLine` through `lastLine` (1-based, inclusive): those are always the step's own first and
 * last source lines, so added lines need no line numbers of their own.
 */
export interface FittedStep {
  /** The step's lines, each with its original indentation, joined by "\n". */
  readonly text: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** A block mapping key: plain (as workflow and input names are), or quoted; then `:` and a value. */
const KEY = /^(?:([A-Za-z0-9_][A-Za-z0-9_.-]*)|"([^"\\]*)"|'([^']*)')[ ]*:(?: +(.*))?$/;
/** What the `- ` line may hold when the step's keys start on the next line. */
const NO_KEY_ON_DASH_LINE = /^(?:[&!][^ ]* *)*(?:#.*)?$/;

interface Line {
  /** Columns before the content (for the `- ` line with a key: the key's column). */
  readonly indent: number;
  /** The text after the indentation ('' for a blank line). */
  readonly content: string;
}

interface Key {
  readonly name: string;
  /** The key as written, quotes and all. */
  readonly written: string;
  /** What follows the `:` on the key's line, comment included ('' for nothing). */
  readonly value: string;
  readonly at: number;
}

const isBlank = (line: Line) => line.content === '';
const isComment = (line: Line) => line.content.startsWith('#');
/** `- item` at a key's own column: YAML lets a key's sequence value stand there. */
const isSeqEntry = (line: Line) => /^-( |$)/.test(line.content);

function keyOf(line: Line, at: number): Key | undefined {
  const match = KEY.exec(line.content);
  if (!match) return undefined;
  const name = match[1] ?? match[2] ?? match[3] ?? '';
  const written = line.content.slice(0, line.content.indexOf(':', name.length)).trimEnd();
  return { name, written, value: match[4] ?? '', at };
}

/** The keys at exactly `indent` among lines [from, to); undefined when a line there is not a key. */
function keysAt(lines: readonly Line[], from: number, to: number, indent: number): Key[] | undefined {
  const keys: Key[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (isBlank(line) || isComment(line) || line.indent > indent) continue;
    if (line.indent === indent && isSeqEntry(line) && keys.length > 0) continue;
    // Less indented than the map yet inside it, or not a key: not the layout this edits.
    const key = line.indent === indent ? keyOf(line, i) : undefined;
    if (!key) return undefined;
    keys.push(key);
  }
  return keys;
}

/** The last line of [from, to) that is deeper than `indent` and not blank; `fallback` if none. */
function lastDeeper(lines: readonly Line[], from: number, to: number, indent: number, fallback: number) {
  let last = fallback;
  for (let i = from; i < to; i++) if (!isBlank(lines[i]!) && lines[i]!.indent > indent) last = i;
  return last;
}

/** Parses one step's text as YAML: its mapping, or undefined when it is not one plain mapping. */
function stepValue(texts: readonly string[], dashColumn: number): Record<string, unknown> | undefined {
  // Parsed on its own, the step is a one-item sequence at column 0.
  const text = texts.map((t) => t.slice(Math.min(dashColumn, t.length - t.trimStart().length))).join('\n');
  try {
    const doc = parseDocument(text, { uniqueKeys: true, merge: false });
    if (doc.errors.length) return undefined;
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (!Array.isArray(value) || value.length !== 1) return undefined;
    const step: unknown = value[0];
    return step && typeof step === 'object' && !Array.isArray(step)
      ? (step as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What `name: value` means to YAML: the value text may carry a `# comment`. */
function meaning(value: string): unknown {
  const doc = parseDocument(`x: ${value}`);
  // A value that does not parse matches nothing: the fit is refused.
  return doc.errors.length ? Symbol('unparsable') : (doc.toJS() as Record<string, unknown>).x;
}

/**
 * Our step (`source`: its lines as written, WorkflowStep.source) with `inputs` set under `with:`:
 * an input it has gets its line's value replaced (the old value and its comment go, other lines
 * stay); one it lacks is added after the with-block's last line at that block's indentation; a
 * step without `with:` gets one at its keys' column, the inputs two columns deeper, after its last
 * line. Undefined when the step is not in the plain block layout (flow style, an alias or merge
 * key, tabs in an indentation) or when the result would not parse to exactly that change.
 */
export function fitOurStep(
  source: readonly SourceLine[],
  inputs: Readonly<Record<string, string>>,
): FittedStep | undefined {
  const first = source[0];
  const names = Object.keys(inputs);
  if (!first || names.length === 0) return undefined;
  if (names.some((name) => !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))) return undefined;
  if (source.some((s) => /^ *\t/.test(s.text))) return undefined;
  // A `|+` scalar keeps the blank lines after it, which a step's source lines stop before.
  if (source.some((s) => /: *[|>](\d?\+|\+\d)/.test(s.text))) return undefined;
  const dash = /^( *)-( +|$)(.*)$/.exec(first.text);
  if (!dash) return undefined;
  const dashColumn = dash[1]!.length;
  const lines: Line[] = source.map((s) => {
    const content = s.text.trim();
    return { indent: content ? s.text.length - s.text.trimStart().length : 0, content };
  });

  // The keys' column: after the `- `, or that of the first key below a `-` that stands alone.
  const onDash = dash[3]!.trim();
  let keyColumn: number;
  let keysFrom: number;
  if (NO_KEY_ON_DASH_LINE.test(onDash)) {
    const firstKey = lines.findIndex((l, i) => i > 0 && !isBlank(l) && !isComment(l));
    if (firstKey < 0) return undefined;
    keyColumn = lines[firstKey]!.indent;
    keysFrom = 1;
  } else {
    keyColumn = dashColumn + 1 + dash[2]!.length;
    lines[0] = { indent: keyColumn, content: onDash };
    keysFrom = 0;
  }
  if (keyColumn <= dashColumn) return undefined;

  const stepKeys = keysAt(lines, keysFrom, lines.length, keyColumn);
  if (!stepKeys || stepKeys.some((k) => k.name === '<<')) return undefined;
  const withKeys = stepKeys.filter((k) => k.name === 'with');
  if (withKeys.length > 1) return undefined;
  const withKey = withKeys[0];

  const texts = source.map((s) => s.text);
  const set = (indent: number, name: string) => `${' '.repeat(indent)}${name}: ${inputs[name]}`;
  let out: string[];
  if (!withKey) {
    const withIndent = keyColumn + 2;
    out = [...texts, `${' '.repeat(keyColumn)}with:`, ...names.map((name) => set(withIndent, name))];
  } else {
    // `with: {a: b}`, `with: *inputs`: values this cannot edit line by line.
    if (withKey.value !== '' && !withKey.value.startsWith('#')) return undefined;
    const next = stepKeys.find((k) => k.at > withKey.at)?.at ?? lines.length;
    const firstEntry = lines.findIndex((l, i) => i > withKey.at && i < next && !isBlank(l) && !isComment(l));
    const withIndent = firstEntry < 0 ? keyColumn + 2 : lines[firstEntry]!.indent;
    const entries = keysAt(lines, withKey.at + 1, next, withIndent);
    if (!entries || new Set(entries.map((e) => e.name)).size !== entries.length) return undefined;
    const blockEnd = lastDeeper(lines, withKey.at + 1, next, keyColumn, withKey.at);

    // Each line's new text: replaced for a key that is set, dropped for its old value's other lines.
    const edited: (string | undefined)[] = [...texts];
    for (const entry of entries) {
      if (!Object.hasOwn(inputs, entry.name)) continue;
      // Its value's further lines: deeper ones, or a sequence's at its column, up to the next
      // line that is not; blank lines after the value stay.
      let lastOfValue = entry.at;
      for (let i = entry.at + 1; i < next; i++) {
        const line = lines[i]!;
        if (isBlank(line)) continue;
        if (line.indent < withIndent || (line.indent === withIndent && !isSeqEntry(line))) break;
        lastOfValue = i;
      }
      for (let i = entry.at + 1; i <= lastOfValue; i++) edited[i] = undefined;
      edited[entry.at] = `${' '.repeat(withIndent)}${entry.written}: ${inputs[entry.name]}`;
    }
    const have = new Set(entries.map((e) => e.name));
    const added = names.filter((name) => !have.has(name)).map((name) => set(withIndent, name));
    out = [...edited.slice(0, blockEnd + 1), ...added, ...edited.slice(blockEnd + 1)].filter(
      (t): t is string => t !== undefined,
    );
  }

  // The honest check: parsed, the step is the one it was with exactly these inputs set.
  const before = stepValue(texts, dashColumn);
  const after = stepValue(out, dashColumn);
  if (!before || !after) return undefined;
  const wanted = Object.fromEntries(names.map((name) => [name, meaning(inputs[name]!)]));
  const oldWith: unknown = before.with ?? {};
  if (typeof oldWith !== 'object' || oldWith === null || Array.isArray(oldWith)) return undefined;
  if (!isDeepStrictEqual(after, { ...before, with: { ...oldWith, ...wanted } })) return undefined;
  return { text: out.join('\n'), firstLine: first.line, lastLine: source[source.length - 1]!.line };
}
