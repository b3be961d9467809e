// Which kind of GitHub the run talks to: github.com, GHE.com (data residency) or GitHub Enterprise
// Server. It decides the cache protocol (GHES still serves v1) and what the report may advise.

export type HostKind = 'github.com' | 'ghe.com' | 'ghes';

export interface Host {
  readonly kind: HostKind;
  readonly serverUrl: string;
  /** True when no server URL was known and github.com was assumed. */
  readonly assumed: boolean;
}

/** From GITHUB_SERVER_URL; github.com when it is absent or not a URL. */
export function hostFromServerUrl(serverUrl: string | undefined): Host {
  if (!serverUrl) return { kind: 'github.com', serverUrl: 'https://github.com', assumed: true };
  let hostname: string;
  try {
    hostname = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return { kind: 'github.com', serverUrl, assumed: true };
  }
  // The same test @actions/cache (lib/internal/config.js, isGhes) and opendal's ghac service use to
  // tell GHES from GitHub's cloud; *.localhost is GitHub's own development host.
  if (hostname === 'github.com' || hostname.endsWith('.localhost'))
    return { kind: 'github.com', serverUrl, assumed: false };
  if (hostname.endsWith('.ghe.com')) return { kind: 'ghe.com', serverUrl, assumed: false };
  return { kind: 'ghes', serverUrl, assumed: false };
}
