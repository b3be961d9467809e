import type { Rule } from './rule.js';

const RUST_CACHE_WITHOUT_TARGETS =
  '- uses: Swatinem/rust-cache@v2\n  with:\n    cache-targets: false   # keeps ~/.cargo; sccache caches the compiles';

export const targetRestored: Rule = {
  id: 'target-restored',
  severity: 'warning',
  name: 'A restored target/ leaves sccache little to see',
  actionable: true,
  docs: {
    meaning:
      'Swatinem/rust-cache (with `cache-targets`, true by default) or `actions/cache` on a `target` path restores ' +
      "cargo's build directory before the build. Cargo then rebuilds only what changed, mostly the workspace's own " +
      'bins and build scripts, which sccache can never cache. A low lookup count and a low hit rate are then by ' +
      'design, not a cache fault; and the two caches store the same work twice.',
    evidence: 'The restoring step before the first build step, at its line.',
    fix:
      'Keep one of the two: `cache-targets: false` on rust-cache (it still caches the registry), or drop sccache ' +
      'for this job.',
  },
  check(facts) {
    const restored = facts.workspace?.targetBuiltBefore;
    if (!restored) return undefined;
    const packages = facts.workspace?.lockPackages;
    const crateType = facts.stats.notCached['crate-type'] ?? 0;
    const few = packages !== undefined ? facts.lookups < packages / 2 : facts.lookups < crateType;
    if (!few) return undefined;
    return {
      title: `target/ was restored before the build: sccache looked up only ${facts.lookups} compilations`,
      evidence:
        `cargo's fingerprints in target/ date from ${restored}, before setup began; ` +
        `${facts.lookups} lookups${packages !== undefined ? ` for ${packages} packages in Cargo.lock` : ''}, ` +
        `${crateType} never-cacheable \`crate-type\` calls (bins, proc-macros, build scripts).`,
      fix:
        '# Keep one of the two caches: with Swatinem/rust-cache,\n' +
        RUST_CACHE_WITHOUT_TARGETS +
        '\n# or take target/ out of the actions/cache paths that restore it',
    };
  },
  checkJob(job, facts) {
    const restore = job.targetRestores[0];
    if (!restore) return undefined;
    const lookups = facts
      ? ` This run looked up ${facts.lookups} of ${facts.stats.compileRequests} compile requests.`
      : '';
    return {
      title: `target/ is restored before the build (${restore.what}), so sccache sees only what cargo rebuilds`,
      evidence: `step ${restore.stepIndex + 1} (line ${restore.line}) restores target/ before the first build.${lookups}`,
      fix:
        restore.by === 'rust-cache'
          ? RUST_CACHE_WITHOUT_TARGETS
          : `# line ${restore.line}: take target/ out of the actions/cache paths (keep ~/.cargo/registry);\n# sccache caches the compiles`,
      line: restore.line,
    };
  },
};
