/**
 * A GitHub Actions runner emulator for end-to-end tests of a JavaScript action
 * (`runs: using: node24, main: dist/setup.js, post: dist/report.js`).
 *
 * Behaviour follows actions/runner (FileCommandManager.cs, ActionCommandManager.cs,
 * ActionCommand.cs, NodeScriptActionHandler.cs):
 *  - every step gets fresh file-command files (set_env_, add_path_, set_output_, save_state_,
 *    step_summary_ + a uuid under <temp>/_runner_file_commands), processed after the step exits;
 *  - GITHUB_ENV exports and GITHUB_PATH entries apply to every later step, JS action or run: step;
 *    PATH = later additions first, then the runner's PATH;
 *  - ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL / ACTIONS_CACHE_SERVICE_V2 are
 *    handed to JavaScript action steps only, never to run: steps;
 *  - `STATE_<name>` from the action's main stage is passed to its post stage;
 *  - workflow commands are read from stdout and stderr, line by line, in arrival order; a line is
 *    masked with the masks known when it arrives; processed command lines are not echoed to the log
 *    (annotations appear as `##[warning]msg`, groups as `##[group]title` / `##[endgroup]`).
 *
 * Steps are spawned asynchronously, so a server living in the test process keeps answering.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseYaml } from 'yaml';
import {
  FileCommandError,
  parseKeyValueFile,
  parsePathFile,
  parseWorkflowCommand,
  SecretMasker,
} from './workflow-commands.js';
import type { WorkflowCommand } from './workflow-commands.js';

export { parseKeyValueFile, parsePathFile, parseWorkflowCommand, SecretMasker } from './workflow-commands.js';
export type { WorkflowCommand } from './workflow-commands.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
  /** Name of the step that produced it. */
  step: string;
}

export interface StepResult {
  name: string;
  exitCode: number;
  /** Set when the process was killed by a signal. */
  signal: NodeJS.Signals | null;
  /** The runner's verdict: exit code non-zero, or a workflow/file command the runner rejected. */
  failed: boolean;
  stdout: string;
  stderr: string;
  /** stdout+stderr lines as the runner logs them: commands consumed, masks applied. */
  log: string;
  annotations: Annotation[];
  /** Values registered with ::add-mask:: during this step. */
  masks: string[];
  debug: string[];
  groups: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** This step's GITHUB_ENV exports. */
  exportedEnv: Record<string, string>;
  /** This step's GITHUB_PATH additions, in file order. */
  path: string[];
  /** This step's GITHUB_STEP_SUMMARY text (masked, as uploaded), '' if none. */
  summary: string;
  durationMs: number;
}

export interface RunnerEmulatorOptions {
  /** GITHUB_WORKSPACE and the default cwd of steps; default <tempRoot>/workspace. */
  workspace?: string;
  /** Extra runner env (overrides the defaults), e.g. GITHUB_SERVER_URL, GITHUB_EVENT_NAME, GITHUB_REF. */
  env?: Record<string, string>;
  /** ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, ...: handed only to JavaScript action steps. */
  actionsRuntime?: Record<string, string>;
  /** Node binary for action steps; default process.execPath. */
  node?: string;
  /** Per-step timeout; default 10 minutes. */
  timeoutMs?: number;
  /** Event payload written to GITHUB_EVENT_PATH; default a small push payload. */
  event?: Record<string, unknown>;
  /** `${{ github.token }}` of the job, masked as the runner masks it; default a random ghs_ token. */
  githubToken?: string;
  /**
   * Names copied from the test process's env into the runner env (the machine's env a real runner
   * would have); default PATH, HOME, USER, LOGNAME, LANG, LC_ALL, LC_CTYPE, TZ, SHELL, TERM,
   * CARGO_HOME, RUSTUP_HOME, RUSTUP_TOOLCHAIN. Nothing else leaks (no NODE_OPTIONS, no GITHUB_*).
   */
  inheritEnv?: string[];
  /** Echo every log line to the test's stderr as it arrives (also on with env E2E_VERBOSE=1). */
  verbose?: boolean;
}

