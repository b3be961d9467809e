// scripts/release-sums.ts: the lines a maintainer pastes into src/setup/releases.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { asTable, sumsOf } from '../../../scripts/release-sums.js';

test('release-sums: one entry per version, its targets sorted, each the archive’s SHA-256', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'release-sums-'));
  try {
    const files = {
      'sccache-v0.17.0-x86_64-unknown-linux-musl.tar.gz': 'linux',
      'sccache-v0.17.0-aarch64-apple-darwin.tar.gz': 'mac',
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const table = asTable(await sumsOf(Object.keys(files).map((f) => join(dir, f))));
    assert.equal(
      table,
      `  '0.17.0': {\n    'aarch64-apple-darwin': '${sha('mac')}',\n    'x86_64-unknown-linux-musl': '${sha('linux')}',\n  },`,
    );
    await writeFile(join(dir, 'sccache.tar.gz'), '');
    await assert.rejects(
      sumsOf([join(dir, 'sccache.tar.gz')]),
      /not named sccache-v<version>-<target>\.tar\.gz/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
