/**
 * Parsing of the two channels a step uses to talk to the GitHub Actions runner,
 * modelled on actions/runner (src/Runner.Common/ActionCommand.cs,
 * src/Runner.Worker/ActionCommandManager.cs, src/Runner.Worker/FileCommandManager.cs):
 *
 *  - workflow commands on stdout/stderr: `::name k=v,k2=v2::data`;
 *  - file commands: the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE files (`NAME=value` lines and
 *    `NAME<<DELIM` heredocs) and the GITHUB_PATH file (one directory per line).
 *
 * Plus the runner's secret masker (`::add-mask::`), reduced to the encoders that matter on Linux.
 */

export interface WorkflowCommand {
  /** Command name, lower-cased (the runner matches names case-insensitively). */
  command: string;
  /** Properties with lower-cased keys (the runner's dictionary is case-insensitive), values unescaped. */
  properties: Record<string, string>;
  /** Data after the second `::`, unescaped (%0D %0A %25). */
  data: string;
}

/** Commands the runner registers (ActionCommandManager extensions plus `stop-commands`). */
export const REGISTERED_COMMANDS: ReadonlySet<string> = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
]);

function replaceAll(s: string, from: string, to: string): string {
  return s.split(from).join(to);
}

/** Data unescaping, in the runner's order (%25 last). */
export function unescapeData(s: string): string {
  let out = s;
  out = replaceAll(out, '%0D', '\r');
  out = replaceAll(out, '%0A', '\n');
  out = replaceAll(out, '%25', '%');
  return out;
}

/** Property unescaping, in the runner's order (%25 last). */
export function unescapeProperty(s: string): string {
  let out = s;
  out = replaceAll(out, '%0D', '\r');
  out = replaceAll(out, '%0A', '\n');
  out = replaceAll(out, '%3A', ':');
  out = replaceAll(out, '%2C', ',');
  out = replaceAll(out, '%25', '%');
  return out;
}

/**
 * Parse one output line as a workflow command (ActionCommand.TryParseV2). Returns undefined when the
 * line is not a command of a registered name (`extraCommands` adds e.g. a stop-commands token).
 */
export function parseWorkflowCommand(
  line: string,
  extraCommands: ReadonlySet<string> = new Set(),
): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  const cmdInfo = message.slice(2, endIndex);
  const spaceIndex = cmdInfo.indexOf(' ');
  const name = (spaceIndex < 0 ? cmdInfo : cmdInfo.slice(0, spaceIndex)).toLowerCase();
  if (!REGISTERED_COMMANDS.has(name) && !extraCommands.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (spaceIndex > 0) {
    const propsStr = cmdInfo.slice(spaceIndex + 1).trim();
    for (const prop of propsStr.split(',')) {
      if (prop === '') continue;
      const eq = prop.indexOf('=');
      // C#'s Split('=', 2, RemoveEmptyEntries): "=v" yields one entry, "k=" yields one entry.
      if (eq <= 0 || eq === prop.length - 1) continue;
      properties[prop.slice(0, eq).toLowerCase()] = unescapeProperty(prop.slice(eq + 1));
    }
  }
  return { command: name, properties, data: unescapeData(message.slice(endIndex + 2)) };
}

export class FileCommandError extends Error {}

/**
 * Parse a GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE file exactly like SetEnvFileCommand: lines split
 * on LF only, empty lines skipped, `NAME=value` when `=` comes before any `<<`, otherwise
 * `NAME<<DELIM` followed by value lines up to a line equal to DELIM. Later keys win.
 * Throws FileCommandError on the inputs the runner rejects.
 */
export function parseKeyValueFile(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let index = 0;
  const readLine = (): { line: string; nl: number } | undefined => {
    if (index >= text.length) return undefined;
    const start = index;
    const lf = text.indexOf('\n', index);
    if (lf < 0) {
      index = text.length;
      return { line: text.slice(start), nl: 0 };
    }
    index = lf + 1;
    return { line: text.slice(start, lf), nl: 1 };
  };
  for (let cur = readLine(); cur !== undefined; cur = readLine()) {
    const line = cur.line;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const hd = line.indexOf('<<');
    if (eq >= 0 && (hd < 0 || eq < hd)) {
      const name = line.slice(0, eq);
      if (name === '') throw new FileCommandError(`Invalid format '${line}'. Name must not be empty`);
      pairs.push([name, line.slice(eq + 1)]);
    } else if (hd >= 0 && (eq < 0 || hd < eq)) {
      const name = line.slice(0, hd);
      const delimiter = line.slice(hd + 2);
      if (name === '' || delimiter === '') {
        throw new FileCommandError(
          `Invalid format '${line}'. Name must not be empty and delimiter must not be empty`,
        );
      }
      const startIndex = index;
      let endIndex = index;
      let next = readLine();
      while (next === undefined || next.line !== delimiter) {
        if (next === undefined) {
          throw new FileCommandError(`Invalid value. Matching delimiter not found '${delimiter}'`);
        }
        endIndex = index - next.nl;
        next = readLine();
      }
      pairs.push([name, endIndex > startIndex ? text.slice(startIndex, endIndex) : '']);
    } else {
      throw new FileCommandError(`Invalid format '${line}'`);
    }
  }
  return pairs;
}

/** Parse a GITHUB_PATH file (AddPathFileCommand): every non-empty line, in order. */
export function parsePathFile(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** The runner's UriDataEscape (Uri.EscapeDataString): RFC 3986 unreserved characters kept. */
function uriDataEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The runner's JsonStringEscape: a JSON string literal without its quotes. */
function jsonStringEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/**
 * A reduced copy of the runner's SecretMasker: every registered value (and its JSON-escaped,
 * URI-escaped and base64 forms, as the runner's value encoders do) is replaced with `***`;
 * overlapping matches are merged into one `***`.
 */
export class SecretMasker {
  readonly #values = new Set<string>();
  /** The values as given to add(), in order. */
  readonly added: string[] = [];

  add(value: string): void {
    if (value === '') return;
    this.added.push(value);
    const forms = [value, jsonStringEscape(value), uriDataEscape(value)];
    const b64 = Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '');
    if (b64.length > 0) forms.push(b64);
    for (const f of forms) if (f !== '') this.#values.add(f);
  }

  get size(): number {
    return this.#values.size;
  }

  mask(text: string): string {
    if (this.#values.size === 0 || text === '') return text;
    const ranges: Array<[number, number]> = [];
    for (const v of this.#values) {
      let i = text.indexOf(v);
      while (i >= 0) {
        ranges.push([i, i + v.length]);
        i = text.indexOf(v, i + 1);
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let pos = 0;
    let curStart = -1;
    let curEnd = -1;
    for (const [s, e] of ranges) {
      if (curStart < 0) {
        curStart = s;
        curEnd = e;
      } else if (s <= curEnd) {
        curEnd = Math.max(curEnd, e);
      } else {
        out += text.slice(pos, curStart) + '***';
        pos = curEnd;
        curStart = s;
        curEnd = e;
      }
    }
    out += text.slice(pos, curStart) + '***' + text.slice(curEnd);
    return out;
  }
}
