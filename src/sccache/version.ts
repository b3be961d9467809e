// What an sccache version can do, so that setup exports exactly what that version understands. Each
// capability names the release that brought it; the variables are read in sccache's src/config.rs
// (SCCACHE_GHA_*), src/cache/gha.rs and src/commands.rs of that tag, and the e2e tests check the
// boundaries against real binaries (0.4.2, 0.7.7, 0.8.2, 0.9.1, 0.10.0, 0.16.0).
import semver from 'semver';

/** The newest sccache release whose behaviour this project has checked against a real binary. */
export const NEWEST_TESTED_VERSION = '0.16.0';

export interface Capabilities {
  /** opendal ghac v2 (twirp) exists: 0.10.0+. */
  readonly ghaV2: boolean;
  /** The GHA backend is configured by SCCACHE_GHA_ENABLED (0.4.0+); 0.3 used ACTIONS_CACHE_URL alone. */
  readonly ghaEnabledVariable: boolean;
  /** SCCACHE_GHA_ENABLED accepts 1/on/true case-insensitively and rejects other values: 0.8.0+. */
  readonly strictBooleanEnv: boolean;
  /** SCCACHE_GHA_RW_MODE=READ_ONLY: 0.16.0+. */
  readonly ghaReadOnlyMode: boolean;
  /** --show-stats no longer starts a server: 0.7.7+. */
  readonly showStatsWithoutStart: boolean;
  /** An empty SCCACHE_GHA_VERSION still enables GHA up to 0.15. */
  readonly emptyGhaVersionEnables: boolean;
  /** CARGO_INCREMENTAL=1 in the compile environment is refused outright (seen on 0.7.7+ binaries). */
  readonly refusesCargoIncremental: boolean;
  /** SCCACHE_CACHE_SIZE in plain bytes (no unit) is read: 0.8.1+ (#2183); before, it is ignored. */
  readonly cacheSizeInBytes: boolean;
}

export interface SccacheVersion {
  /** As printed, without the leading "sccache ". */
  readonly raw: string;
  /** Coerced semver (0.4.0-pre.6 stays a prerelease), or null when unparseable. */
  readonly semver: string | null;
  /** True when newer than NEWEST_TESTED_VERSION: newest known behaviour assumed. */
  readonly newerThanTested: boolean;
}

export class VersionParseError extends Error {
  override readonly name = 'VersionParseError';
}

/** Parses `sccache --version` output: "sccache 0.16.0". */
export function parseVersionOutput(output: string): SccacheVersion {
  const match = /^sccache\s+(\S+)/m.exec(output.trim());
  if (!match)
    throw new VersionParseError(
      `\`sccache --version\` printed "${output.trim().slice(0, 80)}", not "sccache X.Y.Z"`,
    );
  return parseVersion(match[1]!);
}

/** A version as sccache names it ("0.16.0", "0.4.0-pre.6"); semver is null when it is not one. */
export function parseVersion(raw: string): SccacheVersion {
  const parsed = semver.valid(raw) ?? semver.coerce(raw)?.version ?? null;
  return {
    raw,
    semver: parsed,
    newerThanTested: parsed !== null && semver.gt(parsed, NEWEST_TESTED_VERSION),
  };
}

/** Unknown versions get the newest known behaviour. */
export function capabilitiesOf(version: SccacheVersion): Capabilities {
  const v = version.semver ?? NEWEST_TESTED_VERSION;
  // 0.4.0-pre.N is older than 0.4.0 in semver, which is what we want (Debian's pre.6 is shape A').
  const atLeast = (min: string) => semver.gte(v, min);
  return {
    ghaV2: atLeast('0.10.0'),
    ghaEnabledVariable: atLeast('0.4.0-pre.4'),
    strictBooleanEnv: atLeast('0.8.0'),
    ghaReadOnlyMode: atLeast('0.16.0'),
    showStatsWithoutStart: atLeast('0.7.7'),
    emptyGhaVersionEnables: !atLeast('0.16.0'),
    refusesCargoIncremental: atLeast('0.7.7'),
    cacheSizeInBytes: atLeast('0.8.1'),
  };
}
