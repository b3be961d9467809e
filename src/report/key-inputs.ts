// What went into this run's sccache keys, as the run record keeps it, and how two runs differ. The
// Rust key hashes the compiler, the arguments (RUSTFLAGS, --target), every CARGO_* variable and the
// working directory (sccache's src/compiler/rust.rs, generate_hash_key); the C/C++ key the
// compiler, its flags and the preprocessed source. A variable's value is kept only when it is known
// to be harmless; others are fingerprinted, and anything that looks like a credential (or is a
// value the run masked) is only marked as set. Pure.
import { createHash } from 'node:crypto';
import type { KeyInputs, RecordedValue } from '../github/run-record.js';
import { redactedExcerpt } from '../util/redact.js';
import type { JobFacts } from './job-facts.js';

/** Variables sccache's keys depend on, besides every CARGO_* one. */
const KEY_VARIABLES = new Set(['RUSTFLAGS', 'CC', 'CXX', 'CFLAGS', 'CXXFLAGS', 'RUSTC']);
/** Values safe to show: flags, profiles, paths, switches. */
const SHOWN =
  /^(RUSTFLAGS|CC|CXX|CFLAGS|CXXFLAGS|RUSTC|CARGO_ENCODED_RUSTFLAGS|CARGO_BUILD_\w+|CARGO_PROFILE_\w+|CARGO_INCREMENTAL|CARGO_TERM_\w+|CARGO_HOME|CARGO_TARGET_DIR|CARGO_TARGET_\w+_(RUSTFLAGS|LINKER|RUNNER)|CARGO_NET_\w+|CARGO_HTTP_\w+|CARGO_REGISTRIES_\w+_(INDEX|PROTOCOL)|CARGO_UNSTABLE_\w+)$/;
const LOOKS_SECRET = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|(^|_)KEY(_|$)|AUTH/i;

const fingerprint = (name: string, value: string) =>
  createHash('sha256').update(`${name}\0${value}`).digest('hex').slice(0, 16);

export function recordedValue(name: string, value: string, secrets: readonly string[]): RecordedValue {
  if (LOOKS_SECRET.test(name) || secrets.some((s) => s.length >= 4 && value.includes(s)))
    return { secret: true };
  if (SHOWN.test(name)) return { value: redactedExcerpt(value, 4096) };
  return { hash: fingerprint(name, value) };
}

export interface Toolchain {
  readonly release: string;
  readonly commitHash?: string;
  readonly host?: string;
}

/** `rustc -vV`: "release: 1.95.0", "commit-hash: …", "host: x86_64-unknown-linux-gnu". */
export function parseRustcVerbose(text: string): Toolchain | undefined {
  const field = (key: string) => new RegExp(`^${key}:\\s*(\\S{1,100})`, 'm').exec(text)?.[1];
  const release = field('release');
  if (!release) return undefined;
  const commitHash = field('commit-hash');
  const host = field('host');
  return { release, ...(commitHash ? { commitHash } : {}), ...(host ? { host } : {}) };
}

export interface KeyInputsSource {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly sccacheVersion: string;
  readonly namespace?: string;
  readonly toolchain?: Toolchain;
  /** --target triples the server log showed. */
  readonly logTargets: readonly string[];
  /** The job as the workflow file shows it: a build step's own env is part of its keys too. */
  readonly job?: JobFacts;
  readonly workingDirectory?: string;
  readonly cargoLockSha256?: string;
  /** Values masked in this run: never recorded. */
  readonly secrets: readonly string[];
}