export interface RunActionOptions {
  inputs?: Record<string, string>;
  stage?: 'main' | 'post';
  /** Key for the state handed from main to post; default 'action'. */
  actionId?: string;
  /** The step's `env:` block. */
  env?: Record<string, string>;
  /** Path to the action.yml: its literal input defaults are supplied as the runner does. */
  actionYml?: string;
  cwd?: string;
  timeoutMs?: number;
  name?: string;
}

export interface RunStepOptions {
  cwd?: string;
  /** The step's `env:` block. */
  env?: Record<string, string>;
  timeoutMs?: number;
  name?: string;
}

export class StepTimeoutError extends Error {
  constructor(
    message: string,
    readonly partial: { stdout: string; stderr: string; log: string },
  ) {
    super(message);
    this.name = 'StepTimeoutError';
  }
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const SUMMARY_LIMIT = 1024 * 1024;
const DEFAULT_INHERIT = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'SHELL',
  'TERM',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'RUSTUP_TOOLCHAIN',
];
const FILE_COMMANDS = {
  GITHUB_ENV: 'set_env_',
  GITHUB_PATH: 'add_path_',
  GITHUB_OUTPUT: 'set_output_',
  GITHUB_STATE: 'save_state_',
  GITHUB_STEP_SUMMARY: 'step_summary_',
} as const;
type FileCommandVar = keyof typeof FILE_COMMANDS;

const UNSECURE_DISABLED = (cmd: string): string =>
  `The \`${cmd}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/`;

interface SpawnSpec {
  kind: 'action' | 'run';
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
}

/** Mutable per-step collection while the process runs. */
class StepCollector {
  readonly logLines: string[] = [];
  readonly annotations: Annotation[] = [];
  readonly masks: string[] = [];
  readonly debug: string[] = [];
  readonly groups: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly state: Record<string, string> = {};
  readonly exportedEnv: Record<string, string> = {};
  readonly path: string[] = [];
  failed = false;
  echo = false;
  constructor(
    readonly name: string,
    readonly allowUnsecure: boolean,
  ) {}
}

export class RunnerEmulator {
  readonly tempRoot: string;
  /** What `${{ github.token }}` evaluates to in this job. */
  readonly githubToken: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly toolCache: string;
  readonly fileCommandDir: string;
  readonly eventPath: string;
  readonly node: string;
  readonly timeoutMs: number;
  readonly #actionsRuntime: Record<string, string>;
  readonly #runnerEnv: Record<string, string>;
  readonly #exported: Record<string, string> = {};
  /** PrependPath in insertion order; PATH puts the last one first. */
  readonly #prependPath: string[] = [];
  readonly #states = new Map<string, Record<string, string>>();
  readonly #masker = new SecretMasker();
  readonly #steps: StepResult[] = [];
  readonly #verbose: boolean;
  #stopToken: string | undefined;
  #runCount = 0;

