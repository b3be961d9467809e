// Helpers to put untrusted text (the job label, reason strings, crate names, paths, env values from
// the build) into Markdown as text, and to keep what is rendered within a byte budget. Every helper
// is one pass over its input: a hostile string of many megabytes costs time in proportion to it.

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The visible end of a cut text; the count lets the reader judge what is missing. */
const cutMarker = (bytesMore: number): string => `… (cut: ${bytesMore} bytes more)`;
/** Room kept for the marker: "… (cut: " and " bytes more)" with up to 16 digits. */
const CUT_MARKER_BYTES = byteLength(cutMarker(10 ** 15));

/**
 * How many UTF-16 units of `text`, from the start, take at most `maxBytes` in UTF-8, never
 * parting a surrogate pair (a lone surrogate is written as the 3-byte replacement character).
 */
function utf8Prefix(text: string, maxBytes: number): { readonly units: number; readonly bytes: number } {
  let units = 0;
  let bytes = 0;
  while (units < text.length) {
    const code = text.charCodeAt(units);
    const pair =
      code >= 0xd800 &&
      code <= 0xdbff &&
      units + 1 < text.length &&
      isLowSurrogate(text.charCodeAt(units + 1));
    const size = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    units += pair ? 2 : 1;
  }
  return { units, bytes };
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Raw text cut to at most `maxBytes` of UTF-8 on a character boundary, ending in a visible
 * "… (cut: N bytes more)". Cut before escaping, so that a cut never parts an entity or an escape.
 */
export function clip(text: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most texts are known to fit without counting.
  if (text.length * 3 <= maxBytes) return text;
  const total = byteLength(text);
  if (total <= maxBytes) return text;
  const kept = utf8Prefix(text, Math.max(0, maxBytes - CUT_MARKER_BYTES));
  return text.slice(0, kept.units) + cutMarker(total - kept.bytes);
}

/**
 * What would turn text into markup, each with the entity or escape that shows it as it is:
 * - `[` `]`: links, images (`![`), reference definitions. Entities, not backslashes: a backslash
 *   from the text itself could escape ours, and an entity is never markup wherever it lands.
 * - `<`: raw HTML and `<http://…>` autolinks. `&`: so that the text's own entities show as typed.
 * - `|`: a table column; GitHub honours `\|` even inside a code span in a table.
 * - `://`, `www.`: GitHub links bare addresses; it looks for these characters in the source,
 *   so an entity for one of them keeps the address as text.
 * - `@`: GitHub links e-mail addresses (and mentions) after decoding entities, so only an
 *   invisible word joiner (U+2060) before it keeps `a@b.io` from becoming a `mailto:` link.
 * - line breaks: a cell or a heading is one line; a break would end the table or the heading.
 */
const INLINE_MARKUP = /[\r\n]+|[&<[\]|@]|:\/\/|www\./gi;

const ESCAPED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '\\|',
  '@': '\u2060@',
  '://': '&#58;//',
};

function escapeMarkup(match: string): string {
  if (match[0] === '\r' || match[0] === '\n') return ' ';
  // "www." in any case: the entity for its dot.
  if (match.length === 4) return `${match.slice(0, 3)}&#46;`;
  return ESCAPED[match] ?? match;
}

/**
 * What opens a block when it starts a line: a quote, a heading, a list item, a code fence, a rule.
 * Text from the build starts a line in a paragraph or a list item, and a code fence there would
 * swallow the rest of the summary.
 */
const BLOCK_START =
  /^(?:>|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|([-*_=])(?:[ \t]*\1){2,}[ \t]*$)/;

/** The first character of a block opener (the text has no leading blank) as an entity: it opens nothing. */
function escapeBlockStart(text: string): string {
  return BLOCK_START.test(text) ? `&#${text.charCodeAt(0)};${text.slice(1)}` : text;
}

/**
 * Untrusted text as Markdown text, for a table cell, a heading or a line: it cannot become a link,
 * an image, HTML, an autolink, a new column, a new line, or a block (code, quote, list, heading).
 * Backticks are kept, so that evidence written as "`name` 3" keeps its code spans; what they enclose
 * is escaped too (so `<` shows as "&lt;" there: safe, if not pretty). A backtick the text leaves
 * unpaired, or a backslash it ends with, is escaped: either would pair with (or escape) a backtick
 * of the code span next to it and turn that span's text into live Markdown.
 */
