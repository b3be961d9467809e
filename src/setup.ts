// The main step. Until setup is built (issue: setup), it only records that it ran so the post step
// can tell a configured run from a report-only one.
import * as core from '@actions/core';

core.saveState('setup-ran', 'true');
core.info('sccache-guard: setup is not implemented yet; the post step will report on whatever sccache ran.');
