import { counted } from '../../util/words.js';
import { listCounts, type Rule } from './rule.js';

/** The not_cached reasons a cargo build gives (src/compiler/rust.rs): bins and friends, probes. */
const RUST_REASONS: ReadonlySet<string> = new Set(['crate-type', '-', 'missing input']);

export const expectedNonCacheable: Rule = {
  id: 'expected-non-cacheable',
  severity: 'notice',
  name: 'Calls that are never cached',
  actionable: false,
  docs: {
    meaning:
      'Some compiler calls are never cached by design: bin, proc-macro, test and build-script crates ' +
      "(`crate-type`), cargo's probes (`-`, `missing input`), preprocess-only calls (`-E`, `-M`). They are not " +
      'misses and do not lower the hit rate.',
    evidence: '`not_cached`, less the reasons that have a fix (`incremental`, …).',
    fix: 'Nothing to fix.',
  },
  check(facts) {
    if (facts.expectedNonCacheable === 0) return undefined;
    const expected = facts.nonCacheable.filter((r) => r.kind === 'expected');
    return {
      title: `${counted(facts.expectedNonCacheable, 'call')} ${facts.expectedNonCacheable === 1 ? 'is' : 'are'} never cached, as expected`,
      // Name what these calls are: cargo's kinds for Rust reasons, a general word for C/C++ ones.
      evidence: `${listCounts(expected)}: ${
        expected.every((r) => RUST_REASONS.has(r.reason))
          ? 'bins, proc-macros, build scripts and probes'
          : 'preprocessing, linking, probes, several inputs'
      }, which sccache never caches.`,
      // Nothing can be changed: no fix to offer.
      fix: '',
    };
  },
};
