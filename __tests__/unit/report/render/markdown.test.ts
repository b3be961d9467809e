// Untrusted text into Markdown: never a live link, image, HTML or autolink, never a broken block;
// cut on a character boundary; one pass over the text however hostile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import {
  capMarkdown,
  cell,
  clip,
  code,
  fenced,
  fitItems,
  link,
} from '../../../../src/report/render/markdown.js';
import { renderProblemSummary, renderSummary } from '../../../../src/report/render/summary.js';
import { statsFixture } from '../../../fixtures/index.js';
import { assertNoLiveMarkup, assertWellFormed, bytes, outsideCode } from './markdown-checks.js';

const HOSTILE = [
  '[x](http://evil)',
  '![x](http://evil/img.png)',
  '<img src=x onerror=alert(1)>',
  '<http://evil.example/a>',
  'see http://evil.example and www.evil.example',
  '[ref]: http://evil',
  '[x][ref]',
  'mail me@evil.example',
  '<details><summary>open</summary>',
  '\\[x](http://evil)',
  '`a``b``[x](http://evil)``c`',
  '```\nfence',
  '~~~ fence',
  'line\r\nbreak | pipe',
  '> ~~~ quoted fence',
  '- ```listed fence',
];

test('job-label: links, images, HTML and autolinks in it render as text', () => {
  const { facts, findings } = analyzeStats(statsFixture('v0.10.json'));
  for (const label of [...HOSTILE, HOSTILE.join(' ')]) {
    const md = renderSummary({ facts, findings, label });
    const heading = md.split('\n')[0]!;
    assert.match(heading, /^## sccache · .*: \d+ problems to fix — 378 of 807 lookups missed$/, label);
    assert.doesNotMatch(heading, /\]\(http|<img|<http|<details/, label);
    assertNoLiveMarkup(heading);
    assertWellFormed(md);
    assertNoLiveMarkup(renderProblemSummary('problem', 'hint', label));
  }
  const md = renderSummary({ facts, findings, label: '[x](http://evil) <img src=x>' });
  assert.ok(
    md.split('\n')[0]!.startsWith('## sccache · &#91;x&#93;(http&#58;//evil) &lt;img src=x>: '),
    md.split('\n')[0],
  );
});

test('text from the build (titles, evidence, fixes, names, notes) renders as text', () => {
  const { facts, findings } = analyzeStats(statsFixture('v0.10.json'));
  const hostile = HOSTILE.join(' ');
  const md = renderSummary({
    facts: {
      ...facts,
      crateMisses: HOSTILE.map((name, i) => ({ name, misses: i + 1, hitBefore: false })),
      languages: HOSTILE.map((language) => ({ language, hits: 1, misses: 1, errors: 0, hitRate: 0.5 })),
    },
    findings: [
      ...findings,
      ...HOSTILE.map((t, i) => ({
        id: `hostile-${i}`,
        severity: 'warning' as const,
        title: t,
        evidence: `\`${t}\` ${hostile}`,
        fix: i % 2 ? t : `${t}\nA: 1`,
        actionable: true,
      })),
    ],
    historyNotes: HOSTILE,
    workflowNote: hostile,
  });
  assertWellFormed(md);
  assertNoLiveMarkup(md);
  // The text is still there to read, with GitHub's entities and escapes.
  assert.ok(md.includes('&#91;x&#93;(http&#58;//evil)'));
  assert.ok(md.includes('www&#46;evil.example'));
  assert.ok(md.includes('me\u2060@evil.example'));
});

test('cell escapes each kind of markup, and keeps plain text and code spans as they are', () => {
  assert.equal(cell('build (ubuntu, stable)'), 'build (ubuntu, stable)');
  assert.equal(cell('`crate-type` 240, `-` 29'), '`crate-type` 240, `-` 29');
  assert.equal(cell('a & b'), 'a &amp; b');
  assert.equal(cell('<b>'), '&lt;b>');
  assert.equal(cell('![i](u)'), '!&#91;i&#93;(u)');
  assert.equal(cell('a|b'), 'a\\|b');
  assert.equal(cell('a\r\n\nb'), 'a b');
  assert.equal(cell('HTTPS://x WWW.x'), 'HTTPS&#58;//x WWW&#46;x');
  assert.equal(cell('x@y.z'), 'x\u2060@y.z');
  assert.equal(cell('```yaml'), '&#96;&#96;&#96;yaml');
  assert.equal(cell('   ~~~'), '&#126;~~');
  assert.equal(cell('     code'), 'code', 'no indented code block in a list item');
  assert.equal(cell('a ```x``` b'), 'a ```x``` b', 'only a fence at the start opens a block');
  // Nor a quote, a heading, a list item or a rule, where the text starts a line.
  assert.equal(cell('> ~~~ quoted fence'), '&#62; ~~~ quoted fence');
  assert.equal(cell('# h'), '&#35; h');
  assert.equal(cell('- item'), '&#45; item');
  assert.equal(cell('12) item'), '&#49;2) item');
  assert.equal(cell('***'), '&#42;**');
  assert.equal(cell('--emit asm'), '--emit asm');
  assert.equal(cell('312 of 340 rust compilations'), '312 of 340 rust compilations');
  assert.equal(cell('#123'), '#123');
  // What the text leaves unpaired or unended would pair with, or escape, the markup after it.
  assert.equal(cell('`'), '&#96;');
  assert.equal(cell('a `b` c ` d'), 'a `b` c &#96; d');
  assert.equal(cell('``a`'), '&#96;&#96;a&#96;');
  assert.equal(cell('`a``b`'), '`a``b`');
  assert.equal(cell('\\`a`'), '\\`a&#96;', 'an escaped backtick opens nothing');
  assert.equal(cell('ends in \\'), 'ends in &#92;');
  assert.equal(cell('ends in \\\\'), 'ends in \\\\');
});

test('an unpaired backtick in evidence cannot pull the code span after it out of code', () => {
  const { facts } = analyzeStats(statsFixture('v0.10.json'));
  const md = renderSummary({
    facts,
    findings: [
      {
        id: '[x](http://evil)',
        severity: 'warning',
        title: 't',
        evidence: 'one ` too many',
        fix: 'f',
        actionable: true,
      },
    ],
  });
  assert.ok(md.includes('one &#96; too many <sub>(`[x](http://evil)`)</sub>'));
  assertNoLiveMarkup(md);
});

test('code: a backtick run inside can never close the span early', () => {
  assert.equal(code('plain'), '`plain`');
  assert.equal(code('a`b'), '``a`b``');
  assert.equal(code('a``[x](http://evil)``b'), '```a``[x](http://evil)``b```');
  assert.equal(code('`starts'), '`` `starts ``');
  assert.equal(code(' both ends '), '`  both ends  `');
  assert.equal(code('a|b\nc'), '`a\\|b c`');
  for (const text of HOSTILE) assertNoLiveMarkup(code(text));
  const runs = 'x'.concat(...Array.from({ length: 50 }, (_, i) => '`'.repeat(i + 1) + '[y](http://e)'));
  assertNoLiveMarkup(code(runs));
});

test('link: only http(s) addresses, with nothing that ends the destination early', () => {
  assert.equal(
    link('`f:3`', 'https://github.com/o/r/blob/s/a b(1).yml#L3'),
    '[`f:3`](https://github.com/o/r/blob/s/a%20b%281%29.yml#L3)',
  );
  assert.equal(link('t', 'javascript:alert(1)'), 't');
  assert.equal(link('t', `https://x/${'a'.repeat(5000)}`), 't');
});

test('clip: a character boundary, a visible count, within the budget', () => {
  assert.equal(clip('short', 100), 'short');
  const emoji = '😀'.repeat(100_000);
  for (const max of [60, 61, 62, 63, 100, 1001]) {
    const cut = clip(emoji, max);
    assert.ok(bytes(cut) <= max, `${bytes(cut)} > ${max}`);
    assert.equal(Buffer.from(cut).toString(), cut, 'no half of a surrogate pair');
    const shown = cut.slice(0, cut.indexOf('…'));
    assert.equal(Number(/cut: (\d+) bytes more/.exec(cut)![1]), bytes(emoji) - bytes(shown));
  }
  const mixed = 'é€😀'.repeat(1000);
  const cut = clip(mixed, 500);
  assert.ok(bytes(cut) <= 500);
  assert.match(cut, /^(é€😀)*(é|é€)?… \(cut: \d+ bytes more\)$/u);
});

test('capMarkdown closes the code block and <details> it cuts into, at a line end', () => {
  const md = [
    '# head',
    '<details><summary>x</summary>',
    '',
    '````yaml',
    ...Array.from({ length: 1000 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`),
    '````',
    '',
    '</details>',
    'after',
  ].join('\n');
  for (const limit of [200, 1_000, 5_000]) {
    const cut = capMarkdown(md, limit, (n) => `cut ${n}`);
    assert.ok(bytes(cut) <= limit, `${bytes(cut)} > ${limit}`);
    assertWellFormed(cut);
    assert.match(cut, /\n````\n\n<\/details>\n\ncut \d+\n$/);
  }
  assert.equal(
    capMarkdown(md, bytes(md), () => 'never'),
    md,
  );
  // A single line longer than the limit goes whole: no character is split.
  const oneLine = capMarkdown(`ok\n${'😀'.repeat(1000)}`, 100, () => 'cut');
  assert.equal(oneLine, 'ok\n\ncut\n');
});

test('fitItems: a count cap and a byte cap, rendering only what is shown', () => {
  let rendered = 0;
  const items = Array.from({ length: 1_000_000 }, (_, i) => i);
  const render = (i: number) => {
    rendered++;
    return `item ${i}`;
  };
  const byCount = fitItems(items, render, { maxItems: 20, maxBytes: 1_000_000, separator: '\n' });
  assert.equal(byCount.shown.length, 20);
  assert.equal(byCount.omitted, 999_980);
  assert.ok(rendered <= 20);
  const byBytes = fitItems(items, render, { maxItems: 1000, maxBytes: 400, separator: '\n' });
  assert.ok(byBytes.shown.join('\n').length <= 400);
  assert.equal(byBytes.shown.length + byBytes.omitted, items.length);
  // Room for the "and N more" line is kept after every item but the last.
  const letters = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));
  const limits = { maxItems: 10, maxBytes: 203, separator: '\n' };
  assert.deepEqual(
    fitItems(letters(2), (s) => s, limits),
    { shown: ['a', 'b'], omitted: 0 },
  );
  assert.deepEqual(
    fitItems(letters(3), (s) => s, limits),
    { shown: ['a'], omitted: 2 },
  );
});

test('escaping is one pass: megabytes of hostile text take seconds at most, never minutes', () => {
  const inputs = [
    '['.repeat(2_000_000),
    '`'.repeat(2_000_000),
    '`a'.repeat(1_000_000),
    ' '.repeat(1_000_000) + 'x',
    'www.'.repeat(500_000),
    ':/'.repeat(1_000_000),
    '\r\n'.repeat(1_000_000),
  ];
  for (const input of inputs) {
    const started = performance.now();
    cell(input);
    code(input);
    fenced(input);
    clip(input, 1000);
    // Generous: a quadratic pass over 2 MB would take minutes, not seconds.
    assert.ok(performance.now() - started < 5_000, input.slice(0, 10));
  }
  // A fence longer than a million-backtick run, without spreading a million numbers into Math.max.
  const block = fenced('a`'.repeat(500_000));
  assert.ok(block.startsWith('```\n'));
  assert.equal(outsideCode(block), '');
});
