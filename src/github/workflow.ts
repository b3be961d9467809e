// A GitHub Actions workflow file as the report needs it: triggers, env at every level, and each
// job's steps in order, every value with the 1-based line it stands on, so that a finding can point
// at the line to change. Read with yaml's document API and a line counter; `${{ }}` expressions stay
// text. Pure: text in, model out. Bounded: an alias is followed to its one node, never expanded
// into a copy, and only the keys a workflow defines are walked.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  visit,
  type Alias,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
} from 'yaml';

export interface EnvEntry {
  readonly name: string;
  /** As written; a number or boolean as YAML prints it ("0", "true"); expressions stay text. */
  readonly value: string;
  readonly line: number;
}

export interface Located {
  readonly value: string;
  readonly line: number;
}

export interface SourceLine {
  readonly text: string;
  readonly line: number;
}

export interface WorkflowStep {
  /** 0-based position in the job. */
  readonly index: number;
  /** The line of the step's first key. */
  readonly line: number;
  readonly id?: string;
  readonly name?: string;
  readonly uses?: Located;
  /** `with:` inputs, values as text. */
  readonly with: ReadonlyMap<string, Located>;
  /** The `run:` script as its source lines, each with its line in the file. */
  readonly run?: readonly SourceLine[];
  readonly shell?: string;
  readonly env: readonly EnvEntry[];
  /**
   * The step's lines exactly as written, from the line of its `- ` through its last non-blank line,
   * so that a fix can show the user's own step changed. Absent when the step came through an alias
   * (its text stands elsewhere, and changing it there changes every use) or spans more than
   * MAX_STEP_SOURCE_LINES lines (a fix shows a step, not a file).
   */
  readonly source?: readonly SourceLine[];
}

/** The longest step whose source lines are kept. */
export const MAX_STEP_SOURCE_LINES = 80;

export interface WorkflowJob {
  readonly id: string;
  readonly line: number;
  readonly name?: string;
  readonly env: readonly EnvEntry[];
  readonly steps: readonly WorkflowStep[];
  /** A job that calls a reusable workflow: `uses: ./.github/workflows/x.yml` or `o/r/path@ref`. */
  readonly uses?: Located;
  /** defaults.run.shell of the job (or the workflow's). */
  readonly shell?: string;
}

export interface Trigger {
  /** The event name: push, pull_request, release, create, workflow_call, … */
  readonly event: string;
  readonly line: number;
  /** For push: the line of its `tags:` / `tags-ignore:` filter, when there is one. */
  readonly tagsLine?: number;
  /** For push: the line of its `branches:` filter, when there is one. */
  readonly branchesLine?: number;
  /** The file it stands in, when that is not the job's (the caller of a reusable workflow). */
  readonly file?: string;
}

export interface Workflow {
  readonly name?: string;
  readonly triggers: readonly Trigger[];
  readonly env: readonly EnvEntry[];
  /** The jobs that were read: every job, or those parseWorkflow was asked for (and maybe more). */
  readonly jobs: readonly WorkflowJob[];
  /** Every job id of the file, in order, read or not. */
  readonly jobIds: readonly string[];
}

/** Not YAML, or not a workflow: the message says where (1-based line and column). */
export class WorkflowParseError extends Error {
  override readonly name = 'WorkflowParseError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

/** Every anchor of a document, in document order, and the aliases no anchor before them defines. */
function anchorsOf(doc: Document.Parsed): { anchors: Map<string, YamlNode[]>; unresolved: Alias[] } {
  const anchors = new Map<string, YamlNode[]>();
  const unresolved: Alias[] = [];
  // One walk: yaml's own Alias.resolve walks the whole document for every alias it follows.
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) unresolved.push(node);
      } else if (node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push(node);
        anchors.set(node.anchor, list);
      }
    },
  });
  return { anchors, unresolved };
}

class Reader {
  private readonly anchors: Map<string, YamlNode[]>;

  constructor(
    doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly source: string,
    /** A line of the parsed text as a line of the file, when only parts of the file were parsed. */
    private readonly fileLine: (line: number) => number = (line) => line,
    anchors = anchorsOf(doc).anchors,
  ) {
    this.doc = doc;
    this.anchors = anchors;
  }

