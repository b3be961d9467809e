import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withinBudget } from '../../../src/util/deadline.js';

test('a call that outlives its budget is given up with a sentence; one that answers in time is not', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const never = new Promise<string>(() => undefined);
  const late = withinBudget(never, 5_000, 'saving it');
  t.mock.timers.tick(5_000);
  await assert.rejects(late, { message: 'saving it took longer than 5 s' });
  assert.equal(await withinBudget(Promise.resolve('ok'), 5_000, 'x'), 'ok');
});