export function keyInputs(source: KeyInputsSource): KeyInputs {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(source.env)) {
    if (value !== undefined && (name.startsWith('CARGO_') || KEY_VARIABLES.has(name)))
      values.set(name, value);
  }
  // A build step's env reaches only that step: the workflow reader is the only one who sees it.
  const builds = new Set(source.job?.builds.map((b) => b.stepIndex) ?? []);
  for (const e of source.job?.env ?? []) {
    const own = (e.level === 'step' || e.level === 'export') && builds.has(e.stepIndex ?? -1);
    if (own && (e.name.startsWith('CARGO_') || KEY_VARIABLES.has(e.name)) && !e.value.includes('${{')) {
      values.set(e.name, e.value);
    }
  }
  const env: Record<string, RecordedValue> = Object.create(null) as Record<string, RecordedValue>;
  for (const name of [...values.keys()].sort())
    env[name] = recordedValue(name, values.get(name)!, source.secrets);
  const targets = new Set(source.logTargets);
  const buildTarget = source.env['CARGO_BUILD_TARGET'];
  if (buildTarget) targets.add(buildTarget);
  // A target is a triple or a path to a target spec: never a secret, never longer than the schema's 100.
  for (const target of targets) {
    if (target.length > 100 || 'secret' in recordedValue('CARGO_BUILD_TARGET', target, source.secrets)) {
      targets.delete(target);
    }
  }
  return {
    sccacheVersion: source.sccacheVersion,
    ...(source.namespace ? { namespace: source.namespace } : {}),
    ...(source.toolchain ? { rustc: source.toolchain } : {}),
    targets: [...targets].sort().slice(0, 50),
    env: { ...env },
    ...(source.workingDirectory ? { workingDirectory: source.workingDirectory } : {}),
    ...(source.cargoLockSha256 ? { cargoLock: source.cargoLockSha256 } : {}),
  };
}

export interface InputChange {
  /** "RUSTFLAGS", "rustc", "target", "working directory", … */
  readonly name: string;
  /** Both values where the record may show them; "changed" for fingerprinted and secret ones. */
  readonly before: string;
  readonly after: string;
  readonly why: string;
}

const shown = (v: RecordedValue | undefined): string =>
  v === undefined
    ? '(unset)'
    : 'value' in v
      ? JSON.stringify(v.value)
      : 'secret' in v
        ? '(a secret)'
        : '(set)';

const same = (a: RecordedValue | undefined, b: RecordedValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/** What differs between the record compared with and this run, each with why it costs hits. */
export function compareInputs(before: KeyInputs, after: KeyInputs): InputChange[] {
  const changes: InputChange[] = [];
  const add = (name: string, a: string | undefined, b: string | undefined, why: string) => {
    if ((a ?? '') !== (b ?? ''))
      changes.push({ name, before: a ?? '(unknown)', after: b ?? '(unknown)', why });
  };
  // On the GitHub cache a new version is a new namespace, which namespace-changed reports.
  if (!before.namespace || !after.namespace)
    add(
      'sccache version',
      before.sccacheVersion,
      after.sccacheVersion,
      'another release may hash differently',
    );
  const rustc = (t: KeyInputs['rustc']) =>
    t ? `${t.release}${t.commitHash ? ` (${t.commitHash.slice(0, 9)})` : ''}` : undefined;
  if (before.rustc && after.rustc)
    add('rustc', rustc(before.rustc), rustc(after.rustc), 'the compiler is part of every key');
  add(
    'target',
    before.targets.join(', ') || '(host)',
    after.targets.join(', ') || '(host)',
    '--target is part of every Rust key',
  );
  for (const name of [...new Set([...Object.keys(before.env), ...Object.keys(after.env)])].sort()) {
    const a = before.env[name];
    const b = after.env[name];
    if (same(a, b)) continue;
    const hidden = (a && !('value' in a)) || (b && !('value' in b));
    const why =
      name.startsWith('CARGO_') || name === 'RUSTFLAGS'
        ? 'part of every Rust key'
        : name === 'RUSTC'
          ? 'the compiler is part of every Rust key'
          : 'part of every C/C++ key';
    changes.push({
      name,
      before: hidden && a && b ? 'changed' : shown(a),
      after: hidden && a && b ? 'changed' : shown(b),
      why,
    });
  }
  if (before.workingDirectory && after.workingDirectory)
    add(
      'working directory',
      before.workingDirectory,
      after.workingDirectory,
      'Rust keys include the working directory',
    );
  if (before.cargoLock && after.cargoLock && before.cargoLock !== after.cargoLock)
    changes.push({
      name: 'Cargo.lock',
      before: 'changed',
      after: 'changed',
      why: 'the crates whose versions changed miss once',
    });
  return changes;
}
