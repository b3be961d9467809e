// For any findings, label, notes, names and sizes: the summary is within GitHub's limit, opens with
// the headline, keeps Setup and the counters, closes every block, and links nothing from the input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Facts } from '../../../../src/report/facts.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../../../src/report/render/summary.js';
import { statsDocument } from '../../../fixtures/index.js';
import { setupRecord } from '../rules/helpers.js';
import { assertNoLiveMarkup, assertWellFormed, bytes } from './markdown-checks.js';

const NAME = 'newest-multilevel.json';
const BASE = analyzeStats(JSON.stringify(statsDocument(NAME)), {
  setup: setupRecord({ version: statsDocument(NAME).version }),
});

const MARKUP = [
  '[x](http://evil)',
  '![i](http://e/i.png)',
  '<img src=x>',
  '<http://e>',
  '`',
  '```',
  '|',
  '\n',
  '@',
];

/** Short text full of markup, or one piece repeated up to a size that no section can hold whole. */
const text = (maxRepeat: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .array(fc.constantFrom(...MARKUP, 'a', ' ', 'é', '😀'), { maxLength: 30 })
      .map((parts) => parts.join('')),
    fc
      .tuple(fc.constantFrom(...MARKUP, 'x', 'é', '😀'), fc.integer({ min: 0, max: maxRepeat }))
      .map(([unit, n]) => unit.repeat(n)),
  );

const finding: fc.Arbitrary<Finding> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 30 }),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'notice' as const),
  title: text(20_000),
  evidence: text(200_000),
  fix: text(50_000),
  actionable: fc.boolean(),
});

const scenario = fc.record({
  findings: fc.array(finding, { maxLength: 40 }),
  label: fc.option(text(500_000), { nil: undefined }),
  notes: fc.array(text(100_000), { maxLength: 40 }),
  workflowNote: fc.option(text(500_000), { nil: undefined }),
  crateName: text(100_000),
  crates: fc.integer({ min: 0, max: 5_000 }),
  levels: fc.integer({ min: 0, max: 5_000 }),
  levelName: text(50_000),
  languages: fc.integer({ min: 0, max: 500 }),
});

test('property: any input gives a summary within the limit with its headline, Setup and counters', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const level = BASE.facts.levels[0]!;
      const facts: Facts = {
        ...BASE.facts,
        crateMisses: Array.from({ length: s.crates }, (_, i) => ({
          name: `${s.crateName}${i}`,
          misses: s.crates - i,
          hitBefore: i % 3 === 0,
        })),
        levels: Array.from({ length: s.levels }, (_, i) => ({
          ...level,
          stats: { ...level.stats, name: `${s.levelName}${i}` },
        })),
        languages: Array.from({ length: s.languages }, (_, i) => ({
          language: `${s.levelName.slice(0, 100)}${i}`,
          hits: i,
          misses: 1,
          errors: 0,
          hitRate: i / (i + 1),
        })),
      };
      const md = renderSummary({
        facts,
        findings: s.findings,
        ...(s.label !== undefined ? { label: s.label } : {}),
        historyNotes: s.notes,
        ...(s.workflowNote !== undefined ? { workflowNote: s.workflowNote } : {}),
      });
      assert.ok(bytes(md) <= SUMMARY_LIMIT_BYTES, `${bytes(md)} bytes`);
      assert.match(md, /^## sccache(?: · [^\n]*)?: [^\n]*\b1020 lookups\b/);
      assert.match(md, /\n\n(\*\*Nothing to fix\.\*\* )?1297 compile requests/);
      assert.match(md, /\n### To fix\n|\*\*Nothing to fix\.\*\*/);
      assert.match(md, /<details><summary>Setup<\/summary>/);
      assert.match(
        md,
        /<details><summary>All counters<\/summary>[\s\S]*\| `dist_errors` \| 0 \|\n\n<\/details>\n$/,
      );
      assert.doesNotMatch(md, /summary cut here|section cut/);
      assertWellFormed(md);
      assertNoLiveMarkup(md);
    }),
    { numRuns: 60 },
  );
});
