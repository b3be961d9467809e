// gha-protocol-v1: the GitHub cache used through the v1 protocol, shut down on github.com.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStats } from '../../../../src/report/analyze.js';
import { ourStep, PINNED_SCCACHE, V2_ENV_FOR_OTHER_SERVERS } from '../../../../src/report/rules/fixes.js';
import { statsDocument, statsFixture } from '../../../fixtures/index.js';
import { edited, findingIn, GHES, GITHUB_COM, ids, idsOf, logFacts, logLines } from './helpers.js';

const ID = 'gha-protocol-v1';
const V1_LOG = 'real-0.16.0-gha-v1-decommissioned.log';

test('gha-protocol-v1: a clear-text namespace on github.com, not on GHES', () => {
  assert.ok(idsOf('v0.4.json').includes(ID));
  assert.ok(!ids(statsFixture('v0.4.json'), { serverUrl: 'https://ghes.example.com' }).includes(ID));
  assert.ok(ids(statsFixture('v0.4.json'), { serverUrl: 'https://acme.ghe.com' }).includes(ID));
  assert.ok(!idsOf('v0.10.json').includes(ID));
  const v1On014 = edited('v0.14.json', (d) => {
    d.cache_location = 'ghac, name: sccache-v0.14.0, prefix: /sccache/';
  });
  const f = analyzeStats(v1On014).findings.find((x) => x.id === ID);
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.match(f.fix, /ACTIONS_CACHE_SERVICE_V2: "on"/);
  assert.doesNotMatch(f.fix, /upgrade/);
  const old = analyzeStats(statsFixture('v0.4.json')).findings.find((x) => x.id === ID);
  assert.match(old?.fix ?? '', /upgrade to 0\.10\.0/);
});

test('gha-protocol-v1: names the location and the namespace in clear; an old sccache is told to upgrade', () => {
  const doc = statsDocument('v0.4.json');
  const namespace = /name: ([^,]+),/.exec(doc.cache_location)?.[1];
  assert.ok(namespace);
  const f = findingIn(statsFixture('v0.4.json'), ID, { serverUrl: GITHUB_COM });
  assert.ok(f);
  assert.equal(f.title, 'sccache talked the shut-down v1 cache protocol on github.com');
  assert.equal(
    f.evidence,
    `cache location \`${doc.cache_location}\` names the namespace \`${namespace}\` in clear, not as a 64-hex v2 hash; ` +
      'on github.com the v1 service is shut down.',
  );
  assert.ok(
    f.fix.startsWith(`# sccache ${doc.version} has no v2 support: upgrade to 0.10.0 or newer`),
    f.fix,
  );
  assert.ok(f.fix.endsWith(ourStep(PINNED_SCCACHE)), f.fix);
  const assumed = findingIn(statsFixture('v0.4.json'), ID);
  assert.match(assumed?.evidence ?? '', /on github\.com \(assumed: no server URL known\)/);
});

test('gha-protocol-v1: an sccache that speaks v2 gets the environment for other servers', () => {
  const v1On014 = edited('v0.14.json', (d) => {
    d.cache_location = 'ghac, name: sccache-v0.14.0, prefix: /sccache/';
  });
  assert.equal(findingIn(v1On014, ID)?.fix, V2_ENV_FOR_OTHER_SERVERS);
});

test("gha-protocol-v1: the 0.3 client and a multi-level cache's GHA level", () => {
  const v03 = edited('v0.3.json', (d) => {
    d.cache_location = 'GHA, url: https://x, cache_to: None, cache_from: []';
  });
  const f = findingIn(v03, ID);
  assert.ok(f);
  assert.match(f.evidence, /is the 0\.3 v1 client/);
  assert.match(f.fix, /^# sccache < 0\.4 has no v2 support/);
  const level = 'ghac, name: sccache-v0.17.0, prefix: /sccache/';
  const multi = edited('newest-multilevel.json', (d) => {
    d.stats.multi_level[1].location = level;
  });
  const m = findingIn(multi, ID);
  assert.ok(m);
  assert.ok(m.evidence.startsWith(`cache location \`${level}\``), m.evidence);
  assert.equal(m.fix, V2_ENV_FOR_OTHER_SERVERS);
  assert.equal(findingIn(statsFixture('newest-multilevel.json'), ID), undefined);
});

test('gha-protocol-v1: a v1 server seen only in the log (a step restarted sccache without the v2 variable)', () => {
  const log = logFacts(V1_LOG);
  const stats = statsFixture('newest.json');
  const f = findingIn(stats, ID, { log, serverUrl: GITHUB_COM });
  assert.ok(f);
  assert.equal(f.severity, 'error');
  assert.equal(f.title, 'an sccache server talked the shut-down v1 cache protocol on github.com');
  const v1Lines = logLines(V1_LOG, '/_apis/artifactcache/').length;
  assert.ok(v1Lines > 0);
  assert.ok(
    f.evidence.startsWith(
      `the sccache log has ${v1Lines} lines about v1 requests (\`/_apis/artifactcache/\`)`,
    ),
    f.evidence,
  );
  assert.match(f.evidence, /answered "This legacy service is shutting down"/);
  const failures = logLines(V1_LOG, 'storage check failed for').length;
  assert.ok(
    f.evidence.includes(`; ${failures} server starts failed: storage check failed for: `),
    f.evidence,
  );
  assert.equal(f.fix, V2_ENV_FOR_OTHER_SERVERS);
  // GHES still serves v1; a healthy log says nothing.
  assert.equal(findingIn(stats, ID, { log, serverUrl: GHES }), undefined);
  assert.equal(findingIn(stats, ID, { log: logFacts('real-0.16.0-rust.log') }), undefined);
});
