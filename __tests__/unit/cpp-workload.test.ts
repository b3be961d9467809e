// scripts/cpp-workload.ts: the C and C++ workload of several hundred translation units, generated
// the same for a seed, every unit its own sccache key, and a small instance built for real.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { generateCppWorkload } from '../../scripts/cpp-workload.js';

const run = promisify(execFile);

async function withDirs<T>(count: number, body: (dirs: string[]) => Promise<T>): Promise<T> {
  const dirs = await Promise.all(
    Array.from({ length: count }, () => mkdtemp(join(tmpdir(), 'cpp-workload-'))),
  );
  try {
    return await body(dirs);
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** Every file's path and bytes, hashed together. */
async function hashOf(dir: string, files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(await readFile(join(dir, file)))
      .update('\0');
  return hash.digest('hex');
}

const isUnit = (file: string) => /^src\/[a-z]+\/u\d+\.(c|cpp)$/.test(file);

test('cpp-workload: the same seed writes the same bytes, another seed changes every unit', async () => {
  await withDirs(3, async ([a, b, c]) => {
    const first = await generateCppWorkload({ dir: a!, units: 40, seed: 7 });
    const again = await generateCppWorkload({ dir: b!, units: 40, seed: 7 });
    const other = await generateCppWorkload({ dir: c!, units: 40, seed: 8 });
    assert.deepEqual(again.files, first.files);
    assert.equal(await hashOf(b!, again.files), await hashOf(a!, first.files));
    assert.deepEqual(other.files, first.files, 'the seed changes the contents, not the layout');
    assert.notEqual(await hashOf(c!, other.files), await hashOf(a!, first.files));
    for (const file of first.files.filter(isUnit)) {
      assert.notEqual(
        await readFile(join(c!, file), 'utf8'),
        await readFile(join(a!, file), 'utf8'),
        `${file}: another seed, another text`,
      );
    }
  });
});

test('cpp-workload: 400 units by default, 30 % of them C, in ten modules, every one distinct', async () => {
  await withDirs(1, async ([dir]) => {
    const result = await generateCppWorkload({ dir: dir! });
    assert.equal(result.units, 400);
    const units = result.files.filter(isUnit);
    assert.equal(units.length, 400);
    assert.equal(units.filter((f) => f.endsWith('.c')).length, 120);
    const modules = new Set(units.map((f) => f.split('/')[1]));
    assert.equal(modules.size, 10);
    const texts = await Promise.all(units.map((f) => readFile(join(dir!, f), 'utf8')));
    assert.equal(new Set(texts).size, 400, 'every unit has its own text, so its own sccache key');
    for (const file of ['CMakeLists.txt', 'README.md', '.gitignore', 'src/main.cpp', 'src/sources.cmake']) {
      assert.ok(result.files.includes(file), file);
    }
    const sources = await readFile(join(dir!, 'src/sources.cmake'), 'utf8');
    for (const unit of units) assert.ok(sources.includes(`  ${unit}\n`), `sources.cmake lists ${unit}`);
  });
});

test('cpp-workload: the units asked for, no more, even over an earlier, larger generation', async () => {
  await withDirs(1, async ([dir]) => {
    await generateCppWorkload({ dir: dir!, units: 30 });
    const result = await generateCppWorkload({ dir: dir!, units: 12, seed: 'ci' });
    assert.equal(result.units, 12);
    assert.equal(result.files.filter(isUnit).length, 12);
    const again = await generateCppWorkload({ dir: dir!, units: 12, seed: 'ci' });
    assert.equal(await hashOf(dir!, again.files), await hashOf(dir!, result.files));
    await assert.rejects(generateCppWorkload({ dir: dir!, units: 0 }), /units must be an integer/);
    await assert.rejects(generateCppWorkload({ dir: dir!, units: 2.5 }), /units must be an integer/);
  });
});

test('cpp-workload: 12 units configure, build without a warning, and run', async (t) => {
  if (spawnSync('cmake', ['--version']).error) {
    t.skip('cmake not installed');
    return;
  }
  const ninja = !spawnSync('ninja', ['--version']).error;
  // Built by the compilers themselves: not through a launcher the environment may name.
  const env = { ...process.env };
  delete env['CMAKE_C_COMPILER_LAUNCHER'];
  delete env['CMAKE_CXX_COMPILER_LAUNCHER'];
  delete env['CMAKE_GENERATOR'];
  await withDirs(1, async ([dir]) => {
    await generateCppWorkload({ dir: dir!, units: 12, seed: 3 });
    const build = join(dir!, 'build');
    await run('cmake', ['-S', dir!, '-B', build, ...(ninja ? ['-G', 'Ninja'] : [])], { env });
    const { stdout, stderr } = await run('cmake', ['--build', build, '-j', '2'], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.doesNotMatch(`${stdout}\n${stderr}`, /warning/i, 'the build is warning-free');
    const program = join(build, process.platform === 'win32' ? 'cpp-workload.exe' : 'cpp-workload');
    const ran = spawnSync(program, { encoding: 'utf8' });
    assert.equal(ran.error, undefined);
    assert.equal(ran.status, 0, ran.stderr);
    assert.match(ran.stdout, /^cpp-workload: 12 units, checksum [0-9a-f]{16}\n$/);
  });
});