  private readonly doc: Document.Parsed;

  lineOf(node: YamlNode | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 0 : this.fileLine(this.lines.linePos(offset).line);
  }

  /** Follows an alias to the node it names: the last anchor of that name before it. */
  deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    const at = node.range?.[0] ?? Number.POSITIVE_INFINITY;
    const candidates = this.anchors.get(node.source) ?? [];
    let found: YamlNode | undefined;
    for (const candidate of candidates) if ((candidate.range?.[0] ?? 0) < at) found = candidate;
    return found;
  }

  /** A scalar as text: null/absent → undefined, true → "true", 0 → "0". */
  text(node: unknown): string | undefined {
    const value = this.deref(node);
    if (!isScalar(value)) return undefined;
    if (value.value === null || value.value === undefined) return undefined;
    return String(value.value);
  }

  map(node: unknown): YAMLMap | undefined {
    const value = this.deref(node);
    return isMap(value) ? value : undefined;
  }

  /** The pairs of a map with scalar keys, each with the line of its key. */
  entries(node: unknown): { key: string; keyLine: number; value: unknown }[] {
    const map = this.map(node);
    if (!map) return [];
    const out: { key: string; keyLine: number; value: unknown }[] = [];
    for (const pair of map.items) {
      const key = this.text(pair.key);
      if (key === undefined) continue;
      out.push({ key, keyLine: this.lineOf(pair.key as YamlNode), value: pair.value });
    }
    return out;
  }

  get(node: unknown, key: string): unknown {
    return this.entries(node).find((e) => e.key === key)?.value;
  }

  env(node: unknown): EnvEntry[] {
    return this.entries(node).map((e) => ({ name: e.key, value: this.text(e.value) ?? '', line: e.keyLine }));
  }

  /** The source lines of a scalar exactly as written, so a match in a script keeps its own line. */
  sourceLines(node: unknown): SourceLine[] | undefined {
    const value = this.deref(node);
    if (!isScalar(value) || !value.range) return undefined;
    const first = this.lineOf(value);
    // A quoted scalar on one line: its value, without YAML's quotes and escapes (`"& $env:X --y"`).
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE';
    if (quoted && !this.source.slice(value.range[0], value.range[1]).includes('\n')) {
      return [{ text: String(value.value), line: first }];
    }
    // A block scalar's range ends after its last newline: that is not one more (empty) line.
    const raw = this.source.slice(value.range[0], value.range[1]).replace(/\n$/, '');
    return raw.split('\n').map((text, i) => ({ text, line: first + i }));
  }

  /** A line of the parsed text (1-based), without its line break. */
  private lineText(line: number): string {
    const starts = this.lines.lineStarts;
    const start = starts[line - 1] ?? this.source.length;
    const next = starts[line];
    return this.source.slice(start, next === undefined ? this.source.length : next - 1);
  }

  /**
   * Where a node's last value ends: a block collection's own end may run on over the comments
   * after it, up to the next item's `- `, so the last leaf (or flow collection) is asked instead.
   */
  private valueEnd(node: YamlNode): number | undefined {
    let last: unknown = node;
    // One item per level; the bound only guards against a pathologically deep step.
    for (let depth = 0; depth < 1000 && (isMap(last) || isSeq(last)) && !last.flow; depth++) {
      const item: unknown = last.items[last.items.length - 1];
      if (item === undefined) break;
      last = isPair(item) ? (item.value ?? item.key) : item;
    }
    return isNode(last) ? last.range?.[1] : undefined;
  }

  /**
   * A step's lines as written (WorkflowStep.source). The map's range starts at its first key; the
   * `- ` is on that line, or alone on an earlier one (`-`, `- &anchor`). Only line starts are
   * looked up, so a step costs its own lines, and one past the bound costs nothing.
   */
  private stepSource(node: unknown): SourceLine[] | undefined {
    if (!isMap(node) || !node.range) return undefined;
    const start = node.range[0];
    const valueEnd = this.valueEnd(node) ?? node.range[1];
    const pos = this.lines.linePos(start);
    let first = pos.line;
    const beforeKey = this.lineText(first).slice(0, pos.col - 1);
    if (!DASH_BEFORE_KEY.test(beforeKey)) {
      if (beforeKey.trim() !== '') return undefined;
      let at = first - 1;
      while (at >= 1 && blankOrComment(this.lineText(at))) at--;
      if (at < 1 || !DASH_ALONE.test(this.lineText(at))) return undefined;
      first = at;
    }
    let last = this.lines.linePos(Math.max(valueEnd - 1, start)).line;
    while (last > first && this.lineText(last).trim() === '') last--;
    if (last - first + 1 > MAX_STEP_SOURCE_LINES) return undefined;
    const out: SourceLine[] = [];
    for (let line = first; line <= last; line++) {
      out.push({ text: this.lineText(line), line: this.fileLine(line) });
    }
    return out;
  }

  /** `viaAlias`: the step, its steps list or its job is an alias, so its text stands elsewhere. */
  step(node: unknown, index: number, viaAlias = false): WorkflowStep {
    const uses = this.get(node, 'uses');
    const usesText = this.text(uses);
    const withs = new Map<string, Located>();
    for (const e of this.entries(this.get(node, 'with'))) {
      withs.set(e.key, { value: this.text(e.value) ?? '', line: e.keyLine });
    }
    const run = this.get(node, 'run');
    const lines = run === undefined ? undefined : this.sourceLines(run);
    const id = this.text(this.get(node, 'id'));
    const name = this.text(this.get(node, 'name'));
    const shell = this.text(this.get(node, 'shell'));
    const source = viaAlias || isAlias(node) ? undefined : this.stepSource(node);
    return {
      index,
      line: this.lineOf(this.deref(node) as YamlNode),
      ...(id !== undefined ? { id } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(usesText !== undefined ? { uses: { value: usesText, line: this.lineOf(uses as YamlNode) } } : {}),
      with: withs,
      ...(lines ? { run: lines } : {}),
      ...(shell !== undefined ? { shell } : {}),
      env: this.env(this.get(node, 'env')),
      ...(source ? { source } : {}),
    };
  }

  defaultShell(node: unknown): string | undefined {
    return this.text(this.get(this.get(this.get(node, 'defaults'), 'run'), 'shell'));
  }

  job(
    id: string,
    line: number,
    node: unknown,
    workflowShell: string | undefined,
    viaAlias = isAlias(node),
  ): WorkflowJob {
    const stepsValue = this.get(node, 'steps');
    const stepsNode = this.deref(stepsValue);
    const stepsViaAlias = viaAlias || isAlias(stepsValue);
    const steps = isSeq(stepsNode) ? stepsNode.items.map((item, i) => this.step(item, i, stepsViaAlias)) : [];
    const uses = this.get(node, 'uses');
    const usesText = this.text(uses);
    const name = this.text(this.get(node, 'name'));
    const shell = this.defaultShell(node) ?? workflowShell;
    return {
      id,
      line,
      ...(name !== undefined ? { name } : {}),
      env: this.env(this.get(node, 'env')),
      steps,
      ...(usesText !== undefined ? { uses: { value: usesText, line: this.lineOf(uses as YamlNode) } } : {}),
      ...(shell !== undefined ? { shell } : {}),
    };
  }

  /** `on: push`, `on: [push, release]`, `on: {push: {tags: [...]}, release: …}`. */
  triggers(node: unknown): Trigger[] {
    const value = this.deref(node);
    if (isScalar(value)) {
      const event = this.text(value);
      return event ? [{ event, line: this.lineOf(value) }] : [];
    }
    if (isSeq(value)) {
      return value.items.flatMap((item) => {
        const event = this.text(item);
        return event ? [{ event, line: this.lineOf(this.deref(item) as YamlNode) }] : [];
      });
    }
    return this.entries(value).map((e) => {
      const filters = this.entries(e.value);
      const tags = filters.find((f) => f.key === 'tags' || f.key === 'tags-ignore');
      const branches = filters.find((f) => f.key === 'branches' || f.key === 'branches-ignore');
      return {
        event: e.key,
        line: e.keyLine,
        ...(tags ? { tagsLine: tags.keyLine } : {}),
        ...(branches ? { branchesLine: branches.keyLine } : {}),
      };
    });
  }

  /** The first job of a document that holds only `jobs:` and it (a split-off part of the file). */
  onlyJob(shell: string | undefined): WorkflowJob | undefined {
    const entry = this.entries(this.get(this.doc.contents, 'jobs'))[0];
    return entry ? this.job(entry.key, entry.keyLine, entry.value, shell) : undefined;
  }

  workflow(): Workflow {
    const root = this.doc.contents;
    if (!isMap(root)) throw new WorkflowParseError(1, 1, 'not a workflow: the document is not a mapping');
    const jobsNode = this.get(root, 'jobs');
    if (!this.map(jobsNode)) {
      const at = this.lineOf(root);
      throw new WorkflowParseError(at || 1, 1, 'not a workflow: it has no `jobs:` mapping');
    }
    const shell = this.defaultShell(root);
    const name = this.text(this.get(root, 'name'));
    const jobsViaAlias = isAlias(jobsNode);
    return {
      ...(name !== undefined ? { name } : {}),
      // Under a `%YAML 1.1` directive the key `on` is the boolean true.
      triggers: this.triggers(this.get(root, 'on') ?? this.get(root, 'true')),
      env: this.env(this.get(root, 'env')),
      jobs: this.entries(jobsNode).map((e) =>
        this.job(e.key, e.keyLine, e.value, shell, jobsViaAlias || isAlias(e.value)),
      ),
      jobIds: this.entries(jobsNode).map((e) => e.key),
    };
  }
}

