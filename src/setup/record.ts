// The record setup hands the report: built from the plan that ran and the preflight's answer. Pure.
import {
  HANDOFF_SCHEMA,
  type ForeignServer,
  type LocalCacheRecord,
  type Preflight,
  type ServerLogSnapshot,
  type SetupRecord,
  type SumSource,
} from '../handoff.js';
import type { Settings } from './inputs.js';
import type { Plan } from './plan.js';

export interface SetupOutcome {
  readonly settings: Settings;
  readonly sccachePath: string;
  readonly sccacheVersion: string;
  /** The plan made first; `plan` differs from it after a fallback to local disk. */
  readonly planned: Plan;
  readonly plan: Plan;
  readonly preflight: Preflight;
  readonly logPath: string;
  readonly startedAt: string;
  readonly serverLog?: ServerLogSnapshot;
  readonly localCache?: LocalCacheRecord;
  readonly foreignServer?: ForeignServer;
  readonly runnerEnvironment?: string;
  readonly sumCheckedAgainst?: SumSource;
}

export function buildSetupRecord(outcome: SetupOutcome): SetupRecord {
  const { plan, preflight, settings } = outcome;
  const running = preflight.ok;
  return {
    schema: HANDOFF_SCHEMA,
    sccachePath: outcome.sccachePath,
    sccacheVersion: outcome.sccacheVersion,
    ...(outcome.sumCheckedAgainst ? { sumCheckedAgainst: outcome.sumCheckedAgainst } : {}),
    requestedBackend: settings.backend,
    plannedBackend: outcome.planned.backend,
    backend: running ? plan.backend : null,
    // The store asked for, also when setup fell back from it: the report names it either way.
    ...(outcome.planned.store
      ? {
          store: {
            kind: outcome.planned.store.kind,
            described: outcome.planned.store.described,
            name: outcome.planned.store.name,
          },
        }
      : {}),
    host: plan.host,
    ...(plan.protocol ? { protocol: plan.protocol } : {}),
    ...(plan.namespace ? { namespace: plan.namespace } : {}),
    ...(settings.cacheNamespace ? { namespaceSuffix: settings.cacheNamespace } : {}),
    readOnly: plan.readOnly,
    ...(plan.ghaUnavailableBecause ? { ghaUnavailableBecause: plan.ghaUnavailableBecause } : {}),
    ...(plan.tooOldBecause ? { tooOldBecause: plan.tooOldBecause } : {}),
    environment: plan.environment,
    preflight,
    logPath: outcome.logPath,
    startedAt: outcome.startedAt,
    ...(outcome.serverLog ? { serverLog: outcome.serverLog } : {}),
    ...(outcome.localCache && running ? { localCache: outcome.localCache } : {}),
    ...(running && plan.cacheSize ? { cacheSize: plan.cacheSize } : {}),
    exported: running ? Object.keys(plan.exports).sort() : [],
    keptInServer: running
      ? Object.keys(plan.serverOnly)
          .filter((name) => name !== 'SCCACHE_LOG')
          .sort()
      : [],
    ...(running && plan.exports['SCCACHE_SERVER_PORT']
      ? { serverPort: plan.exports['SCCACHE_SERVER_PORT'] }
      : {}),
    ...(outcome.foreignServer ? { foreignServer: outcome.foreignServer } : {}),
    ...(outcome.runnerEnvironment ? { runnerEnvironment: outcome.runnerEnvironment } : {}),
  };
}
