// Redaction under fuzzing: a generated credential, in any of the forms sccache, its storage
// libraries and request logs print, embedded in arbitrary text, never survives redact() or
// redactedExcerpt(), not even in part; and adversarial text costs work linear in its length
// (counted, not timed: redactionWork counts the characters the scans look at).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { redact, redactedExcerpt, redactionWork } from '../../../src/util/redact.js';

const SEED = 20261125;

/** Plain text and secrets, in order; the secrets are what must not survive. */
type Part = { readonly text: string } | { readonly secret: string };
const t = (text: string): Part => ({ text });
const s = (secret: string): Part => ({ secret });

const chars = (set: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const casing = (name: string) => fc.constantFrom(name, name.toLowerCase(), name.toUpperCase());

/** base64 as it appears in a query string: + / = percent-encoded. */
const base64Encoded = fc
  .array(fc.oneof(fc.constantFrom(...ALNUM.split('')), fc.constantFrom('%2B', '%2F', '%3D')), {
    minLength: 12,
    maxLength: 60,
  })
  .map((units) => units.join(''));
const base64 = chars(`${ALNUM}+/`, 12, 60).map((b) => `${b}==`.slice(0, b.length + (b.length % 3)));
const jwtLike = fc
  .tuple(chars(`${ALNUM}-_`, 8, 40), chars(`${ALNUM}-_`, 8, 40), chars(`${ALNUM}-_`, 8, 40))
  .map((p) => p.join('.'));
const hex64 = chars(HEX, 64, 64);
const accessKey = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16).map((k) => `AKIA${k}`);

/** A password as sccache prints it in a URL: with @ / : blanks and percent-encoding. */
const password = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ALNUM.split('')) },
      {
        weight: 2,
        arbitrary: fc.constantFrom('@', '/', ':', ' ', '!', '#', '$', '&', '(', ')', '+', '=', '~', '.', '-'),
      },
      { weight: 1, arbitrary: fc.constantFrom('%40', '%2F', '%3A', '%20', '%25', '://', ' @') },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((units) => units.join(''));

const host = fc.oneof(
  fc.constantFrom('127.0.0.1', 'localhost', 'redis.internal', '[::1]', '[fe80::1%eth0]', 'dav.example.com'),
  chars('abcdefghijklmnopqrstuvwxyz0123456789-', 1, 20).map((h) => `h${h}.example`),
);

const userinfoUrl: fc.Arbitrary<Part[]> = fc
  .record({
    scheme: fc.constantFrom('redis', 'rediss', 'webdav', 'https', 'http', 'memcached', 'tcp'),
    user: chars(ALNUM, 0, 12),
    password,
    host,
    port: fc.option(fc.integer({ min: 1, max: 65535 })),
    path: fc.constantFrom('', '/', '/0', '/sccache', '/db?timeout=5'),
  })
  .map(({ scheme, user, password: pw, host: h, port, path }) => [
    t(`${scheme}://${user}:`),
    s(pw),
    t(`@${h}${port === null ? '' : `:${port}`}${path}`),
  ]);

/** Query parameters in any order around the secret ones. */
const signedUrl = (base: string, secrets: fc.Arbitrary<[string, string][]>, others: [string, string][]) =>
  fc.tuple(secrets, fc.shuffledSubarray(others), fc.boolean()).chain(([secret, other, escaped]) =>
    fc.shuffledSubarray([...secret, ...other], { minLength: secret.length + other.length }).map((params) => {
      const parts: Part[] = [t(base)];
      params.forEach(([key, value], i) => {
        parts.push(t(`${i === 0 ? '?' : escaped ? '&amp;' : '&'}${key}=`));
        parts.push(secret.some(([k]) => k === key) ? s(value) : t(value));
      });
      return parts;
    }),
  );

const s3Url = signedUrl(
  'https://bucket.s3.us-east-1.amazonaws.com/sccache/a/b/abcdef',
  fc
    .tuple(
      casing('X-Amz-Credential'),
      accessKey,
      casing('X-Amz-Security-Token'),
      base64Encoded,
      casing('X-Amz-Signature'),
      hex64,
    )
    .map(([ck, cred, tk, tok, sk, sig]) => [
      [ck, `${cred}%2F20261125%2Fus-east-1%2Fs3%2Faws4_request`],
      [tk, tok],
      [sk, sig],
    ]),
  [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Date', '20261125T145600Z'],
    ['X-Amz-Expires', '3600'],
    ['X-Amz-SignedHeaders', 'host'],
  ],
);

