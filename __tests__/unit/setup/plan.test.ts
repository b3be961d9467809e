// The setup plan as a table over sccache versions × GitHub hosts × events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, type Settings } from '../../../src/setup/inputs.js';
import { describeReadOnly, readOnlyInEffect } from '../../../src/handoff.js';
import { planSetup, type PlanInput } from '../../../src/setup/plan.js';
import { capabilitiesOf, parseVersionOutput } from '../../../src/sccache/version.js';

const TOKEN = 'ghs_runtime_token_value';
const HOSTS = {
  'github.com': 'https://github.com',
  'ghe.com': 'https://acme.ghe.com',
  ghes: 'https://git.example.org',
};
const EVENTS = {
  push: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
  pull_request: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
  tag: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
};
const VERSIONS = ['0.3.3', '0.4.0', '0.7.7', '0.8.2', '0.9.1', '0.10.0', '0.14.0', '0.16.0', '0.18.2'];

const defaults = (inputs: Record<string, string> = {}): Settings =>
  readSettings((name) => inputs[name] ?? '');

function input(
  version: string,
  host: string,
  event: Record<string, string>,
  settings = defaults(),
  extra: Record<string, string> = {},
): PlanInput {
  const v = parseVersionOutput(`sccache ${version}\n`);
  return {
    settings,
    version: v,
    capabilities: capabilitiesOf(v),
    sccachePath: '/opt/sccache/bin/sccache',
    env: {
      GITHUB_SERVER_URL: host,
      ACTIONS_RUNTIME_TOKEN: TOKEN,
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_CACHE_URL: 'https://cache.example/',
      ...event,
      ...extra,
    },
    ghaCompiledIn: true,
    logPath: '/tmp/_temp/sccache-guard/sccache.log',
    localCacheDir: '/home/runner/.cache/sccache',
    serverPort: '41234',
  };
}

const gte = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! > pb[i]!;
  return true;
};

test('the plan over versions × hosts × events', () => {
  for (const version of VERSIONS) {
    for (const [hostName, host] of Object.entries(HOSTS)) {
      for (const [eventName, event] of Object.entries(EVENTS)) {
        const where = `${version} on ${hostName}, ${eventName}`;
        const plan = planSetup(input(version, host, event));
        const e: Record<string, string> = { ...plan.exports };
        const ghaPossible = gte(version, '0.4.0') && (hostName === 'ghes' || gte(version, '0.10.0'));
        assert.equal(plan.backend, ghaPossible ? 'gha' : 'local', where);

        // Always: the wrapper, no incremental, a server that outlives idle gaps, a log for the report.
        assert.equal(e['RUSTC_WRAPPER'], '/opt/sccache/bin/sccache', where);
        assert.equal(e['CARGO_INCREMENTAL'], '0', where);
        assert.equal(e['SCCACHE_IDLE_TIMEOUT'], '0', where);
        assert.equal(e['SCCACHE_ERROR_LOG'], '/tmp/_temp/sccache-guard/sccache.log', where);
        assert.equal(
          e['SCCACHE_LOG'],
          undefined,
          `${where}: clients would print debug lines into the build log`,
        );
        assert.equal(plan.serverOnly['SCCACHE_LOG'], 'sccache=debug', where);
        assert.equal(e['SCCACHE_GHA_VERSION'], undefined, `${where}: never exported empty`);

        if (plan.backend === 'gha') {
          assert.equal(e['SCCACHE_CACHE_SIZE'], undefined, `${where}: sizes only the local disk cache`);
          assert.equal(plan.serverOnly['SCCACHE_CACHE_SIZE'], undefined, where);
          // Later steps get none of the GitHub cache settings: only the server setup starts does.
          for (const name of Object.keys(plan.serverOnly)) {
            assert.equal(e[name], undefined, `${where}: ${name} exported to later steps`);
          }
          assert.equal(plan.credentialsExported, false, where);
          Object.assign(e, plan.serverOnly);
          assert.equal(e['SCCACHE_GHA_ENABLED'], 'true', where);
          assert.equal(e['ACTIONS_RUNTIME_TOKEN'], TOKEN, where);
          assert.deepEqual(plan.secrets, [TOKEN], where);
          assert.equal(plan.namespace, `sccache-v${version}`, where);
          if (hostName === 'ghes') {
            assert.equal(plan.protocol, 'v1', where);
            assert.equal(e['ACTIONS_CACHE_URL'], 'https://cache.example/', where);
            assert.equal(e['ACTIONS_CACHE_SERVICE_V2'], undefined, where);
          } else {
            assert.equal(plan.protocol, 'v2', where);
            assert.equal(e['ACTIONS_CACHE_SERVICE_V2'], 'on', where);
            assert.equal(e['ACTIONS_RESULTS_URL'], 'https://results.example/', where);
            assert.equal(e['ACTIONS_CACHE_URL'], undefined, where);
          }
          const pr = eventName === 'pull_request';
          assert.equal(
            e['SCCACHE_GHA_RW_MODE'],
            pr && gte(version, '0.16.0') ? 'READ_ONLY' : undefined,
            where,
          );
          assert.equal(readOnlyInEffect(plan.readOnly), pr && gte(version, '0.16.0'), where);
          if (pr && !gte(version, '0.16.0'))
            assert.match(describeReadOnly(plan.readOnly), /no SCCACHE_GHA_RW_MODE/, where);
          assert.equal(plan.tooOldBecause, undefined, where);
        } else {
          for (const name of [
            'SCCACHE_GHA_ENABLED',
            'ACTIONS_RUNTIME_TOKEN',
            'ACTIONS_CACHE_SERVICE_V2',
            'ACTIONS_RESULTS_URL',
          ]) {
            assert.equal(e[name], undefined, `${where}: ${name} must not be exported`);
          }
          assert.deepEqual(plan.secrets, [], where);
          assert.equal(e['SCCACHE_DIR'], '/home/runner/.cache/sccache', where);
          assert.equal(e['SCCACHE_CACHE_SIZE'], '2G', `${where}: the cache-size default`);
          assert.deepEqual(plan.cacheSize, { value: '2G' }, where);
          assert.ok(plan.tooOldBecause, `${where}: says why GHA is off`);
          assert.ok(plan.ghaUnavailableBecause, where);
        }
      }
    }
  }
});

