// serverCommandIn: the sccache commands in a shell line that restart the server or zero its counters
// (--stop-server, --start-server, -z/--zero-stats), whatever the binary is called; and nothing for
// lines that only mention them (echo, comments) or run another command.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { serverCommandIn } from '../../../src/sccache/invocation.js';

test('the three commands, by their flags', () => {
  assert.equal(serverCommandIn('sccache --stop-server'), '--stop-server');
  assert.equal(serverCommandIn('sccache --start-server'), '--start-server');
  assert.equal(serverCommandIn('sccache --zero-stats'), '--zero-stats');
  assert.equal(serverCommandIn('sccache -z'), '--zero-stats');
  assert.equal(serverCommandIn('sccache -s -z'), '--zero-stats');
  assert.equal(serverCommandIn('sccache --show-stats --zero-stats'), '--zero-stats');
});

test('sccache by any name: a path, .exe, a Windows path, $SCCACHE_PATH in every spelling', () => {
  const cases: [string, string][] = [
    ['/usr/bin/sccache --stop-server', '--stop-server'],
    ['~/.cargo/bin/sccache --stop-server', '--stop-server'],
    ['sccache.exe --stop-server', '--stop-server'],
    ['SCCACHE.EXE --stop-server', '--stop-server'],
    ['C:\\tools\\sccache.exe --stop-server', '--stop-server'],
    ['"C:\\tools\\sccache.exe" -z', '--zero-stats'],
    ['& "C:\\Program Files\\sccache\\sccache.exe" --start-server', '--start-server'],
    ['$SCCACHE_PATH --stop-server', '--stop-server'],
    ['"$SCCACHE_PATH" --stop-server', '--stop-server'],
    ['${SCCACHE_PATH} -z', '--zero-stats'],
    ['"${SCCACHE_PATH}" --start-server', '--start-server'],
    ['${{ env.SCCACHE_PATH }} --stop-server', '--stop-server'],
    ['"${{ env.SCCACHE_PATH }}" --stop-server', '--stop-server'],
    ['${{env.SCCACHE_PATH}} -z', '--zero-stats'],
    ['& $env:SCCACHE_PATH --stop-server', '--stop-server'],
    ['& "$env:SCCACHE_PATH" --zero-stats', '--zero-stats'],
  ];
  for (const [line, command] of cases) assert.equal(serverCommandIn(line), command, line);
});

test('in a command list, a condition, a subshell, after sudo or a variable prefix', () => {
  const cases: [string, string][] = [
    ['sccache --stop-server || true', '--stop-server'],
    ['sccache --stop-server >/dev/null 2>&1 || :', '--stop-server'],
    ['sccache --stop-server;', '--stop-server'],
    ['sccache --stop-server && sccache --start-server', '--stop-server'],
    ['cargo clean && sccache --zero-stats', '--zero-stats'],
    ['true && echo x; sccache -z', '--zero-stats'],
    ['if command -v sccache; then sccache --stop-server; fi', '--stop-server'],
    ['if [ -n "$CI" ]; then "$SCCACHE_PATH" -z; fi', '--zero-stats'],
    ['(sccache --stop-server)', '--stop-server'],
    ['sudo sccache --stop-server', '--stop-server'],
    ['SCCACHE_LOG=debug sccache --start-server', '--start-server'],
    ['    sccache --stop-server', '--stop-server'],
  ];
  for (const [line, command] of cases) assert.equal(serverCommandIn(line), command, line);
});

test('not for echoed or printed text, comments, other sccache commands or other programs', () => {
  for (const line of [
    'echo sccache --stop-server',
    'echo "run sccache -z to reset"',
    'printf "sccache -z\\n"',
    'Write-Host "sccache --stop-server"',
    'Write-Output "sccache -z"',
    '# sccache --stop-server',
    '   # sccache -z',
    'sccache --show-stats',
    'sccache -s',
    'sccache --version',
    'sccache',
    'which sccache',
    'sccache-dist --stop-server',
    'sccache-dist -z',
    '/usr/bin/sccache-dist --start-server',
    'cargo build -z',
    'cargo build -z && sccache --show-stats',
    'sccache --show-stats; cargo build -z',
    'sccache --show-stats && cargo build -z',
    'sccache --show-stats | grep -z x',
    'sccache --stop-server-now',
    'cargo build --release',
    '',
  ]) {
    assert.equal(serverCommandIn(line), undefined, line);
  }
});

test('a command after echo on the same line is a command', () => {
  assert.equal(serverCommandIn('echo "restarting sccache"; sccache --stop-server'), '--stop-server');
  assert.equal(serverCommandIn('echo done && sccache -z'), '--zero-stats');
});

test('a flag in a comment after the command is not the command', () => {
  assert.equal(serverCommandIn('sccache --show-stats # not --stop-server'), undefined);
});

test('a 100 KB line is read up to its first 4 KB', () => {
  assert.equal(serverCommandIn(`sccache --stop-server ${'x '.repeat(50_000)}`), '--stop-server');
  assert.equal(serverCommandIn(`${'x '.repeat(50_000)} sccache --stop-server`), undefined);
});

const WORD = fc.constantFrom(
  'sccache',
  'sccache.exe',
  '/usr/bin/sccache',
  'C:\\x\\sccache.exe',
  '$SCCACHE_PATH',
  '"${SCCACHE_PATH}"',
  '${{',
  '}}',
  'env.SCCACHE_PATH',
  '$env:SCCACHE_PATH',
  '--stop-server',
  '--start-server',
  '--zero-stats',
  '-z',
  '-s',
  '--show-stats',
  'echo',
  'printf',
  'cargo',
  'build',
  '#',
  ';',
  '&&',
  '||',
  '|',
  'if',
  'then',
  'fi',
  '"',
  "'",
  '(',
  ')',
  '!',
  ' ',
  '  ',
  '\t',
  '\r',
);

test('property: arbitrary text never makes serverCommandIn throw, and it answers one of the commands', () => {
  const line = fc.oneof(
    fc.string({ unit: WORD, maxLength: 40 }),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ minLength: 3000, maxLength: 6000 }),
    fc.string({ unit: WORD, minLength: 800, maxLength: 2000 }),
  );
  fc.assert(
    fc.property(line, (text) => {
      const command = serverCommandIn(text);
      assert.ok(
        command === undefined || ['--stop-server', '--start-server', '--zero-stats'].includes(command),
        String(command),
      );
      // A line that only mentions it is never a command.
      if (!/sccache/i.test(text.slice(0, 4096)) || text.trim().startsWith('#'))
        assert.equal(command, undefined);
    }),
    { seed: 42, numRuns: 1000 },
  );
});
