// Just enough of shell syntax to read one line of a `run:` script: where a comment starts and where
// one command ends and the next begins, outside quotes. Linear in the line, no backtracking.

/** The positions of the characters outside quotes and escapes, in order: the one scan both cuts use. */
function* unquoted(line: string): Generator<number> {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else {
      yield i;
    }
  }
}

/** The line without its trailing `# comment` (a `#` at the start or after a blank, outside quotes). */
export function withoutComment(line: string): string {
  for (const i of unquoted(line)) {
    if (line[i] === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

/** The commands of a line, split at `;`, `&&`, `||`, `|` and `&` outside quotes, each trimmed. */
export function commandsOf(line: string): string[] {
  const commands: string[] = [];
  let start = 0;
  let skipTo = -1;
  for (const i of unquoted(line)) {
    if (i <= skipTo) continue;
    const c = line[i]!;
    if (c !== ';' && c !== '|' && c !== '&') continue;
    commands.push(line.slice(start, i));
    const doubled = line[i + 1] === c; // && and ||
    if (doubled) skipTo = i + 1;
    start = doubled ? i + 2 : i + 1;
  }
  commands.push(line.slice(start));
  return commands.map((command) => command.trim()).filter((command) => command !== '');
}

/**
 * The words of one command, split at blanks outside quotes, quotes removed. Backslashes stay as they
 * are: a Windows path (`C:\tools\sccache.exe`) is a word, not a string of escapes.
 */
export function wordsOf(command: string): string[] {
  const words: string[] = [];
  let quote: string | undefined;
  let word = '';
  let inWord = false;
  for (const c of command) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