export function cell(text: string): string {
  // Leading blanks show as nothing, and four of them at the start of a list item open a code block.
  const escaped = escapeBlockStart(text.replace(INLINE_MARKUP, escapeMarkup).replace(/^[ \t]+/, ''));
  return escapeTrailingBackslash(escapeUnpairedBackticks(escaped));
}

/** An odd number of backslashes at the end would escape whatever our markup puts after the text. */
function escapeTrailingBackslash(text: string): string {
  let count = 0;
  while (count < text.length && text[text.length - 1 - count] === '\\') count++;
  return count % 2 === 1 ? `${text.slice(0, -1)}&#92;` : text;
}

/** CommonMark: a backslash before ASCII punctuation makes it a literal character. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The start of every maximal run of backticks, by its length. */
function backtickRunsByLength(text: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let i = text.indexOf('`'); i !== -1;) {
    let end = i;
    while (text[end] === '`') end++;
    const starts = runs.get(end - i) ?? [];
    starts.push(i);
    runs.set(end - i, starts);
    i = text.indexOf('`', end);
  }
  return runs;
}

/**
 * The text with each backtick run that CommonMark would leave unpaired written as entities. Pairs
 * are found as CommonMark finds them, left to right: a run opens a code span closed by the next run
 * of the same length; escapes count outside spans only. The next closer of each length is found by
 * a cursor that only moves forward, so the pass stays linear however many runs there are.
 */
function escapeUnpairedBackticks(text: string): string {
  if (!text.includes('`')) return text;
  const closers = backtickRunsByLength(text);
  const cursor = new Map<number, number>();
  const closerAfter = (length: number, from: number): number | undefined => {
    const starts = closers.get(length) ?? [];
    let next = cursor.get(length) ?? 0;
    while (next < starts.length && starts[next]! < from) next++;
    cursor.set(length, next);
    return starts[next];
  };
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length;) {
    const char = text[i]!;
    if (char === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (char !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (text[end] === '`') end++;
    const close = closerAfter(end - i, end);
    if (close !== undefined) {
      i = close + (end - i);
      continue;
    }
    out += `${text.slice(copied, i)}${'&#96;'.repeat(end - i)}`;
    copied = end;
    i = end;
  }
  return out + text.slice(copied);
}

/** The longest run of `char` in `text`, counted in one pass. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text[i] === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Inline code for any text: the fence is one backtick longer than the longest run inside, so no
 * run inside can close it early and leave the rest of the text outside, as live Markdown.
 */
export function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(clean, '`') + 1);
  // CommonMark strips one space from each end when both are there: padding both sides lets a text
  // that starts or ends with a backtick (or with spaces at both ends) show exactly as it is.
  const spacedBothEnds = clean.startsWith(' ') && clean.endsWith(' ') && /[^ ]/.test(clean);
  const pad = clean.startsWith('`') || clean.endsWith('`') || spacedBothEnds ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** One table row; each cell must already be Markdown without a line break (see cell and code). */
export const tableRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** A table of rows already rendered with tableRow. */
export const tableOfRows = (header: readonly string[], rows: readonly string[]): string =>
  [tableRow(header), tableRow(header.map(() => '---')), ...rows].join('\n');

export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  tableOfRows(header, rows.map(tableRow));

