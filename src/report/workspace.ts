// The checkout as the build left it, for the run record and target-restored: a fingerprint of
// Cargo.lock, how many packages it locks, and whether cargo's fingerprints in target/ are older than
// setup (restored by another cache, not built here). Reads a bounded amount: Cargo.lock up to a few
// MB, and the names and times of at most a few thousand fingerprint entries.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkspaceFacts } from './facts.js';

const MAX_LOCK_BYTES = 8 * 1024 * 1024;
const MAX_FINGERPRINTS = 4000;

export interface WorkspaceSnapshot {
  readonly facts: WorkspaceFacts;
  readonly cargoLockSha256?: string;
}

async function lockFile(path: string): Promise<{ sha256: string; packages: number } | undefined> {
  try {
    if ((await stat(path)).size > MAX_LOCK_BYTES) return undefined;
    const text = await readFile(path, 'utf8');
    return {
      sha256: createHash('sha256').update(text).digest('hex'),
      packages: text.match(/^\[\[package\]\]$/gm)?.length ?? 0,
    };
  } catch {
    return undefined;
  }
}

/** The oldest modification time among cargo's fingerprints (target/{debug,release}[/triple]/.fingerprint). */
async function oldestFingerprint(targetDir: string): Promise<number | undefined> {
  let oldest: number | undefined;
  let seen = 0;
  const dirs = ['debug', 'release'].map((p) => join(targetDir, p, '.fingerprint'));
  for (const entry of await readdir(targetDir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && entry.name.includes('-')) {
      dirs.push(
        join(targetDir, entry.name, 'debug', '.fingerprint'),
        join(targetDir, entry.name, 'release', '.fingerprint'),
      );
    }
  }
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (++seen > MAX_FINGERPRINTS) return oldest;
      const time = await stat(join(dir, name))
        .then((s) => s.mtimeMs)
        .catch(() => undefined);
      if (time !== undefined && (oldest === undefined || time < oldest)) oldest = time;
    }
  }
  return oldest;
}

export async function inspectWorkspace(
  workspace: string,
  targetDir: string,
  setupStartedAt: string | undefined,
): Promise<WorkspaceSnapshot> {
  const lock = await lockFile(join(workspace, 'Cargo.lock'));
  const since = setupStartedAt ? Date.parse(setupStartedAt) : Number.NaN;
  const oldest = Number.isNaN(since) ? undefined : await oldestFingerprint(targetDir);
  return {
    facts: {
      ...(lock ? { lockPackages: lock.packages } : {}),
      ...(oldest !== undefined && oldest < since
        ? { targetBuiltBefore: new Date(oldest).toISOString() }
        : {}),
    },
    ...(lock ? { cargoLockSha256: lock.sha256 } : {}),
  };
}
