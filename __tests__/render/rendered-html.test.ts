import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { beforeFirstDetails, leakedSyntax, renderAsGitHub, summaryProblems } from './rendered-html.js';

const problemsOf = (markdown: string) => summaryProblems(renderAsGitHub(markdown));

function assertCaught(markdown: string, expected: RegExp): void {
  const problems = problemsOf(markdown);
  assert.ok(
    problems.some((p) => expected.test(p)),
    `${JSON.stringify(markdown)} should be flagged ${expected}; got ${JSON.stringify(problems)}`,
  );
}

const CLEAN = [
  '## sccache-guard: 2 findings',
  '',
  'The cache missed 41 of 41 crates because RUSTC_WRAPPER was unset.',
  '',
  '- Set `RUSTC_WRAPPER=sccache` in the job environment.',
  '- Key the cache on <sub>Cargo.lock</sub> as well as the toolchain.',
  '',
  '<details><summary>X</summary>',
  '',
  '| A | B |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  '</details>',
  '',
].join('\n');

test('a clean summary with a folded table has no problems', () => {
  assert.deepEqual(problemsOf(CLEAN), []);
});

test('beforeFirstDetails gives the headline and the blocks above the first <details>', () => {
  assert.deepEqual(beforeFirstDetails(renderAsGitHub(CLEAN)), {
    headline: 'sccache-guard: 2 findings',
    blocksBefore: [
      'sccache-guard: 2 findings',
      'The cache missed 41 of 41 crates because RUSTC_WRAPPER was unset.',
      'Set RUSTC_WRAPPER=sccache in the job environment.',
      'Key the cache on Cargo.lock as well as the toolchain.',
    ],
  });
  assert.deepEqual(beforeFirstDetails('<p>no headline</p>'), {
    headline: undefined,
    blocksBefore: ['no headline'],
  });
});

test('a table needs a header row with text in every column heading', () => {
  assertCaught('|  |  |\n| --- | --- |\n| a | b |\n', /Table 1 has an empty column heading/);
  assertCaught('| A |  |\n| --- | --- |\n| a | b |\n', /Table 1 has an empty column heading/);
  assert.match(summaryProblems('<table><tr><td>a</td></tr></table>').join('\n'), /Table 1 has no header row/);
});

