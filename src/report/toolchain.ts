// The Rust compiler the build used, as `rustc -vV` describes it: part of every Rust key, so the run
// record keeps it. The path comes from the sccache log ("Using rustc at path"), else `rustc` on PATH.
import { execFile } from 'node:child_process';
import { parseRustcVerbose, type Toolchain } from './key-inputs.js';

export function rustcToolchain(
  path: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Toolchain | undefined> {
  return new Promise((resolve) => {
    execFile(path ?? 'rustc', ['-vV'], { env, timeout: 10_000, maxBuffer: 64 * 1024 }, (error, stdout) => {
      resolve(error ? undefined : parseRustcVerbose(stdout));
    });
  });
}
