import { listed } from '../../util/words.js';
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
  check(facts) {
    const server = facts.server;
    if (!server) return undefined;
    const said: string[] = [];
    if (server.laterStops)
      said.push(`${server.laterStops} server stop${server.laterStops > 1 ? 's' : ''} after setup`);
    if (server.laterStarts)
      said.push(`${server.laterStarts} later server start${server.laterStarts > 1 ? 's' : ''}`);
    if (server.laterZeroes)
      said.push(`the counters zeroed ${server.laterZeroes} time${server.laterZeroes > 1 ? 's' : ''}`);
    if (server.endsInShutdown)
      said.push('the log ends in a shutdown, so the server that answered did not log here');
    const fewer = server.loggedCompiles > facts.stats.compileRequests;
    if (fewer)
      said.push(
        `the log shows ${server.loggedCompiles} compile requests, the stats ${facts.stats.compileRequests}`,
      );
    if (said.length === 0) return undefined;
    return {
      title: 'The sccache server setup started was stopped, restarted or reset during the job',
      evidence: `${said.join('; ')}. The stats cover only what ran after the last restart or reset (${facts.stats.compileRequests} compile requests), and a server started by a later step lacks setup's environment.`,
      fix: '# remove `sccache --stop-server`, `--start-server` and `--zero-stats` from the steps after setup',
    };
  },
  checkJob(job) {
    const restarts = job.serverRestarts;
    if (restarts.length === 0) return undefined;
    const first = restarts[0]!;
    const where = listed(restarts.map((r) => `\`${r.command}\` at line ${r.line}`));
    return {
      title: `Step ${first.stepIndex + 1} of job ${job.jobId} runs \`sccache ${first.command}\` after setup`,
      evidence: `${where}: the stats cover only what ran after it, and a server started there lacks setup's environment.`,
      fix: `# delete this line (setup already started the server):\n#   ${first.what}`,
      line: first.line,
    };
  },
};
