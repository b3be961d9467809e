// quietly(): what @actions/cache prints besides workflow commands (tar's command line, progress,
// sizes) is collected as debug lines (shown with step debug logging only), not left in the job
// log; the caller says in one line what happened.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietly } from '../../../src/github/cache-voice.js';

test('chatter inside a quietly call is collected as debug lines, redacted', async () => {
  const { voice, result } = await quietly(async () => {
    process.stdout.write('[command]/usr/bin/tar --posix -cf cache.tzst\n');
    process.stdout.write('Sent 621 of 621 (100.0%), 0.0 MBs/sec\n');
    process.stdout.write('GET https://acct.blob.core.windows.net/c/x?sv=1&sig=abcdef0123456789 200\n');
    return 42;
  });
  assert.equal(result, 42);
  assert.deepEqual(voice.debug.slice(0, 2), [
    '[command]/usr/bin/tar --posix -cf cache.tzst',
    'Sent 621 of 621 (100.0%), 0.0 MBs/sec',
  ]);
  assert.ok(!voice.debug[2]!.includes('abcdef0123456789'), voice.debug[2]);
  assert.deepEqual(voice.complaints, []);
});
