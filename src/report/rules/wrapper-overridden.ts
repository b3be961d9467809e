import type { Rule } from './rule.js';

export const wrapperOverridden: Rule = {
  id: 'wrapper-overridden',
  severity: 'warning',
  name: "RUSTC_WRAPPER set by hand overrides setup's sccache",
  actionable: true,
  docs: {
    meaning:
      'Setup exports `RUSTC_WRAPPER` as the path of the sccache it started. The workflow sets it again to ' +
      'another path; workflow, job and step `env:` win over what setup exported, so cargo calls that binary, ' +
      'which may be another sccache version (a client/server mismatch) or no sccache at all.',
    evidence: 'The value and the line that sets it.',
    fix: 'Delete the line, or use plain `sccache`: it finds the binary setup started (setup puts it on PATH).',
  },
  checkJob(job) {
    const override = job.wrapperOverrides[0];
    if (!override) return undefined;
    return {
      title: `RUSTC_WRAPPER is set to \`${override.value}\` in job ${job.jobId}, not to the sccache setup started`,
      evidence: `line ${override.line} (${override.level} env) sets RUSTC_WRAPPER=${override.value}, which wins over setup's export.`,
      fix: `# delete line ${override.line}, or:\nRUSTC_WRAPPER: sccache`,
      line: override.line,
    };
  },
};
