// @actions/cache's own workflow commands become plain lines of ours, and only those of the call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as actionsCore from '@actions/core';
import { quietly, reasonFrom } from '../../../src/github/cache-voice.js';

/** Everything written to stdout while `body` runs. */
async function captureStdout(body: () => Promise<void>): Promise<string> {
  const original = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    await body();
  } finally {
    process.stdout.write = original;
  }
  return out;
}

test('warnings and errors written inside the call become plain lines, and come back to the caller', async () => {
  let voice: Awaited<ReturnType<typeof quietly>>['voice'] | undefined;
  const out = await captureStdout(async () => {
    ({ voice } = await quietly(async () => {
      actionsCore.debug('Failed to reserve cache: Error: Too Many Requests (429)');
      await new Promise((resolve) => setTimeout(resolve, 1));
      actionsCore.warning(
        'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.',
      );
      actionsCore.error('Failed to save: 503 https://blob.example/x?sig=SECRETSIG123&se=1');
      return -1;
    }));
  });
  assert.ok(voice);
  assert.ok(!/::(warning|error)/.test(out), 'no annotation we did not word');
  assert.match(out, /cache service: Failed to save: Unable to reserve cache/);
  assert.ok(!out.includes('SECRETSIG123'), 'signed URLs are redacted in the plain line');
  assert.equal(voice.complaints.length, 2);
  assert.equal(
    reasonFrom(voice, 'fallback'),
    'the service refused the entry: Too Many Requests (429)',
    'the real answer, not "another job may be creating this cache"',
  );
});

test('our own annotations written while a call is in flight are left alone', async () => {
  const out = await captureStdout(async () => {
    let release!: () => void;
    const call = quietly(() => new Promise<number>((resolve) => (release = () => resolve(1))));
    actionsCore.warning('ours, outside the call');
    release();
    await call;
  });
  assert.match(out, /::warning::ours, outside the call/);
});

test('reasonFrom: the last complaint without its prefix, or the fallback', () => {
  assert.equal(
    reasonFrom({ complaints: ['Failed to restore: socket hang up'], debug: [] }, 'x'),
    'socket hang up',
  );
  assert.equal(reasonFrom({ complaints: [], debug: [] }, 'nothing said'), 'nothing said');
});
