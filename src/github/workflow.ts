// A GitHub Actions workflow file as the report needs it: triggers, env at every level, and each
// job's steps in order, every value with the 1-based line it stands on, so that a finding can point
// at the line to change. Read with yaml's document API and a line counter; `${{ }}` expressions stay
// text. Pure: text in, model out. Bounded: an alias is followed to its one node, never expanded
// into a copy, and only the keys a workflow defines are walked.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
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
}

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
  readonly jobs: readonly WorkflowJob[];
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

class Reader {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly source: string,
  ) {}

  lineOf(node: YamlNode | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 0 : this.lines.linePos(offset).line;
  }

  /** Follows an alias to the node it names. */
  deref(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
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
    const raw = this.source.slice(value.range[0], value.range[1]);
    return raw.split('\n').map((text, i) => ({ text, line: first + i }));
  }

  step(node: unknown, index: number): WorkflowStep {
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
    };
  }

  defaultShell(node: unknown): string | undefined {
    return this.text(this.get(this.get(this.get(node, 'defaults'), 'run'), 'shell'));
  }

  job(id: string, line: number, node: unknown, workflowShell: string | undefined): WorkflowJob {
    const stepsNode = this.deref(this.get(node, 'steps'));
    const steps = isSeq(stepsNode) ? stepsNode.items.map((item, i) => this.step(item, i)) : [];
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
    return {
      ...(name !== undefined ? { name } : {}),
      triggers: this.triggers(this.get(root, 'on')),
      env: this.env(this.get(root, 'env')),
      jobs: this.entries(jobsNode).map((e) => this.job(e.key, e.keyLine, e.value, shell)),
    };
  }
}

/**
 * Reads a workflow. Several documents in one file: the first that has `jobs:` is the workflow.
 * Throws WorkflowParseError for text that is not YAML or not a workflow.
 */
export function parseWorkflow(text: string): Workflow {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // An empty stream comes back as an EmptyStream object.
    throw new WorkflowParseError(1, 1, 'not a workflow: the file is empty');
  }
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
      // yaml's first line ends in " at line L, column C:", which the position already says.
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new WorkflowParseError(pos.line, pos.col, reason || 'invalid YAML');
    }
  }
  const withJobs = list.find((doc) => isMap(doc.contents) && doc.contents.has('jobs')) ?? list[0];
  if (!withJobs) throw new WorkflowParseError(1, 1, 'not a workflow: the file is empty');
  return new Reader(withJobs, lineCounter, text).workflow();
}
