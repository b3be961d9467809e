// What the benchmark scripts share: progress lines, medians and their spread, step checks.
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { StepResult } from '../__tests__/emulator/runner.js';
import { ROOT } from '../__tests__/e2e/tools.js';

export const say = (line: string): void => console.log(`[bench] ${line}`);
export const load = (): string => loadavg()[0]?.toFixed(2) ?? '?';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** "12.3 s (11.9–12.8)" over the runs; a single run has no range. */
export function seconds(ms: readonly number[]): string {
  if (ms.length === 0) return 'n/a';
  const f = (x: number) => (x / 1000).toFixed(x < 10_000 ? 2 : 1);
  const range = ms.length > 1 ? ` (${f(Math.min(...ms))}–${f(Math.max(...ms))})` : '';
  return `${f(median(ms))} s${range}`;
}

/** The step's result, or an error with the end of its log when it failed. */
export function check(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0) {
    console.error(result.log.trim().split('\n').slice(-30).join('\n'));
    throw new Error(`${step} failed with exit ${result.exitCode}`);
  }
  return result;
}

/**
 * `source` (TypeScript) bundled by esbuild into `dir/name.mjs`, runnable with plain node: a small
 * script of the benchmark's own (a log reader, an @actions/cache step) built from this checkout.
 */
export async function bundleScript(dir: string, name: string, source: string): Promise<string> {
  const { build } = await import('esbuild');
  const entry = join(dir, `${name}.ts`);
  await writeFile(entry, source);
  const out = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
    nodePaths: [join(ROOT, 'node_modules')],
    // Some bundled packages call require() for Node built-ins: an ESM bundle needs one.
    banner: {
      js: "import { createRequire as benchCreateRequire } from 'node:module'; const require = benchCreateRequire(import.meta.url);",
    },
  });
  return out;
}
