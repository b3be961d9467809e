// The run record's schema (src/github/run-record.ts): what recordToRemember writes reads back the
// same, and anything else (another schema, a corrupt or foreign file) is refused with a reason that
// names where it fails, never with an exception.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_RECORD_BYTES, parseRecord, RunRecord } from '../../../src/github/run-record.js';
import { analyzeStats } from '../../../src/report/analyze.js';
import type { RunContext } from '../../../src/report/facts.js';
import { keyInputs } from '../../../src/report/key-inputs.js';
import { recordToRemember, type RunIdentity } from '../../../src/report/next-record.js';
import { ghaNamespace } from '../../../src/sccache/location.js';
import { scanLog } from '../../../src/sccache/log-scanner.js';
import { statsDocument, statsFixture } from '../../fixtures/index.js';
import { logFacts, logFixture, setupRecord } from '../report/rules/helpers.js';

const RUN: RunIdentity = {
  runId: '12345678901',
  attempt: '2',
  ref: 'refs/heads/main',
  event: 'push',
  savedAt: '2026-11-25T12:34:56.789Z',
};

/** What the post step would remember after the warm demo build on a local disk. */
function localRecord(): RunRecord {
  const name = 'real-0.16.0-rust-warm.json';
  const context: RunContext = {
    setup: setupRecord({ version: '0.16.0', inputs: { backend: 'local' } }),
    log: logFacts('real-0.16.0-rust.log'),
    inputs: keyInputs({
      env: {
        RUSTFLAGS: '-D warnings',
        CARGO_INCREMENTAL: '0',
        CARGO_ALIAS_XTASK: 'run -p xtask --',
        CARGO_REGISTRIES_MY_REGISTRY_TOKEN: 'cio_registrytokenvalue0123456789',
      },
      sccacheVersion: '0.16.0',
      toolchain: {
        release: '1.95.0',
        commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
        host: 'x86_64-unknown-linux-gnu',
      },
      logTargets: [],
      workingDirectory: '/home/runner/work/app/app',
      cargoLockSha256: 'a'.repeat(64),
      secrets: [],
    }),
  };
  const record = recordToRemember(analyzeStats(statsFixture(name), context).facts, RUN);
  assert.ok(!('skip' in record), JSON.stringify(record));
  return record;
}

/** A valid record as plain JSON, to break one field at a time. */
const plain = (): Record<string, any> => JSON.parse(JSON.stringify(localRecord()));

test('parseRecord: a record recordToRemember built reads back unchanged through JSON', () => {
  const record = localRecord();
  assert.equal(record.schema, 2);
  assert.equal(record.runId, '12345678901');
  assert.equal(record.attempt, '2');
  assert.deepEqual([record.hits, record.misses, record.lookups], [2, 0, 2]);
  // The log covers the cold build too (before a reset): a crate that missed at all is under missed.
  // The outcomes since the log's last zero_stats, as the stats count them: the warm build hit both.
  assert.deepEqual(record.crates, { hit: ['demo_core', 'demo_util'], missed: [], more: 0 });
  assert.deepEqual(record.inputs.env['CARGO_REGISTRIES_MY_REGISTRY_TOKEN'], { secret: true });
  const text = JSON.stringify(record);
  assert.ok(!text.includes('cio_registrytokenvalue'));
  assert.deepEqual(parseRecord(text), record);
});

test('parseRecord: a GHA record with its namespace reads back too', () => {
  const { version } = statsDocument('newest.json');
  const namespace = ghaNamespace(version);
  const facts = analyzeStats(statsFixture('newest.json'), {
    setup: setupRecord({ version }),
    log: scanLog(logFixture('real-0.16.0-gha-rate-limited.log')),
    inputs: keyInputs({
      env: {},
      sccacheVersion: version,
      namespace,
      logTargets: ['x86_64-unknown-linux-gnu'],
      secrets: [],
    }),
  }).facts;
  const record = recordToRemember(facts, { ...RUN, runId: 'not-a-number', attempt: '' });
  assert.ok(!('skip' in record));
  assert.equal(record.namespace, namespace);
  // What the runner gives that the schema would refuse is replaced, so that the record stays readable.
  assert.deepEqual([record.runId, record.attempt], ['0', '1']);
  assert.deepEqual(parseRecord(JSON.stringify(record)), record);
});