/** A fenced block whose fence is longer than any backtick run inside. */
export function fenced(text: string, lang = ''): string {
  const fence = '`'.repeat(Math.max(2, longestRun(text, '`')) + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Longer addresses are not links worth showing; the text is shown without the link. */
const MAX_LINK_BYTES = 2000;

/**
 * `[text](url)` for an http(s) address we built; the address is percent-encoded where Markdown
 * would read it as the end of the destination or an escape. `text` must already be Markdown.
 */
export function link(text: string, url: string): string {
  if (!/^https?:\/\//i.test(url) || byteLength(url) > MAX_LINK_BYTES) return text;
  const destination = url.replace(/[\s()<>\\[\]`]/g, (c) =>
    c.charCodeAt(0) < 0x80
      ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : encodeURIComponent(c),
  );
  return `[${text}](${destination})`;
}

export interface Fitted {
  /** The rendered items that fit, in order. */
  readonly shown: readonly string[];
  /** How many were left out, by the count cap or the byte budget: the "and N more". */
  readonly omitted: number;
}

/** Room kept after the items for the "…and N more …" line that follows them. */
const MORE_LINE_BYTES = 200;

/**
 * The first items, rendered one at a time, while they number at most `maxItems` and, each followed
 * by `separator`, take at most `maxBytes`: a list that grows with the input costs only what is shown.
 */
export function fitItems<T>(
  items: readonly T[],
  render: (item: T) => string,
  limits: { readonly maxItems: number; readonly maxBytes: number; readonly separator: string },
): Fitted {
  const shown: string[] = [];
  const separatorBytes = byteLength(limits.separator);
  let used = 0;
  for (const item of items.slice(0, limits.maxItems)) {
    const text = render(item);
    const isLast = shown.length === items.length - 1;
    const room = limits.maxBytes - (isLast ? 0 : MORE_LINE_BYTES);
    const size = byteLength(text) + separatorBytes;
    if (used + size > room) break;
    used += size;
    shown.push(text);
  }
  return { shown, omitted: items.length - shown.length };
}

/** CommonMark's fences: up to 3 spaces, then 3 or more backticks or tildes. */
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

interface OpenBlocks {
  /** The fence of the fenced block the line is in, if any. */
  readonly fence: string | undefined;
  /** How many <details> are open (only ever our own markup, one tag at the start of a line). */
  readonly details: number;
}

function afterLine(open: OpenBlocks, line: string): OpenBlocks {
  if (open.fence !== undefined) {
    const close = CLOSING_FENCE.exec(line)?.[1];
    const closes = close !== undefined && close[0] === open.fence[0] && close.length >= open.fence.length;
    return closes ? { ...open, fence: undefined } : open;
  }
  const fence = OPENING_FENCE.exec(line)?.[1];
  if (
    fence !== undefined &&
    !(fence[0] === '`' && line.slice(line.indexOf(fence) + fence.length).includes('`'))
  )
    return { ...open, fence };
  // Only a tag at the start of a line opens or closes an HTML block; untrusted text never starts a
  // line with "<" (cell escapes it, code starts with a backtick), so these are our own.
  if (line.startsWith('<details>')) return { ...open, details: open.details + 1 };
  if (line.startsWith('</details>')) return { ...open, details: Math.max(0, open.details - 1) };
  return open;
}

/** What closes the blocks left open: the fence first, then each <details>. */
const closers = (open: OpenBlocks): string =>
  (open.fence !== undefined ? `\n${open.fence}` : '') + '\n\n</details>'.repeat(open.details);

/**
 * Markdown cut to at most `limit` bytes at the end of a line, with the fenced block and the
 * <details> the cut left open closed, and a note after it: a cut never parts a character, and never
 * leaves a block open to swallow what follows. A table ends at the blank line before the note.
 */
export function capMarkdown(markdown: string, limit: number, note: (bytesMore: number) => string): string {
  const total = byteLength(markdown);
  if (total <= limit) return markdown;
  // The note for the largest possible count: the real one is never longer.
  const tailBytes = byteLength(`\n\n${note(total)}\n`);
  let open: OpenBlocks = { fence: undefined, details: 0 };
  let keep = { end: 0, bytes: 0, closers: '' };
  let bytes = 0;
  for (let start = 0; start < markdown.length;) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(start, end);
    bytes += byteLength(line);
    if (bytes > limit) break;
    open = afterLine(open, line);
    const close = closers(open);
    if (bytes + byteLength(close) + tailBytes <= limit) keep = { end, bytes, closers: close };
    bytes += 1;
    start = end + 1;
  }
  return `${markdown.slice(0, keep.end)}${keep.closers}\n\n${note(total - keep.bytes)}\n`;
}
