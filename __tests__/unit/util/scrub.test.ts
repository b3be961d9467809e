import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretScrubber } from '../../../src/util/scrub.js';

test('every exact secret is replaced, longest first; short values and empty lists leave text alone', () => {
  const scrub = secretScrubber(["it's-p@ss", "it's-p@ss-long", 'ab', '']);
  assert.equal(scrub("x it's-p@ss-long y it's-p@ss z ab"), 'x *** y *** z ab');
  assert.equal(secretScrubber([])('unchanged'), 'unchanged');
});
