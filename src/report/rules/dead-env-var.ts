import type { Rule } from './rule.js';

export const deadEnvVar: Rule = {
  id: 'dead-env-var',
  severity: 'warning',
  name: 'Variables sccache does not read',
  actionable: true,
  docs: {
    meaning:
      'Advice on the web is full of sccache variables that do nothing: `SCCACHE_GHA_CACHE_TO`, ' +
      '`SCCACHE_GHA_CACHE_FROM`, `SCCACHE_GHA_CACHE_URL` and `SCCACHE_GHA_RUNTIME_TOKEN` existed only in 0.3.x; ' +
      '`SCCACHE_BASEDIR`, `SCCACHE_LOG_LEVEL` and `SCCACHE_STARTUP_TIMEOUT` never existed; `SCCACHE_GHA_RW_MODE` ' +
      'exists only from 0.16.0. Whatever they were meant to do is not happening.',
    evidence: 'The variables set in the job, judged against the sccache version in use.',
    fix: 'Delete them, and use what the finding names instead.',
  },
  check(facts) {
    const dead = facts.setup?.environment.dead ?? [];
    if (dead.length === 0) return undefined;
    return {
      title: `${dead.map((d) => d.name).join(', ')} ${dead.length > 1 ? 'do' : 'does'} nothing in sccache ${facts.setup?.sccacheVersion}`,
      evidence: dead.map((d) => `${d.name}: ${d.why}`).join('; ') + '.',
      fix: `# delete from the workflow env:\n${dead.map((d) => `#   ${d.name}`).join('\n')}`,
    };
  },
  checkJob(job) {
    const dead = job.env.filter((e) => e.dead);
    if (dead.length === 0) return undefined;
    const names = [...new Set(dead.map((d) => d.name))];
    return {
      title: `${names.join(', ')} ${names.length > 1 ? 'do' : 'does'} nothing in sccache ${job.sccacheVersion}`,
      evidence: dead.map((d) => `${d.name} (line ${d.line}): ${d.dead}`).join('; ') + '.',
      fix: `# delete:\n${dead.map((d) => `#   ${d.name}: ${d.value}   (line ${d.line})`).join('\n')}`,
      line: dead[0]!.line,
    };
  },
};
