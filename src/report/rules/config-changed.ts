import type { Rule } from './rule.js';

export const configChanged: Rule = {
  id: 'config-changed',
  severity: 'notice',
  name: "Inputs of sccache's keys changed since the last run",
  actionable: true,
  docs: {
    meaning:
      "sccache's Rust keys hash the compiler, the arguments (RUSTFLAGS, --target), every CARGO_* variable and " +
      'the working directory; its C/C++ keys the compiler and its flags. The run record of the last run of this ' +
      'job (this ref first, else the default branch) keeps what went into them; what differs now makes the ' +
      'entries written then unreachable. A warning when this run missed where the last one hit; a notice ' +
      'otherwise. For a tag or pull-request run the record compared with is the default branch’s (tag-scope ' +
      'then names the inputs and points here for their values).',
    evidence:
      'Each input that differs, with both values (or "changed" for fingerprinted ones), and why it matters.',
    fix: 'Make the inputs match (the same toolchain, target, profile and flags on the run that warms the cache), or expect one cold run after an intended change.',
  },
  check(facts) {
    const changes = facts.inputChanges;
    const previous = facts.previousRun;
    if (!previous || changes.length === 0) return undefined;
    const kind = facts.comparedWith?.kind;
    const where = !kind || kind === 'this ref' ? `on ${previous.ref}` : `on ${previous.ref} (${kind})`;
    const missedWhatHit = previous.hits > 0 && facts.misses > 0;
    return {
      ...(missedWhatHit ? { severity: 'warning' as const } : {}),
      title: `${changes.length} input${changes.length > 1 ? 's' : ''} of sccache's keys changed since run ${previous.runId} ${where}`,
      evidence:
        changes.map((c) => `${c.name}: ${c.before} → ${c.after} (${c.why})`).join('; ') +
        `. That run: ${previous.hits} hits, ${previous.misses} misses; this run: ${facts.hits} hits, ${facts.misses} misses.`,
      fix:
        '# Build with the same inputs as the run that warmed the cache' +
        (changes.some((c) => c.before !== 'changed' && c.before !== '(unknown)') ? ', e.g.:\n' : '.') +
        changes
          .filter((c) => c.before !== 'changed' && c.before !== '(unknown)')
          .slice(0, 6)
          .map((c) =>
            c.before === '(unset)'
              ? `#   ${c.name}: unset here, or set ${c.after} on the run that warms the cache too`
              : `#   ${c.name}: ${c.before}`,
          )
          .join('\n'),
    };
  },
};
