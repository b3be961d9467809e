// A time budget for I/O we do not control (the cache service, the GitHub API): the report stops
// waiting when it runs out and says so. The abandoned call is not cancelled (@actions/cache takes no
// signal), so the post step's entry exits without waiting for it.

/** Resolves or rejects as `promise` does, or rejects after `ms` with "<what> took longer than N s". */
export function withinBudget<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