function parseError(error: {
  linePos?: [{ line: number; col: number }, ...unknown[]];
  message: string;
}): WorkflowParseError {
  const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
  // yaml's first line ends in " at line L, column C:", which the position already says.
  const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return new WorkflowParseError(pos.line, pos.col, reason || 'invalid YAML');
}

/** Reads the whole file. Several documents in one file: the first that has `jobs:` is the workflow. */
function parseWhole(text: string): Workflow {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  if (!Array.isArray(docs)) {
    // An empty stream comes back as an EmptyStream object.
    throw new WorkflowParseError(1, 1, 'not a workflow: the file is empty');
  }
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw parseError(error);
  }
  const withJobs = docs.find((doc) => isMap(doc.contents) && doc.contents.has('jobs')) ?? docs[0];
  if (!withJobs) throw new WorkflowParseError(1, 1, 'not a workflow: the file is empty');
  const { anchors, unresolved } = anchorsOf(withJobs);
  const dangling = unresolved[0];
  if (dangling) {
    // GitHub refuses such a file; an unquoted glob such as `**/target` is the usual cause.
    const pos = lineCounter.linePos(dangling.range?.[0] ?? 0);
    throw new WorkflowParseError(
      pos.line,
      pos.col,
      `the alias *${dangling.source} names no anchor (quote a value that starts with *)`,
    );
  }
  return new Reader(withJobs, lineCounter, text, undefined, anchors).workflow();
}

