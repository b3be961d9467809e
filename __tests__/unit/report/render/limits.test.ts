// The job summary within GitHub's 1 MiB: every list capped with "and N more", every section within
// its byte budget, and one oversize item cut with a visible marker, never the whole summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import {
  renderProblemSummary,
  renderSummary,
  renderWorkflowSummary,
  SECTION_BUDGETS,
  SUMMARY_LIMIT_BYTES,
} from '../../../../src/report/render/summary.js';
import { statsDocument } from '../../../fixtures/index.js';
import { setupRecord } from '../rules/helpers.js';
import { assertWellFormed, bytes } from './markdown-checks.js';

const NAME = 'newest-multilevel.json';
const VERSION: string = statsDocument(NAME).version;

/** The analysis of the multi-level fixture, edited, with the record setup leaves. */
function analyzed(edit: (doc: Record<string, any>) => void = () => {}) {
  const doc = statsDocument(NAME);
  edit(doc);
  return analyzeStats(JSON.stringify(doc), { setup: setupRecord({ version: VERSION }) });
}

/** What must survive whatever the input: the headline, the findings, Setup and the counters. */
function assertEssentials(md: string) {
  assert.ok(bytes(md) <= SUMMARY_LIMIT_BYTES, `summary of ${bytes(md)} bytes`);
  assert.match(md, /^## sccache(?: · [^\n]*)?: /);
  assert.match(md, /^(\*\*Nothing to fix\.\*\* )?\d+ compile requests?/m);
  assert.match(md, /\n### To fix\n|\*\*Nothing to fix\.\*\*/);
  assert.match(md, /<details><summary>Setup<\/summary>\n\n\| Setup \| Value \|\n/);
  assert.match(
    md,
    /<details><summary>All counters<\/summary>\n\n\| Counter \| Value \|[\s\S]*\n\n<\/details>\n$/,
  );
  assert.doesNotMatch(md, /summary cut here/);
  assertWellFormed(md);
}

const finding = (id: string, fields: Partial<Finding> = {}): Finding => ({
  id,
  severity: 'warning',
  title: `title of ${id}`,
  evidence: `evidence of ${id}`,
  fix: `fix of ${id}`,
  actionable: true,
  ...fields,
});

test('10,000 cache levels: the level table is capped and Setup and the counters survive', () => {
  const { facts, findings } = analyzed((doc) => {
    const level = doc.stats.multi_level[0];
    doc.stats.multi_level = Array.from({ length: 10_000 }, (_, i) => ({
      ...level,
      name: `L${i} (disk)`,
      location: `Local disk: "/home/runner/.cache/sccache/${i}/${'x'.repeat(100)}"`,
    }));
  });
  assert.equal(facts.levels.length, 10_000);
  const md = renderSummary({ facts, findings, label: 'build' });
  assertEssentials(md);
  const shown = md.match(/^\| L\d+ \(disk\) \|/gm)?.length ?? 0;
  assert.ok(shown > 0 && shown <= 20, `${shown} level rows`);
  assert.ok(md.includes(`…and ${10_000 - shown} more levels.`));
  assert.ok(bytes(md) < 100_000, 'capped lists keep the summary small');
});

test('one 1.5 MB evidence line is cut with a marker; the rest of the summary stays', () => {
  const { facts, findings } = analyzed();
  const huge = finding('huge-evidence', { evidence: `start ${'e'.repeat(1_500_000)} end` });
  const md = renderSummary({ facts, findings: [huge, ...findings, finding('after')] });
  assertEssentials(md);
  assert.match(md, /start e{100}/);
  assert.doesNotMatch(md, /e end/);
  const cut = /… \(cut: (\d+) bytes more\)/.exec(md);
  assert.ok(cut, 'the cut is visible');
  assert.ok(Number(cut[1]) > 1_400_000);
  // The findings after the oversize one are still there.
  assert.match(md, /#### ⚠️ title of after/);
  // Every finding is there, but expected-non-cacheable: the Non-cacheable section says it.
  for (const f of findings.filter((f) => f.id !== 'expected-non-cacheable'))
    assert.ok(md.includes(f.id), f.id);
});

test('a 12 MB cache_location is cut in its cell, not the summary', () => {
  const { facts, findings } = analyzed((doc) => {
    doc.cache_location = `weird backend ${'L'.repeat(12_000_000)}`;
  });
  const md = renderSummary({ facts, findings });
  assertEssentials(md);
  assert.match(md, /\| cache_location \| `weird backend L+… \(cut: \d+ bytes more\)` \|/);
  assert.ok(bytes(md) < 100_000);
});

test('oversize fix, title, label, crate names and history notes: each cut, all sections kept', () => {
  const base = analyzed();
  const facts: Facts = {
    ...base.facts,
    crateMisses: Array.from({ length: 5_000 }, (_, i) => ({
      name: `crate-${i}-${'n'.repeat(i === 0 ? 2_000_000 : 10)}`,
      misses: 5_000 - i,
      hitBefore: i % 2 === 0,
    })),
  };
  const findings = [
    finding('big-fix', { fix: `- run: |\n${'    echo x\n'.repeat(300_000)}` }),
    finding('big-title', { title: 'T'.repeat(2_000_000) }),
    ...Array.from({ length: 500 }, (_, i) => finding(`many-${i}`)),
  ];
  const md = renderSummary({
    facts,
    findings,
    label: 'λ'.repeat(1_000_000),
    historyNotes: Array.from(
      { length: 1_000 },
      (_, i) => `note ${i} ${'h'.repeat(i === 3 ? 3_000_000 : 20)}`,
    ),
    workflowNote: 'w'.repeat(5_000_000),
  });
  assertEssentials(md);
  const heading = md.split('\n')[0]!;
  assert.ok(bytes(heading) < 1_000, `heading of ${bytes(heading)} bytes`);
  assert.match(heading, /λ… \(cut: \d+ bytes more\): /);
  assert.match(md, /…and \d+ more findings\./);
  assert.match(md, /…and \d+ more notes\./);
  assert.match(md, /<details><summary>Misses by crate \(5000\)<\/summary>/);
  assert.match(md, /…and \d+ more crates\.\n\n<\/details>/);
  assert.match(md, /\| Workflow \| w+… \(cut: \d+ bytes more\) \|/);
  assert.match(md, /<details><summary>History<\/summary>/);
});

test('the language and non-cacheable tables end in "and N more"', () => {
  const base = analyzed();
  const facts: Facts = {
    ...base.facts,
    languages: Array.from({ length: 300 }, (_, i) => ({
      language: `Lang${i}`,
      hits: i,
      misses: 1,
      errors: 0,
      hitRate: i / (i + 1),
    })),
  };
  const md = renderSummary({ facts, findings: base.findings });
  assertEssentials(md);
  const rows = md.match(/^\| Lang\d+ \|/gm)?.length ?? 0;
  assert.ok(rows > 0 && rows <= 50);
  assert.ok(md.includes(`…and ${300 - rows} more languages.`));
});

test('the section budgets add up to less than the summary limit', () => {
  const total = Object.values(SECTION_BUDGETS).reduce((a, b) => a + b, 0);
  // Each section is joined to the next by a blank line.
  assert.ok(total + 2 * Object.keys(SECTION_BUDGETS).length < SUMMARY_LIMIT_BYTES, String(total));
});

test('the problem summary and the workflow summary stay within the limit too', () => {
  const problem = renderProblemSummary('p'.repeat(3_000_000), 'h'.repeat(3_000_000), '[x](http://evil)');
  assert.ok(bytes(problem) < 50_000);
  assert.match(problem, /^## sccache · &#91;x&#93;\(http&#58;\/\/evil\): no report\n/);
  assert.equal(problem.match(/… \(cut: \d+ bytes more\)/g)?.length, 2);

  const workflow = renderWorkflowSummary({
    file: `.github/workflows/${'f'.repeat(2_000_000)}.yml`,
    jobs: Array.from({ length: 10_000 }, (_, i) => `job-${i}`),
    findings: Array.from({ length: 2_000 }, (_, i) => finding(`w-${i}`, { evidence: 'e'.repeat(3_000) })),
    notes: Array.from({ length: 10_000 }, (_, i) => `note ${i}`),
  });
  assert.ok(bytes(workflow) <= SUMMARY_LIMIT_BYTES);
  assertWellFormed(workflow);
  assert.match(workflow, /^## sccache-guard: `\.github\/workflows\/f+… \(cut: \d+ bytes more\)`/);
  assert.match(workflow, /, and \d+ more jobs/);
  assert.match(workflow, /…and \d+ more findings\./);
  assert.match(workflow, /…and \d+ more notes\./);
});
