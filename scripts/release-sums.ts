// Prints the RELEASE_SHA256 entries (src/setup/releases.ts) for sccache release archives a
// maintainer downloaded and checked by hand, so adding a release's sums is pasting this output:
//
//   tsx scripts/release-sums.ts sccache-v0.17.0-*.tar.gz
//
// Each archive must be named as sccache publishes it: sccache-v<version>-<target>.tar.gz.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const ARCHIVE = /^sccache-v(\d+\.\d+\.\d+(?:-(?:alpha|beta|pre|rc)[\w.]*)?)-([\w-]+)\.tar\.gz$/;

/** version → target → sha256, from the archives' names and bytes. Throws on a name it cannot read. */
export async function sumsOf(paths: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const sums = new Map<string, Map<string, string>>();
  for (const path of paths) {
    const match = ARCHIVE.exec(basename(path));
    if (!match) throw new Error(`${path}: not named sccache-v<version>-<target>.tar.gz`);
    const [, version, target] = match as unknown as [string, string, string];
    const digest = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    if (!sums.has(version)) sums.set(version, new Map());
    sums.get(version)!.set(target, digest);
  }
  return sums;
}

/** The entries as they are written in releases.ts, versions and targets sorted. */
export function asTable(sums: Map<string, Map<string, string>>): string {
  return [...sums.keys()]
    .sort()
    .map((version) => {
      const targets = [...sums.get(version)!.entries()].sort(([a], [b]) => a.localeCompare(b));
      return `  '${version}': {\n${targets.map(([t, s]) => `    '${t}': '${s}',`).join('\n')}\n  },`;
    })
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: tsx scripts/release-sums.ts sccache-v<version>-<target>.tar.gz...');
    process.exit(2);
  }
  console.log(asTable(await sumsOf(paths)));
}
