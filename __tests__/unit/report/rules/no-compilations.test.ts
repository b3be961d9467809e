// no-compilations: the server that answered the report never saw a compiler call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statsDocument, statsFixture, statsFixtureNames } from '../../../fixtures/index.js';
import { edited, findingIn, idsOf } from './helpers.js';

const ID = 'no-compilations';

test('no-compilations: a fresh server, and nothing else', () => {
  assert.deepEqual(idsOf('debian-0.4-empty-fresh-server.json'), [ID]);
  for (const name of statsFixtureNames().filter((n) => !n.includes('fresh-server') && !n.includes('empty'))) {
    assert.ok(!idsOf(name).includes(ID), name);
  }
});

test('no-compilations: fires exactly on the fixtures with compile_requests 0', () => {
  for (const name of statsFixtureNames()) {
    const none = statsDocument(name).stats.compile_requests === 0;
    assert.equal(idsOf(name).includes(ID), none, name);
  }
});

test('no-compilations: names the location of the server that answered, and the fix', () => {
  const name = 'real-0.16.0-fresh-server.json';
  const f = findingIn(statsFixture(name), ID);
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.equal(f.title, 'sccache received no compile requests');
  assert.equal(
    f.evidence,
    `compile_requests is 0 on the server reporting \`${statsDocument(name).cache_location}\`.`,
  );
  assert.match(f.fix, /RUSTC_WRAPPER: sccache/);
  assert.match(f.fix, /SCCACHE_IDLE_TIMEOUT: "0"/);
});

test('no-compilations: says so when no server was running at all', () => {
  const noServer = edited('real-0.16.0-fresh-server.json', (d) => {
    d.cache_location = '';
  });
  const f = findingIn(noServer, ID);
  assert.ok(f);
  assert.match(f.evidence, /no cache location \(no server was running\)/);
});

test('no-compilations: one compile request is enough to stay silent', () => {
  const one = edited('real-0.16.0-fresh-server.json', (d) => {
    d.stats.compile_requests = 1;
    d.stats.requests_not_compile = 1;
  });
  assert.equal(findingIn(one, ID), undefined);
});