test('sccache 0.9.1 on github.com: GHA stays off, and the plan says why', () => {
  const plan = planSetup(input('0.9.1', HOSTS['github.com'], EVENTS.push));
  assert.equal(plan.backend, 'local');
  assert.match(
    plan.tooOldBecause ?? '',
    /only the v1 cache protocol.*shut down.*0\.10\.0 is the first with v2/,
  );
});

test('cache-namespace goes into SCCACHE_GHA_VERSION and the namespace', () => {
  const plan = planSetup(
    input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults({ 'cache-namespace': 'linux-x64' })),
  );
  assert.equal(plan.serverOnly['SCCACHE_GHA_VERSION'], 'linux-x64');
  assert.equal(plan.exports['SCCACHE_GHA_VERSION'], undefined);
  assert.equal(plan.namespace, 'sccache-v0.16.0-linux-x64');
});

test('export-credentials: true gives later steps the GitHub cache settings too', () => {
  const plan = planSetup(
    input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults({ 'export-credentials': 'true' })),
  );
  assert.equal(plan.credentialsExported, true);
  assert.equal(plan.exports['ACTIONS_RUNTIME_TOKEN'], TOKEN);
  assert.equal(plan.exports['SCCACHE_GHA_ENABLED'], 'true');
  assert.equal(plan.exports['ACTIONS_CACHE_SERVICE_V2'], 'on');
  assert.deepEqual(Object.keys(plan.serverOnly), ['SCCACHE_LOG']);
  const local = planSetup(
    input(
      '0.16.0',
      HOSTS['github.com'],
      EVENTS.push,
      defaults({ 'export-credentials': 'true', backend: 'local' }),
    ),
  );
  assert.equal(local.credentialsExported, false, 'nothing to export without the GitHub cache');
});

test('read-only: explicit true/false, and ACTIONS_CACHE_MODE read or none', () => {
  const push = EVENTS.push;
  assert.equal(
    planSetup(input('0.16.0', HOSTS['github.com'], push, defaults({ 'read-only': 'true' }))).serverOnly[
      'SCCACHE_GHA_RW_MODE'
    ],
    'READ_ONLY',
  );
  assert.equal(
    planSetup(input('0.16.0', HOSTS['github.com'], EVENTS.pull_request, defaults({ 'read-only': 'false' })))
      .serverOnly['SCCACHE_GHA_RW_MODE'],
    undefined,
  );
  const modeRead = planSetup(
    input('0.16.0', HOSTS['github.com'], push, defaults(), { ACTIONS_CACHE_MODE: 'read' }),
  );
  assert.equal(modeRead.serverOnly['SCCACHE_GHA_RW_MODE'], 'READ_ONLY');
  const modeNone = planSetup(
    input('0.16.0', HOSTS['github.com'], push, defaults(), { ACTIONS_CACHE_MODE: 'none' }),
  );
  assert.equal(modeNone.backend, 'local');
});

