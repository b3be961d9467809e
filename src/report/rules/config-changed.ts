import type { Facts } from '../facts.js';
import type { Rule } from './rule.js';

type InputChange = Facts['inputChanges'][number];

/** A variable whose value the record shows (not fingerprinted, not a secret), as YAML can hold it. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const shownValue = (value: string) => value.startsWith('"');

/** `env:` lines with these values (JSON strings are YAML double-quoted scalars), or '' for none. */
function envBlock(values: readonly { name: string; value: string }[]): string {
  const lines = values.filter((v) => shownValue(v.value)).slice(0, 8);
  return lines.length ? `env:\n${lines.map((v) => `  ${v.name}: ${v.value}`).join('\n')}` : '';
}

/** What differs that is not a variable (the toolchain, the targets, the directory), by name. */
function otherInputs(changes: readonly InputChange[]): string {
  const others = changes.filter((c) => !ENV_NAME.test(c.name)).map((c) => c.name);
  return others.length ? ` the same ${others.join(', ')};` : '';
}

/**
 * The change that brings the two runs' keys together. Against the default branch (a tag or pull
 * request run): build the default branch as this run builds, so that what it writes is what this
 * run looks up. Against this ref's own last run: an intended change costs one cold run; otherwise
 * go back to the values that hit.
 */
function fixFor(changes: readonly InputChange[], sameRef: boolean, runId: string): string {
  const variables = changes.filter((c) => ENV_NAME.test(c.name));
  const unset = (side: 'before' | 'after') =>
    variables.filter((c) => c[side] === '(unset)').map((c) => c.name);
  if (!sameRef) {
    const block = envBlock(variables.map((c) => ({ name: c.name, value: c.after })));
    const leaveUnset = unset('after');
    return (
      `# Build the default branch the way this run builds, so that it writes what this run looks up:${otherInputs(changes)}` +
      (block
        ? ' in the env of the job that builds the default branch (which then builds this way too), set\n' +
          block
        : '') +
      (leaveUnset.length ? `\n# and leave ${leaveUnset.join(', ')} unset there.` : '')
    );
  }
  const block = envBlock(variables.map((c) => ({ name: c.name, value: c.before })));
  const remove = unset('before');
  return (
    `# If the change was intended, the next run hits again: nothing to do. Otherwise build as run ${runId} did:${otherInputs(changes)}` +
    (block ? '\n' + block : '') +
    (remove.length ? `\n# and remove ${remove.join(', ')} from the job.` : '')
  );
}

export const configChanged: Rule = {
  id: 'config-changed',
  severity: 'notice',
  name: "Inputs of sccache's keys changed since the last run",
  actionable: true,
  docs: {
    meaning:
      "sccache's Rust keys hash the compiler, the arguments (RUSTFLAGS, --target), every CARGO_* variable and " +
      'the working directory; its C/C++ keys the compiler and its flags. The run record of the last run of this ' +
      'job (this ref first, else the default branch) keeps what went into them; what differs now makes the ' +
      'entries written then unreachable. A warning when this run missed where the last one hit; a notice ' +
      'otherwise. For a tag or pull-request run the record compared with is the default branch’s (tag-scope ' +
      'then names the inputs and points here for their values).',
    evidence:
      'Each input that differs, with both values (or "changed" for fingerprinted ones), and why it matters.',
    fix: 'Make the inputs match (the same toolchain, target, profile and flags on the run that warms the cache), or expect one cold run after an intended change.',
  },
  check(facts) {
    const changes = facts.inputChanges;
    const previous = facts.previousRun;
    if (!previous || changes.length === 0) return undefined;
    const kind = facts.comparedWith?.kind;
    const where = !kind || kind === 'this ref' ? `on ${previous.ref}` : `on ${previous.ref} (${kind})`;
    const missedWhatHit = previous.hits > 0 && facts.misses > 0;
    return {
      ...(missedWhatHit ? { severity: 'warning' as const } : {}),
      title: `${changes.length} input${changes.length > 1 ? 's' : ''} of sccache's keys changed since run ${previous.runId} ${where}`,
      evidence:
        changes.map((c) => `${c.name}: ${c.before} → ${c.after} (${c.why})`).join('; ') +
        `. That run: ${previous.hits} hits, ${previous.misses} misses; this run: ${facts.hits} hits, ${facts.misses} misses.`,
      fix: fixFor(changes, facts.comparedWith?.sameRef ?? true, previous.runId),
    };
  },
};
