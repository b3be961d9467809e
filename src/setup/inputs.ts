// Action inputs → one validated Settings object. Every bad value is an InputError naming the input.
import {
  parseMinHitRate,
  SAVE_POLICIES,
  SUMMARY_MODES,
  type SavePolicy,
  type SummaryMode,
} from '../handoff.js';
import { parseCacheSize, type CacheSize } from '../sccache/cache-size.js';
import { NEWEST_TESTED_VERSION } from '../sccache/version.js';
import { parseBooleanInput } from '../util/boolean-input.js';
import type { StoreSettings } from '../sccache/stores.js';
import { InputError } from './input-error.js';
import { readStoreSettings } from './store-inputs.js';

export type BackendChoice = 'auto' | 'gha' | 'local' | 's3' | 'redis' | 'webdav' | 'external';
export type ReadOnlyChoice = 'auto' | 'true' | 'false';

export interface Settings {
  readonly backend: BackendChoice;
  /** backend s3, redis or webdav: the store the s3-*, redis-* or webdav-* inputs name. */
  readonly store?: StoreSettings;
  /** '' = the newest tested version this action carries a checksum for on this runner. */
  readonly sccacheVersion: string;
  readonly sccacheDownloadUrl: string;
  readonly sccacheSha256: string;
  /** Install only versions with a committed (or given) sum, never on the release's own `.sha256`. */
  readonly committedSumsOnly: boolean;
  readonly cacheNamespace: string;
  readonly readOnly: ReadOnlyChoice;
  /** SCCACHE_CACHE_SIZE for the local backend: the bound of SCCACHE_DIR, and so of its archive. */
  readonly cacheSize: CacheSize;
  /** The report's save input (the local archive), checked here so that a bad value fails setup, naming it. */
  readonly save: SavePolicy;
  readonly rustcWrapper: boolean;
  readonly cmakeLaunchers: boolean;
  readonly onBackendFailure: 'fallback' | 'fail';
  readonly logLevel: string;
  readonly jobLabel: string;
  /** The report's run-record input, checked here so that a bad value fails setup, naming it. */
  readonly runRecord: boolean;
  /** Export the GitHub cache credentials to later steps too (a docker build that starts its own sccache). */
  readonly exportCredentials: boolean;
  /** The report's summary input, checked here so that a bad value fails setup, naming it. */
  readonly summary: SummaryMode;
  /** The report's min-hit-rate floor in percent, checked here so that a bad value fails setup, naming it. */
  readonly minHitRate?: number;
}

export { InputError } from './input-error.js';

export const DEFAULT_DOWNLOAD_URL =
  'https://github.com/mozilla/sccache/releases/download/v{version}/sccache-v{version}-{target}.tar.gz';

/**
 * The cache-size default, as in action.yml: GitHub gives a repository 10 GB of cache, shared by
 * every job of a matrix (one archive each) and every branch, so one job's archive stays well under it.
 */
export const DEFAULT_CACHE_SIZE = '2G';

type GetInput = (name: string) => string;

function oneOf<T extends string>(get: GetInput, name: string, allowed: readonly T[], fallback: T): T {
  const value = get(name).trim() || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(name, `"${value}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function boolean(get: GetInput, name: string, fallback: boolean): boolean {
  const value = parseBooleanInput(get(name), fallback);
  if (value === undefined)
    throw new InputError(name, `"${get(name).trim()}" is not a boolean (true or false)`);
  return value;
}

/** auto, or a yes/no the way every other boolean input reads it (True and FALSE included). */
function readOnlyChoice(get: GetInput): ReadOnlyChoice {
  const text = get('read-only').trim();
  if (text === '' || text === 'auto') return 'auto';
  const value = parseBooleanInput(text, false);
  if (value === undefined) throw new InputError('read-only', `"${text}" is not auto, true or false`);
  return value ? 'true' : 'false';
}

/** @param get reads one input as the runner passed it (core.getInput). */
export function readSettings(get: GetInput): Settings {
  // Empty: the newest tested version with a committed checksum for this runner (chosen at install).
  const sccacheVersion = get('sccache-version').trim().replace(/^v/, '');
  if (sccacheVersion && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(sccacheVersion)) {
    throw new InputError(
      'sccache-version',
      `"${sccacheVersion}" is not a release version such as ${NEWEST_TESTED_VERSION}`,
    );
  }
  const cacheNamespace = get('cache-namespace').trim();
  // It becomes part of GitHub cache versions and of a cache key: keep it to a safe alphabet.
  if (cacheNamespace && !/^[A-Za-z0-9._-]{1,64}$/.test(cacheNamespace)) {
    throw new InputError(
      'cache-namespace',
      `"${cacheNamespace}" may use only letters, digits, ".", "_" and "-" (at most 64)`,
    );
  }
  const sccacheDownloadUrl = get('sccache-download-url').trim() || DEFAULT_DOWNLOAD_URL;
  if (!/^https?:\/\//.test(sccacheDownloadUrl)) {
    throw new InputError('sccache-download-url', `"${sccacheDownloadUrl}" is not an http(s) URL`);
  }
  const sccacheSha256 = get('sccache-sha256').trim().toLowerCase();
  if (sccacheSha256 && !/^[0-9a-f]{64}$/.test(sccacheSha256)) {
    throw new InputError('sccache-sha256', 'must be 64 hexadecimal characters');
  }
  const logLevel = get('log-level').trim() || 'sccache=debug';
  if (!/^[A-Za-z0-9_:=,.-]+$/.test(logLevel)) {
    throw new InputError(
      'log-level',
      `"${logLevel}" is not an SCCACHE_LOG filter such as info or sccache=debug (or off)`,
    );
  }
  // The default lives in action.yml; '' (no input, as in unit tests and the CLI) means the same.
  const cacheSize = parseCacheSize(get('cache-size').trim() || DEFAULT_CACHE_SIZE);
  if ('invalid' in cacheSize) throw new InputError('cache-size', cacheSize.invalid);
  const floor = parseMinHitRate(get('min-hit-rate'));
  if ('invalid' in floor) throw new InputError('min-hit-rate', floor.invalid);
  const backend = oneOf(
    get,
    'backend',
    ['auto', 'gha', 'local', 's3', 'redis', 'webdav', 'external'],
    'auto',
  );
  const store = readStoreSettings(get, backend);
  return {
    backend,
    ...(store ? { store } : {}),
    sccacheVersion,
    sccacheDownloadUrl,
    sccacheSha256,
    committedSumsOnly: boolean(get, 'committed-sums-only', false),
    cacheNamespace,
    readOnly: readOnlyChoice(get),
    cacheSize,
    save: oneOf(get, 'save', SAVE_POLICIES, 'auto'),
    rustcWrapper: boolean(get, 'rustc-wrapper', true),
    cmakeLaunchers: boolean(get, 'cmake-launchers', false),
    onBackendFailure: oneOf(get, 'on-backend-failure', ['fallback', 'fail'], 'fallback'),
    logLevel,
    jobLabel: get('job-label').trim(),
    runRecord: boolean(get, 'run-record', true),
    exportCredentials: boolean(get, 'export-credentials', false),
    summary: oneOf(get, 'summary', SUMMARY_MODES, 'full'),
    ...('percent' in floor ? { minHitRate: floor.percent } : {}),
  };
}
