// What holds across the rules: their ids, one test file per finding id (like ESLint's
// tests/lib/rules/<rule>.js), and the order of the findings.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { RULES } from '../../../../src/report/rules/index.js';
import { SEVERITY_ORDER, type Finding } from '../../../../src/report/rules/rule.js';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, setupRecord } from './helpers.js';

test('rule ids are unique and kebab-case', () => {
  const seen = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!seen.has(rule.id), rule.id);
    seen.add(rule.id);
  }
});

test('every finding id has its own test file here, and every test file here is a finding id', () => {
  const here = readdirSync(fileURLToPath(new URL('./', import.meta.url)));
  const testedIds = here
    .filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
    .map((f) => f.replace(/\.test\.ts$/, ''))
    .sort();
  assert.deepEqual(testedIds, RULES.map((r) => r.id).sort());
});

test('a healthy warm run raises no error or warning', () => {
  for (const name of statsFixtureNames().filter((n) => /warm|v0\.14\.json/.test(n))) {
    const severe = analyzeStats(statsFixture(name)).findings.filter((f) => f.severity !== 'notice');
    assert.deepEqual(severe, [], name);
  }
});

test('findings are ordered most severe first', () => {
  const order = analyzeStats(statsFixture('v0.4.json')).findings.map((f) => f.severity);
  assert.deepEqual(
    order,
    [...order].sort(
      (a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b),
    ),
  );
});

test('findings: most severe first by their own severity, then in RULES order', () => {
  const rank = (f: Finding) =>
    SEVERITY_ORDER.indexOf(f.severity) * RULES.length + RULES.findIndex((r) => r.id === f.id);
  const order = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.id}`);
  const check = (what: string, findings: readonly Finding[]) =>
    assert.deepEqual(order(findings), order([...findings].sort((a, b) => rank(a) - rank(b))), what);
  for (const name of statsFixtureNames()) check(name, analyzeStats(statsFixture(name)).findings);
  // read-only-cache comes before incremental-compilation in RULES, but says only a notice when setup
  // made the run read-only: the warning goes first.
  const { version } = statsDocument('newest.json');
  const setup = setupRecord({ version, event: 'pull_request' });
  const incremental = edited('newest.json', (d) => {
    d.stats.not_cached.incremental = 12;
  });
  const findings = analyzeStats(incremental, { setup }).findings;
  assert.deepEqual(
    findings.map((f) => f.id).filter((id) => id === 'read-only-cache' || id === 'incremental-compilation'),
    ['incremental-compilation', 'read-only-cache'],
  );
  check('newest.json, read-only by design, with incremental calls', findings);
});
