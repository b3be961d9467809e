import type { Rule } from './rule.js';

export const foreignServer: Rule = {
  id: 'foreign-server',
  severity: 'notice',
  name: 'Another sccache server was running on this machine',
  // Nothing in this job to change: setup already kept clear of it.
  actionable: false,
  docs: {
    meaning:
      "When setup began, a sccache server was already listening on the port sccache uses by default (or on the job's " +
      "own `SCCACHE_SERVER_PORT`): another job's on a self-hosted machine that runs several at once, or one an earlier " +
      "job left running. Setup left it alone (stopping it would break that job's build mid-compile) and started " +
      "this job's server on a free port of its own, exported as `SCCACHE_SERVER_PORT`.",
    evidence: 'The port, and what that server said of itself: its sccache version and cache location.',
    fix:
      "Nothing to do in this job. A leftover server on a self-hosted runner holds an earlier job's settings: the " +
      "post step now stops the server it started, so it comes from a job that did not use sccache-guard's post step.",
  },
  check(facts) {
    const found = facts.setup?.foreignServer;
    if (!found) return undefined;
    const who = [
      found.version ? `sccache ${found.version}` : '',
      found.location ? `cache location \`${found.location}\`` : '',
    ].filter(Boolean);
    const port = facts.setup?.serverPort;
    return {
      title: `A sccache server setup did not start was running on port ${found.port}; it was left alone`,
      evidence:
        `${who.length ? `It said: ${who.join(', ')}` : 'It did not say who it is'}. ` +
        `This job's server ran on port ${port ?? 'a port of its own'}, and its counters are this job's alone.`,
      fix: !found.namedByJob
        ? 'Nothing to change here: setup never stops a server it did not start.'
        : `# The job named port ${found.port} (SCCACHE_SERVER_PORT). A workflow \`env:\` value wins over the port setup\n` +
          '# exports, and compiles would then talk to that other server: remove it and let setup choose.',
    };
  },
};