  constructor(options: RunnerEmulatorOptions = {}) {
    this.tempRoot = mkdtempSync(join(tmpdir(), 'sccache-guard-e2e-'));
    this.githubToken = options.githubToken ?? `ghs_${randomBytes(18).toString('hex')}`;
    // The runner masks the job token from the first line of the job.
    this.#masker.add(this.githubToken);
    this.workspace = options.workspace ?? join(this.tempRoot, 'workspace');
    this.runnerTemp = join(this.tempRoot, '_temp');
    this.toolCache = join(this.tempRoot, '_tool');
    this.fileCommandDir = join(this.runnerTemp, '_runner_file_commands');
    this.eventPath = join(this.tempRoot, '_github_workflow', 'event.json');
    for (const d of [
      this.workspace,
      this.runnerTemp,
      this.toolCache,
      this.fileCommandDir,
      dirname(this.eventPath),
    ]) {
      mkdirSync(d, { recursive: true });
    }
    this.node = options.node ?? process.execPath;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#actionsRuntime = { ...(options.actionsRuntime ?? {}) };
    this.#verbose = options.verbose ?? process.env['E2E_VERBOSE'] === '1';

    const inherited: Record<string, string> = {};
    for (const k of options.inheritEnv ?? DEFAULT_INHERIT) {
      const v = process.env[k];
      if (v !== undefined) inherited[k] = v;
    }
    const repo = options.env?.['GITHUB_REPOSITORY'] ?? 'sccache-guard/e2e';
    const ref = options.env?.['GITHUB_REF'] ?? 'refs/heads/main';
    const sha = options.env?.['GITHUB_SHA'] ?? 'e2e0000000000000000000000000000000000001';
    const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
    const refName = ref.replace(/^refs\/(heads|tags)\//, '');
    const env: Record<string, string> = {
      ...inherited,
      HOME: inherited['HOME'] ?? homedir(),
      PATH: inherited['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_JOB: 'e2e',
      GITHUB_RUN_ID: String(1_000_000 + Math.floor(Math.random() * 1_000_000)),
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_RETENTION_DAYS: '90',
      GITHUB_REPOSITORY: repo,
      GITHUB_REPOSITORY_OWNER: repo.split('/')[0] ?? 'sccache-guard',
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: refName,
      GITHUB_REF_TYPE: refType,
      GITHUB_HEAD_REF: '',
      GITHUB_BASE_REF: '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: this.eventPath,
      GITHUB_WORKFLOW: 'e2e',
      GITHUB_WORKFLOW_REF: `${repo}/.github/workflows/e2e.yml@${ref}`,
      GITHUB_WORKFLOW_SHA: sha,
      GITHUB_ACTOR: 'e2e-bot',
      GITHUB_TRIGGERING_ACTOR: 'e2e-bot',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'sccache-guard-emulator',
      RUNNER_ENVIRONMENT: 'github-hosted',
      RUNNER_TEMP: this.runnerTemp,
      RUNNER_TOOL_CACHE: this.toolCache,
      RUNNER_WORKSPACE: dirname(this.workspace),
      ...(options.env ?? {}),
    };
    this.#runnerEnv = env;
    const event = options.event ?? {
      ref: env['GITHUB_REF'],
      before: '0000000000000000000000000000000000000000',
      after: env['GITHUB_SHA'],
      repository: {
        full_name: env['GITHUB_REPOSITORY'],
        name: (env['GITHUB_REPOSITORY'] ?? '').split('/')[1] ?? 'e2e',
        owner: { login: env['GITHUB_REPOSITORY_OWNER'] },
        default_branch: 'main',
      },
      head_commit: { id: env['GITHUB_SHA'], message: 'e2e' },
      sender: { login: env['GITHUB_ACTOR'] },
    };
    writeFileSync(this.eventPath, JSON.stringify(event, null, 2));
  }

  // ---------------------------------------------------------------- accessors

  /** The environment a `run:` step sees now (without its per-step file-command paths). */
  get jobEnv(): Record<string, string> {
    return { ...this.#runnerEnv, ...this.#exported, PATH: this.#composePath(this.#exported['PATH']) };
  }

  /** GITHUB_PATH additions as they appear at the front of PATH (most recent first). */
  get jobPath(): string[] {
    return [...this.#prependPath].reverse();
  }

  /** Everything exported through GITHUB_ENV so far. */
  get exportedEnv(): Record<string, string> {
    return { ...this.#exported };
  }

  /** Non-empty step summaries, in step order. */
  get summaries(): string[] {
    return this.#steps.map((s) => s.summary).filter((s) => s !== '');
  }

  get allAnnotations(): Annotation[] {
    return this.#steps.flatMap((s) => s.annotations);
  }

  get steps(): readonly StepResult[] {
    return this.#steps;
  }

  /** All masks registered in the job so far. */
  get masks(): string[] {
    return [...this.#masker.added];
  }

  /** The state saved by an action's main stage. */
  stateOf(actionId = 'action'): Record<string, string> {
    return { ...(this.#states.get(actionId) ?? {}) };
  }

  /** Apply the job's masks to any text, as the runner would before logging it. */
  mask(text: string): string {
    return this.#masker.mask(text);
  }

  cleanup(): void {
    if (process.env['KEEP_E2E'] === '1') {
      process.stderr.write(`[runner-emulator] KEEP_E2E=1: keeping ${this.tempRoot}\n`);
      return;
    }
    rmSync(this.tempRoot, { recursive: true, force: true });
  }

  // ---------------------------------------------------------------- steps

  /** Run a JavaScript action step: `node <entry>` with inputs, runtime vars and (post) STATE_*. */
  async runAction(entry: string, opts: RunActionOptions = {}): Promise<StepResult> {
    const stage = opts.stage ?? 'main';
    const actionId = opts.actionId ?? 'action';
    const inputs: Record<string, string> = {};
    const preSteps: Annotation[] = [];
    const name = opts.name ?? `${actionId}:${stage}`;
    if (opts.actionYml !== undefined) {
      const declared = readActionInputs(opts.actionYml);
      for (const [input, def] of Object.entries(declared)) {
        if (def === undefined || opts.inputs?.[input] !== undefined) continue;
        // The one expression a default commonly holds is the job's token, which the runner
        // evaluates and masks; any other expression must be passed explicitly.
        if (/^\$\{\{\s*github\.token\s*\}\}$/.test(def.trim())) {
          inputs[input] = this.githubToken;
          continue;
        }
        if (def.includes('${{')) {
          throw new Error(
            `runner emulator: input '${input}' has an expression default (${def}); pass it explicitly`,
          );
        }
        inputs[input] = def;
      }
      const unexpected = Object.keys(opts.inputs ?? {}).filter((k) => !(k in declared));
      if (unexpected.length > 0) {
        preSteps.push({
          level: 'warning',
          step: name,
          message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
        });
      }
    }
    Object.assign(inputs, opts.inputs ?? {});

    const env: Record<string, string> = { ...this.#runnerEnv, ...this.#exported, ...(opts.env ?? {}) };
    env['PATH'] = this.#composePath(env['PATH']);
    env['GITHUB_ACTION'] = actionId;
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    if (stage === 'post') {
      for (const [k, v] of Object.entries(this.#states.get(actionId) ?? {})) env[`STATE_${k}`] = v;
    }
    Object.assign(env, this.#actionsRuntime);

    const result = await this.#run(
      {
        kind: 'action',
        name,
        command: this.node,
        args: [entry],
        cwd: opts.cwd ?? this.workspace,
        env,
        timeoutMs: opts.timeoutMs ?? this.timeoutMs,
      },
      preSteps,
    );
    if (stage === 'main') this.#states.set(actionId, { ...result.state });
    return result;
  }

  /**
   * Run a `run:`-like step: a command with the job env. The ACTIONS_* runtime vars are not part of it
   * (the runner hands them to JavaScript actions only) unless a step exported them through GITHUB_ENV.
   */
  async runStep(command: string, args: string[] = [], opts: RunStepOptions = {}): Promise<StepResult> {
    this.#runCount += 1;
    const env: Record<string, string> = { ...this.#runnerEnv, ...this.#exported, ...(opts.env ?? {}) };
    env['PATH'] = this.#composePath(env['PATH']);
    env['GITHUB_ACTION'] = this.#runCount === 1 ? '__run' : `__run_${this.#runCount}`;
    return this.#run(
      {
        kind: 'run',
        name: opts.name ?? `run: ${[command, ...args].join(' ')}`.slice(0, 120),
        command,
        args,
        cwd: opts.cwd ?? this.workspace,
        env,
        timeoutMs: opts.timeoutMs ?? this.timeoutMs,
      },
      [],
    );
  }

  /** A `run:` step with the default Linux shell: `bash --noprofile --norc -eo pipefail <file>`. */
  async runShell(script: string, opts: RunStepOptions = {}): Promise<StepResult> {
    const file = join(this.runnerTemp, `${randomUUID()}.sh`);
    writeFileSync(file, script);
    return this.runStep('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
      ...opts,
      name: opts.name ?? `run: ${script.split('\n')[0] ?? ''}`.slice(0, 120),
    });
  }

  // ---------------------------------------------------------------- internals

  #composePath(base: string | undefined): string {
    return [...this.jobPath, ...(base !== undefined && base !== '' ? [base] : [])].join(':');
  }

  async #run(spec: SpawnSpec, preAnnotations: Annotation[]): Promise<StepResult> {
    const suffix = randomUUID();
    const files = {} as Record<FileCommandVar, string>;
    for (const [v, prefix] of Object.entries(FILE_COMMANDS) as Array<[FileCommandVar, string]>) {
      const p = join(this.fileCommandDir, prefix + suffix);
      writeFileSync(p, '');
      files[v] = p;
      spec.env[v] = p;
    }
    const c = new StepCollector(
      spec.name,
      spec.env['ACTIONS_ALLOW_UNSECURE_COMMANDS'] === 'true' ||
        this.#runnerEnv['ACTIONS_ALLOW_UNSECURE_COMMANDS'] === 'true',
    );
    c.annotations.push(...preAnnotations);
    const started = Date.now();
    const { exitCode, signal, stdout, stderr } = await this.#spawn(spec, c);

    // File commands, processed after the process exits (FileCommandManager.ProcessFiles).
    const processFile = (context: string, fn: () => void): void => {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof FileCommandError)) throw e;
        this.#issue(c, 'error', `Unable to process file command '${context}' successfully.`);
        this.#issue(c, 'error', e.message);
        c.failed = true;
      }
    };
    processFile('path', () => {
      for (const p of parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8'))) {
        c.path.push(p);
        this.#addPath(p);
      }
    });
    processFile('env', () => {
      for (const [k, v] of parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8'))) {
        c.exportedEnv[k] = v;
        this.#exported[k] = v;
      }
    });
    let summary = '';
    const summaryText = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    const summarySize = Buffer.byteLength(summaryText);
    if (summarySize > SUMMARY_LIMIT) {
      this.#issue(
        c,
        'error',
        `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${SUMMARY_LIMIT / 1024}k, got ${Math.floor(summarySize / 1024)}k.`,
      );
    } else if (summarySize > 0) {
      summary = summaryText
        .split('\n')
        .map((l) => this.#masker.mask(l))
        .join('\n');
    }
    processFile('state', () => {
      for (const [k, v] of parseKeyValueFile(readFileSync(files.GITHUB_STATE, 'utf8'))) c.state[k] = v;
    });
    processFile('output', () => {
      for (const [k, v] of parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'))) c.outputs[k] = v;
    });

    const result: StepResult = {
      name: spec.name,
      exitCode,
      signal,
      failed: c.failed || exitCode !== 0,
      stdout,
      stderr,
      log: c.logLines.join('\n'),
      annotations: c.annotations,
      masks: c.masks,
      debug: c.debug,
      groups: c.groups,
      outputs: c.outputs,
      state: c.state,
      exportedEnv: c.exportedEnv,
      path: c.path,
      summary,
      durationMs: Date.now() - started,
    };
    this.#steps.push(result);
    return result;
  }

  #addPath(p: string): void {
    const i = this.#prependPath.indexOf(p);
    if (i >= 0) this.#prependPath.splice(i, 1);
    this.#prependPath.push(p);
  }

  #spawn(
    spec: SpawnSpec,
    c: StepCollector,
  ): Promise<{ exitCode: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        env: spec.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // own process group, so a timeout kills grandchildren too
      });
      let stdout = '';
      let stderr = '';
      const pending: Record<'out' | 'err', string> = { out: '', err: '' };
      const decoders = { out: new StringDecoder('utf8'), err: new StringDecoder('utf8') };
      const feed = (which: 'out' | 'err', text: string): void => {
        if (which === 'out') stdout += text;
        else stderr += text;
        let buf = pending[which] + text;
        let nl = buf.indexOf('\n');
        while (nl >= 0) {
          this.#onLine(c, buf.slice(0, nl).replace(/\r$/, ''));
          buf = buf.slice(nl + 1);
          nl = buf.indexOf('\n');
        }
        pending[which] = buf;
      };
      const flush = (which: 'out' | 'err'): void => {
        const rest = decoders[which].end();
        if (rest !== '') feed(which, rest);
        if (pending[which] !== '') {
          this.#onLine(c, pending[which].replace(/\r$/, ''));
          pending[which] = '';
        }
      };
      child.stdout.on('data', (b: Buffer) => feed('out', decoders.out.write(b)));
      child.stderr.on('data', (b: Buffer) => feed('err', decoders.err.write(b)));

      let timedOut = false;
      let settled = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, spec.timeoutMs);

      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        flush('out');
        flush('err');
        if (timedOut) {
          const log = c.logLines.join('\n');
          reject(
            new StepTimeoutError(
              `runner emulator: step '${spec.name}' timed out after ${spec.timeoutMs} ms and was killed.\n` +
                `--- last log lines ---\n${c.logLines.slice(-40).join('\n')}`,
              { stdout, stderr, log },
            ),
          );
          return;
        }
        resolve({ exitCode: code ?? 128 + signalNumber(signal), signal, stdout, stderr });
      };

      child.on('error', (err) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(
          new Error(`runner emulator: step '${spec.name}' failed to start ${spec.command}: ${err.message}`),
        );
      });
      let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      child.on('exit', (code, signal) => {
        exited = { code, signal };
        // A daemon started by the step (e.g. `sccache --start-server`) may keep the pipes open: do
        // not wait for them forever once the step's own process is gone.
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish(code, signal);
        }, 2000).unref();
      });
      child.on('close', (code, signal) => {
        finish(exited?.code ?? code, exited?.signal ?? signal);
      });
    });
  }

  #log(c: StepCollector, line: string): void {
    const masked = this.#masker.mask(line);
    c.logLines.push(masked);
    if (this.#verbose) process.stderr.write(`[${c.name}] ${masked}\n`);
  }

  #issue(
    c: StepCollector,
    level: AnnotationLevel,
    message: string,
    props: Record<string, string> = {},
  ): void {
    const a: Annotation = { level, message: this.#masker.mask(message), step: c.name };
    let file = props['file'];
    if (file !== undefined && file !== '') {
      // IssueCommandExtension: a path inside the workspace becomes workspace-relative, with '/'.
      if (isAbsolute(file)) {
        const rel = relative(this.workspace, file);
        if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) file = rel.split(sep).join('/');
      }
      a.file = file;
    }
    const num = (k: string): number | undefined => {
      const v = props[k.toLowerCase()];
      if (v === undefined || !/^\s*[+-]?\d+\s*$/.test(v)) return undefined;
      return Number.parseInt(v, 10);
    };
    const line = num('line');
    const endLine = num('endLine');
    const col = num('col');
    const endColumn = num('endColumn');
    if (line !== undefined) a.line = line;
    if (endLine !== undefined) a.endLine = endLine;
    if (col !== undefined) a.col = col;
    if (endColumn !== undefined) a.endColumn = endColumn;
    if (props['title'] !== undefined) a.title = this.#masker.mask(props['title']);
    c.annotations.push(a);
    this.#log(c, `##[${level}]${a.message}`);
  }

  #onLine(c: StepCollector, line: string): void {
    // stop-commands: only the resume token is recognised until it is seen.
    if (this.#stopToken !== undefined) {
      const token = this.#stopToken;
      const cmd = token === '' ? undefined : parseWorkflowCommand(line, new Set([token]));
      if (cmd !== undefined && cmd.command === token) this.#stopToken = undefined;
      this.#log(c, line);
      return;
    }
    const cmd = parseWorkflowCommand(line);
    if (cmd === undefined) {
      this.#log(c, line);
      return;
    }
    this.#command(c, line, cmd);
  }

  #command(c: StepCollector, line: string, cmd: WorkflowCommand): void {
    const echo = (): void => {
      if (c.echo) this.#log(c, line);
    };
    const fail = (message: string): void => {
      this.#issue(c, 'error', `Unable to process command '${line}' successfully.`);
      this.#issue(c, 'error', message);
      c.failed = true;
    };
    switch (cmd.command) {
      case 'stop-commands':
        this.#log(c, line);
        this.#stopToken = cmd.data.toLowerCase();
        return;
      case 'add-mask':
        if (cmd.data.trim() === '') {
          this.#issue(c, 'warning', "Can't add secret mask for empty string in ##[add-mask] command.");
        } else {
          this.#masker.add(cmd.data);
          c.masks.push(cmd.data);
          if (c.echo) this.#log(c, '::add-mask::***');
        }
        return;
      case 'debug':
        c.debug.push(cmd.data);
        return;
      case 'warning':
      case 'error':
      case 'notice':
        this.#issue(c, cmd.command, cmd.data, cmd.properties);
        return;
      case 'group':
        echo();
        c.groups.push(cmd.data);
        this.#log(c, `##[group]${cmd.data}`);
        return;
      case 'endgroup':
        echo();
        this.#log(c, '##[endgroup]');
        return;
      case 'set-output':
      case 'save-state': {
        echo();
        const n = cmd.properties['name'];
        if (n === undefined || n === '') {
          fail(`Required field 'name' is missing in ##[${cmd.command}] command.`);
          return;
        }
        (cmd.command === 'set-output' ? c.outputs : c.state)[n] = cmd.data;
        return;
      }
      case 'set-env':
      case 'add-path': {
        echo();
        if (!c.allowUnsecure) {
          fail(UNSECURE_DISABLED(cmd.command));
          return;
        }
        if (cmd.command === 'add-path') {
          c.path.push(cmd.data);
          this.#addPath(cmd.data);
        } else {
          const n = cmd.properties['name'];
          if (n === undefined || n === '')
            return fail("Required field 'name' is missing in ##[set-env] command.");
          if (n.toUpperCase() === 'NODE_OPTIONS') {
            this.#issue(
              c,
              'error',
              "Can't update NODE_OPTIONS environment variable using ::set-env:: command.",
            );
            return;
          }
          c.exportedEnv[n] = cmd.data;
          this.#exported[n] = cmd.data;
        }
        return;
      }
      case 'echo': {
        const v = cmd.data.trim().toUpperCase();
        if (v === 'ON') c.echo = true;
        else if (v === 'OFF') c.echo = false;
        else
          fail(
            `Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${cmd.data}'.`,
          );
        return;
      }
      default:
        // add-matcher / remove-matcher: problem matchers are not emulated.
        echo();
        return;
    }
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const table: Partial<Record<NodeJS.Signals, number>> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGKILL: 9,
    SIGTERM: 15,
    SIGSEGV: 11,
    SIGABRT: 6,
  };
  return signal === null ? 0 : (table[signal] ?? 1);
}

/** Inputs declared in an action.yml, with their literal default as a string (undefined if none). */
export function readActionInputs(actionYml: string): Record<string, string | undefined> {
  const doc: unknown = parseYaml(readFileSync(actionYml, 'utf8'));
  const out: Record<string, string | undefined> = {};
  if (typeof doc !== 'object' || doc === null) return out;
  const inputs = (doc as { inputs?: unknown }).inputs;
  if (typeof inputs !== 'object' || inputs === null) return out;
  for (const [k, v] of Object.entries(inputs as Record<string, unknown>)) {
    const def = typeof v === 'object' && v !== null ? (v as { default?: unknown }).default : undefined;
    out[k] = def === undefined || def === null ? undefined : String(def);
  }
  return out;
}