interface JobSpan {
  readonly id: string;
  /** 0-based index of the job's key line, and one past its last line. */
  readonly start: number;
  readonly end: number;
}

interface Layout {
  /** 0-based index of the `jobs:` line. */
  readonly jobsLine: number;
  readonly jobs: readonly JobSpan[];
}

/** What may stand before a step's first key on its line: the `- `, maybe an anchor or a tag. */
const DASH_BEFORE_KEY = /^ *- +(?:[&!][^ ]* +)*$/;
/** A `-` alone on its line (its keys below), maybe with an anchor, a tag or a comment. */
const DASH_ALONE = /^ *-(?: +[&!][^ ]*)*(?: +#.*)? *$/;
const JOB_KEY = /^( +)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2:[ \t]*(#.*)?$/;
const blankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/**
 * Where each job's lines are, from indentation alone, when the file is laid out the plain way
 * (one document, a block `jobs:` at column 0, job keys at one indentation). Undefined otherwise:
 * the caller then reads the whole file. One pass over the lines, no YAML parsing.
 */
function layoutOf(lines: readonly string[]): Layout | undefined {
  let jobsLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)(\s|$)/.test(line) && i > 0) return undefined; // several documents
    if (/^jobs:[ \t]*(#.*)?$/.test(line)) {
      if (jobsLine >= 0) return undefined;
      jobsLine = i;
    }
  }
  if (jobsLine < 0) return undefined;
  const jobs: JobSpan[] = [];
  let indent = -1;
  let i = jobsLine + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (blankOrComment(line)) continue;
    const lead = line.length - line.trimStart().length;
    if (lead === 0) break; // the next top-level key ends the jobs
    if (indent < 0) indent = lead;
    if (lead < indent) return undefined;
    if (lead === indent) {
      const key = JOB_KEY.exec(line);
      if (!key || key[1]!.length !== indent) return undefined; // flow style or something odd
      if (jobs.length) jobs[jobs.length - 1] = { ...jobs[jobs.length - 1]!, end: i };
      jobs.push({ id: key[3]!, start: i, end: i + 1 });
    }
  }
  if (jobs.length) jobs[jobs.length - 1] = { ...jobs[jobs.length - 1]!, end: i };
  return jobs.length ? { jobsLine, jobs } : undefined;
}

