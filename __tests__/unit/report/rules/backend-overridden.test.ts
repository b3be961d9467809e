// backend-overridden: backend: gha was asked for, but a variable in the job selects a store that
// sccache prefers to the GitHub cache (S3 > Redis > Memcached > GCS > GHA).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ourStep } from '../../../../src/report/rules/fixes.js';
import { decodeLocation } from '../../../../src/sccache/location.js';
import { startAndCheck, type ServerControl } from '../../../../src/setup/preflight.js';
import { planSetup } from '../../../../src/setup/plan.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import {
  edited,
  findingIn,
  planInput,
  runnerEnv,
  SCCACHE_PATH,
  setupRecord,
  type SetupScenario,
} from './helpers.js';

const ID = 'backend-overridden';
const NAME = 'real-0.16.0-rust-cold.json';
const S3 = 's3, name: team-bucket, prefix: /';
const version = statsDocument(NAME).version as string;

/** A server that starts and reports `location`, as setup's preflight asks it. */
const serverReporting = (location: string): ServerControl => ({
  stopServer: async () => {},
  startServer: async () => ({ ok: true }),
  serverLocation: async () => decodeLocation(location),
});

/** The record of a gha plan whose server started with the S3 store instead: setup fell back to local disk. */
async function overriddenSetup(env: Record<string, string>) {
  const scenario: SetupScenario = { version, inputs: { backend: 'gha' }, env };
  const planned = planSetup(planInput(scenario));
  assert.equal(planned.backend, 'gha');
  const preflight = await startAndCheck(serverReporting(S3), SCCACHE_PATH, planned, runnerEnv(scenario));
  assert.equal(preflight.ok, false);
  return setupRecord({ ...scenario, preflight });
}

test('backend-overridden: backend gha with SCCACHE_BUCKET in the job; a later server used S3', async () => {
  const setup = await overriddenSetup({ SCCACHE_BUCKET: 'team-bucket' });
  // The stats come from a server a later step started with the job's variables: the bucket won.
  const onS3 = edited(NAME, (d) => {
    d.cache_location = S3;
  });
  const f = findingIn(onS3, ID, { setup });
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, 'SCCACHE_BUCKET override the GitHub cache backend');
  assert.equal(
    f.evidence,
    `backend: gha was asked for, but SCCACHE_BUCKET is set and sccache prefers it; the server reported \`${S3}\`.`,
  );
  assert.ok(f.fix.includes(ourStep('backend: external')), f.fix);
});

test('backend-overridden: several variables are all named', async () => {
  const setup = await overriddenSetup({ SCCACHE_REDIS: 'redis://cache:6379', SCCACHE_BUCKET: 'team-bucket' });
  const f = findingIn(statsFixture(NAME), ID, { setup });
  assert.ok(f);
  assert.equal(f.title, 'SCCACHE_BUCKET, SCCACHE_REDIS override the GitHub cache backend');
  assert.match(f.evidence, /SCCACHE_BUCKET, SCCACHE_REDIS are set and sccache prefers them/);
});

test('backend-overridden: silent with backend auto, without such variables, and without setup', () => {
  const stats = statsFixture(NAME);
  const auto = setupRecord({ version, env: { SCCACHE_BUCKET: 'team-bucket' } });
  assert.equal(auto.plannedBackend, 'external', 'auto uses the store the job configured');
  assert.equal(findingIn(stats, ID, { setup: auto }), undefined);
  const gha = setupRecord({ version, inputs: { backend: 'gha' } });
  assert.equal(findingIn(stats, ID, { setup: gha }), undefined);
  // Variables that only tune a backend, or an empty secret on a fork's pull request, select nothing.
  const tuning = setupRecord({
    version,
    inputs: { backend: 'gha' },
    env: { SCCACHE_REDIS_TTL: '3600', SCCACHE_BUCKET: '' },
  });
  assert.equal(findingIn(stats, ID, { setup: tuning }), undefined);
  assert.equal(findingIn(stats, ID), undefined);
});
