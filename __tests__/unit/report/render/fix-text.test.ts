// fixParts: a rule's fix as the summary shows it, the why as sentences and only YAML in the blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fixParts } from '../../../../src/report/render/fix-text.js';
import { RULES } from '../../../../src/report/rules/index.js';

test('fixParts: comment lines become one sentence, the YAML after them a block, end-of-line comments kept', () => {
  const fix =
    '# keep the namespace stable:\n# pin sccache and the suffix\n- uses: org/sccache-guard@v1\n  with:\n    sccache-version: 0.16.0   # 0.15.0 on macOS';
  assert.deepEqual(fixParts(fix), [
    { kind: 'prose', text: 'keep the namespace stable: pin sccache and the suffix' },
    {
      kind: 'paste',
      text: '- uses: org/sccache-guard@v1\n  with:\n    sccache-version: 0.16.0   # 0.15.0 on macOS',
    },
  ]);
});

test('fixParts: prose between two blocks stays between them; a sentence stays a sentence; nothing is nothing', () => {
  const parts = fixParts('a: 1\n# and then\nb: 2');
  assert.deepEqual(
    parts.map((p) => p.kind),
    ['paste', 'prose', 'paste'],
  );
  assert.deepEqual(fixParts('remove `sccache --stop-server` from the steps after setup'), [
    { kind: 'prose', text: 'remove `sccache --stop-server` from the steps after setup' },
  ]);
  assert.deepEqual(fixParts(''), []);
});

test('fixParts: no block holds a whole-line comment, and every other line is kept in order (property)', () => {
  const line = fc.oneof(
    fc.constantFrom('# why', '#   NAME: "x"', '- uses: a@v1', '  with:', '    k: v  # note', 'env:', ''),
    fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n')),
  );
  fc.assert(
    fc.property(fc.array(line, { minLength: 2, maxLength: 12 }), (lines) => {
      const parts = fixParts(lines.join('\n'));
      const pasted = parts.filter((p) => p.kind === 'paste').flatMap((p) => p.text.split('\n'));
      for (const l of pasted) assert.doesNotMatch(l, /^\s*#/);
      const kept = lines.filter((l) => !/^\s*#/.test(l) && l.trim() !== '');
      assert.deepEqual(
        pasted.filter((l) => l.trim() !== ''),
        kept,
      );
    }),
    { seed: 20261126 },
  );
});

test('fixParts: every rule’s documented fix is prose', () => {
  for (const rule of RULES) {
    assert.ok(
      fixParts(rule.docs.fix).every((p) => p.kind === 'prose'),
      rule.id,
    );
  }
});