test('parseRecord: another schema, a bad run id or a foreign field, with the path that fails', () => {
  const cases: [string, (r: Record<string, any>) => unknown, RegExp][] = [
    ['schema 1', (r) => (r.schema = 1), /^schema: /],
    ['schema 3', (r) => (r.schema = 3), /^schema: /],
    ['run id with letters', (r) => (r.runId = '12a'), /^runId: /],
    ['run id as a number', (r) => (r.runId = 12345), /^runId: /],
    ['run id too long', (r) => (r.runId = '1'.repeat(21)), /^runId: /],
    ['negative hits', (r) => (r.hits = -1), /^hits: /],
    ['fractional lookups', (r) => (r.lookups = 1.5), /^lookups: /],
    [
      'a hash that is not 16 hex digits',
      (r) => (r.inputs.env.CARGO_ALIAS_XTASK = { hash: 'xyz' }),
      /^inputs\.env\.CARGO_ALIAS_XTASK/,
    ],
    ['a secret with its value', (r) => (r.inputs.env.X = { secret: true, value: 'oops' }), /^inputs\.env\.X/],
    ['a Cargo.lock digest of another length', (r) => (r.inputs.cargoLock = 'abc'), /^inputs\.cargoLock: /],
    ['a target of 101 characters', (r) => (r.inputs.targets = ['t'.repeat(101)]), /^inputs\.targets\.0: /],
    ['a crate name of 300 characters', (r) => (r.crates.hit = ['c'.repeat(300)]), /^crates\.hit\.0: /],
    ['no inputs', (r) => delete r.inputs, /^inputs: /],
  ];
  for (const [what, edit, message] of cases) {
    const r = plain();
    edit(r);
    const parsed = parseRecord(JSON.stringify(r));
    assert.ok('invalid' in parsed, what);
    assert.match(parsed.invalid, message, what);
  }
  // A field the schema does not know: the record as a whole is refused.
  const extra = { ...plain(), token: 'ghs_x' };
  const parsed = parseRecord(JSON.stringify(extra));
  assert.ok('invalid' in parsed);
  assert.match(parsed.invalid, /^the record: /);
  assert.match(parsed.invalid, /token/);
});

test('parseRecord: not JSON, not an object, or larger than a record can be', () => {
  assert.deepEqual(parseRecord(''), { invalid: 'not JSON' });
  assert.deepEqual(parseRecord('{"schema": 2,'), { invalid: 'not JSON' });
  assert.deepEqual(parseRecord('\u001f\u008b\u0008'), { invalid: 'not JSON' });
  for (const text of ['null', '[]', '2', '"record"']) {
    const parsed = parseRecord(text);
    assert.ok('invalid' in parsed, text);
    assert.match(parsed.invalid, /^the record: /, text);
  }
  // Valid JSON, but far more than a record holds: refused before it is parsed.
  const big = JSON.stringify({ ...plain(), padding: 'x'.repeat(MAX_RECORD_BYTES) });
  assert.deepEqual(parseRecord(big), { invalid: `${big.length} bytes, more than a record holds` });
});

test('property: parseRecord never throws, on any text', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.json()),
      (text) => {
        const parsed = parseRecord(text);
        if ('invalid' in parsed) assert.equal(typeof parsed.invalid, 'string');
        else assert.ok(RunRecord.safeParse(parsed).success);
      },
    ),
    { seed: 20261125, numRuns: 1000 },
  );
});

test('property: parseRecord never throws on a record with any field replaced by any JSON value', () => {
  const base = plain();
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    paths.push(path);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(base, []);
  fc.assert(
    fc.property(
      fc.constantFrom(...paths.filter((p) => p.length > 0)),
      fc.jsonValue(),
      fc.boolean(),
      (path, replacement, remove) => {
        const r = JSON.parse(JSON.stringify(base));
        let at = r;
        for (const key of path.slice(0, -1)) at = at[key];
        if (remove) delete at[path.at(-1)!];
        else at[path.at(-1)!] = replacement;
        const parsed = parseRecord(JSON.stringify(r));
        if ('invalid' in parsed) assert.ok(parsed.invalid.length > 0);
        else assert.ok(RunRecord.safeParse(parsed).success);
      },
    ),
    { seed: 20261125, numRuns: 1000 },
  );
});

test('property: whatever the job sets, the record recordToRemember writes reads back', () => {
  const { version } = statsDocument('real-0.16.0-rust-warm.json');
  const setup = setupRecord({ version, inputs: { backend: 'local' } });
  const name = fc.stringMatching(/^CARGO_[A-Z0-9_]{1,60}$/);
  fc.assert(
    fc.property(
      fc.dictionary(name, fc.string({ maxLength: 200 }), { maxKeys: 8 }),
      fc.array(fc.stringMatching(/^[a-z0-9_]{1,30}-[a-z0-9_]{1,30}-[a-z0-9_]{1,30}$/), { maxLength: 4 }),
      (env, logTargets) => {
        const inputs = keyInputs({ env, sccacheVersion: version, logTargets, secrets: [] });
        const facts = analyzeStats(statsFixture('real-0.16.0-rust-warm.json'), { setup, inputs }).facts;
        const record = recordToRemember(facts, RUN);
        assert.ok(!('skip' in record));
        assert.deepEqual(parseRecord(JSON.stringify(record)), record);
      },
    ),
    { seed: 20261125, numRuns: 300 },
  );
});

test('recordToRemember: a custom target spec path longer than 100 characters still reads back', () => {
  // cargo accepts a path to a target specification JSON as the target.
  const spec = `/home/runner/work/firmware/firmware/targets/${'thumbv7em-none-eabihf-custom-board-'.repeat(2)}.json`;
  assert.ok(spec.length > 100);
  const inputs = keyInputs({
    env: { CARGO_BUILD_TARGET: spec },
    sccacheVersion: '0.16.0',
    logTargets: [],
    secrets: [],
  });
  const setup = setupRecord({ version: '0.16.0', inputs: { backend: 'local' } });
  const facts = analyzeStats(statsFixture('real-0.16.0-rust-warm.json'), { setup, inputs }).facts;
  const record = recordToRemember(facts, RUN);
  assert.ok(!('skip' in record));
  const parsed = parseRecord(JSON.stringify(record));
  assert.ok(!('invalid' in parsed), 'invalid' in parsed ? parsed.invalid : '');
});
