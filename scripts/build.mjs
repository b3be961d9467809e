// Bundles each entry point into one self-contained ESM file under dist/, runnable with plain `node`
// and no node_modules (a GitHub Action is checked out, never installed).
import { build } from 'esbuild';

const entries = ['setup', 'report', 'cli'];
// `--outdir DIR` builds elsewhere, so the staleness test can compare without touching dist/.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';

// The @actions/* packages are ESM but some of their dependencies still call require() for Node
// built-ins; an ESM bundle has no require, so we give it one.
const banner = [
  "import { createRequire as __sccacheGuardCreateRequire } from 'node:module';",
  'const require = __sccacheGuardCreateRequire(import.meta.url);',
].join('\n');

await build({
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
});
