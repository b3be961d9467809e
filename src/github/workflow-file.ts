// Where the running workflow's file is, and reading it (or a reusable workflow it calls) with a size
// bound. GITHUB_WORKFLOW_REF is `owner/repo/PATH@ref`; the file is PATH under GITHUB_WORKSPACE when
// the job checked the repository out, and absent otherwise (no checkout, a sparse one).
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** Far beyond any real workflow (GitHub's own limit on a workflow file is 512 KB as of 2026). */
export const MAX_WORKFLOW_BYTES = 8 * 1024 * 1024;

export class WorkflowFileError extends Error {
  override readonly name = 'WorkflowFileError';
}

export interface WorkflowLocation {
  /** The path inside the repository (what annotations and blob links name). */
  readonly file: string;
  /** Where it is on this runner. */
  readonly absolute: string;
}

/** The workflow of this run, or why it cannot be named. Pure: reads only the environment. */
export function workflowOfRun(env: NodeJS.ProcessEnv): WorkflowLocation | { readonly missing: string } {
  const ref = env['GITHUB_WORKFLOW_REF'];
  const repository = env['GITHUB_REPOSITORY'];
  if (!ref) return { missing: 'GITHUB_WORKFLOW_REF is not set, so the workflow file is unknown' };
  const at = ref.lastIndexOf('@');
  const full = at > 0 ? ref.slice(0, at) : ref;
  // owner/repo/.github/workflows/ci.yml: the repository part is the first two segments.
  const prefix = repository && full.startsWith(`${repository}/`) ? `${repository}/` : undefined;
  const file = prefix ? full.slice(prefix.length) : full.split('/').slice(2).join('/');
  if (!file || file.split('/').includes('..'))
    return { missing: `GITHUB_WORKFLOW_REF "${ref}" names no file` };
  if (repository && !prefix) {
    return {
      missing: `the workflow ${full} belongs to another repository than ${repository}, which this job checked out`,
    };
  }
  const workspace = env['GITHUB_WORKSPACE'];
  if (!workspace) return { missing: 'GITHUB_WORKSPACE is not set, so the workflow file cannot be found' };
  return { file, absolute: join(workspace, file) };
}

/** The text of a workflow file; throws WorkflowFileError naming the path and the reason. */
export function readWorkflowFile(path: string, maxBytes = MAX_WORKFLOW_BYTES): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new WorkflowFileError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkflowFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkflowFileError(
      code === 'ENOENT'
        ? `${path} is not in the workspace (no checkout, or a sparse one?)`
        : `${path}: ${code ?? error}`,
    );
  }
  if (size > maxBytes)
    throw new WorkflowFileError(`${path} is ${size} bytes, more than the ${maxBytes} read`);
  return readFileSync(path, 'utf8');
}

/** The repository root a workflow path is relative to: above `.github/workflows`, else its folder. */
export function repositoryRootOf(workflowPath: string): string {
  const folder = dirname(normalize(workflowPath));
  const tail = `${sep}.github${sep}workflows`;
  if (folder.endsWith(tail)) return folder.slice(0, -tail.length) || '.';
  if (folder === `.github${sep}workflows`) return '.';
  return folder;
}

/** A local reusable workflow (`uses: ./.github/workflows/x.yml`) as a path under the root, or undefined. */
export function localCallee(uses: string, root: string): string | undefined {
  if (!uses.startsWith('./')) return undefined;
  const path = normalize(uses.replace(/@.*$/, ''));
  if (isAbsolute(path) || path.split(sep).includes('..')) return undefined;
  return root === '.' ? path : join(root, path);
}

/** The web address of a line of a workflow file at this run's commit, when the run names them. */
export function workflowLineLink(
  env: NodeJS.ProcessEnv,
): ((place: { readonly file: string; readonly line: number }) => string) | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const sha = env['GITHUB_SHA'];
  if (!server || !repository || !sha || !URL.canParse(server)) return undefined;
  return (place) =>
    `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}/${place.file.split('/').map(encodeURIComponent).join('/')}#L${place.line}`;
}
