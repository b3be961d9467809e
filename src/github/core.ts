// The part of @actions/core the two steps use, as one value they receive: the real module in the
// action, a recorder in unit tests (so run() is tested without a runner, as actions/setup-node does).
import * as actionsCore from '@actions/core';
import { clipChars, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from '../util/annotation-limits.js';
import { secretScrubber } from '../util/scrub.js';

export type Core = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'getState'
  | 'saveState'
  | 'setSecret'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'setFailed'
  | 'setOutput'
  | 'exportVariable'
  | 'addPath'
> & {
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  readonly appendSummary: (markdown: string) => Promise<void>;
};

export const runnerCore: Core = {
  getInput: actionsCore.getInput,
  getState: actionsCore.getState,
  saveState: actionsCore.saveState,
  setSecret: actionsCore.setSecret,
  info: actionsCore.info,
  notice: actionsCore.notice,
  warning: actionsCore.warning,
  error: actionsCore.error,
  setFailed: actionsCore.setFailed,
  setOutput: actionsCore.setOutput,
  exportVariable: actionsCore.exportVariable,
  addPath: actionsCore.addPath,
  appendSummary: async (markdown) => {
    await actionsCore.summary.addRaw(markdown).write();
  },
};

type Properties = actionsCore.AnnotationProperties;

/**
 * The same core, with every credential value replaced by `***` in all it writes (log lines,
 * annotations, outputs, saved state; exported values excepted: they are the credentials' purpose),
 * and every annotation within GitHub's limits, whichever step wrote it.
 */
export function scrubbingCore(core: Core, secrets: readonly string[]): Core {
  const scrub = secretScrubber(secrets);
  const scrubProps = (p?: Properties): Properties | undefined =>
    p && p.title !== undefined ? { ...p, title: clipChars(scrub(p.title), MAX_TITLE_CHARS) } : p;
  const text = (message: string | Error) =>
    clipChars(scrub(message instanceof Error ? message.message : message), MAX_MESSAGE_CHARS);
  return {
    ...core,
    saveState: (name, value) => core.saveState(name, typeof value === 'string' ? scrub(value) : value),
    // A log line is not an annotation: only scrubbed, not cut.
    info: (message) => core.info(scrub(message)),
    notice: (message, p) => core.notice(text(message), scrubProps(p)),
    warning: (message, p) => core.warning(text(message), scrubProps(p)),
    error: (message, p) => core.error(text(message), scrubProps(p)),
    setFailed: (message) => core.setFailed(text(message)),
    setOutput: (name, value) => core.setOutput(name, typeof value === 'string' ? scrub(value) : value),
    appendSummary: (markdown) => core.appendSummary(scrub(markdown)),
  };
}

/**
 * Registers each secret with the runner (so the log shows *** for it) before anything is printed,
 * and returns the core that scrubs them from what the runner does not mask: files and outputs.
 */
export function maskSecrets(core: Core, secrets: readonly string[]): Core {
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return scrubbingCore(core, secrets);
}
