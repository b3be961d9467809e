import type { Rule } from './rule.js';

export const serverRestarted: Rule = {
  id: 'server-restarted',
  severity: 'warning',
  name: 'A step restarts the sccache server or zeroes its counters',
  actionable: true,
  docs: {
    meaning:
      'A `run:` step after setup calls `sccache --stop-server`, `--start-server` or `--zero-stats`. The counters ' +
      'start again from zero, so the report sees only what came after; and a server started there takes that ' +
      "step's environment, not the one setup started it with (the GitHub cache credentials, the protocol, the log).",
    evidence: 'The command and its line in the workflow.',
    fix: 'Remove the command: setup starts the server with the right environment and the report reads its stats.',
  },
  checkJob(job) {
    const restarts = job.serverRestarts;
    if (restarts.length === 0) return undefined;
    const first = restarts[0]!;
    const where = restarts.map((r) => `\`${r.command}\` at line ${r.line}`).join(', ');
    return {
      title: `Step ${first.stepIndex + 1} of job ${job.jobId} runs \`sccache ${first.command}\` after setup`,
      evidence: `${where}: the stats cover only what ran after it, and a server started there lacks setup's environment.`,
      fix: `# delete this line (setup already started the server):\n#   ${first.what}`,
      line: first.line,
    };
  },
};
