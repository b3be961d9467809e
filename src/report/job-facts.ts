// What the workflow file says about one job, as the rules read it: the steps that set sccache up
// and the steps that build, in order; every environment variable the job sets, at the line that
// sets it, judged for this sccache version; what restores target/, what restarts the server, and
// which triggers put the job in a tag's cache scope. Built once from the parsed workflow; pure.
import { isLiteralValue, scriptAssignments } from '../github/run-script.js';
import type { SourceLine, Workflow, WorkflowJob, WorkflowStep } from '../github/workflow.js';
import { inspectEnvironment, whyNoEffect } from '../sccache/environment.js';
import { serverCommandIn, type ServerCommand } from '../sccache/invocation.js';
import { capabilitiesOf, type SccacheVersion } from '../sccache/version.js';

export type SetupKind = 'sccache-guard' | 'sccache-action' | 'install' | 'credentials';

export interface SetupStep {
  readonly stepIndex: number;
  readonly line: number;
  readonly kind: SetupKind;
  /** What the step is, in a few words: "mozilla-actions/sccache-action@v0.0.9", "cargo install sccache". */
  readonly what: string;
  /** The `backend` input of our own step (auto when not given). */
  readonly backend?: string;
  /** Our own step with `read-only: true`. */
  readonly readOnly?: boolean;
  /** Our own step's lines as written (WorkflowStep.source): a fix can show them changed. */
  readonly source?: readonly SourceLine[];
}

export interface BuildStep {
  readonly stepIndex: number;
  readonly line: number;
  readonly language: 'rust' | 'c/c++';
  readonly command: string;
}

export type EnvLevel = 'workflow' | 'job' | 'step' | 'github-env' | 'export';

export interface EnvAssignment {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  readonly level: EnvLevel;
  /** The step that sets it (step env, a GITHUB_ENV write, an export); absent for workflow and job env. */
  readonly stepIndex?: number;
  /** Why no sccache release of this version reads it (inspectEnvironment). */
  readonly dead?: string;
  /** Why this version rejects or ignores its value. */
  readonly invalid?: string;
  /** Why it is read but changes nothing where it is set (whyNoEffect). */
  readonly noEffect?: string;
}

export interface PlacedStep {
  readonly stepIndex: number;
  readonly line: number;
  readonly what: string;
}

export interface TargetRestore extends PlacedStep {
  readonly by: 'rust-cache' | 'actions/cache';
}

export interface ServerRestart extends PlacedStep {
  readonly command: ServerCommand;
}

export interface TagTrigger {
  readonly line: number;
  /** The caller's file, for a job of a reusable workflow. */
  readonly file?: string;
  /** "push: tags", "release", "create". */
  readonly what: string;
}

export interface JobFacts {
  /** The workflow file as given (the annotation's file, relative to the repository root at run time). */
  readonly file: string;
  readonly jobId: string;
  readonly jobLine: number;
  /** The sccache version the env variables were judged for. */
  readonly sccacheVersion: string;
  readonly setups: readonly SetupStep[];
  readonly builds: readonly BuildStep[];
  /** A setup step and a build after it: the job compiles through sccache. */
  readonly compilesThroughSccache: boolean;
  /** …and its cache is GitHub's: our step with backend auto or gha, or SCCACHE_GHA_ENABLED set on. */
  readonly usesGhaCache: boolean;
  /** It never writes the shared cache: `read-only: true` on our step, or SCCACHE_GHA_RW_MODE=READ_ONLY. */
  readonly readOnly: boolean;
  readonly buildsRust: boolean;
  readonly buildsCxx: boolean;
  readonly tagTrigger?: TagTrigger;
  /** Steps before the first build that restore target/ (rust-cache with cache-targets, actions/cache). */
  readonly targetRestores: readonly TargetRestore[];
  /** sccache --stop-server/--start-server/-z in a run: step after setup. */
  readonly serverRestarts: readonly ServerRestart[];
  /** Every variable the job sets, in file order. */
  readonly env: readonly EnvAssignment[];
  /** RUSTC_WRAPPER set by the workflow to something other than the sccache setup resolved. */
  readonly wrapperOverrides: readonly EnvAssignment[];
  /** CARGO_INCREMENTAL set to turn incremental on where it reaches a build step. */
  readonly incrementalOn: readonly EnvAssignment[];
}

