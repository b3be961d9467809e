import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import type { Finding } from '../../../../src/report/rules/rule.js';
import { MAX_PER_LEVEL, renderAnnotations } from '../../../../src/report/render/annotations.js';
import { hitRatePercent, renderExplainJson, renderOutputs } from '../../../../src/report/render/outputs.js';
import { capSummary, renderSummary, SUMMARY_LIMIT_BYTES } from '../../../../src/report/render/summary.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';

test('the summary opens with the verdict, then what to fix, then the tables the stats support, folded', () => {
  const { facts, findings } = analyzeStats(statsFixture('v0.10.json'));
  const md = renderSummary({ facts, findings, label: 'build (ubuntu, stable)' });
  const [heading, , next] = md.split('\n');
  // 378 of 807 lookups missed; the problems are the findings to act on.
  const toFix = findings.filter((f) => f.actionable || f.fix !== '').length;
  assert.equal(
    heading,
    `## sccache · build (ubuntu, stable): ${toFix} problems to fix — 378 of 807 lookups missed`,
  );
  assert.match(
    next!,
    /^\d+ compile requests, \d+ of them not cacheable \(\d+ of them for a reason that can be fixed\)\.$/,
  );
  assert.match(md, /\| Rust \| \d+ \| \d+ \| \d+ \| [\d.]+ % \|/);
  assert.match(md, /### To fix/);
  assert.match(md, /`write-errors`/);
  assert.match(md, /<details><summary>Non-cacheable calls<\/summary>/);
  assert.match(md, /\| `incremental` \| \d+ \| fixable \|/);
  assert.match(
    md,
    /\| Namespace hash \| `8a6df4cb…`, the SHA-256 of the namespace \(in full in cache_location\) \|/,
  );
  assert.equal(md.match(/\| Protocol/g), null, 'the protocol is said once, in the Storage line');
  assert.ok(md.indexOf('### To fix') < md.indexOf('<details>'));
  const order = ['Languages', 'Non-cacheable calls', 'Cache', 'All counters'].map((s) =>
    md.indexOf(`<summary>${s}</summary>`),
  );
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
});

test('no lookups reads as such, never as 0 %', () => {
  const { facts, findings } = analyzeStats(statsFixture('debian-0.4-empty-fresh-server.json'));
  const md = renderSummary({ facts, findings });
  assert.match(md.split('\n')[0]!, /no cache lookups/);
  assert.doesNotMatch(md, /0\.0 % hit rate/);
});

test('reason strings from the stats cannot break the Markdown', () => {
  const doc = statsDocument('v0.14.json');
  doc.stats.not_cached = { '<script>|x': 2, '`a`': 1 };
  doc.stats.requests_not_cacheable = 3;
  const { facts, findings } = analyzeStats(JSON.stringify(doc));
  const md = renderSummary({ facts, findings });
  // Inside a code span in a table a pipe is escaped so the table keeps its columns.
  assert.match(md, /\| `<script>\\\|x` \| 2 \| expected \|/);
  assert.doesNotMatch(md.replace(/`[^`]*`/g, ''), /<script>/);
});

test('a huge document still gives a summary under 1 MiB', () => {
  const doc = statsDocument('v0.14.json');
  const reasons: Record<string, number> = {};
  for (let i = 0; i < 20000; i++) reasons[`reason-${i}-${'x'.repeat(80)}`] = 1;
  doc.stats.not_cached = reasons;
  doc.stats.requests_not_cacheable = 20000;
  const { facts, findings } = analyzeStats(JSON.stringify(doc));
  const md = renderSummary({ facts, findings });
  assert.ok(Buffer.byteLength(md) < 1024 * 1024);
  assert.match(md, /and 19950 more reasons/);
  const capped = capSummary('line\n'.repeat(400_000));
  assert.ok(Buffer.byteLength(capped) <= SUMMARY_LIMIT_BYTES);
  assert.match(capped, /summary cut here/);
});

test('annotations: actionable findings only, at most 10 per level, titled with the job', () => {
  const { findings } = analyzeStats(statsFixture('v0.4.json'));
  const annotations = renderAnnotations(findings, 'linux (1.80)');
  assert.ok(annotations.length > 0);
  assert.ok(annotations.every((a) => a.title.endsWith('(linux (1.80))')));
  assert.ok(!annotations.some((a) => a.title.includes('expected-non-cacheable')));
  const many: Finding[] = Array.from({ length: 25 }, (_, i) => ({
    id: `w${i}`,
    severity: 'warning',
    title: 't',
    evidence: 'e',
    fix: 'f',
    actionable: true,
  }));
  assert.equal(renderAnnotations(many, '').length, MAX_PER_LEVEL);
});

test('outputs: percent with one decimal, empty without lookups, ids as JSON', () => {
  assert.equal(hitRatePercent(5 / 7), '71.4');
  assert.equal(hitRatePercent(null), '');
  assert.equal(hitRatePercent(1), '100.0');
  const { facts, findings } = analyzeStats(statsFixture('newest.json'));
  const out = renderOutputs(facts, findings, '/tmp/s.json');
  assert.equal(out.hits, '917');
  assert.equal(out.misses, '159');
  assert.deepEqual(
    JSON.parse(out.findings),
    findings.map((f) => f.id),
  );
  assert.equal(out['stats-json'], '/tmp/s.json');
});

test('explain JSON has the documented fields', () => {
  const { facts, findings } = analyzeStats(statsFixture('v0.10.json'));
  const json = renderExplainJson(facts, findings);
  assert.equal(json.hitRate, 429 / (429 + 378));
  for (const f of json.findings)
    assert.deepEqual(Object.keys(f), ['id', 'severity', 'title', 'evidence', 'fix']);
});
