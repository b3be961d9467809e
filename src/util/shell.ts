// Just enough of shell syntax to read one line of a `run:` script: where a comment starts and where
// one command ends and the next begins, outside quotes. Linear in the line, no backtracking.

/** The line without its trailing `# comment` (a `#` at the start or after a blank, outside quotes). */
export function withoutComment(line: string): string {
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
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** The commands of a line, split at `;`, `&&`, `||`, `|` and `&` outside quotes, each trimmed. */
export function commandsOf(line: string): string[] {
  const commands: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else if (c === ';' || c === '|' || c === '&') {
      commands.push(line.slice(start, i));
      if (line[i + 1] === c) i++; // && and ||
      start = i + 1;
    }
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
