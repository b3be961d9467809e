// The local archive's save policy as a table: the save input × read-only × what the run stored, and
// the words the summary's "Local cache archive" row gives for each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SavePolicy } from '../../../src/handoff.js';
import { archiveOutcome, decideArchive, describeArchive } from '../../../src/report/archive.js';
import { setupRecord } from './rules/helpers.js';

const local = setupRecord({ version: '0.16.0', inputs: { backend: 'local' } });
const readOnly = setupRecord({ version: '0.16.0', inputs: { backend: 'local' }, event: 'pull_request' });

test('decideArchive: the save input × read-only × cache_writes', () => {
  // [policy, read-only, cache_writes (null: the text form), saves, why]
  const table: [SavePolicy, boolean, number | null, boolean, string][] = [
    ['auto', false, 8, true, 'this run stored 8 new objects'],
    ['auto', false, 1, true, 'this run stored 1 new object'],
    ['auto', false, 0, false, 'this run stored no new objects (`save: auto`)'],
    ['auto', false, null, true, 'the text stats do not say whether this run stored objects'],
    ['auto', true, 8, false, 'read-only run'],
    ['auto', true, null, false, 'read-only run'],
    ['always', false, 0, true, '`save: always`'],
    ['always', false, 8, true, '`save: always`'],
    ['always', false, null, true, '`save: always`'],
    ['always', true, 8, false, 'read-only run'],
    ['never', false, 8, false, '`save: never`'],
    ['never', false, null, false, '`save: never`'],
    ['never', true, 8, false, '`save: never`'],
  ];
  for (const [policy, ro, writes, saves, why] of table) {
    const where = `${policy}, ${ro ? 'read-only' : 'read-write'}, cache_writes ${writes}`;
    const decision = decideArchive(ro ? readOnly : local, writes, policy);
    assert.ok(decision, where);
    assert.equal(decision.save, saves, where);
    assert.equal(decision.why, why, where);
  }
});

test('decideArchive: nothing to decide without the local backend, or after a fallback to it', () => {
  const gha = setupRecord({ version: '0.16.0' });
  assert.equal(gha.backend, 'gha');
  assert.equal(decideArchive(gha, 8, 'always'), undefined);
  // A GHA plan that fell back to local disk restored nothing, so it has no archive series to save.
  const fallback = setupRecord({
    version: '0.16.0',
    preflight: { ok: false, fallback: false, error: 'cache storage failed to read' },
  });
  assert.equal(fallback.backend, 'local');
  assert.equal(decideArchive(fallback, 8, 'always'), undefined);
});

test('the archive row: restored from, saved as, its size and why; or why not', () => {
  const record = local.localCache!;
  const restored = `restored from \`${record.restoredKey}\``;
  const saved = (size?: { bytes: number; exact: boolean }) =>
    describeArchive(
      archiveOutcome(record, {
        key: record.key,
        why: 'this run stored 8 new objects',
        ...(size ? { size } : {}),
      }),
    );
  assert.equal(
    saved({ bytes: 1_006_080, exact: true }),
    `${restored}; saved as \`${record.key}\` (982.5 KiB): this run stored 8 new objects`,
  );
  assert.equal(
    saved({ bytes: 3 * 2 ** 30, exact: false }),
    `${restored}; saved as \`${record.key}\` (about 3.0 GiB, the directory before packing): this run stored 8 new objects`,
  );
  assert.equal(saved(), `${restored}; saved as \`${record.key}\`: this run stored 8 new objects`);
  assert.equal(
    describeArchive(archiveOutcome(record, { note: '`save: never`' })),
    `${restored}; not saved: \`save: never\``,
  );
});
