// dist/ is committed because a GitHub Action runs from its checkout. It must be the build of src/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('dist/ is the build of src/ (run `npm run build` and commit dist/)', () => {
  const out = mkdtempSync(join(tmpdir(), 'sccache-guard-dist-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root });
    // Files, chunks/ included: a stale chunk left behind is as wrong as a missing one.
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    const built = files(out);
    assert.deepEqual(files(join(root, 'dist')), built);
    for (const file of built) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(root, 'dist', file)));
      assert.ok(same, `dist/${file} is stale: run npm run build`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the bundles run with plain node and no node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sccache-guard-bare-'));
  try {
    // The bundle and the chunks it imports, nothing else: no node_modules beside or above them.
    execFileSync('cp', ['-r', join(root, 'dist'), join(dir, 'dist')]);
    const help = execFileSync(process.execPath, [join(dir, 'dist', 'cli.js'), 'help'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.match(help, /sccache-guard explain \(--stats FILE \| --workflow FILE\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
