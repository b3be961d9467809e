// README.md's Inputs and Outputs tables are action.yml's: every input and output, in its order,
// with its default. A user reads the README; the runner reads action.yml; they must not disagree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

/** The rows of the first table under `## heading`: [first cell, second cell] with `code` kept. */
function tableUnder(heading: string): [string, string][] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has a "## ${heading}" section`);
  const section = readme.slice(start + 1).split(/\n## /)[0]!;
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z0-9-]+` /.test(line))
    .map((line) => {
      const cells = line.split(' | ').map((c) => c.replace(/^\| /, '').trim());
      return [cells[0]!.replace(/`/g, ''), cells[1] ?? ''];
    });
}

test('the Inputs table lists every input of action.yml, in its order, with its default', () => {
  const rows = tableUnder('Inputs');
  assert.deepEqual(
    rows.map(([name]) => name),
    Object.keys(action.inputs),
  );
  for (const [name, shown] of rows) {
    const actual = action.inputs[name]?.default ?? '';
    if (shown.startsWith('`')) {
      assert.equal(shown.replace(/^`|`$/g, ''), actual, `${name}: README says ${shown}`);
    } else {
      // Prose ("newest tested", "job id, OS, arch") stands for a default the code decides: '' here.
      assert.equal(actual, '', `${name}: README says "${shown}", action.yml "${actual}"`);
    }
  }
});

test('the Outputs table lists every output of action.yml, in its order', () => {
  assert.deepEqual(
    tableUnder('Outputs').map(([name]) => name),
    Object.keys(action.outputs),
  );
});