/** This action: `org/sccache-guard@v1`, or `./` in its own repository's workflows. */
const OURS = /(^|\/)sccache-guard(@|$)|^\.\/?$/i;
const MOZILLA = /^mozilla-actions\/sccache-action(@|$)/i;
const INSTALL_IN_RUN =
  /\b(cargo\s+(install|binstall)\b[^#\n]*\bsccache\b|(apt(-get)?|brew|choco|scoop|pip3?|pipx|dnf|yum|apk)\s+(install|add)\b[^#\n]*\bsccache\b|(curl|wget)\b[^#\n]*\bsccache-v\d)/i;
const CREDENTIALS = /\bACTIONS_(CACHE_URL|RUNTIME_TOKEN|RESULTS_URL)\b/;
const RUST_BUILD =
  /(^|[\s;&|(])(cargo|cross)(\s+\+\S+)?\s+(build|b|test|t|check|c|run|r|clippy|nextest|doc|bench|rustc|llvm-cov|hack|zigbuild|auditable|install)\b|(^|[\s;&|(])(maturin\s+(build|develop)|wasm-pack\s+(build|test))\b/;
const CXX_BUILD =
  /(^|[\s;&|(])(cmake\s+(--build|-S|-B|\.\.?(\s|$))|make(\s|$)|ninja(\s|$)|meson\s+compile|(gcc|g\+\+|clang|clang\+\+|cc|c\+\+)\s+\S)/;
const RUST_BUILD_ACTIONS =
  /^(actions-rs\/cargo|houseabsolute\/actions-rust-cross|PyO3\/maturin-action)(@|$)/i;
const GHA_ON = /^(true|on|1)$/i;

const uses = (step: WorkflowStep) => step.uses?.value ?? '';

function setupOf(step: WorkflowStep): SetupStep | undefined {
  const at = { stepIndex: step.index, line: step.uses?.line ?? step.line };
  if (OURS.test(uses(step))) {
    return {
      ...at,
      kind: 'sccache-guard',
      what: uses(step),
      backend: step.with.get('backend')?.value || 'auto',
      readOnly: /^true$/i.test(step.with.get('read-only')?.value.trim() ?? ''),
      ...(step.source ? { source: step.source } : {}),
    };
  }
  if (MOZILLA.test(uses(step))) return { ...at, kind: 'sccache-action', what: uses(step) };
  if (
    /^taiki-e\/install-action(@|$)/i.test(uses(step)) &&
    /\bsccache\b/.test(step.with.get('tool')?.value ?? '')
  ) {
    return { ...at, kind: 'install', what: `${uses(step)} (tool: sccache)` };
  }
  if (
    /^actions\/github-script(@|$)/i.test(uses(step)) &&
    CREDENTIALS.test(step.with.get('script')?.value ?? '')
  ) {
    const line = step.with.get('script')?.line ?? at.line;
    return { ...at, line, kind: 'credentials', what: `${uses(step)} exporting the cache credentials` };
  }
  for (const source of step.run ?? []) {
    if (source.text.trim().startsWith('#')) continue;
    const install = INSTALL_IN_RUN.exec(source.text);
    if (install)
      return { stepIndex: step.index, line: source.line, kind: 'install', what: install[0].trim() };
  }
  return undefined;
}

function buildOf(step: WorkflowStep): BuildStep | undefined {
  if (RUST_BUILD_ACTIONS.test(uses(step))) {
    return { stepIndex: step.index, line: step.uses!.line, language: 'rust', command: uses(step) };
  }
  for (const source of step.run ?? []) {
    const text = source.text.trim();
    if (text.startsWith('#')) continue;
    const rust = RUST_BUILD.exec(text);
    // Installing sccache itself is a setup, not a build through it.
    if (rust && !/\binstall\b[^#]*\bsccache\b/.test(text)) {
      return { stepIndex: step.index, line: source.line, language: 'rust', command: rust[0].trim() };
    }
    const cxx = CXX_BUILD.exec(text);
    if (cxx) return { stepIndex: step.index, line: source.line, language: 'c/c++', command: cxx[0].trim() };
  }
  return undefined;
}

/** Hand-exported GitHub cache credentials in a run: step (echo ACTIONS_CACHE_URL=… >> $GITHUB_ENV). */
function credentialExport(step: WorkflowStep): SetupStep | undefined {
  const write = scriptAssignments(step.run ?? []).find(
    (a) => a.how === 'github-env' && CREDENTIALS.test(a.name),
  );
  return write
    ? {
        stepIndex: step.index,
        line: write.line,
        kind: 'credentials',
        what: `${write.name} exported to GITHUB_ENV`,
      }
    : undefined;
}

function tagTriggerOf(workflow: Workflow): TagTrigger | undefined {
  for (const trigger of workflow.triggers) {
    const file = trigger.file ? { file: trigger.file } : {};
    if (trigger.event === 'push' && trigger.tagsLine !== undefined)
      return { line: trigger.tagsLine, what: 'push: tags', ...file };
    if (trigger.event === 'release' || trigger.event === 'create')
      return { line: trigger.line, what: trigger.event, ...file };
  }
  return undefined;
}

function targetRestoreOf(step: WorkflowStep): TargetRestore | undefined {
  if (/^Swatinem\/rust-cache(@|$)/i.test(uses(step))) {
    const targets = step.with.get('cache-targets');
    if (targets && /^false$/i.test(targets.value.trim())) return undefined;
    return {
      by: 'rust-cache',
      stepIndex: step.index,
      line: targets?.line ?? step.uses!.line,
      what: `${uses(step)}${targets ? ` with cache-targets: ${targets.value}` : ' (cache-targets defaults to true)'}`,
    };
  }
  if (/^actions\/cache(\/restore)?(@|$)/i.test(uses(step))) {
    const path = step.with.get('path');
    const underTarget = (path?.value ?? '')
      .split('\n')
      .map((p) => p.trim())
      .find((p) => /(^|[/\\*])target([/\\]|$)/.test(p) && !p.startsWith('!'));
    if (path && underTarget) {
      return {
        by: 'actions/cache',
        stepIndex: step.index,
        line: path.line,
        what: `${uses(step)} restoring ${underTarget}`,
      };
    }
  }
  return undefined;
}

export interface JobFactsInput {
  readonly workflow: Workflow;
  readonly job: WorkflowJob;
  readonly file: string;
  readonly version: SccacheVersion;
}

/** Every variable the job sets, in file order: workflow and job env, each step's env and script. */
function envAssignments(workflow: Workflow, job: WorkflowJob): EnvAssignment[] {
  const found: EnvAssignment[] = [
    ...workflow.env.map((e) => ({ ...e, level: 'workflow' as const })),
    ...job.env.map((e) => ({ ...e, level: 'job' as const })),
  ];
  for (const step of job.steps) {
    for (const e of step.env) found.push({ ...e, level: 'step', stepIndex: step.index });
    for (const a of scriptAssignments(step.run ?? [])) {
      found.push({ name: a.name, value: a.value, line: a.line, level: a.how, stepIndex: step.index });
    }
  }
  return found;
}

export function buildJobFacts({ workflow, job, file, version }: JobFactsInput): JobFacts {
  const setups: SetupStep[] = [];
  const builds: BuildStep[] = [];
  for (const step of job.steps) {
    const setup = setupOf(step) ?? credentialExport(step);
    if (setup) setups.push(setup);
    const build = buildOf(step);
    if (build) builds.push(build);
  }
  const firstSetup = setups.find((s) => s.kind !== 'credentials');
  const ours = setups.find((s) => s.kind === 'sccache-guard');
  const firstBuild = builds[0];
  const compilesThroughSccache =
    firstSetup !== undefined && builds.some((b) => b.stepIndex > firstSetup.stepIndex);
  const buildsRust = builds.some((b) => b.language === 'rust');
  const buildsCxx = builds.some((b) => b.language === 'c/c++');

  const raw = envAssignments(workflow, job);
  const ghaEnabled = raw.some(
    (e) => e.name === 'SCCACHE_GHA_ENABLED' && (GHA_ON.test(e.value) || !isLiteralValue(e.value)),
  );
  const usesGhaCache =
    compilesThroughSccache &&
    ((ours !== undefined && (ours.backend === 'auto' || ours.backend === 'gha')) || ghaEnabled);
  const remoteBackend =
    usesGhaCache ||
    raw.some((e) =>
      /^SCCACHE_(BUCKET|REDIS|MEMCACHED|GCS_BUCKET|WEBDAV_ENDPOINT|AZURE_CONNECTION_STRING)/.test(e.name),
    ) ||
    ours?.backend === 'external';

  // Our setup starts the server: what only later steps see never reaches it.
  const serverStart = ours?.stepIndex;
  const afterServerStart = (e: { level: EnvLevel; stepIndex?: number }) =>
    serverStart !== undefined &&
    e.stepIndex !== undefined &&
    (e.level === 'github-env' ? e.stepIndex >= serverStart : e.stepIndex > serverStart);

  const capabilities = capabilitiesOf(version);
  const env = raw.map((e): EnvAssignment => {
    const judged = inspectEnvironment(
      { [e.name]: isLiteralValue(e.value) ? e.value : 'true' },
      version,
      capabilities,
    );
    const dead = judged.dead[0]?.why;
    // A value with an expression or expansion cannot be judged here: only literal values are.
    // CARGO_INCREMENTAL has a finding of its own (incrementalOn).
    const invalid =
      isLiteralValue(e.value) && e.name !== 'CARGO_INCREMENTAL' ? judged.invalid[0]?.why : undefined;
    const noEffect = whyNoEffect(e.name, {
      remoteBackend,
      buildsRust,
      buildsCxx,
      afterServerStart: afterServerStart(e),
      version,
    });
    return {
      ...e,
      ...(dead ? { dead } : {}),
      ...(invalid ? { invalid } : {}),
      ...(noEffect && !dead ? { noEffect } : {}),
    };
  });

  const restartsFrom = firstSetup?.stepIndex ?? Number.POSITIVE_INFINITY;
  const serverRestarts: ServerRestart[] = [];
  for (const step of job.steps) {
    if (step.index <= restartsFrom) continue;
    for (const source of step.run ?? []) {
      const command = serverCommandIn(source.text);
      if (command)
        serverRestarts.push({ stepIndex: step.index, line: source.line, what: source.text.trim(), command });
    }
  }

  const targetRestores = job.steps
    .filter((s) => firstBuild === undefined || s.index < firstBuild.stepIndex)
    .map(targetRestoreOf)
    .filter((r): r is TargetRestore => r !== undefined);

  // Workflow and job env reach every step and win over GITHUB_ENV (setup exports CARGO_INCREMENTAL=0
  // there); a step's own env and exports reach that step; a later GITHUB_ENV write overrides setup's.
  const buildSteps = new Set(builds.map((b) => b.stepIndex));
  const reachesBuild = (e: EnvAssignment) =>
    e.level === 'workflow' ||
    e.level === 'job' ||
    ((e.level === 'step' || e.level === 'export') && buildSteps.has(e.stepIndex ?? -1)) ||
    (e.level === 'github-env' &&
      (serverStart === undefined || (e.stepIndex ?? -1) >= serverStart) &&
      builds.some((b) => b.stepIndex > (e.stepIndex ?? Number.POSITIVE_INFINITY)));
  const wrapperOverrides = ours
    ? env.filter(
        (e) =>
          e.name === 'RUSTC_WRAPPER' &&
          reachesBuild(e) &&
          // "sccache" finds the same binary setup found (setup uses the one on PATH first).
          !/^(sccache(\.exe)?|\$\{\{\s*env\.SCCACHE_PATH\s*\}\}|\$SCCACHE_PATH|\$\{SCCACHE_PATH\})$/i.test(
            e.value.trim(),
          ),
      )
    : [];

  const incrementalOn = env.filter(
    (e) =>
      e.name === 'CARGO_INCREMENTAL' &&
      isLiteralValue(e.value) &&
      !/^(0|false)$/i.test(e.value.trim()) &&
      reachesBuild(e),
  );

  const tagTrigger = tagTriggerOf(workflow);
  return {
    file,
    jobId: job.id,
    jobLine: job.line,
    sccacheVersion: version.raw,
    setups,
    builds,
    compilesThroughSccache,
    usesGhaCache,
    readOnly:
      ours?.readOnly === true ||
      env.some(
        (e) => e.name === 'SCCACHE_GHA_RW_MODE' && /^read_only$/i.test(e.value.trim()) && reachesBuild(e),
      ),
    buildsRust,
    buildsCxx,
    ...(tagTrigger ? { tagTrigger } : {}),
    targetRestores: compilesThroughSccache ? targetRestores : [],
    serverRestarts,
    env,
    wrapperOverrides,
    incrementalOn: buildsRust ? incrementalOn : [],
  };
}
