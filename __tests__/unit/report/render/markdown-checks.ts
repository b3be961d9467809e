// Checks on rendered Markdown shared by the render tests: whole UTF-8, closed blocks, and no live
// link, image, HTML or autolink made of text that came from outside.
import assert from 'node:assert/strict';

export const bytes = (text: string): number => Buffer.byteLength(text);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The opening fence of a line that opens a fenced block (CommonMark: no backtick in a backtick info string). */
function openingFence(line: string): string | undefined {
  const match = FENCE.exec(line);
  if (!match) return undefined;
  const fence = match[1]!;
  return fence.startsWith('`') && line.slice(match[0].length).includes('`') ? undefined : fence;
}

const closes = (line: string, fence: string): boolean => {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!match && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
};

/** The lines outside fenced blocks, which is where <details> and tables live. */
function linesOutsideFences(md: string): { lines: string[]; openFence: string | undefined } {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    if (fence) {
      if (closes(line, fence)) fence = undefined;
      continue;
    }
    fence = openingFence(line);
    if (!fence) lines.push(line);
  }
  return { lines, openFence: fence };
}

/** Valid UTF-8 once written, every fenced block closed, every <details> closed. */
export function assertWellFormed(md: string): void {
  assert.equal(Buffer.from(md, 'utf8').toString('utf8'), md, 'a character was split');
  const { lines, openFence } = linesOutsideFences(md);
  assert.equal(openFence, undefined, 'a fenced block is left open');
  let depth = 0;
  // As in CommonMark, a tag opens or closes an HTML block only at the start of a line.
  for (const line of lines) {
    if (line.startsWith('<details>')) depth++;
    if (line.startsWith('</details>')) depth--;
    assert.ok(depth >= 0, 'a </details> without its <details>');
  }
  assert.equal(depth, 0, 'a <details> is left open');
}

/** Drops code spans the way CommonMark pairs backtick runs, minding backslash escapes outside them. */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i++;
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    const close = findRun(line, i + run, run);
    if (close === -1) out += '`'.repeat(run);
    i = close === -1 ? i + run : close + run;
  }
  return out;
}

function findRun(line: string, from: number, length: number): number {
  for (let i = from; i < line.length;) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** The text GitHub would parse as Markdown inlines: no fenced block, no code span. */
export const outsideCode = (md: string): string =>
  linesOutsideFences(md).lines.map(withoutCodeSpans).join('\n');

/** No link, image, raw HTML (other than our own details/summary/sub) or autolink outside code. */
export function assertNoLiveMarkup(md: string): void {
  // Our own Markdown never starts a line with a quote, nor a list item with a quote or a fence.
  for (const line of linesOutsideFences(md).lines) {
    assert.doesNotMatch(line, /^ {0,3}>/, 'a block quote');
    assert.doesNotMatch(
      line,
      /^ {0,3}(?:[-+*]|\d+[.)])[ \t]+(?:>|`{3}|~{3})/,
      'a quote or a fence in a list item',
    );
  }
  const text = outsideCode(md);
  assert.doesNotMatch(text, /\]\(/, 'an inline link or image');
  assert.doesNotMatch(text, /\]\[|^ {0,3}\[[^\]]*\]:/m, 'a reference link or definition');
  assert.doesNotMatch(text, /<(?!\/?(?:details|summary|sub)>)[A-Za-z/!?]/, 'raw HTML or an autolink');
  assert.doesNotMatch(text, /[A-Za-z]:\/\//, 'a bare URL GitHub would link');
  assert.doesNotMatch(text, /(^|[^\w])www\./i, 'a www. address GitHub would link');
  assert.doesNotMatch(text, /[\w.+-]@[\w-]/, 'an e-mail address GitHub would link');
}
