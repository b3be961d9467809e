// sccache commands in a shell line that change the running server: `--stop-server`,
// `--start-server` and `-z`/`--zero-stats` (src/cmdline.rs). After one of them the counters start
// again from zero, and a server started there takes that step's environment, not setup's. Pure and
// linear: the line is split into words once, no backtracking pattern runs over it.

export type ServerCommand = '--stop-server' | '--start-server' | '--zero-stats';

const FLAGS: Readonly<Record<string, ServerCommand>> = {
  '--stop-server': '--stop-server',
  '--start-server': '--start-server',
  '--zero-stats': '--zero-stats',
  '-z': '--zero-stats',
};
const MAX_LINE = 4096;

/** sccache, sccache.exe, a path to either, or $SCCACHE_PATH in any of its spellings. */
function namesSccache(word: string): boolean {
  const bare = word.replace(/^[("'!]+|["')]+$/g, '');
  const base = bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1).toLowerCase();
  if (base === 'sccache' || base === 'sccache.exe') return true;
  return /^(\$sccache_path|\$\{sccache_path\}|\$env:sccache_path|\$\{\{env\.sccache_path\}\})$/.test(
    bare.replace(/\s+/g, '').toLowerCase(),
  );
}

const ends = (word: string) => /^(;|&&|\|\||\||then|do|else)$/.test(word) || /;$/.test(word);

/** The server command this line runs, or undefined. Comments and echoed text are not commands. */
export function serverCommandIn(line: string): ServerCommand | undefined {
  const text = line.slice(0, MAX_LINE).trim();
  if (!/sccache/i.test(text)) return undefined;
  if (text.startsWith('#') || /^(echo|printf|Write-(Host|Output))\b/i.test(text)) return undefined;
  // `${{ env.SCCACHE_PATH }}` is one word for us, though it has spaces.
  const words = text.replace(/\$\{\{\s*env\.SCCACHE_PATH\s*\}\}/gi, '${{env.SCCACHE_PATH}}').split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (!namesSccache(words[i]!)) continue;
    for (let j = i + 1; j < words.length && !ends(words[j - 1]!); j++) {
      const flag = FLAGS[words[j]!.replace(/[;"')]+$/, '')];
      if (flag) return flag;
      if (ends(words[j]!)) break;
    }
  }
  return undefined;
}
