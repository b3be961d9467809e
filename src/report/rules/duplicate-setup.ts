import type { Rule } from './rule.js';

export const duplicateSetup: Rule = {
  id: 'duplicate-setup',
  severity: 'warning',
  name: 'sccache is set up twice in one job',
  actionable: true,
  docs: {
    meaning:
      'Two steps set sccache up: this action and mozilla-actions/sccache-action, two installs (possibly of ' +
      'different versions), or GitHub cache credentials exported by hand (`actions/github-script`, `echo … >> ' +
      '$GITHUB_ENV`). Two binaries mean a client talking to a server of another version ("Mismatch of ' +
      'client/server versions?"); a hand-exported `ACTIONS_CACHE_URL` is the v1 protocol, shut down on ' +
      'github.com; and a runtime token in GITHUB_ENV reaches every later step.',
    evidence: 'Both steps, with their lines.',
    fix: 'Keep one setup: this action exports what each sccache version needs, credentials included.',
  },
  checkJob(job) {
    if (job.setups.length < 2) return undefined;
    const [first, second] = job.setups as [(typeof job.setups)[0], (typeof job.setups)[0]];
    // Keep this action when it is one of them: it exports what the others leave to the user.
    const drop = job.setups
      .filter((s) => s.kind !== 'sccache-guard')
      .slice(job.setups.some((s) => s.kind === 'sccache-guard') ? 0 : 1);
    return {
      title: `sccache is set up twice in job ${job.jobId}: ${first.what} and ${second.what}`,
      evidence: job.setups.map((s) => `step ${s.stepIndex + 1} (line ${s.line}): ${s.what}`).join('; ') + '.',
      fix: `# keep one setup; delete:\n${drop.map((s) => `#   step ${s.stepIndex + 1} (line ${s.line}): ${s.what}`).join('\n')}`,
      line: second.line,
    };
  },
};
