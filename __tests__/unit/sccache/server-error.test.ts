// summarizeSccacheError: the one line of sccache's startup failure the summary quotes, with the
// source of the error, a backtrace dropped, and a store's HTML error page reduced to its title.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { summarizeSccacheError } from '../../../src/sccache/server.js';

test('a WebDAV server that refuses the password: its error page becomes its title', () => {
  // As sccache 0.16.0 printed it against wsgidav with a wrong password (__tests__/stores).
  const stderr = [
    'sccache: error: Server startup failed: cache storage failed to read: Unexpected (permanent) at read => <html>',
    '    <head><title>401 Access not authorized</title></head>',
    '    <body>',
    '        <h1>401 Access not authorized</h1>',
    '    </body>',
    '</html>',
    '',
  ].join('\n');
  assert.equal(
    summarizeSccacheError(stderr),
    'sccache: error: Server startup failed: cache storage failed to read: Unexpected (permanent) at read => 401 Access not authorized',
  );
});

test('an error line and its source; plain text untouched', () => {
  assert.equal(
    summarizeSccacheError('sccache: error: Timed out waiting for server startup\n'),
    'sccache: error: Timed out waiting for server startup',
  );
  assert.equal(
    summarizeSccacheError(
      'sccache: error: boom\n\nSource:\n   connection refused\n\nStack backtrace:\n 0: x',
    ),
    'sccache: error: boom (connection refused)',
  );
});

test('any text: one line of at most 600 characters', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 3000 }), (text) => {
      const line = summarizeSccacheError(text);
      return line.length <= 600 && !line.includes('\n');
    }),
  );
});
