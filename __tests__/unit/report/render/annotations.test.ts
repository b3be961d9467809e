// Annotations within GitHub's limits: short one-line titles, bounded messages, 10 per level.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../../src/report/rules/rule.js';
import {
  annotationTitle,
  MAX_PER_LEVEL,
  renderAnnotations,
} from '../../../../src/report/render/annotations.js';
import { clipChars, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from '../../../../src/util/annotation-limits.js';

const finding = (fields: Partial<Finding> = {}): Finding => ({
  id: 'cold-cache',
  severity: 'warning',
  title: 'title',
  evidence: 'evidence',
  fix: 'CARGO_INCREMENTAL: "0"',
  actionable: true,
  ...fields,
});

const wellFormed = (text: string) => Buffer.from(text).toString() === text;

test('a 100 KB title, label or id comes out capped at 200 characters, on one line', () => {
  const [fromTitle] = renderAnnotations([finding({ title: 'T'.repeat(100_000) })], 'build');
  assert.equal(fromTitle!.title, 'sccache cold-cache (build)');
  assert.ok(fromTitle!.message.length <= MAX_MESSAGE_CHARS);

  const [fromLabel] = renderAnnotations([finding()], `linux\n${'λ'.repeat(100_000)}`);
  assert.equal(fromLabel!.title.length, MAX_TITLE_CHARS);
  assert.match(fromLabel!.title, /^sccache cold-cache \(linux λ+…\)$/);

  const [fromId] = renderAnnotations([finding({ id: 'x'.repeat(100_000) })], 'build');
  assert.equal(fromId!.title.length, MAX_TITLE_CHARS);
  assert.match(fromId!.title, /^sccache x+…$/);
});

test('the title cut never parts a surrogate pair', () => {
  for (let pad = 0; pad < 4; pad++) {
    const title = annotationTitle('id', `${'a'.repeat(pad)}${'😀'.repeat(200)}`);
    assert.ok(title.length <= MAX_TITLE_CHARS);
    assert.ok(wellFormed(title), title);
    assert.ok(title.endsWith('…)'));
  }
  assert.equal(clipChars('😀😀', 2), '…');
  assert.equal(clipChars('a😀', 3), 'a😀');
  assert.equal(clipChars('ab😀c', 4), 'ab…');
});

test('a 1.5 MB evidence is cut and the fix still shows', () => {
  const [a] = renderAnnotations(
    [finding({ title: 't'.repeat(1_000_000), evidence: 'e'.repeat(1_500_000), fix: 'F'.repeat(100_000) })],
    '',
  );
  assert.ok(a!.message.length <= MAX_MESSAGE_CHARS, String(a!.message.length));
  assert.match(a!.message, /^t+…\. e+…\nFix:\nF+…$/);
  const [small] = renderAnnotations([finding()], '');
  assert.equal(small!.message, 'title. evidence\nFix:\nCARGO_INCREMENTAL: "0"');
});

test('still at most 10 per level, notices only with a place', () => {
  const many = (severity: Finding['severity'], n: number) =>
    Array.from({ length: n }, (_, i) =>
      finding({ id: `${severity}-${i}`, severity, place: { file: 'w.yml', line: i + 1 } }),
    );
  const annotations = renderAnnotations(
    [...many('error', 15), ...many('warning', 15), ...many('notice', 15)],
    'job',
  );
  for (const level of ['error', 'warning', 'notice'] as const)
    assert.equal(annotations.filter((a) => a.level === level).length, MAX_PER_LEVEL);
  assert.equal(renderAnnotations([finding({ severity: 'notice' })], '').length, 0);
});
