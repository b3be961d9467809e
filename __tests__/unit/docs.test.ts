import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderFindingsDoc } from '../../scripts/gen-docs.js';
import { RULES } from '../../src/report/rules/index.js';

const committed = readFileSync(new URL('../../docs/findings.md', import.meta.url), 'utf8');

test('docs/findings.md is generated from the rules (run `npm run docs`)', () => {
  assert.equal(committed, renderFindingsDoc());
});

test('every rule has a docs section with meaning, evidence and fix', () => {
  for (const rule of RULES) {
    assert.ok(committed.includes(`\n## ${rule.id}\n`), `docs/findings.md has no section for ${rule.id}`);
    for (const part of [rule.docs.meaning, rule.docs.evidence, rule.docs.fix])
      assert.ok(part.trim().length > 10, rule.id);
  }
});
