// How much a save added to the cache: @actions/cache's own "File Size" debug line, else the files
// of the directory it packed.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as actionsCore from '@actions/core';
import { archiveSize, directorySize } from '../../../src/github/cache-entry-size.js';
import { quietly } from '../../../src/github/cache-voice.js';

test('the archive size is the File Size debug line @actions/cache writes before its upload', async () => {
  const original = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const { voice } = await quietly(async () => {
      // As saveCache (v1 and v2) says it, between the tar and the reservation.
      actionsCore.debug('Archive Path: /tmp/x/cache.tzst');
      actionsCore.debug('File Size: 788103');
      actionsCore.debug('Reserving Cache');
    });
    assert.deepEqual(archiveSize(voice), { bytes: 788103, exact: true });
  } finally {
    process.stdout.write = original;
  }
  assert.equal(archiveSize({ complaints: [], debug: ['File Size: many'] }), undefined);
  assert.equal(archiveSize({ complaints: [], debug: [] }), undefined);
});

test('without it, the files under the directory, links not followed: about the size', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-size-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'a', 'b'), { recursive: true });
  await writeFile(join(dir, 'a', 'one'), Buffer.alloc(1000));
  await writeFile(join(dir, 'a', 'b', 'two'), Buffer.alloc(24));
  await symlink('/etc/passwd', join(dir, 'link'));
  assert.deepEqual(await directorySize(dir), { bytes: 1024, exact: false });
  assert.equal(await directorySize(join(dir, 'missing')), undefined);
});