/** Only the jobs asked for, each parsed alone; undefined when the file cannot be read in parts. */
function parseInParts(text: string, wantJob: (id: string, text: string) => boolean): Workflow | undefined {
  const lines = text.split('\n');
  const layout = layoutOf(lines);
  if (!layout) return undefined;
  const first = layout.jobs[0]!.start;
  const last = layout.jobs[layout.jobs.length - 1]!.end;
  // The rest of the file with an empty jobs map; its lines after the jobs map back past them.
  const header = [
    ...lines.slice(0, layout.jobsLine),
    'jobs: {}',
    ...lines.slice(layout.jobsLine + 1, first),
    ...lines.slice(last),
  ].join('\n');
  const headerLine = (line: number) => (line <= first ? line : line + (last - first));
  let top: Workflow;
  let shell: string | undefined;
  try {
    const lineCounter = new LineCounter();
    const doc = parseAllDocuments(header, { lineCounter, uniqueKeys: false });
    if (!Array.isArray(doc) || doc.length !== 1 || doc[0]!.errors.length) return undefined;
    const { anchors, unresolved } = anchorsOf(doc[0]!);
    if (unresolved.length) return undefined;
    const reader = new Reader(doc[0]!, lineCounter, header, headerLine, anchors);
    top = reader.workflow();
    shell = reader.defaultShell(doc[0]!.contents);
  } catch {
    return undefined;
  }
  const jobs: WorkflowJob[] = [];
  for (const span of layout.jobs) {
    const body = lines.slice(span.start, span.end).join('\n');
    if (!wantJob(span.id, body)) continue;
    const part = `jobs:\n${body}`;
    const lineCounter = new LineCounter();
    const doc = parseAllDocuments(part, { lineCounter, uniqueKeys: false });
    if (!Array.isArray(doc) || doc.length !== 1 || doc[0]!.errors.length) return undefined;
    // An alias to an anchor outside the job: the whole file must be read.
    const { anchors, unresolved } = anchorsOf(doc[0]!);
    if (unresolved.length) return undefined;
    const job = new Reader(doc[0]!, lineCounter, part, (line) => line + span.start - 1, anchors).onlyJob(
      shell,
    );
    if (!job) return undefined;
    jobs.push(job);
  }
  return { ...top, jobs, jobIds: layout.jobs.map((j) => j.id) };
}

/**
 * Reads a workflow. Throws WorkflowParseError for text that is not YAML or not a workflow.
 *
 * `wantJob` (given the job id and its text) picks the jobs to read. A large file laid out the plain
 * way is then split by indentation and only those jobs are parsed: the post step reads one job of
 * a 5 MB file at the cost of that job. Any file that cannot be split is read whole, with the same
 * result.
 */
export function parseWorkflow(source: string, wantJob?: (id: string, text: string) => boolean): Workflow {
  // YAML counts \r\n and a lone \r as one line break each: so do we, and no line keeps a \r.
  const text = source.replace(/\r\n?/g, '\n');
  // Read whole, every job is read: the cost is paid either way.
  return (wantJob && parseInParts(text, wantJob)) || parseWhole(text);
}
