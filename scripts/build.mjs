// Bundles each entry point into one self-contained ESM file under dist/, runnable with plain `node`
// and no node_modules (a GitHub Action is checked out, never installed), and writes beside them
// dist/THIRD-PARTY-LICENSES.txt: the license of every npm package whose code is in a bundle.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeThirdPartyNotices } from '@rnx-kit/third-party-notices';
import { build } from 'esbuild';

const entries = ['setup', 'report', 'cli'];
const flag = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
// `--outdir DIR` builds elsewhere, so the staleness test can compare without touching dist/;
// `--metafile FILE` also writes esbuild's metafile (what each bundle holds), for the licenses test.
const outdir = flag('--outdir') ?? 'dist';
const metafileOut = flag('--metafile');
const LICENSES = 'THIRD-PARTY-LICENSES.txt';

// The @actions/* packages are ESM but some of their dependencies still call require() for Node
// built-ins; an ESM bundle has no require, so we give it one.
const banner = [
  "import { createRequire as __sccacheGuardCreateRequire } from 'node:module';",
  'const require = __sccacheGuardCreateRequire(import.meta.url);',
].join('\n');

// Chunk names carry a hash of their content: the old ones must go, or dist/ keeps stale files.
await rm(join(outdir, 'chunks'), { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: Object.fromEntries(entries.map((name) => [name, `src/${name}.ts`])),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
  // Modules loaded with import() (@actions/cache, @actions/github) go into chunks of their own, which
  // Node parses only when a step needs them; what setup and report share is one chunk too.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
});
if (metafileOut) await writeFile(metafileOut, JSON.stringify(metafile));

// The licenses come from what esbuild put into the bundles, not from package.json's dependency
// tree: a bundle also holds packages that npm installed for a devDependency (debug's optional
// supports-color, found by its try/require) and leaves out dependencies it never imports.
// @rnx-kit/third-party-notices reads a bundle's sources in the form of a source map; the sources
// here are the input files of every bundle that kept code in it (paths relative to this folder).
const sources = [
  ...new Set(
    Object.values(metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input]) => input),
    ),
  ),
].sort();
const scratch = await mkdtemp(join(tmpdir(), 'sccache-guard-build-'));
try {
  const sourceMapFile = join(scratch, 'bundles.js.map');
  await writeFile(sourceMapFile, JSON.stringify({ version: 3, sources, names: [], mappings: '' }));
  await writeThirdPartyNotices({
    rootPath: process.cwd(),
    sourceMapFile,
    json: false,
    outputFile: join(outdir, LICENSES),
    preambleText: [
      `${entries.map((name) => `dist/${name}.js`).join(', ')} bundle code of the npm packages below.`,
      'Their licenses follow, as each package ships them: one entry per package name.',
      'Written by `npm run build` (scripts/build.mjs, with @rnx-kit/third-party-notices): do not edit.',
    ],
  });
} finally {
  await rm(scratch, { recursive: true, force: true });
}