test('raw Markdown or HTML syntax showing as text is caught', () => {
  const cases: [string, RegExp][] = [
    ['Run **bold without an end', /"\*\*" shows as literal text in <p> "Run \*\*bold/],
    ['The __dunder name', /"__" shows/],
    ['An `unclosed code span', /backtick shows/],
    [
      '| a | b |\n\nnot a table without its separator',
      /Markdown table row shows as literal text in <p> "\| a \| b \|"/,
    ],
    ['Text\n|---|---|', /Markdown table separator shows/],
    ['<div>\n#### Not a heading\n</div>', /Markdown heading marker shows as literal text in <div>/],
    ['&lt;details&gt;Folded&lt;/details&gt;', /an HTML tag shows as literal text/],
    ['<script>alert(1)</script>', /an HTML tag shows as literal text/],
    ['Tom &amp;amp; Jerry', /an HTML entity \(double escaping\) shows/],
    ['See \\[the docs](https://example.com/docs)', /Markdown link syntax shows/],
    ['| A | B |\n| --- | --- |\n| **x | `y |', /"\*\*" shows as literal text in <td> "\*\*x"/],
  ];
  for (const [markdown, expected] of cases) assertCaught(markdown, expected);
});

test('syntax inside code is not a leak', () => {
  assert.deepEqual(problemsOf('Run `a | b | c` and `**glob**`.\n\n```\n| x | y |\n#### z\n```\n'), []);
});

test('nothing is said twice', () => {
  const twice = 'This paragraph is said twice, sadly.';
  assertCaught(`${twice}\n\n${twice}\n`, /<p> "This paragraph is said twice, sadly\." repeats <p>/);
  assertCaught(`## ${twice}\n\n- ${twice}\n`, /<li> "This paragraph.*" repeats <h2>/);
  const table = '| Crate | Why it missed |\n| --- | --- |\n| serde | the compiler flags changed |\n';
  assertCaught(`${table}\n${table}`, /<tr> "serde the compiler flags changed" repeats <tr>/);
  // Short texts may repeat, and a loose list item is not a repeat of its own paragraph.
  assert.deepEqual(problemsOf('Short and repeated.\n\nShort and repeated.\n'), []);
  assert.deepEqual(problemsOf(`- ${twice.slice(0, 20)} one\n\n- ${twice.slice(0, 20)} two\n`), []);
});

test('elements and attributes GitHub strips are caught in HTML from elsewhere', () => {
  const problems = summaryProblems(
    '<p>a</p><iframe src="https://x"></iframe><p onclick="x()">b</p><a href="javascript:alert(1)">c</a>' +
      '<input type="text"><style>p {}</style>',
  ).join('\n');
  assert.match(problems, /strip <iframe> "": <iframe> is not on GitHub's allowlist/);
  assert.match(problems, /strip <p> "b": attribute onclick is not on GitHub's allowlist/);
  assert.match(problems, /strip <a> "c": href="javascript:alert\(1\)" uses a URL scheme GitHub drops/);
  assert.match(problems, /strip <input> "": only checkbox inputs are kept/);
  assert.match(problems, /strip <style> "p \{\}": <style> is removed with its content/);
});

test('sanitization keeps what GitHub keeps and strips the rest', () => {
  const html = renderAsGitHub(
    [
      '<details open><summary>More</summary>',
      '',
      'H<sub>2</sub>O <font color="red">kept text</font> <span onclick="x()" title="t">s</span>',
      '<a href="javascript:alert(1)">bad</a> <a href="https://example.com">good</a> <!-- note -->',
      '<input type="checkbox" checked disabled> <input type="text" value="v">',
      '',
      '<style>p { color: red }</style>',
      '',
      '<iframe src="https://example.com"></iframe>',
      '',
      '</details>',
    ].join('\n'),
  );
  assert.match(html, /<details open(="")?><summary>More<\/summary>/);
  assert.match(html, /H<sub>2<\/sub>O kept text <span title="t">s<\/span>/);
  assert.match(html, /<a>bad<\/a> <a href="https:\/\/example.com">good<\/a>/);
  assert.match(html, /<input type="checkbox" checked(="")? disabled(="")?>/);
  assert.doesNotMatch(html, /<style|<iframe|<font|<!--|type="text"/);
  assert.deepEqual(
    summaryProblems(html).filter((p) => p.includes('sanitizer')),
    [],
  );
});

test('renderAsGitHub names cmark-gfm when it cannot run', () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    assert.throws(() => renderAsGitHub('x'), /cmark-gfm could not run/);
  } finally {
    process.env.PATH = path;
  }
});

// Backslash-escapes every ASCII punctuation character (a superset of \ ` * _ [ ] < > | # &: CommonMark
// allows escaping any of them, and ~ ! - + . ) would otherwise start strikethrough, lists or images),
// and writes line breaks as <br>.
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '<br>');
}

// The text a reader sees in the one paragraph of `html`, with <br> as a newline.
function paragraphText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.body.children];
  assert.deepEqual(
    blocks.map((b) => b.localName),
    ['p'],
    html,
  );
  for (const br of [...blocks[0].querySelectorAll('br')]) br.replaceWith('\n');
  return blocks[0].textContent;
}

// Strings rich in Markdown syntax, entities, HTML, line breaks and non-ASCII text. The « » around the
// paragraph keep its leading and trailing spaces, which Markdown would otherwise trim.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r\n', '\t', '  ', '**', '__', '`', '|', '#### ', '&amp;', '&lt;', '<details>'),
    fc.constantFrom(
      '[a](b)',
      '---',
      '~~',
      '1. ',
      '- ',
      '> ',
      'www.example.com',
      'a@b.co',
      'é',
      '😀',
      '\u00a0',
    ),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

test('an escaped paragraph renders to exactly its text, and only real leaks are reported', () => {
  fc.assert(
    fc.property(tricky, (raw) => {
      const text = `«${raw.replace(/\r\n?/g, '\n')}»`;
      const html = renderAsGitHub(`«${escapeMarkdown(raw)}»\n`);
      assert.equal(paragraphText(html), text);
      const reported = summaryProblems(html).map((p) => p.replace(/ shows as literal text in <p> .*$/s, ''));
      assert.deepEqual(reported, leakedSyntax(text));
    }),
    { seed: 20261126, numRuns: 200 },
  );
});
