// @actions/cache, loaded on first use. With the Azure storage SDK it is about a third of a bundle,
// and parsing it costs every post step CPU time, including the many that never touch the cache
// (run-record off, another backend). The bundler puts it into a chunk of its own (scripts/build.mjs).
export type ActionsCache = typeof import('@actions/cache');

export const loadActionsCache = (): Promise<ActionsCache> => import('@actions/cache');
