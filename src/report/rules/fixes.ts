// Fix snippets that several rules give: the same advice must read the same way everywhere, and
// change in one place when our inputs or the pinned sccache do.
import { NEWEST_TESTED_VERSION } from '../../sccache/version.js';

/**
 * Inputs a fix sets on our step, by name: the value as written after `name: `, which may end in a
 * `# comment` (applyRules fits them into the user's own step when the workflow was read).
 */
export type StepInputs = Readonly<Record<string, string>>;

/** Our own step with the given `with:` lines, as a user would paste it into the workflow. */
export const ourStep = (...withLines: readonly string[]): string =>
  `- uses: org/sccache-guard@v1\n  with:\n${withLines.map((line) => `    ${line}`).join('\n')}`;

/** The inputs of `name: value` lines, split at the first `: `. */
const inputsOf = (withLines: readonly string[]): StepInputs =>
  Object.fromEntries(
    withLines.map((line) => {
      const at = line.indexOf(': ');
      return at < 0 ? [line.replace(/:$/, ''), ''] : [line.slice(0, at), line.slice(at + 2)];
    }),
  );

/** The generic snippet of a fix that sets these inputs on our step: what ourStep prints for them. */
export const ourStepSnippet = (inputs: StepInputs): string =>
  ourStep(...Object.entries(inputs).map(([name, value]) => `${name}: ${value}`));

/** A fix that sets inputs on our step: the generic snippet, and the inputs it sets. */
export interface OurStepFix {
  readonly snippet: string;
  readonly stepInputs: StepInputs;
}

/** The inputs are written once, as `name: value` lines: the snippet and the map come from them. */
export const ourStepFix = (...withLines: readonly string[]): OurStepFix => {
  const stepInputs = inputsOf(withLines);
  return { snippet: ourStepSnippet(stepInputs), stepInputs };
};

/**
 * A diagnosis' `fix` and `stepInputs` for advice around our step: `before` (comment lines, or ''),
 * the snippet, then `after` (more lines, starting with their own line break, or '').
 */
export const withOurStep = (
  before: string,
  step: OurStepFix,
  after = '',
): { readonly fix: string; readonly stepInputs: StepInputs } => ({
  fix: `${before ? `${before}\n` : ''}${step.snippet}${after}`,
  stepInputs: step.stepInputs,
});

/** One archive of SCCACHE_DIR per job instead of one GitHub cache entry per object. */
export const LOCAL_BACKEND = ourStepFix('backend: local');
export const USE_LOCAL_BACKEND = LOCAL_BACKEND.snippet;

/**
 * The sccache version to pin in advice: the newest this project has tested (its checksums are
 * committed for Linux; 0.15.0 is the newest with sums for macOS and Windows too).
 */
export const PINNED_SCCACHE = `sccache-version: ${NEWEST_TESTED_VERSION}   # 0.15.0 on macOS and Windows`;

/** What every step or container that starts its own sccache server needs for the v2 protocol. */
export const V2_ENV_FOR_OTHER_SERVERS =
  '# in every step and container that starts sccache (run: steps do not get these by themselves):\n' +
  'env:\n  ACTIONS_CACHE_SERVICE_V2: "on"\n  ACTIONS_RESULTS_URL: ${{ env.ACTIONS_RESULTS_URL }}\n' +
  '  ACTIONS_RUNTIME_TOKEN: ${{ env.ACTIONS_RUNTIME_TOKEN }}';
