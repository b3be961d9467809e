// Redaction: a credential never survives, whatever it contains, and the work stays linear in the
// text (an adversarial input that made the old pattern quadratic is simply read once).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { redact, redactedExcerpt } from '../../../src/util/redact.js';

test('userinfo with @, / and spaces in the password, and percent-encoding', () => {
  assert.equal(
    redact('redis, name: redis://user:p@ss/w rd@127.0.0.1:6379/0, prefix: /'),
    'redis, name: redis://***@127.0.0.1:6379/0, prefix: /',
  );
  assert.equal(redact('webdav://u:p%40ss@dav.example/sccache'), 'webdav://***@dav.example/sccache');
  assert.equal(redact('redis://:hunter2@127.0.0.1:6379/0'), 'redis://***@127.0.0.1:6379/0');
  // No userinfo: the URL stays as it is, and so does a later e-mail address on the same line.
  assert.equal(
    redact('see https://host/path then mail user@example.com'),
    'see https://host/path then mail user@example.com',
  );
});

test('signed URLs of Azure, S3 and GCS, and bearer tokens', () => {
  assert.equal(
    redact('GET https://x.blob/c/b?sig=SECRET&se=2099&comp=block'),
    'GET https://x.blob/c/b?sig=***&se=***&comp=block',
  );
  const s3 = redact(
    'https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA&X-Amz-Security-Token=TOK&X-Amz-Signature=SIG',
  );
  for (const secret of ['AKIA', 'TOK', 'SIG']) assert.ok(!s3.includes(`=${secret}`), s3);
  const gcs = redact('https://storage.googleapis.com/b/o?X-Goog-Signature=abc123&X-Goog-Credential=sa%40p');
  assert.ok(!gcs.includes('abc123') && !gcs.includes('sa%40p'), gcs);
  assert.equal(
    redact('"authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.payload"'),
    '"authorization": "Bearer ***"',
  );
});

test('an excerpt is cut before it is redacted, and a URL the cut would split is left out', () => {
  const url = `redis://user:${'s'.repeat(100)}@host:6379`;
  const excerpt = redactedExcerpt(`${'x'.repeat(250)} ${url} tail`, 300);
  assert.ok(!excerpt.includes('sss'), excerpt);
  assert.ok(excerpt.length <= 300);
  assert.equal(redactedExcerpt('short redis://a:b@h', 300), 'short redis://***@h');
});

test('property: a generated password never survives in a URL', () => {
  const password = fc
    .string({ minLength: 6, maxLength: 40, unit: fc.constantFrom(...'abcXYZ019@/ %:!#$&*()'.split('')) })
    .filter((p) => /[A-Za-z0-9]{3}/.test(p) && !p.startsWith(' ') && !p.endsWith(' '));
  fc.assert(
    fc.property(
      password,
      fc.constantFrom('redis', 'rediss', 'webdav', 'https', 'memcached'),
      (secret, scheme) => {
        const text = `cache_location: ${scheme}://user:${secret}@host.example:1234/db, prefix: /x`;
        const out = redact(text);
        // The whole userinfo is replaced, and nothing else of the line changes.
        assert.equal(out, `cache_location: ${scheme}://***@host.example:1234/db, prefix: /x`);
      },
    ),
    { seed: 20261125, numRuns: 2000 },
  );
});

test('adversarial input is read once: the old pattern took time quadratic in these', () => {
  for (const text of [
    'a.'.repeat(200_000),
    `${'a'.repeat(300_000)}://`,
    '://'.repeat(100_000),
    `x://${'@'.repeat(200_000)}`,
  ]) {
    const out = redact(text);
    assert.ok(out.length <= text.length, 'redaction never grows the text');
  }
});
