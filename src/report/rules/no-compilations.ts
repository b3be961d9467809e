import type { Rule } from './rule.js';

export const noCompilations: Rule = {
  id: 'no-compilations',
  severity: 'warning',
  name: 'sccache received no compile requests',
  actionable: true,
  docs: {
    meaning:
      'The server the report asked has never seen a compiler call. Either the build did not go through sccache ' +
      '(`RUSTC_WRAPPER` or the C/C++ launcher was not set in the build step), or the stats come from another ' +
      'server than the one that compiled: it exited after `SCCACHE_IDLE_TIMEOUT` (600 s by default) and a new ' +
      'one started empty, or the build ran in a container or on another port. From sccache 0.7.7 a missing ' +
      'server answers with all-zero stats and no error.',
    evidence: '`compile_requests` is 0.',
    fix:
      'With this action, setup exports `RUSTC_WRAPPER` (and, with `cmake-launchers: true`, the CMake launchers) ' +
      'and `SCCACHE_IDLE_TIMEOUT: "0"`: check that the build ran after setup in the same job, outside a ' +
      'container, and that no step overrides them. Without it, set them yourself.',
  },
  check(facts) {
    if (facts.stats.compileRequests !== 0) return undefined;
    return {
      title: 'sccache received no compile requests',
      evidence: `compile_requests is 0 on the server reporting ${facts.stats.cacheLocation ? `\`${facts.stats.cacheLocation}\`` : 'no cache location (no server was running)'}.`,
      fix: facts.setup
        ? '# setup exported RUSTC_WRAPPER and SCCACHE_IDLE_TIMEOUT=0: run the build after it in this job,\n' +
          '# outside a container, without overriding RUSTC_WRAPPER (for C/C++: cmake-launchers: true)'
        : 'env:\n  RUSTC_WRAPPER: sccache           # or CMAKE_C_COMPILER_LAUNCHER / CC="sccache gcc"\n' +
          '  SCCACHE_IDLE_TIMEOUT: "0"        # keep the server (and its stats) alive until the report',
    };
  },
};
