// The saved stats document: strings redacted, everything else byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { redactJsonStrings } from '../../../src/util/redact-json.js';

test('a password in cache_location is redacted; counters beyond 2^53 keep their digits', () => {
  const text =
    '{"stats":{"cache_writes":18446744073709551615},"cache_location":"Redis: redis://ci:it\\\\s-p@ss@127.0.0.1:6379"}';
  const out = redactJsonStrings(text);
  assert.ok(!out.includes('p@ss'), out);
  assert.ok(out.includes('18446744073709551615'), 'the raw number survives');
  assert.equal(typeof JSON.parse(out).cache_location, 'string', 'still JSON');
});

test('a document without credentials comes back unchanged; text that is not JSON is redacted as text', () => {
  const text = '{ "a": "Local disk: \\"/home/runner/.cache/sccache\\"", "b": [1, 2.5e3, null] }';
  assert.equal(redactJsonStrings(text), text);
  assert.equal(
    redactJsonStrings('not json redis://u:pw12345@h'),
    redactJsonStrings('not json redis://u:pw12345@h'),
  );
  assert.ok(!redactJsonStrings('not json redis://u:pw12345@h').includes('pw12345'));
});

test('any JSON value: the result is JSON with the same shape, and no string gets longer than needed', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value, null, 1);
      const out = redactJsonStrings(text);
      const back = JSON.parse(out) as unknown;
      assert.equal(typeof back, typeof JSON.parse(text));
    }),
    { seed: 20261126, numRuns: 300 },
  );
});
