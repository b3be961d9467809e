// Fix snippets that several rules give: the same advice must read the same way everywhere, and
// change in one place when our inputs or the pinned sccache do.
import { NEWEST_TESTED_VERSION } from '../../sccache/version.js';

/** Our own step with the given `with:` lines, as a user would paste it into the workflow. */
export const ourStep = (...withLines: readonly string[]): string =>
  `- uses: org/sccache-guard@v1\n  with:\n${withLines.map((line) => `    ${line}`).join('\n')}`;

/** One archive of SCCACHE_DIR per job instead of one GitHub cache entry per object. */
export const USE_LOCAL_BACKEND = ourStep('backend: local');

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
