// What every job summary must satisfy once GitHub has rendered it, as one assertion for the unit,
// gallery and e2e tests: nothing a reader would see wrong (rendered-html.ts), and the verdict and
// the findings to act on before anything folded.
import assert from 'node:assert/strict';
import { beforeFirstDetails, renderAsGitHub, summaryProblems } from './rendered-html.js';

export function assertSummaryReadsWell(markdown: string): void {
  const html = renderAsGitHub(markdown);
  assert.deepEqual(summaryProblems(html), [], `the rendered summary:\n${markdown}`);
  const { headline, blocksBefore } = beforeFirstDetails(html);
  assert.ok(headline?.startsWith('sccache'), `the first heading is the verdict: ${headline}`);
  // A finding to act on is an h4 in the Markdown: each is rendered before the first <details>.
  for (const [, title] of markdown.matchAll(/^#### \S+ (.+)$/gm)) {
    const text = beforeFirstDetails(renderAsGitHub(title!)).blocksBefore.join(' ').trim();
    assert.ok(
      blocksBefore.some((block) => block.includes(text.slice(0, 60))),
      `"${text}" comes before the folded sections`,
    );
  }
}
