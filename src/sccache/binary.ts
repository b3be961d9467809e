// What an sccache binary says about itself: its version, and whether it was built with the GitHub
// cache backend. Both through the one spawning function in command.ts.
import { runSccache } from './command.js';
import { parseVersionOutput, type SccacheVersion } from './version.js';

/** `sccache --version`; throws VersionParseError when it prints something else. */
export async function binaryVersion(binary: string): Promise<SccacheVersion> {
  return parseVersionOutput((await runSccache(binary, ['--version'])).stdout);
}

/** `sccache --help` ends with "Enabled features: … GHA: true|false" on the versions that list them. */
export async function ghaCompiledIn(binary: string): Promise<boolean | null> {
  try {
    const { stdout } = await runSccache(binary, ['--help']);
    const match = /\bGHA:\s*(true|false)\b/.exec(stdout);
    return match ? match[1] === 'true' : null;
  } catch {
    return null;
  }
}
