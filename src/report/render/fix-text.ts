// A fix as a reader meets it: the explanation as prose, and only the lines to paste in a code block.
// Rules write a fix as one text, YAML with `# …` comment lines for the why (so an annotation, which
// is plain text, reads well); here the whole-line comments become sentences. Pure.

export type FixPart =
  { readonly kind: 'prose'; readonly text: string } | { readonly kind: 'paste'; readonly text: string };

/** A fix that is a YAML or env change, not a sentence. */
export const isSnippet = (fix: string): boolean => fix.includes('\n') || /^[#-]|^\w+:/.test(fix);

const isComment = (line: string) => /^\s*#/.test(line);
/** "#   RUSTFLAGS: x" → "RUSTFLAGS: x": the comment marker and its padding are not prose. */
const uncomment = (line: string) => line.replace(/^\s*#+\s?/, '').trim();

/**
 * The fix's parts in order: runs of whole-line comments joined as one sentence each, runs of other
 * lines kept byte for byte (an end-of-line comment stays: it is part of the line to paste).
 */
export function fixParts(fix: string): readonly FixPart[] {
  if (fix.trim() === '') return [];
  if (!isSnippet(fix)) return [{ kind: 'prose', text: fix }];
  const parts: FixPart[] = [];
  let run: string[] = [];
  let runIsProse = false;
  const flush = () => {
    if (run.length === 0) return;
    const text = runIsProse ? run.map(uncomment).filter(Boolean).join(' ') : run.join('\n').trimEnd();
    if (text) parts.push(runIsProse ? { kind: 'prose', text } : { kind: 'paste', text });
    run = [];
  };
  for (const line of fix.split('\n')) {
    const prose = isComment(line);
    // A blank line inside pasted YAML belongs to it; between comments it separates nothing.
    if (line.trim() === '' && !runIsProse) {
      run.push(line);
      continue;
    }
    if (prose !== runIsProse) flush();
    runIsProse = prose;
    run.push(line);
  }
  flush();
  return parts;
}
