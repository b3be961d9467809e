import type { Rule } from './rule.js';

export const versionMismatch: Rule = {
  id: 'version-mismatch',
  severity: 'warning',
  name: 'The sccache that compiled is not the one setup started',
  actionable: true,
  docs: {
    meaning:
      'Setup started one sccache; the build called another: a `RUSTC_WRAPPER` pointing at another binary, or a ' +
      'server of another version answering. A client of another version may still send compiles to the server ' +
      'but cannot read its stats ("Mismatch of client/server versions?"), and a server of another version has ' +
      'its own GHA namespace and configuration.',
    evidence:
      "The version setup started and the one the report found (the server's stats, the wrapper's --version).",
    fix: 'Leave RUSTC_WRAPPER to setup, and install one sccache per job.',
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup) return undefined;
    const found: string[] = [];
    if (facts.stats.version && facts.stats.version !== setup.sccacheVersion) {
      found.push(`the server that answered the report is sccache ${facts.stats.version}`);
    }
    const wrapper = facts.wrapper;
    if (wrapper && wrapper.version !== setup.sccacheVersion) {
      found.push(
        `RUSTC_WRAPPER is ${wrapper.path}${wrapper.version ? `, sccache ${wrapper.version}` : ', whose version could not be read'}`,
      );
    }
    if (found.length === 0) return undefined;
    return {
      title: `sccache ${setup.sccacheVersion} was set up, but ${found[0]}`,
      evidence: `setup started ${setup.sccachePath} (sccache ${setup.sccacheVersion}); ${found.join('; ')}.`,
      fix: '# remove RUSTC_WRAPPER from the workflow (setup exports it), and the second sccache install',
    };
  },
};
