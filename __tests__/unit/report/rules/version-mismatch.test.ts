// version-mismatch: the sccache that compiled is not the one setup started: the server that answered
// the report is another release, or RUSTC_WRAPPER points at another binary. Setup's record from
// setup's own code (helpers.ts), the wrapper's version as the report reads it (`--version`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseVersionOutput } from '../../../../src/sccache/version.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { findingIn, SCCACHE_PATH, setupRecord } from './helpers.js';

const ID = 'version-mismatch';
const NAME = 'newest.json';
const VERSION: string = statsDocument(NAME).version;
const OTHER_PATH = '/home/runner/.cargo/bin/sccache';

/** RUSTC_WRAPPER as the report finds it: the path, and what its `--version` printed (if it ran). */
const wrapper = (printed?: string) => ({
  path: OTHER_PATH,
  ...(printed ? { version: parseVersionOutput(printed).raw } : {}),
});

test('version-mismatch: the server that answered is another release than setup started', () => {
  assert.notEqual(VERSION, '0.16.0');
  const f = findingIn(statsFixture(NAME), ID, { setup: setupRecord({ version: '0.16.0' }) });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.actionable, true);
  assert.equal(
    f.title,
    `sccache 0.16.0 was set up, but the server that answered the report is sccache ${VERSION}`,
  );
  assert.equal(
    f.evidence,
    `setup started ${SCCACHE_PATH} (sccache 0.16.0); the server that answered the report is sccache ${VERSION}.`,
  );
  assert.match(f.fix, /RUSTC_WRAPPER/);
});

test("version-mismatch: RUSTC_WRAPPER is another sccache than setup's, of another version", () => {
  const setup = setupRecord({ version: VERSION });
  const f = findingIn(statsFixture(NAME), ID, { setup, wrapper: wrapper('sccache 0.10.0\n') });
  assert.ok(f);
  assert.equal(f.title, `sccache ${VERSION} was set up, but RUSTC_WRAPPER is ${OTHER_PATH}, sccache 0.10.0`);
  assert.equal(
    f.evidence,
    `setup started ${SCCACHE_PATH} (sccache ${VERSION}); RUSTC_WRAPPER is ${OTHER_PATH}, sccache 0.10.0.`,
  );
  // A wrapper whose --version could not be read is not known to be the same sccache.
  const unread = findingIn(statsFixture(NAME), ID, { setup, wrapper: wrapper() });
  assert.equal(
    unread?.title,
    `sccache ${VERSION} was set up, but RUSTC_WRAPPER is ${OTHER_PATH}, whose version could not be read`,
  );
});

test('version-mismatch: both at once, the server first', () => {
  const setup = setupRecord({ version: '0.16.0' });
  const f = findingIn(statsFixture(NAME), ID, { setup, wrapper: wrapper('sccache 0.10.0\n') });
  assert.ok(f);
  assert.equal(
    f.title,
    `sccache 0.16.0 was set up, but the server that answered the report is sccache ${VERSION}`,
  );
  assert.equal(
    f.evidence,
    `setup started ${SCCACHE_PATH} (sccache 0.16.0); the server that answered the report is sccache ${VERSION}; ` +
      `RUSTC_WRAPPER is ${OTHER_PATH}, sccache 0.10.0.`,
  );
});

test('version-mismatch: silent when the versions match, or without setup', () => {
  const setup = setupRecord({ version: VERSION });
  assert.equal(findingIn(statsFixture(NAME), ID, { setup }), undefined);
  // Another path to the same release (a copy, a symlink) is not a mismatch.
  assert.equal(
    findingIn(statsFixture(NAME), ID, { setup, wrapper: wrapper(`sccache ${VERSION}\n`) }),
    undefined,
  );
  // Without setup's record there is no version to hold them to.
  assert.equal(findingIn(statsFixture(NAME), ID), undefined);
  assert.equal(findingIn(statsFixture(NAME), ID, { wrapper: wrapper('sccache 0.10.0\n') }), undefined);
  // Stats that name no version (Debian's 0.4) say nothing about the server's release.
  const debian = 'debian-0.4-rust-cold-incremental0.json';
  assert.equal(statsDocument(debian).version ?? null, null);
  assert.equal(findingIn(statsFixture(debian), ID, { setup: setupRecord({ version: '0.4.2' }) }), undefined);
});
