// Runs the node:test suites on the Node 24 that npm scripts put first on PATH, shows the spec
// reporter, and ends with the counts computed from the TAP results: "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.version.startsWith('v24.')) {
  console.error(`tests must run on Node 24 (action.yml says node24), not ${process.version}: use npm test`);
  process.exit(1);
}
const files = process.argv.slice(2);
const tap = join(mkdtempSync(join(tmpdir(), 'sccache-guard-tests-')), 'results.tap');
const args = [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  // No test may hang the command past CI's budget: the slowest (a real 41-crate build) takes ~90 s.
  '--test-timeout=300000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tap}`,
  ...(files.length ? files : ['__tests__/**/*.test.ts']),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  const text = readFileSync(tap, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? (signal ? 1 : 0));
});
