import { ourStepFix, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

export const backendOverridden: Rule = {
  id: 'backend-overridden',
  severity: 'warning',
  name: 'Another backend variable beats the GitHub cache',
  actionable: true,
  docs: {
    meaning:
      'sccache picks the first configured backend in the order S3 > Redis > Memcached > GCS > GHA > Azure > ' +
      'WebDAV > OSS > COS. A stray `SCCACHE_BUCKET`, `SCCACHE_REDIS*`, `SCCACHE_MEMCACHED*` or `SCCACHE_GCS_BUCKET` ' +
      'in the job silently wins over `backend: gha`.',
    evidence: 'The variables present in the action environment that select a higher-precedence backend.',
    fix: 'Remove those variables from the workflow, or say `backend: external` if that store is the one you want.',
  },
  check(facts) {
    const setup = facts.setup;
    const found = setup?.environment.higherPrecedenceBackends ?? [];
    if (!setup || setup.requestedBackend !== 'gha' || found.length === 0) return undefined;
    return {
      title: `${found.join(', ')} override the GitHub cache backend`,
      evidence: `backend: gha was asked for, but ${found.join(', ')} ${found.length > 1 ? 'are' : 'is'} set and sccache prefers ${found.length > 1 ? 'them' : 'it'}; the server reported \`${facts.stats.cacheLocation}\`.`,
      ...withOurStep(
        '# remove from the workflow env, or use the store on purpose:',
        ourStepFix('backend: external'),
      ),
    };
  },
};
