// Which jobs of a workflow to explain: the one named (the post step's GITHUB_JOB, `explain --job`),
// else every job that compiles through sccache. A job that calls a local reusable workflow is
// explained through the jobs it calls, with the caller's triggers (they decide the cache scope).
// Pure: the caller hands in the parsed workflow and a way to load a callee.
import type { Workflow, WorkflowJob } from '../github/workflow.js';
import type { SccacheVersion } from '../sccache/version.js';
import { buildJobFacts, type JobFacts } from './job-facts.js';

export interface LoadedWorkflow {
  /** The path as given (the CLI's argument, or the path in the repository in the post step). */
  readonly file: string;
  readonly workflow: Workflow;
}

/** Loads a local reusable workflow named by `uses: ./…`; a string says why it could not. */
export type LoadCallee = (uses: string) => LoadedWorkflow | string | undefined;

export type JobSelection =
  | { readonly jobs: readonly JobFacts[]; readonly notes: readonly string[] }
  | { readonly unknownJob: string; readonly known: readonly string[] };

interface Candidate {
  readonly source: LoadedWorkflow;
  readonly job: WorkflowJob;
  /** The caller whose triggers apply, for a job of a reusable workflow. */
  readonly caller?: LoadedWorkflow;
}

function candidates(top: LoadedWorkflow, load: LoadCallee, notes: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const job of top.workflow.jobs) {
    out.push({ source: top, job });
    if (!job.uses) continue;
    const callee = load(job.uses.value);
    if (typeof callee === 'string') notes.push(`job ${job.id} calls ${job.uses.value}: ${callee}`);
    else if (callee)
      for (const inner of callee.workflow.jobs) out.push({ source: callee, job: inner, caller: top });
  }
  return out;
}

function factsOf(candidate: Candidate, version: SccacheVersion): JobFacts {
  const { source, job, caller } = candidate;
  // A reusable workflow runs on its caller's events: those decide which cache scope it writes.
  const workflow = caller
    ? { ...source.workflow, triggers: caller.workflow.triggers.map((t) => ({ ...t, file: caller.file })) }
    : source.workflow;
  return buildJobFacts({ workflow, job, file: source.file, version });
}

export function selectJobs(
  top: LoadedWorkflow,
  jobId: string | undefined,
  version: SccacheVersion,
  load: LoadCallee,
): JobSelection {
  const notes: string[] = [];
  const all = candidates(top, load, notes);
  if (jobId !== undefined) {
    const named = all.filter((c) => c.job.id === jobId && !c.job.uses);
    if (named.length === 0) {
      const callees = all.filter((c) => c.caller && !c.job.uses).map((c) => c.job.id);
      return { unknownJob: jobId, known: [...new Set([...top.workflow.jobIds, ...callees])] };
    }
    return { jobs: named.map((c) => factsOf(c, version)), notes };
  }
  const jobs = all.filter((c) => !c.job.uses).map((c) => factsOf(c, version));
  return { jobs: jobs.filter((j) => j.compilesThroughSccache), notes };
}

/** A job calling a local reusable workflow (its steps are in the callee). */
const CALLS_LOCAL_WORKFLOW = /^\s*uses:\s*["']?\.\//m;
/** Without one of these words a job cannot set sccache up or tell cargo to use it. */
const MENTIONS_SCCACHE = /sccache|SCCACHE_|RUSTC_WRAPPER|_COMPILER_LAUNCHER|ACTIONS_CACHE_URL/i;

/**
 * Which jobs of a large file are worth parsing (given the job's id and its text): the one asked
 * for, or every job that could compile through sccache; and those that call a local reusable
 * workflow. A hint only: a file read whole reads every job.
 */
export const jobsWorthReading =
  (jobId: string | undefined) =>
  (id: string, text: string): boolean =>
    CALLS_LOCAL_WORKFLOW.test(text) || (jobId !== undefined ? id === jobId : MENTIONS_SCCACHE.test(text));
