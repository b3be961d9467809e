// foreign-server: a sccache server setup did not start was running; setup left it alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, setupRecord } from './helpers.js';

const ID = 'foreign-server';
const NAME = 'real-0.16.0-rust-cold.json';

test("foreign-server: names the port and what the server said of itself, and this job's own port", () => {
  const base = setupRecord({ version: statsDocument(NAME).version });
  const setup = {
    ...base,
    foreignServer: { port: '4226', version: '0.15.0', location: 'Local disk: "/srv/other/sccache"' },
  };
  const f = findingIn(statsFixture(NAME), ID, { setup });
  assert.ok(f);
  assert.equal(f.severity, 'notice');
  assert.equal(f.actionable, false);
  assert.equal(f.title, 'A sccache server setup did not start was running on port 4226; it was left alone');
  assert.match(
    f.evidence,
    /^It said: sccache 0\.15\.0, cache location `Local disk: "\/srv\/other\/sccache"`\./,
  );
  assert.match(f.evidence, /This job's server ran on port 41234/);
});

test('foreign-server: a server that did not say who it is, and silence when there was none', () => {
  const base = setupRecord({ version: statsDocument(NAME).version });
  const f = findingIn(statsFixture(NAME), ID, { setup: { ...base, foreignServer: { port: '4226' } } });
  assert.match(f?.evidence ?? '', /^It did not say who it is\./);
  assert.equal(findingIn(statsFixture(NAME), ID, { setup: base }), undefined);
  assert.equal(findingIn(statsFixture(NAME), ID, {}), undefined, 'no setup, nothing known');
});
