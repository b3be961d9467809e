// The part of @actions/core the two steps use, as one value they receive: the real module in the
// action, a recorder in unit tests (so run() is tested without a runner, as actions/setup-node does).
import * as actionsCore from '@actions/core';

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
