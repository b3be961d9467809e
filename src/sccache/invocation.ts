// sccache commands in a shell line that change the running server: `--stop-server`,
// `--start-server` and `-z`/`--zero-stats` (src/cmdline.rs). After one of them the counters start
// again from zero, and a server started there takes that step's environment, not setup's. Pure and
// linear: the line is cut into commands and words once, no backtracking pattern runs over it.
import { commandsOf, withoutComment, wordsOf } from '../util/shell.js';

export type ServerCommand = '--stop-server' | '--start-server' | '--zero-stats';

const FLAGS: Readonly<Record<string, ServerCommand>> = {
  '--stop-server': '--stop-server',
  '--start-server': '--start-server',
  '--zero-stats': '--zero-stats',
  '-z': '--zero-stats',
};
const MAX_LINE = 4096;
/** Words that may stand before the command itself. */
const PREFIX =
  /^(if|then|else|elif|do|while|until|!|time|sudo|exec|command|nohup|\(|\{|[A-Za-z_][A-Za-z0-9_]*=\S*)$/;

/** sccache, sccache.exe, a path to either, or $SCCACHE_PATH in any of its spellings. */
function namesSccache(word: string): boolean {
  const bare = word.replace(/^[(!]+|[)]+$/g, '');
  const base = bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === 'sccache' || base === 'sccache.exe') return true;
  return /^(\$sccache_path|\$\{sccache_path\}|\$env:sccache_path|\$\{\{env\.sccache_path\}\})$/.test(
    bare.toLowerCase(),
  );
}

/** The server command this line runs, or undefined. Comments and echoed text are not commands. */
export function serverCommandIn(line: string): ServerCommand | undefined {
  const text = line.slice(0, MAX_LINE);
  if (!/sccache/i.test(text)) return undefined;
  // `${{ env.SCCACHE_PATH }}` is one word for us, though it has spaces.
  const joined = withoutComment(text).replace(/\$\{\{\s*env\.SCCACHE_PATH\s*\}\}/gi, '${{env.SCCACHE_PATH}}');
  for (const command of commandsOf(joined)) {
    const words = wordsOf(command);
    let at = 0;
    while (at < words.length - 1 && PREFIX.test(words[at]!)) at++;
    if (!namesSccache(words[at] ?? '')) continue;
    for (const word of words.slice(at + 1)) {
      const flag = FLAGS[word.replace(/\)+$/, '')];
      if (flag) return flag;
    }
  }
  return undefined;
}
