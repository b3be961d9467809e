// ACTIONS_CACHE_MODE, which the runner exports since cache-mode went GA (2026-09): whether this job
// may read and write the GitHub cache. @actions/cache honours it by itself (lib/internal/config.js:
// none | read | write | write-only); sccache's GHA backend does not, so setup must. Read here only.

export type CacheMode = 'none' | 'read' | 'write' | 'write-only' | 'unset';

export function cacheMode(env: Readonly<Record<string, string | undefined>>): CacheMode {
  const mode = (env['ACTIONS_CACHE_MODE'] ?? '').trim().toLowerCase();
  // Unknown values are permissive, as in @actions/cache: behave as before the runner had the setting.
  return mode === 'none' || mode === 'read' || mode === 'write' || mode === 'write-only' ? mode : 'unset';
}
