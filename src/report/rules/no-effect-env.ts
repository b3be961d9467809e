import type { Rule } from './rule.js';

export const noEffectEnv: Rule = {
  id: 'no-effect-env',
  severity: 'notice',
  name: 'A variable sccache reads, set where it changes nothing',
  actionable: true,
  docs: {
    meaning:
      'The variable exists, but not for this job: `SCCACHE_CACHE_SIZE`, `SCCACHE_DIR` and `SCCACHE_DIRECT` size ' +
      'and place the local disk cache, not a remote one; `SCCACHE_CACHE_MULTIARCH`, `SCCACHE_DIRECT` and ' +
      '`SCCACHE_C_CUSTOM_CACHE_BUSTER` matter only to C/C++ compiles; Rust keys ignore `SCCACHE_BASEDIRS` ' +
      "(through 0.17); and the server's own settings (`SCCACHE_IDLE_TIMEOUT`, the backend and log variables) are " +
      'read once when the server starts, so setting them in a later step does nothing.',
    evidence: 'The variable, where it is set, and why it has no effect there.',
    fix: 'Delete it, or set it where it acts (workflow or job `env:`, before setup starts the server).',
  },
  checkJob(job) {
    const idle = job.env.filter((e) => e.noEffect);
    if (idle.length === 0) return undefined;
    const first = idle[0]!;
    return {
      title: `${[...new Set(idle.map((e) => e.name))].join(', ')} change${idle.length > 1 ? '' : 's'} nothing in job ${job.jobId}`,
      evidence: idle.map((e) => `${e.name} (line ${e.line}): ${e.noEffect}`).join('; ') + '.',
      fix: `# delete, or move before the setup step:\n${idle.map((e) => `#   ${e.name}: ${e.value}   (line ${e.line})`).join('\n')}`,
      line: first.line,
    };
  },
};
