// What setup hands to the report through the action state: the plan, the version, the backend
// actually in use and the preflight result. Names only, never a secret value.
import type { EnvironmentReport } from '../sccache/environment.js';
import type { BackendInUse } from '../sccache/plan.js';
import type { HostKind } from '../diagnose/facts.js';

export const SETUP_RECORD_STATE = 'setup-record';

export interface Preflight {
  readonly ok: boolean;
  /** sccache's own error, summarized, when the planned backend failed. */
  readonly error?: string;
  /** The cache_location the running server reported. */
  readonly location?: string;
  /** True when setup started sccache on local disk instead of the planned backend. */
  readonly fallback: boolean;
}

export interface LocalCacheRecord {
  readonly dir: string;
  readonly key: string;
  readonly restorePrefix: string;
  /** The key it was restored from, or why nothing was restored. */
  readonly restoredKey?: string;
  readonly restoreNote?: string;
}

export interface SetupRecord {
  readonly schema: 1;
  readonly sccachePath: string;
  readonly sccacheVersion: string;
  /** The backend input as given (auto, gha, local, external). */
  readonly requestedBackend: string;
  readonly plannedBackend: BackendInUse;
  /** The backend in use after the preflight; null when no server could be started at all. */
  readonly backend: BackendInUse | null;
  readonly host: HostKind;
  readonly protocol?: 'v1' | 'v2';
  readonly namespace?: string;
  readonly namespaceSuffix?: string;
  readonly readOnly: boolean;
  readonly readOnlyNote?: string;
  readonly ghaUnavailable?: string;
  readonly tooOld?: string;
  readonly environment: EnvironmentReport;
  readonly preflight: Preflight;
  readonly logPath?: string;
  /** The local backend's archive of SCCACHE_DIR (restored by setup, saved by the report). */
  readonly localCache?: LocalCacheRecord;
  /** The names of the variables setup exported. */
  readonly exported: readonly string[];
}

export function serializeSetupRecord(record: SetupRecord): string {
  return JSON.stringify(record);
}

/** Undefined when setup did not run, or left a record of another schema. */
export function parseSetupRecord(text: string): SetupRecord | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SetupRecord>;
    return value && value.schema === 1 && typeof value.sccachePath === 'string'
      ? (value as SetupRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
