// dist/ is committed because a GitHub Action runs from its checkout. It must be the build of src/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('dist/ is the build of src/ (run `npm run build` and commit dist/)', () => {
  const out = mkdtempSync(join(tmpdir(), 'sccache-guard-dist-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root });
    const built = readdirSync(out).sort();
    assert.deepEqual(readdirSync(join(root, 'dist')).sort(), built);
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
    execFileSync('cp', [join(root, 'dist', 'cli.js'), join(dir, 'cli.mjs')]);
    const help = execFileSync(process.execPath, [join(dir, 'cli.mjs'), 'help'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.match(help, /sccache-guard explain \(--stats FILE \| --workflow FILE\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
