// `sccache --version` and what each version can do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capabilitiesOf, parseVersionOutput, VersionParseError } from '../../../src/sccache/version.js';

test('sccache --version output, and unknown versions', () => {
  assert.equal(parseVersionOutput('sccache 0.16.0\n').raw, '0.16.0');
  assert.equal(parseVersionOutput('sccache 0.4.0-pre.6').semver, '0.4.0-pre.6');
  assert.equal(parseVersionOutput('sccache 0.19.1').newerThanTested, true);
  assert.throws(() => parseVersionOutput('bash: sccache: command not found'), VersionParseError);
  const pre = capabilitiesOf(parseVersionOutput('sccache 0.4.0-pre.6'));
  assert.equal(pre.showStatsWithoutStart, false);
  assert.equal(pre.ghaEnabledVariable, true);
  const future = capabilitiesOf(parseVersionOutput('sccache 1.2.0'));
  assert.equal(future.ghaV2 && future.ghaReadOnlyMode && future.strictBooleanEnv, true);
  const v0100 = capabilitiesOf(parseVersionOutput('sccache 0.10.0'));
  assert.deepEqual([v0100.ghaV2, v0100.ghaReadOnlyMode, v0100.showStatsWithoutStart], [true, false, true]);
});