const gcsUrl = signedUrl(
  'https://storage.googleapis.com/sccache-bucket/a/b/abcdef',
  fc
    .tuple(casing('X-Goog-Signature'), hex64, casing('X-Goog-Credential'), chars(ALNUM, 6, 20))
    .map(([sk, sig, ck, sa]) => [
      [sk, sig],
      [ck, `${sa}%40project.iam.gserviceaccount.com%2F20261125%2Fauto%2Fstorage%2Fgoog4_request`],
    ]),
  [
    ['X-Goog-Algorithm', 'GOOG4-RSA-SHA256'],
    ['X-Goog-Date', '20261125T145600Z'],
    ['X-Goog-Expires', '600'],
    ['X-Goog-SignedHeaders', 'host'],
  ],
);

const azureSas = signedUrl(
  'https://account.blob.core.windows.net/sccache/a/b/abcdef',
  base64Encoded.map((sig) => [['sig', sig]]),
  [
    ['sv', '2024-11-04'],
    ['ss', 'b'],
    ['srt', 'sco'],
    ['sp', 'rwdlacupiytfx'],
    ['se', '2026-11-26T00:00:00Z'],
    ['st', '2026-11-25T00:00:00Z'],
    ['spr', 'https'],
    ['comp', 'block'],
  ],
);

const s3V2Url = signedUrl(
  'https://bucket.s3.amazonaws.com/sccache/a',
  fc.tuple(casing('Signature'), base64Encoded).map(([k, v]) => [[k, v]]),
  [
    ['AWSAccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
    ['Expires', '1764000000'],
  ],
);

/** SigV4 as a request log prints the Authorization header. */
const sigV4Header = fc
  .tuple(accessKey, hex64, fc.constantFrom(', ', ',', ' '))
  .map(([key, sig, sep]) => [
    t('Authorization: AWS4-HMAC-SHA256 Credential='),
    s(key),
    t(
      `/20261125/us-east-1/s3/aws4_request${sep}SignedHeaders=host;x-amz-content-sha256;x-amz-date${sep}Signature=`,
    ),
    s(sig),
  ]);

const authorization = fc.oneof(
  fc.tuple(casing('Bearer'), jwtLike).map(([scheme, tok]) => [t(`Authorization: ${scheme} `), s(tok)]),
  fc
    .tuple(casing('Bearer'), jwtLike)
    .map(([scheme, tok]) => [t(`"authorization": "${scheme} `), s(tok), t('"')]),
  fc.tuple(casing('Basic'), base64).map(([scheme, tok]) => [t(`authorization: ${scheme} `), s(tok)]),
  chars(`${ALNUM}_`, 36, 36).map((tok) => [t('Authorization: token '), s(`ghs_${tok}`)]),
  base64.map((sig) => [t('Authorization: SharedKey account:'), s(sig)]),
  fc
    .tuple(casing('X-Amz-Security-Token'), base64, fc.boolean())
    .map(([name, tok, json]) => (json ? [t(`"${name}": "`), s(tok), t('"')] : [t(`${name}: `), s(tok)])),
);

const secretItem: fc.Arbitrary<Part[]> = fc.oneof(
  { weight: 4, arbitrary: userinfoUrl },
  { weight: 1, arbitrary: s3Url },
  { weight: 1, arbitrary: gcsUrl },
  { weight: 1, arbitrary: azureSas },
  { weight: 1, arbitrary: s3V2Url },
  { weight: 1, arbitrary: sigV4Header },
  { weight: 2, arbitrary: authorization },
);

/** Arbitrary text: printable, any code unit, or text full of the characters the scans look for. */
const surrounding = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      ...'a:/@.%=&?# "\'\n-_[]'.split(''),
      'redis://',
      'x@y.z',
      'https://h/?sig=',
      'Bearer ',
    ),
    maxLength: 30,
  }),
);
/** What ends a URL, a header or a token (a URL is not glued to the text after it). */
const after = fc.constantFrom(' ', '\n', '"', "'", ')', ',', '\t', '>', '\r\n');

/** Every 6 characters of the secret (all of it if shorter) that the text around it does not hold. */
function checkNoneSurvive(parts: readonly Part[], masked: string, output: string): void {
  for (const part of parts) {
    if (!('secret' in part)) continue;
    const width = Math.min(6, part.secret.length);
    for (let i = 0; i + width <= part.secret.length; i++) {
      const fragment = part.secret.slice(i, i + width);
      if (masked.includes(fragment)) continue;
      assert.ok(
        !output.includes(fragment),
        `"${fragment}" of secret "${part.secret}" survived in ${JSON.stringify(output)}`,
      );
    }
  }
}

test('property: a generated secret in arbitrary text never survives redact() or redactedExcerpt()', () => {
  fc.assert(
    fc.property(surrounding, secretItem, after, surrounding, fc.nat(), (before, item, end, rest, cut) => {
      const parts = [t(before), ...item, t(end), t(rest)];
      const text = parts.map((p) => ('text' in p ? p.text : p.secret)).join('');
      const masked = parts.map((p) => ('text' in p ? p.text : '***')).join('');
      checkNoneSurvive(parts, masked, redact(text));
      const max = 1 + (cut % (text.length + 8));
      const excerpt = redactedExcerpt(text, max);
      assert.ok(excerpt.length <= max, 'the excerpt is at most max characters');
      checkNoneSurvive(parts, masked, excerpt);
    }),
    { seed: SEED, numRuns: 2500 },
  );
});

