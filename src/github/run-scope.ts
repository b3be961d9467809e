// Which GitHub cache scope this run reads and writes, from the run's context (@actions/github).
// A run reads entries of its own ref and of the default branch, a pull request also its base
// branch; it writes into its own ref (docs: "Restrictions for accessing a cache").

export interface RunScope {
  readonly event: string;
  /** GITHUB_REF: refs/heads/…, refs/tags/… or refs/pull/N/merge. */
  readonly ref: string;
  readonly defaultBranch?: string;
  /** For pull requests: the branch it targets. */
  readonly baseRef?: string;
}

/** The refs whose entries this run can read, in the order GitHub searches them. */
export function readableRefs(scope: RunScope): string[] {
  const refs = [scope.ref];
  if (scope.baseRef) refs.push(`refs/heads/${scope.baseRef}`);
  if (scope.defaultBranch) refs.push(`refs/heads/${scope.defaultBranch}`);
  return [...new Set(refs)];
}

export function describeScope(scope: RunScope): string {
  const reads = readableRefs(scope).join(', ');
  const writes = scope.ref.startsWith('refs/pull/')
    ? `${scope.ref}, which only re-runs of this pull request can read`
    : scope.ref;
  return `this ${scope.event} run reads entries of ${reads} and writes into ${writes}`;
}

/**
 * The run's scope from @actions/github's context. Loaded lazily and guarded: its context parses
 * GITHUB_EVENT_PATH when the module loads and throws on a broken event file.
 */
export async function currentScope(): Promise<RunScope | undefined> {
  try {
    const { context } = await import('@actions/github');
    if (!context.ref) return undefined;
    const payload = context.payload as {
      repository?: { default_branch?: string };
      pull_request?: { base?: { ref?: string } };
    };
    const defaultBranch = payload.repository?.default_branch;
    const baseRef = payload.pull_request?.base?.ref;
    return {
      event: context.eventName,
      ref: context.ref,
      ...(defaultBranch ? { defaultBranch } : {}),
      ...(baseRef ? { baseRef } : {}),
    };
  } catch {
    return undefined;
  }
}
