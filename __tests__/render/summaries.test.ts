// docs/summaries/ is what the code writes (regenerate: bash scripts/summaries.sh), and each of its
// summaries reads well as GitHub renders it: the verdict in the first two lines, the findings to act
// on before anything folded, every fix fitted to the run.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { beforeFirstDetails, renderAsGitHub } from './rendered-html.js';
import { SCENARIOS } from './scenarios.js';
import { assertSummaryReadsWell } from './summary-checks.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'summaries');
const committed = (name: string, ext: string) => readFileSync(join(DOCS, `${name}.${ext}`), 'utf8');
const rendered = new Map<string, string>();
async function markdownOf(name: string): Promise<string> {
  const scenario = SCENARIOS.find((s) => s.name === name);
  assert.ok(scenario, name);
  if (!rendered.has(name)) rendered.set(name, await scenario.markdown());
  return rendered.get(name)!;
}

for (const { name } of SCENARIOS) {
  test(`docs/summaries/${name}.md is what the code writes, and it reads well rendered`, async () => {
    const markdown = await markdownOf(name);
    assert.equal(
      committed(name, 'md'),
      markdown,
      'stale: run `bash scripts/summaries.sh` and commit docs/summaries/',
    );
    assert.ok(existsSync(join(DOCS, `${name}.png`)), `${name}.png: run bash scripts/summaries.sh`);
    assert.match(committed('README', 'md'), new RegExp(`!\\[${name}\\]\\(${name}\\.png\\)`));
    assertSummaryReadsWell(markdown);
  });
}

/** The first two lines a reader sees: the heading and the paragraph under it. */
async function firstTwoLines(name: string): Promise<[string, string]> {
  const { headline, blocksBefore } = beforeFirstDetails(renderAsGitHub(await markdownOf(name)));
  return [headline ?? '', blocksBefore[1] ?? ''];
}

test('the cold first run on the default branch: its verdict in two lines, and no fix block', async () => {
  const [heading, next] = await firstTwoLines('demo-first-run');
  assert.match(heading, /cold first run — the next run reads the 2 objects this one wrote/);
  assert.match(next, /^Nothing to fix\./);
  const markdown = await markdownOf('demo-first-run');
  assert.doesNotMatch(markdown, /\*\*Fix:\*\*|```/);
  assert.doesNotMatch(markdown, /### To fix/);
});

test('the warm run says so in its heading, and takes fewer lines than the first run', async () => {
  const [heading, next] = await firstTwoLines('demo-second-run');
  assert.match(heading, /warm: 100\.0 % of 2 lookups hit/);
  assert.match(next, /^Nothing to fix\./);
  const lines = async (name: string) => (await markdownOf(name)).split('\n').length;
  assert.ok((await lines('demo-second-run')) < (await lines('demo-first-run')));
  // The record of the first run gave the second its trend.
  assert.match(await markdownOf('demo-second-run'), /last 2 runs: `▁█` 0\.0 % → 100\.0 %/);
});

test('a tag run with a configuration change: the fixes that apply, in the lines of the user’s file', async () => {
  const markdown = await markdownOf('tag-run-config-change');
  const [heading] = await firstTwoLines('tag-run-config-change');
  assert.match(heading, /2 problems to fix — 2 of 2 lookups missed/);
  // config-changed: build the default branch with this run's RUSTFLAGS, as lines to paste.
  assert.match(markdown, /```yaml\nenv:\n {2}RUSTFLAGS: "-C debug-assertions=off"\n```/);
  // tag-scope: the user's own step (its name, its cache-namespace) with read-only added.
  assert.match(
    markdown,
    /```yaml\n {6}- name: Set up sccache\n {8}uses: org\/sccache-guard@v1\n {8}with:\n {10}github-token: \$\{\{ github\.token \}\}\n {10}read-only: true\n```/,
  );
  // No comment lines in a block to paste: explanations are prose.
  for (const [, block] of markdown.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    assert.doesNotMatch(block!, /^\s*#/m, block);
  }
});

test('compact mode: the headline, the trend and the findings to act on, nothing folded', async () => {
  const markdown = await markdownOf('rate-limited-compact');
  assert.doesNotMatch(markdown, /<details>/);
  assert.match(markdown, /last 8 runs: `▁▄▄▃▄▄▄▁` 0\.0 % → 0\.0 %/);
  assert.match(markdown, /#### ⚠️ 2 of 2 cache writes failed/);
});