test('secrets the fuzzing found surviving, now hidden', () => {
  const cases: [string, string][] = [
    // A URL glued to a word that ends in a digit: the scheme was not recognised.
    ['x1redis://user:hunter2@host:6379', 'hunter2'],
    // More than 8 `@` after the URL in the window: the real one was not looked at.
    [`redis://user:hunter2@host/ ${'a@'.repeat(9)}`, 'hunter2'],
    // One URL's window reaching into the next one's password hid only half of it.
    [`a://${'x'.repeat(490)} redis://user:p@ss/w rd@127.0.0.1:6379`, 'ss/w rd'],
    // A URL followed by a quote or a bracket (Rust's Debug output), or an IPv6 host.
    ['Redis { url: "redis://:hunter2@127.0.0.1:6379" }', 'hunter2'],
    ["'redis://u:hunter2@host'", 'hunter2'],
    ['(redis://u:hunter2@host)', 'hunter2'],
    ['redis://u:hunter2@[::1]:6379/0', 'hunter2'],
    // SigV4's Authorization header, an HTML-escaped query, a quoted value, a JSON header.
    [
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAX/1/s3, SignedHeaders=host, Signature=deadbeefcafe',
      'deadbeef',
    ],
    ['<a href="https://h/x?a=1&amp;sig=SECRETSIG">', 'SECRETSIG'],
    ['https://h/x?Signature="quotedsig"', 'quotedsig'],
    ['{"x-amz-security-token": "IQoJb3JpZ2luX2VjEJr"}', 'IQoJb3Jp'],
    ['Authorization: SharedKey account:c2lnbmF0dXJlc2lnbmF0dXJl', 'c2lnbmF0'],
  ];
  for (const [text, secret] of cases) assert.ok(!redact(text).includes(secret), `${text} → ${redact(text)}`);
  // Cut right after the first characters of a token: they may be all of the token there is.
  assert.equal(
    redactedExcerpt(`${'x'.repeat(290)} Bearer abcdefghijklmno`, 300),
    `${'x'.repeat(290)} Bearer *…`,
  );
});

// ------------------------------------------------------------------ linear work

const SIZE = 1024 * 1024;

/** Work for the text repeated to n and to 4n characters: both linear in the length, by a small constant. */
function checkLinear(motif: string, n: number): void {
  const small = motif.repeat(Math.ceil(n / motif.length));
  const large = motif.repeat(Math.ceil((4 * n) / motif.length));
  const a = redactionWork(small);
  const b = redactionWork(large);
  assert.ok(a <= 24 * small.length, `${JSON.stringify(motif)}: ${a / small.length} steps per character`);
  assert.ok(b <= 24 * large.length, `${JSON.stringify(motif)}: ${b / large.length} steps per character`);
  assert.ok(b / a <= 4.5, `${JSON.stringify(motif)}: 4× the text took ${(b / a).toFixed(2)}× the work`);
}

test('adversarial repetitions of 1 and 4 MB cost work linear in their length', () => {
  for (const motif of ['a.', '@', '://', '%']) checkLinear(motif, SIZE);
  // The motifs that make the scans do most (URLs, keys, schemes, IPv6 brackets): 256 KB and 1 MB.
  for (const motif of [
    '@@@@a',
    '%%%%2',
    'a://',
    'a://@@@@',
    'a://x@a ',
    'x://@a',
    ':// @',
    'redis://u:p@h ',
    'bearer ',
    '&sig=',
    'x-token: ',
    `${'a'.repeat(63)}=`,
    `${'a'.repeat(40)}://`,
    '[::',
    '@[',
  ]) {
    checkLinear(motif, SIZE / 4);
  }
  // One long run ahead of a URL, and a URL ahead of a long run: 5 MB each.
  for (const text of [
    `${'a'.repeat(5 * SIZE)}://`,
    `x://${'@'.repeat(5 * SIZE)}`,
    `redis://u:${'%'.repeat(5 * SIZE)}@h`,
  ]) {
    assert.ok(redactionWork(text) <= 24 * text.length);
  }
});

test('property: any short motif repeated costs linear work', () => {
  const motif = fc.string({
    unit: fc.constantFrom(...'a1:/@.% =&?"[]-_\n'.split(''), '://', 'Bearer ', 'sig=', '-token:'),
    minLength: 1,
    maxLength: 12,
  });
  fc.assert(
    fc.property(motif, (m) => checkLinear(m, 64 * 1024)),
    { seed: SEED, numRuns: 30 },
  );
});
