import type { Rule } from './rule.js';

export const noEffectEnv: Rule = {
  id: 'no-effect-env',
  severity: 'notice',
  name: 'A variable sccache reads, set where it changes nothing',
  actionable: true,
  docs: {
    meaning:
      'The variable exists, but not for this job: `SCCACHE_CACHE_SIZE` and `SCCACHE_DIR` size and place the ' +
      'local disk cache and `SCCACHE_DIRECT` turns on its direct mode, none of them a remote one; ' +
      '`SCCACHE_CACHE_MULTIARCH`, `SCCACHE_DIRECT` and ' +
      '`SCCACHE_C_CUSTOM_CACHE_BUSTER` matter only to C/C++ compiles; Rust keys ignore `SCCACHE_BASEDIRS` ' +
      "(through 0.17); and the server's own settings (`SCCACHE_IDLE_TIMEOUT`, the backend and log variables) are " +
      'read once when the server starts, so setting them in a later step does nothing.',
    evidence: 'The variable, where it is set, and why it has no effect there.',
    fix: 'Delete it; a server setting set in a later step belongs in the workflow or job `env:`, which setup sees.',
  },
  checkJob(job) {
    const idle = job.env.filter((e) => e.noEffect);
    if (idle.length === 0) return undefined;
    const names = [...new Set(idle.map((e) => e.name))];
    return {
      title: `${names.join(', ')} change${names.length > 1 ? '' : 's'} nothing in job ${job.jobId}`,
      evidence: idle.map((e) => `${e.name} (line ${e.line}): ${e.noEffect}`).join('; ') + '.',
      // Each line gets the change that fits its reason: a late server setting moves, the rest go.
      fix: idle
        .map((e) =>
          /server reads it once/.test(e.noEffect ?? '')
            ? `# line ${e.line}: move ${e.name} to the workflow or job env (setup starts the server with it)`
            : `# line ${e.line}: delete ${e.name}: ${e.value}`,
        )
        .join('\n'),
      line: idle[0]!.line,
    };
  },
};
