// sparkline: one block per run, on an absolute scale, and a gap for a run that looked nothing up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { NO_RATE, sparkline } from '../../../src/util/sparkline.js';

test('sparkline: 0 is the lowest block, only a full 100 % the highest, null a gap', () => {
  assert.equal(sparkline([0, 0.5, 0.99, 1, null]), `▁▄▇█${NO_RATE}`);
  assert.equal(sparkline([]), '');
});

test('sparkline: the scale is absolute, so a small drop stays small', () => {
  assert.equal(sparkline([0.98, 0.96]), '▇▇');
});

test('sparkline: one character per value, and more never draws lower (property)', () => {
  const rate = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null));
  fc.assert(
    fc.property(fc.array(rate, { maxLength: 40 }), (values) => {
      assert.equal([...sparkline(values)].length, values.length);
    }),
    { seed: 20261126 },
  );
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const [x, y] = [...sparkline([low, high])];
        assert.ok('▁▂▃▄▅▆▇█'.indexOf(x!) <= '▁▂▃▄▅▆▇█'.indexOf(y!));
      },
    ),
    { seed: 20261126 },
  );
});