test('backend choices: local, external, and gha credentials missing', () => {
  const local = planSetup(input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults({ backend: 'local' })));
  assert.equal(local.backend, 'local');
  assert.equal(local.tooOldBecause, undefined);
  const external = planSetup(
    input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults({ backend: 'external' })),
  );
  assert.equal(external.backend, 'external');
  assert.equal(external.exports['SCCACHE_DIR'], undefined);
  assert.equal(external.exports['SCCACHE_CACHE_SIZE'], undefined, 'the store is the user’s, sized by them');
  assert.equal(external.exports['SCCACHE_GHA_ENABLED'], undefined);
  const stray = planSetup(
    input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults(), { SCCACHE_BUCKET: 'b' }),
  );
  assert.equal(stray.backend, 'external', 'auto respects a store the user configured');
  const forced = planSetup(
    input('0.16.0', HOSTS['github.com'], EVENTS.push, defaults({ backend: 'gha' }), { SCCACHE_BUCKET: 'b' }),
  );
  assert.equal(forced.backend, 'gha');
  assert.deepEqual(forced.environment.higherPrecedenceBackends, ['SCCACHE_BUCKET']);
  const noToken = input('0.16.0', HOSTS['github.com'], EVENTS.push);
  const plan = planSetup({ ...noToken, env: { ...noToken.env, ACTIONS_RUNTIME_TOKEN: undefined } });
  assert.equal(plan.backend, 'local');
  assert.match(plan.ghaUnavailableBecause ?? '', /ACTIONS_RUNTIME_TOKEN/);
  assert.equal(plan.tooOldBecause, undefined);
});

test('a build without the GHA backend (Debian 0.4) never gets GHA enabled', () => {
  const debian = input('0.4.0-pre.6', HOSTS.ghes, EVENTS.push);
  const plan = planSetup({ ...debian, ghaCompiledIn: false });
  assert.equal(plan.backend, 'local');
  assert.equal(plan.exports['SCCACHE_GHA_ENABLED'], undefined);
  assert.match(plan.tooOldBecause ?? '', /no GHA backend/);
});

test('rustc-wrapper false and cmake-launchers true', () => {
  const plan = planSetup(
    input(
      '0.16.0',
      HOSTS['github.com'],
      EVENTS.push,
      defaults({ 'rustc-wrapper': 'false', 'cmake-launchers': 'true' }),
    ),
  );
  assert.equal(plan.exports['RUSTC_WRAPPER'], undefined);
  assert.equal(plan.exports['CARGO_INCREMENTAL'], undefined);
  assert.equal(plan.exports['CMAKE_C_COMPILER_LAUNCHER'], '/opt/sccache/bin/sccache');
  assert.equal(plan.exports['CMAKE_CXX_COMPILER_LAUNCHER'], '/opt/sccache/bin/sccache');
});

test('cache-size becomes SCCACHE_CACHE_SIZE for the local backend, in a form the version reads', () => {
  const local = (version: string, size: string, extra: Record<string, string> = {}) =>
    planSetup(
      input(
        version,
        HOSTS['github.com'],
        EVENTS.push,
        defaults({ backend: 'local', 'cache-size': size }),
        extra,
      ),
    );
  assert.equal(local('0.16.0', '500m').exports['SCCACHE_CACHE_SIZE'], '500M');
  assert.equal(local('0.16.0', '1048576').exports['SCCACHE_CACHE_SIZE'], '1048576');
  // Before 0.8.1 a size without a unit is ignored (the cache grows to 10 GiB): whole KiB, rounded down.
  assert.equal(local('0.8.2', '1048576').exports['SCCACHE_CACHE_SIZE'], '1048576');
  assert.equal(local('0.7.7', '1048576').exports['SCCACHE_CACHE_SIZE'], '1024K');
  assert.equal(local('0.4.0', '1000000').exports['SCCACHE_CACHE_SIZE'], '976K');
  assert.equal(local('0.4.0', '3G').exports['SCCACHE_CACHE_SIZE'], '3G');
  // The input has a default, so it wins over the job's own value, and the plan says so.
  const replaced = local('0.16.0', '1G', { SCCACHE_CACHE_SIZE: '10G' });
  assert.deepEqual(replaced.cacheSize, { value: '1G', replaced: '10G' });
  assert.equal(replaced.exports['SCCACHE_CACHE_SIZE'], '1G');
  assert.deepEqual(local('0.16.0', '1G', { SCCACHE_CACHE_SIZE: '1G' }).cacheSize, { value: '1G' });
});
