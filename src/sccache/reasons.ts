// What each `not_cached` reason means, and whether the user can do anything about it
// (the first argument of `CannotCache` in sccache's src/compiler/rust.rs, gcc.rs, clang.rs,
// nvcc.rs and msvc.rs, which `check_compiler` in src/server.rs turns into the key). Unknown reasons (newer sccache, other compilers) count as expected:
// we only call a reason fixable when we know the fix.

export type ReasonKind = 'expected' | 'fixable';

export interface ReasonInfo {
  readonly kind: ReasonKind;
  /** What triggers it, in a few words. */
  readonly meaning: string;
  /** For fixable reasons: the exact change to make. */
  readonly fix?: string;
}

const EXPECTED: Readonly<Record<string, string>> = {
  'crate-type': 'bin, proc-macro, build-script and test crates (only lib/rlib/staticlib are cacheable)',
  '-': "input from stdin: cargo's target-info probe (`rustc - --print=…`)",
  'missing input': "no input file: cargo's `rustc -vV` version probe",
  'missing output_dir': 'rustc called without --out-dir',
  'missing emit': 'rustc called without --emit',
  'missing crate_name': 'rustc called without --crate-name',
  'unsupported --emit': '--emit asm/llvm-ir/mir output',
  '--sysroot': 'an explicit --sysroot',
  '-o': 'an explicit -o output path for rustc',
  target: 'a --target that sccache cannot classify',
  'target unsure': 'a --target that sccache cannot classify',
  '-E': 'preprocess only (build-script and configure probes)',
  '-M': 'dependency output only',
  '-MM': 'dependency output only',
  '-P': 'preprocess without line markers',
  '-fsyntax-only': 'syntax check only',
  'no input file': 'a compiler call with no source file (usually a link or probe)',
  'multiple input files': 'several sources in one compiler call',
  'unknown source language': 'a source type sccache does not cache (e.g. assembly before 0.13)',
  '-x': '-x with a language sccache does not support',
  '@': 'a response file sccache could not expand',
  'argument parse': 'arguments sccache could not parse',
};

const FIXABLE: Readonly<Record<string, ReasonInfo>> = {
  incremental: {
    kind: 'fixable',
    meaning: "rustc's incremental compilation (cargo's dev profile for workspace crates)",
    fix: 'CARGO_INCREMENTAL: "0"',
  },
  'multiple different -arch, and SCCACHE_CACHE_MULTIARCH not set': {
    kind: 'fixable',
    meaning: 'a universal (multi -arch) build',
    fix: 'SCCACHE_CACHE_MULTIARCH: "1"',
  },
  'shared pdb': {
    kind: 'fixable',
    meaning: 'MSVC /Zi debug info written to a shared PDB',
    fix: 'compile with /Z7 instead of /Zi (e.g. CMAKE_MSVC_DEBUG_INFORMATION_FORMAT=Embedded)',
  },
};

export function classifyReason(reason: string): ReasonInfo {
  // Reasons are keys from the stats: never let "constructor" find Object.prototype.
  if (Object.hasOwn(FIXABLE, reason)) return FIXABLE[reason]!;
  const meaning = Object.hasOwn(EXPECTED, reason) ? EXPECTED[reason]! : 'a call sccache does not cache';
  return { kind: 'expected', meaning };
}
