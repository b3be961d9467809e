// scriptAssignments over the shells a runner OS gives a run: step by default (bash on Linux and
// macOS, pwsh on Windows) and the ones a workflow names (cmd, powershell, sh): each way of setting a
// variable for later steps or for the script itself is read, on its line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scriptAssignments } from '../../../src/github/run-script.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: 10 + i }));
const read = (...texts: string[]) =>
  scriptAssignments(lines(...texts)).map(({ name, value, line, how }) => [name, value, line, how]);

const SHELLS: readonly (readonly [string, readonly string[], readonly (readonly unknown[])[]])[] = [
  [
    'bash (Linux and macOS default)',
    ['echo "CARGO_INCREMENTAL=1" >> "$GITHUB_ENV"', 'export RUSTC_WRAPPER=sccache'],
    [
      ['CARGO_INCREMENTAL', '1', 10, 'github-env'],
      ['RUSTC_WRAPPER', 'sccache', 11, 'export'],
    ],
  ],
  [
    'pwsh (Windows default): >> $env:GITHUB_ENV and $env:NAME =',
    ['"CARGO_INCREMENTAL=1" >> $env:GITHUB_ENV', '$env:RUSTC_WRAPPER = "sccache"'],
    [
      ['CARGO_INCREMENTAL', '1', 10, 'github-env'],
      ['RUSTC_WRAPPER', 'sccache', 11, 'export'],
    ],
  ],
  [
    'pwsh: Add-Content and Out-File -Append',
    [
      'Add-Content -Path $env:GITHUB_ENV -Value "SCCACHE_GHA_ENABLED=true"',
      'echo "SCCACHE_CACHE_SIZE=2G" | Out-File -FilePath $env:GITHUB_ENV -Encoding utf8 -Append',
    ],
    [
      ['SCCACHE_GHA_ENABLED', 'true', 10, 'github-env'],
      ['SCCACHE_CACHE_SIZE', '2G', 11, 'github-env'],
    ],
  ],
  [
    'cmd: echo NAME=value>>%GITHUB_ENV%',
    ['echo CARGO_INCREMENTAL=0>>%GITHUB_ENV%'],
    [['CARGO_INCREMENTAL', '0', 10, 'github-env']],
  ],
  [
    'cmd: set NAME=value and set "NAME=value" for the script itself; bash set options are not read',
    ['set RUSTC_WRAPPER=sccache', 'set "CC=cl.exe /nologo"', 'set -euo pipefail', 'SET CARGO_INCREMENTAL=0'],
    [
      ['RUSTC_WRAPPER', 'sccache', 10, 'export'],
      ['CC', 'cl.exe /nologo', 11, 'export'],
      ['CARGO_INCREMENTAL', '0', 13, 'export'],
    ],
  ],
  [
    'CRLF lines and trailing comments (a script saved on Windows)',
    ['echo "RUSTFLAGS=-Dwarnings" >> "$GITHUB_ENV" # keep warnings fatal\r'],
    [['RUSTFLAGS', '-Dwarnings', 10, 'github-env']],
  ],
];

for (const [shell, script, expected] of SHELLS) {
  test(`scriptAssignments, ${shell}`, () => {
    assert.deepEqual(read(...script), expected);
  });
}
