// Real programs the end-to-end tests drive: sccache binaries installed by scripts/install-sccache.sh,
// cargo, and the demo workspace.
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CacheService } from '../emulator/cache-service.js';
import { RunnerEmulator } from '../emulator/runner.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ACTION_YML = join(ROOT, 'action.yml');

/** The newest sccache the tests use; CI installs it with scripts/install-sccache.sh. */
export const NEWEST_TESTED_SCCACHE = '0.16.0';

export function sccacheBinary(version: string = NEWEST_TESTED_SCCACHE): string {
  const bin = join(ROOT, '.tools', 'sccache', version, 'bin', 'sccache');
  if (!existsSync(bin)) {
    throw new Error(`sccache ${version} is not installed: run scripts/install-sccache.sh ${version}`);
  }
  return bin;
}

/** PATH with this sccache's directory first. */
export const pathWith = (binary: string) => `${dirname(binary)}:${process.env['PATH'] ?? ''}`;

/** A loopback port nobody listens on right now, for a private sccache server: setup's own helper. */
export { freePort } from '../../src/util/ports.js';

/** A private copy of an example under examples/ (Rust keys include the cwd, so each test owns one). */
export async function exampleWorkspace(name: 'demo-workspace' | 'workload'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sccache-guard-${name}-`));
  await cp(join(ROOT, 'examples', name), dir, {
    recursive: true,
    filter: (src) => !src.startsWith(join(ROOT, 'examples', name, 'target')),
  });
  return dir;
}

/** examples/demo-workspace: four path crates, no crates.io dependency, builds in about a second. */
export const demoWorkspace = (): Promise<string> => exampleWorkspace('demo-workspace');

/** The demo's workflow (scripts/demo.ts), in its checkout as a real job has it; the summaries' too. */
export const DEMO_WORKFLOW = `name: CI
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      actions: read
    steps:
      - uses: actions/checkout@v4
      - uses: org/sccache-guard@v1
      - run: cargo clean -q && cargo build --offline
`;

/**
 * A runner for a push to main of job `build`, with the GitHub cache service emulator as its cache:
 * the job's environment plus `env`, and the runtime variables a runner gives actions.
 */
export function pushToMainRunner(
  svc: CacheService,
  env: Readonly<Record<string, string>>,
  token: string = svc.tokenFor({ ref: 'refs/heads/main' }),
): RunnerEmulator {
  return new RunnerEmulator({
    env: {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_JOB: 'build',
      ...env,
    },
    actionsRuntime: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: svc.url,
      ACTIONS_CACHE_SERVICE_V2: 'True',
    },
  });
}
