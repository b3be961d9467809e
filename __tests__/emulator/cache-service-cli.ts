/**
 * Runs the cache-service emulator on its own, for trying sccache or @actions/cache by hand:
 *
 *   npx tsx __tests__/emulator/cache-service-cli.ts [--port N] [--profile instant|github-like]
 *     [--rate-limit N/SECONDS] [--decommissioned-v1]
 *
 * `--profile github-like` answers as GitHub serves a hosted runner (latency, bandwidth, per-minute
 * limits; see bench/README.md); the default `instant` answers at once.
 * Prints the variables to export (a runtime token for refs/heads/main), then one line per request,
 * until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startCacheService } from './cache-service.js';
import type { CacheServiceFaults } from './cache-service.js';
import { PROFILE_NAMES, describeProfile } from './service-profile.js';
import type { ProfileName } from './service-profile.js';

const USAGE =
  'usage: tsx __tests__/emulator/cache-service-cli.ts [--port N] [--profile instant|github-like] ' +
  '[--rate-limit N/SECONDS] [--decommissioned-v1]';

function fail(message: string): never {
  console.error(`cache-service: ${message}\n${USAGE}`);
  process.exit(2);
}

let values: {
  port?: string;
  profile?: string;
  'rate-limit'?: string;
  'decommissioned-v1'?: boolean;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      profile: { type: 'string' },
      'rate-limit': { type: 'string' },
      'decommissioned-v1': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad --port ${values.port}`);

const profile = (values.profile ?? 'instant') as ProfileName;
if (!PROFILE_NAMES.includes(profile))
  fail(`bad --profile ${values.profile} (want ${PROFILE_NAMES.join(' or ')})`);

const faults: CacheServiceFaults = {};
if (values['rate-limit'] !== undefined) {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['rate-limit']);
  if (!m) fail(`bad --rate-limit ${values['rate-limit']} (want N/SECONDS, e.g. 200/60)`);
  faults.rateLimit = { uploads: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

const stamp = () => new Date().toISOString().slice(11, 23);
const service = await startCacheService({
  port,
  profile,
  faults,
  decommissioned: values['decommissioned-v1'] ?? false,
  log: (line) => console.log(`${stamp()} ${line}`),
});
const token = service.tokenFor({ ref: 'refs/heads/main' });

console.log(`# cache service emulator listening on ${service.url}`);
console.log(`# profile ${describeProfile(service.profile)}`);
if (faults.rateLimit) {
  console.log(`# rate limit: ${faults.rateLimit.uploads} uploads per ${faults.rateLimit.windowMs / 1000} s`);
}
if (service.decommissioned) console.log('# v1 (_apis/artifactcache) answers 422 decommissioned');
console.log(`export ACTIONS_RESULTS_URL=${service.url}`);
console.log(`export ACTIONS_CACHE_URL=${service.url}`);
console.log(`export ACTIONS_RUNTIME_TOKEN=${token}`);
console.log('export ACTIONS_CACHE_SERVICE_V2=on');
console.log('# Ctrl-C to stop');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  const r = service.refused;
  console.log(
    `# ${signal}: ${service.requests.length} requests, ${service.entries.length} entries; refused: ` +
      `rate-limited ${r.rateLimited}, downloads-limited ${r.downloadsLimited}, check-write ${r.checkWrite}, 5xx ${r.status5xx}, ` +
      `unauthorized ${r.unauthorized}, decommissioned ${r.decommissioned}`,
  );
  void service.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
