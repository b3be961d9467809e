// The preflight reads what the started server's write check answered: a server whose probe write
// failed at start "started", but refuses every write for its whole life. Real sccache 0.16.0 logs
// (__tests__/e2e/faults.e2e.test.ts, CAPTURE_FIXTURES=1), a scripted server, no binary.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  describePreflight,
  parseSetupRecord,
  serializeSetupRecord,
  type Preflight,
} from '../../../src/handoff.js';
import { decodeLocation } from '../../../src/sccache/location.js';
import { scanLog, type LogFacts } from '../../../src/sccache/log-scanner.js';
import { planSetup } from '../../../src/setup/plan.js';
import { startAndCheck, type ServerControl } from '../../../src/setup/preflight.js';
import { logFixture, planInput, setupRecord } from '../report/rules/helpers.js';

const GHA_V2 =
  'ghac, name: 90541733aa72480a9e77ce99e66fc1cfabfa835d74c751408eb0351b7adcec6b, prefix: /sccache/';
const faultLog = (name: string): LogFacts => scanLog(logFixture(`real-0.16.0-fault-${name}.log`));

/** A server that starts and reports the GHA v2 location; its log is whatever `readLog` gives. */
function server(
  readLog?: ServerControl['readLog'],
): ServerControl & { readonly logPaths: (string | undefined)[] } {
  const logPaths: (string | undefined)[] = [];
  return {
    logPaths,
    stopServer: async () => undefined,
    startServer: async () => ({ ok: true }),
    serverLocation: async () => decodeLocation(GHA_V2),
    ...(readLog
      ? {
          readLog: async (path: string | undefined) => {
            logPaths.push(path);
            return readLog(path);
          },
        }
      : {}),
  };
}

const plan = planSetup(planInput({ version: '0.16.0' }));

test('preflight: a write check refused with 429 is a passed preflight of a read-only server', async () => {
  const control = server(async () => faultLog('check-write-429'));
  const preflight = await startAndCheck(control, '/opt/sccache', plan, {});
  assert.equal(preflight.ok, true);
  assert.equal(preflight.fallback, false);
  assert.deepEqual(control.logPaths, [plan.exports['SCCACHE_ERROR_LOG']]);
  assert.equal(preflight.writeCheck?.result, 'read-only');
  assert.deepEqual(
    { cause: preflight.writeCheck?.failure?.cause, status: preflight.writeCheck?.failure?.status },
    { cause: 'rate-limited', status: 429 },
  );
  assert.equal(
    describePreflight(preflight),
    'passed, read-only: the write check was refused with 429 (rate limited), so the server refuses every write this run',
  );
});

test('preflight: each answer of the write check in one line', async () => {
  const said = async (name: string) =>
    describePreflight(
      await startAndCheck(
        server(async () => faultLog(name)),
        '/opt/sccache',
        plan,
        {},
      ),
    );
  assert.equal(await said('rate-limited-mid-build'), 'passed, read-write: the write check stored its probe');
  assert.equal(
    await said('check-write-500'),
    'passed, read-only: the write check failed with HTTP 500 (a server error), so the server refuses every write this run',
  );
  assert.equal(
    await said('check-write-reset'),
    'passed, read-only: the write check got no answer (connection closed mid-request), so the server refuses every write this run',
  );
  assert.equal(
    await said('read-only-configured'),
    'passed, read-only as configured (SCCACHE_*_RW_MODE=READ_ONLY): no write check',
  );
});

test('preflight: no log, an unreadable log, or a log without a check: "passed", as before', async () => {
  for (const readLog of [async () => undefined, async () => Promise.reject(new Error('EACCES'))]) {
    const preflight = await startAndCheck(server(readLog), '/opt/sccache', plan, {});
    assert.deepEqual(preflight, { ok: true, location: GHA_V2, fallback: false });
    assert.equal(describePreflight(preflight), 'passed');
  }
  // Local disk is not probed: its log says only that it is read-write.
  const local = await startAndCheck(
    server(async () => scanLog(logFixture('real-0.16.0-rust.log'))),
    '/opt/sccache',
    plan,
    {},
  );
  assert.equal(describePreflight(local), 'passed, read-write');
});

test('preflight: without a reader of its own it reads the file the server logs to', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sccache-guard-preflight-'));
  try {
    const logPath = join(dir, 'sccache.log');
    await writeFile(logPath, logFixture('real-0.16.0-fault-check-write-429.log'));
    const own = planSetup({ ...planInput({ version: '0.16.0' }), logPath });
    const preflight = await startAndCheck(server(), '/opt/sccache', own, {});
    assert.equal(preflight.writeCheck?.failure?.status, 429);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('preflight: failed and fallback keep their words; the record reads back with or without the check', () => {
  const failed: Preflight = { ok: false, error: 'sccache: error: Server startup failed', fallback: false };
  assert.equal(describePreflight(failed), 'failed: sccache: error: Server startup failed');
  assert.equal(
    describePreflight({ ...failed, ok: true, fallback: true }),
    'failed, fell back to local disk: sccache: error: Server startup failed',
  );
  const record = setupRecord({ version: '0.16.0' });
  const withCheck = {
    ...record,
    preflight: { ...record.preflight, writeCheck: faultLog('check-write-429').storageCheck! },
  };
  assert.deepEqual(parseSetupRecord(serializeSetupRecord(withCheck)), withCheck);
  // A record from before the field: the same schema, read as it always was.
  assert.deepEqual(parseSetupRecord(serializeSetupRecord(record))?.preflight, { ok: true, fallback: false });
});
