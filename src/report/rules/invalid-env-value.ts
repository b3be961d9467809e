import type { Rule } from './rule.js';

export const invalidEnvValue: Rule = {
  id: 'invalid-env-value',
  severity: 'warning',
  name: 'A value this sccache version ignores or rejects',
  actionable: true,
  docs: {
    meaning:
      '`SCCACHE_GHA_ENABLED` is read differently by version: before 0.8.0 only exactly `true` or `on` enable ' +
      'it (so `1` is ignored); from 0.8.0 any value other than true/on/1/false/off/0 is a configuration error and ' +
      'every sccache command fails. An empty `SCCACHE_GHA_VERSION` still enables GHA before 0.16. sccache 0.7.7 ' +
      'and newer refuse to run at all with `CARGO_INCREMENTAL=1` (seen on real binaries).',
    evidence: 'The variable, its value where it is not secret, and what this version does with it.',
    fix: 'Use `SCCACHE_GHA_ENABLED: "true"`, drop empty `SCCACHE_GHA_VERSION`, and `CARGO_INCREMENTAL: "0"`.',
  },
  check(facts) {
    const invalid = facts.setup?.environment.invalid ?? [];
    if (invalid.length === 0) return undefined;
    return {
      title: `${invalid.map((i) => i.name).join(', ')}: a value sccache ${facts.setup?.sccacheVersion} ignores or rejects`,
      evidence: invalid.map((i) => `${i.name}: ${i.why}`).join('; ') + '.',
      fix: 'env:\n  SCCACHE_GHA_ENABLED: "true"   # not 1 (ignored before 0.8), not yes (fatal from 0.8)\n  CARGO_INCREMENTAL: "0"',
    };
  },
  checkJob(job) {
    const invalid = job.env.filter((e) => e.invalid);
    if (invalid.length === 0) return undefined;
    return {
      title: `${[...new Set(invalid.map((i) => i.name))].join(', ')}: a value sccache ${job.sccacheVersion} ignores or rejects`,
      evidence: invalid.map((i) => `${i.name}="${i.value}" (line ${i.line}): ${i.invalid}`).join('; ') + '.',
      fix: invalid
        .map((i) =>
          i.name === 'SCCACHE_GHA_ENABLED'
            ? `SCCACHE_GHA_ENABLED: "true"   # line ${i.line}; not 1 (ignored before 0.8), not yes (fatal from 0.8)`
            : `# line ${i.line}: delete ${i.name}="${i.value}"`,
        )
        .join('\n'),
      line: invalid[0]!.line,
    };
  },
};
