import { counted } from '../../util/words.js';
import type { EnvLevel } from '../job-facts.js';
import type { Rule } from './rule.js';

const LEVEL_NAME: Readonly<Record<EnvLevel, string>> = {
  workflow: 'workflow env',
  job: 'job env',
  step: "the step's env",
  'github-env': 'written to GITHUB_ENV',
  export: 'exported in the script',
};

export const incrementalCompilation: Rule = {
  id: 'incremental-compilation',
  severity: 'warning',
  name: 'Incremental compilation defeats the cache',
  actionable: true,
  docs: {
    meaning:
      'rustc called with `-C incremental` cannot be cached by sccache. Cargo turns incremental on in the dev ' +
      'profile for workspace and path crates, which are exactly the crates that change least between CI runs ' +
      'of a large workspace.',
    evidence: '`not_cached.incremental`: how many calls were refused for it.',
    fix: 'Set `CARGO_INCREMENTAL: "0"` for the build (this action\'s setup exports it).',
  },
  check(facts) {
    const count = facts.stats.notCached['incremental'] ?? 0;
    if (count === 0) return undefined;
    return {
      title: `${counted(count, 'Rust compilation')} ${count === 1 ? 'was' : 'were'} incremental, which sccache cannot cache`,
      evidence: `${count} of ${facts.stats.compileRequests} compile requests were refused as \`incremental\` (-C incremental).`,
      fix: 'env:\n  CARGO_INCREMENTAL: "0"',
    };
  },
  checkJob(job) {
    const on = job.incrementalOn;
    if (on.length === 0) return undefined;
    return {
      title: `CARGO_INCREMENTAL=${on[0]!.value} reaches the build of job ${job.jobId}: sccache cannot cache it`,
      evidence:
        on
          .map((e) => `line ${e.line} (${LEVEL_NAME[e.level]}) sets CARGO_INCREMENTAL=${e.value}`)
          .join('; ') +
        '; it wins over the CARGO_INCREMENTAL=0 setup exports. sccache 0.7.7 and newer refuse to run at all ' +
        'with it (every compile through the wrapper fails); older ones compile without caching.',
      fix: `CARGO_INCREMENTAL: "0"   # line ${on[0]!.line}`,
      line: on[0]!.line,
    };
  },
};
