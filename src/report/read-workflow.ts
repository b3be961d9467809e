// Reads a workflow file (and the local reusable workflows its jobs call) into the jobs to explain,
// for the post step and for `explain --workflow`. Every failure is a message, never a throw: a
// workflow that cannot be read costs the report its workflow findings, nothing else.
import { join } from 'node:path';
import {
  localCallee,
  readWorkflowFile,
  repositoryRootOf,
  WorkflowFileError,
} from '../github/workflow-file.js';
import { parseWorkflow, WorkflowParseError } from '../github/workflow.js';
import type { SccacheVersion } from '../sccache/version.js';
import type { JobFacts } from './job-facts.js';
import { jobsWorthReading, selectJobs, type LoadedWorkflow } from './workflow-jobs.js';

export interface WorkflowRequest {
  /** Where the file is on this machine. */
  readonly path: string;
  /** How findings name it: the CLI argument as given, or the path in the repository. */
  readonly file: string;
  readonly jobId?: string;
  readonly version: SccacheVersion;
}

export type WorkflowRead =
  | { readonly ok: true; readonly jobs: readonly JobFacts[]; readonly notes: readonly string[] }
  | {
      readonly ok: false;
      readonly problem: 'unreadable' | 'invalid' | 'unknown-job';
      /** One line: "FILE:LINE:COL: reason" for invalid YAML, the file and the reason otherwise. */
      readonly message: string;
      readonly knownJobs?: readonly string[];
    };

function load(
  path: string,
  file: string,
  jobId: string | undefined,
): LoadedWorkflow | { problem: 'unreadable' | 'invalid'; message: string } {
  try {
    return { file, workflow: parseWorkflow(readWorkflowFile(path), jobsWorthReading(jobId)) };
  } catch (error) {
    if (error instanceof WorkflowParseError)
      return { problem: 'invalid', message: `${file}:${error.message}` };
    if (error instanceof WorkflowFileError) return { problem: 'unreadable', message: error.message };
    throw error;
  }
}

export function readWorkflowJobs(request: WorkflowRequest): WorkflowRead {
  const top = load(request.path, request.file, request.jobId);
  if ('problem' in top) return { ok: false, problem: top.problem, message: top.message };
  const diskRoot = repositoryRootOf(request.path);
  const nameRoot = repositoryRootOf(request.file);
  const selection = selectJobs(top, request.jobId, request.version, (uses) => {
    const onDisk = localCallee(uses, diskRoot);
    if (!onDisk) return `${uses} is not in this repository, so its steps cannot be read`;
    const named = localCallee(uses, nameRoot) ?? join(nameRoot, uses);
    // The job may be in the callee (a run's GITHUB_JOB is the called workflow's job id).
    const callee = load(onDisk, named, request.jobId);
    return 'problem' in callee ? callee.message : callee;
  });
  if ('unknownJob' in selection) {
    return {
      ok: false,
      problem: 'unknown-job',
      message: `${request.file} has no job "${selection.unknownJob}"; its jobs: ${selection.known.join(', ') || 'none'}`,
      knownJobs: selection.known,
    };
  }
  return { ok: true, jobs: selection.jobs, notes: selection.notes };
}
