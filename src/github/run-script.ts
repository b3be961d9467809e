// Environment variables a `run:` script sets: for later steps through the GITHUB_ENV file (bash
// `echo`/`printf`/`tee -a`/heredocs and brace groups, PowerShell `Add-Content`/`Out-File`/`>>`),
// and for itself (`export NAME=`, `$env:NAME =`, cmd's `set NAME=`). Read line by line from the script's source, so
// each assignment keeps its line in the workflow. Pure, and linear in the script's length.
import { withoutComment } from '../util/shell.js';
import type { SourceLine } from './workflow.js';

export interface ScriptAssignment {
  readonly name: string;
  /** As written; may hold shell expansions ($X, $(…), %s): see isLiteralValue. */
  readonly value: string;
  readonly line: number;
  /** github-env: reaches the steps after this one; export: the rest of this script only. */
  readonly how: 'github-env' | 'export';
}

/** A value the runner sees as written: no shell expansion, no format, no expression, no heredoc. */
export const isLiteralValue = (value: string): boolean => !/[$%`]/.test(value) && !value.startsWith('<<');

/**
 * Every word of identifier characters, with the `=` or `<<` that may follow it: each character is
 * looked at once, so a hostile line costs its length, not its square.
 */
const WORD = /[A-Za-z_][A-Za-z0-9_]*(=|<<)?/g;
const MAX_LINE = 4096;

function assignmentsIn(text: string): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    if (!match[1]) continue;
    const start = match.index;
    const before = start === 0 ? ' ' : text[start - 1]!;
    // A flag (--x=y), a path, or the middle of a word is not an assignment.
    if (!/[\s"'{;(|]/.test(before)) continue;
    const quote = before === '"' || before === "'" ? before : undefined;
    const valueStart = start + match[0].length;
    let end: number;
    if (quote) {
      end = text.indexOf(quote, valueStart);
      if (end < 0) end = text.length;
    } else if (text[valueStart] === '"' || text[valueStart] === "'") {
      // NAME="a b": the value is the quoted text.
      end = text.indexOf(text[valueStart]!, valueStart + 1);
      if (end < 0) end = text.length;
    } else {
      const rest = /[\s;>|]/.exec(text.slice(valueStart));
      end = rest ? valueStart + rest.index : text.length;
    }
    const quotedValue = !quote && (text[valueStart] === '"' || text[valueStart] === "'");
    const value = text.slice(quotedValue ? valueStart + 1 : valueStart, end);
    const name = match[0].slice(0, -match[1].length);
    found.push({ name, value: match[1] === '<<' ? `<<${value}` : value });
    WORD.lastIndex = end + 1;
  }
  return found;
}

const TARGETS_GITHUB_ENV = /GITHUB_ENV\b/;
const HEREDOC_INTO_ENV = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/;

/** printf's own escapes are not part of the value it writes: `printf 'A=1\n'` writes A=1. */
const unescapePrintf = (value: string, line: string): string =>
  /\bprintf\b/.test(line) ? value.replace(/(\\n)+$/, '') : value;

/** One line that is not a heredoc or a group: a GITHUB_ENV write, an export, or nothing. */
function lineAssignments(text: string, line: number): ScriptAssignment[] {
  const trimmed = text.trim();
  if (TARGETS_GITHUB_ENV.test(text)) {
    return assignmentsIn(text.replace(/\$\{?env:GITHUB_ENV\}?|\$\{?GITHUB_ENV\}?/g, ' ')).map((a) => ({
      name: a.name,
      value: unescapePrintf(a.value, text),
      line,
      how: 'github-env' as const,
    }));
  }
  // cmd: `set NAME=value` or `set "NAME=value"` (the quotes delimit the whole assignment). In bash
  // `set` takes options and positional parameters, never NAME=value, so the form is cmd's alone.
  const cmdSet = /^set\s+("?)([A-Za-z_][A-Za-z0-9_]*)=(.*)$/i.exec(trimmed);
  if (cmdSet) {
    const [, quote, name, value] = cmdSet as unknown as [string, string, string, string];
    const unquoted = quote && value.endsWith('"') ? value.slice(0, -1) : value;
    return [{ name, value: unquoted, line, how: 'export' }];
  }
  const exported = /^(?:export\s+|\$env:)(.*)$/i.exec(trimmed);
  if (!exported) return [];
  const rest = exported[1]!;
  if (trimmed.toLowerCase().startsWith('$env:')) {
    // PowerShell: $env:NAME = "value"
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(["']?)(.*?)\2\s*;?\s*$/.exec(rest);
    return m ? [{ name: m[1]!, value: m[3]!, line, how: 'export' }] : [];
  }
  return assignmentsIn(` ${rest}`).map((a) => ({ ...a, line, how: 'export' as const }));
}

/**
 * GITHUB_ENV writes and exports, in the order they appear. Lines may end in \r (a CRLF file) and in
 * a comment; neither is part of what they set.
 */
export function scriptAssignments(lines: readonly SourceLine[]): ScriptAssignment[] {
  const clean = lines.map((l) => ({
    line: l.line,
    text: withoutComment(l.text.slice(0, MAX_LINE).replace(/\r$/, '')),
  }));
  const out: ScriptAssignment[] = [];
  for (let i = 0; i < clean.length; i++) {
    const { text } = clean[i]!;
    const trimmed = text.trim();
    if (trimmed === '') continue;

    // `{` … `} >> "$GITHUB_ENV"`: every echo in the group writes the file. A group that goes
    // elsewhere is read line by line, like any other lines.
    if (trimmed === '{') {
      let close = i + 1;
      while (close < clean.length && !clean[close]!.text.trim().startsWith('}')) close++;
      if (close < clean.length && TARGETS_GITHUB_ENV.test(clean[close]!.text)) {
        for (let j = i + 1; j < close; j++) {
          for (const a of assignmentsIn(clean[j]!.text)) {
            out.push({
              name: a.name,
              value: unescapePrintf(a.value, clean[j]!.text),
              line: clean[j]!.line,
              how: 'github-env',
            });
          }
        }
        i = close;
      }
      continue;
    }

    // `cat >> "$GITHUB_ENV" <<EOF` … `EOF`: each line between is NAME=value.
    const heredoc =
      TARGETS_GITHUB_ENV.test(text) && /\bcat\b/.test(text) ? HEREDOC_INTO_ENV.exec(text) : null;
    if (heredoc) {
      const delimiter = heredoc[1]!;
      let j = i + 1;
      for (; j < lines.length && lines[j]!.text.replace(/\r$/, '').trim() !== delimiter; j++) {
        const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(lines[j]!.text.replace(/\r$/, ''));
        if (eq) out.push({ name: eq[1]!, value: eq[2]!, line: lines[j]!.line, how: 'github-env' });
      }
      i = j;
      continue;
    }
    out.push(...lineAssignments(text, clean[i]!.line));
  }
  return out;
}
