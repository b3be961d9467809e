// Setup on every runner OS and arch GitHub offers, with the paths each one has (backslashes and
// drive letters on Windows, spaces in a self-hosted install, RUNNER_TEMP on another drive): the plan
// hands sccache's own paths through exactly as given, and the local archive's keys keep OS and arch
// apart. (installRelease per OS × arch: install-mirror.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localCacheKeys } from '../../../src/github/sccache-dir-key.js';
import { planSetup } from '../../../src/setup/plan.js';
import { planInput } from '../report/rules/helpers.js';

const RUNNERS = [
  {
    os: 'Linux',
    arch: 'X64',
    sccache: '/opt/hostedtoolcache/sccache/0.16.0/x64/sccache',
    temp: '/home/runner/work/_temp',
    home: '/home/runner',
  },
  {
    os: 'Linux',
    arch: 'ARM64',
    sccache: '/opt/hostedtoolcache/sccache/0.16.0/arm64/sccache',
    temp: '/home/runner/work/_temp',
    home: '/home/runner',
  },
  {
    os: 'macOS',
    arch: 'ARM64',
    sccache: '/Users/runner/hostedtoolcache/sccache/0.15.0/arm64/sccache',
    temp: '/Users/runner/work/_temp',
    home: '/Users/runner',
  },
  {
    os: 'macOS',
    arch: 'X64',
    sccache: '/Users/runner/hostedtoolcache/sccache/0.15.0/x64/sccache',
    temp: '/Users/runner/work/_temp',
    home: '/Users/runner',
  },
  {
    os: 'Windows',
    arch: 'X64',
    sccache: 'C:\\hostedtoolcache\\windows\\sccache\\0.15.0\\x64\\sccache.exe',
    temp: 'D:\\a\\_temp',
    home: 'C:\\Users\\runneradmin',
  },
  {
    os: 'Windows',
    arch: 'ARM64',
    sccache: 'C:\\Program Files\\sccache tools\\sccache.exe', // self-hosted, with spaces
    temp: 'E:\\runner temp\\_temp',
    home: 'C:\\Users\\build agent',
  },
] as const;

for (const runner of RUNNERS) {
  const name = `${runner.os}/${runner.arch}`;
  const env = { RUNNER_OS: runner.os, RUNNER_ARCH: runner.arch, RUNNER_TEMP: runner.temp, HOME: runner.home };
  const sep = runner.os === 'Windows' ? '\\' : '/';
  const logPath = [runner.temp, 'sccache-guard', 'sccache.log'].join(sep);
  const localCacheDir = [runner.home, '.cache', 'sccache'].join(sep);

  test(`${name}: the plan exports sccache's paths exactly as given, no quoting, no slashes turned`, () => {
    for (const backend of ['gha', 'local'] as const) {
      const input = {
        ...planInput({ version: '0.16.0', env, inputs: { backend, 'cmake-launchers': 'true' } }),
        sccachePath: runner.sccache,
        logPath,
        localCacheDir,
      };
      const plan = planSetup(input);
      assert.equal(plan.exports['RUSTC_WRAPPER'], runner.sccache, `${name} ${backend}`);
      assert.equal(plan.exports['CMAKE_C_COMPILER_LAUNCHER'], runner.sccache);
      assert.equal(plan.exports['CMAKE_CXX_COMPILER_LAUNCHER'], runner.sccache);
      assert.equal(plan.exports['SCCACHE_ERROR_LOG'], logPath);
      if (backend === 'local') assert.equal(plan.exports['SCCACHE_DIR'], localCacheDir);
      for (const [variable, value] of Object.entries({ ...plan.exports, ...plan.serverOnly })) {
        assert.ok(!/^["']|["']$/.test(value), `${name}: ${variable} is not quoted: ${value}`);
      }
    }
  });

  test(`${name}: the local archive's key names this OS and arch, so runners never restore each other's`, () => {
    const keys = localCacheKeys({ ...env, GITHUB_JOB: 'build', GITHUB_RUN_ID: '7' }, 'build');
    assert.ok(
      keys.restorePrefix.includes(`-${runner.os.toLowerCase()}-${runner.arch.toLowerCase()}-`),
      keys.key,
    );
    for (const other of RUNNERS.filter((r) => r.os !== runner.os || r.arch !== runner.arch)) {
      const theirs = localCacheKeys(
        { RUNNER_OS: other.os, RUNNER_ARCH: other.arch, GITHUB_JOB: 'build' },
        'build',
      );
      assert.ok(
        !keys.key.startsWith(theirs.restorePrefix),
        `${name} would restore ${other.os}/${other.arch}'s`,
      );
    }
  });
}
