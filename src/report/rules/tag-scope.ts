import { ourStepFix, withOurStep } from './fixes.js';
import type { Rule } from './rule.js';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Tag builds read what the default branch warmed and write nothing into the tag's scope. */
const READ_ONLY = ourStepFix('read-only: true');

export const tagScope: Rule = {
  id: 'tag-scope',
  severity: 'warning',
  name: 'A tag or release build writes where no later run reads',
  actionable: true,
  docs: {
    meaning:
      "GitHub's cache is scoped by ref. A job that runs on `push: tags`, `release` or `create` writes its " +
      "entries into the tag's scope, which no later run reads (the next tag is another ref), and reads only " +
      "what its own ref and the default branch hold. sccache's keys include the toolchain, the target, the " +
      'profile, `RUSTFLAGS`, every `CARGO_*` variable and the working directory, so the default branch only ' +
      'helps when it builds exactly the release configuration. Otherwise every release build starts cold.',
    evidence:
      'The trigger line (`tags:` under `push`, `release`, `create`) of a job that compiles through the GitHub cache.',
    fix:
      'Warm the default branch with the release configuration: a job on `push: branches: [main]` that builds ' +
      'with the same toolchain, target, profile and `RUSTFLAGS` as the release; or keep a tag build off the ' +
      'shared cache (`read-only: true`).',
  },
  check(facts) {
    const gha = facts.location.backend === 'gha' || facts.levels.some((l) => l.location.backend === 'gha');
    if (!facts.tagRun || !gha || !facts.scope || facts.readOnlyByDesign) return undefined;
    const changes = facts.comparedWith && !facts.comparedWith.sameRef ? facts.inputChanges : [];
    const defaultRefs = (facts.cacheListing?.byRef ?? []).filter((r) => r.ref !== facts.scope?.ref);
    const held = defaultRefs.length
      ? ` ${defaultRefs.map((r) => `${r.ref} holds ${r.entries} entries of this namespace`).join(', ')}; this run hit ${facts.hits} of ${facts.lookups}.`
      : '';
    // The values are config-changed's to give; here only which inputs keep the two apart.
    const differs = changes.length
      ? ` Against the default branch's last run (${facts.previousRun?.runId}) these inputs differ: ${changes
          .map((c) => c.name)
          .join(', ')} (see config-changed).`
      : '';
    return {
      title: `This ${facts.scope.event} run on ${facts.scope.ref} writes into a cache scope no later run reads`,
      // scopeDescription is a clause ("this push run reads …"); here it starts the sentence.
      evidence: `${sentenceCase(facts.scopeDescription ?? '')}; every entry it writes is unreachable for later runs.${held}${differs}`,
      ...withOurStep(
        '# Warm the default branch with the release configuration (same toolchain, target, profile, RUSTFLAGS),\n' +
          '# or keep tag builds off the shared cache:',
        READ_ONLY,
      ),
    };
  },
  checkJob(job, facts) {
    // A read-only tag build writes nothing into the tag's scope: the advice was taken.
    if (!job.usesGhaCache || !job.tagTrigger || job.readOnly) return undefined;
    // The run says which store it used: a job that ended up on local disk has no scope problem.
    const usedGha = (l: { backend: string }) => l.backend === 'gha';
    if (facts && !usedGha(facts.location) && !facts.levels.some((l) => usedGha(l.location))) return undefined;
    return {
      title: `Job ${job.jobId} runs on ${job.tagTrigger.what}: its cache writes land in a tag's scope that no later run reads`,
      evidence:
        `\`${job.tagTrigger.what}\` (line ${job.tagTrigger.line}) triggers job \`${job.jobId}\`, which compiles ` +
        "through sccache's GitHub cache; a tag run reads only its own ref and the default branch, and only " +
        'entries built with the same toolchain, target, profile, RUSTFLAGS, CARGO_* variables and directory hit.',
      ...withOurStep(
        '# Let tag builds read what main warmed without writing entries no later run can read:',
        READ_ONLY,
        '\n# And build the default branch with the release configuration (the same toolchain, target, profile and ' +
          'RUSTFLAGS), so that what it writes is what a tag run looks up; config-changed names what differs.',
      ),
      line: job.tagTrigger.line,
      ...(job.tagTrigger.file ? { file: job.tagTrigger.file } : {}),
    };
  },
};
