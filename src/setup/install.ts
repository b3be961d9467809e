// Finds sccache on PATH, or installs a release into the tool cache after checking its SHA-256:
// against the sum the user gave (a mirror), else a sum committed in this project, else the
// `.sha256` file the release publishes beside its archive (unless committed sums are required).
// Archives are laid out as sccache publishes them: sccache-v<version>-<target>/sccache[.exe].
import * as io from '@actions/io';
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { RELEASE_SHA256, releaseTarget } from './releases.js';
import type { SumSource } from '../handoff.js';
import { NEWEST_TESTED_VERSION } from '../sccache/version.js';

export class InstallError extends Error {
  override readonly name = 'InstallError';
  constructor(
    message: string,
    /** A checksum mismatch is a security stop, never a fallback. */
    readonly kind: 'checksum' | 'download' | 'unsupported',
  ) {
    super(message);
  }
}

export interface InstallRequest {
  /** '' = resolveVersion's default. */
  readonly version: string;
  /** URL template with {version} and {target}. */
  readonly urlTemplate: string;
  /** Expected sum given by the user; else the committed one. */
  readonly sha256: string;
  /** Refuse a version without a committed (or given) sum instead of trusting the release's own. */
  readonly committedSumsOnly?: boolean;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

export interface Installed {
  readonly path: string;
  readonly source: 'tool-cache' | 'download';
  readonly version: string;
  /** For a download: what its sum was checked against. */
  readonly checkedAgainst?: SumSource;
}

/** A release's `<archive>.sha256`: the hex digest first, maybe followed by the file name. */
const RELEASE_SUM_FILE = /^\s*([0-9a-fA-F]{64})(\s|$)/;

/** The sum the release publishes beside the archive, or an InstallError saying why there is none. */
async function releaseSum(url: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(await tc.downloadTool(`${url}.sha256`), 'utf8');
  } catch (error) {
    throw new InstallError(
      `the release's own sum ${url}.sha256 could not be read: ${(error as Error).message}`,
      'download',
    );
  }
  const sum = RELEASE_SUM_FILE.exec(text.slice(0, 1024))?.[1];
  if (!sum) throw new InstallError(`${url}.sha256 does not start with a SHA-256 digest`, 'download');
  return sum.toLowerCase();
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function findOnPath(): Promise<string | undefined> {
  const found = await io.which('sccache', false);
  return found || undefined;
}

/**
 * The version to install: the one asked for, else the newest tested one whose archive for this
 * target has a committed checksum (0.16.0's sums were found for Linux only; 0.15.0 has six targets).
 */
export function resolveVersion(requested: string, target: string | undefined): string {
  if (requested) return requested;
  if (target && RELEASE_SHA256[NEWEST_TESTED_VERSION]?.[target]) return NEWEST_TESTED_VERSION;
  const withSum = Object.keys(RELEASE_SHA256)
    .filter((v) => target !== undefined && RELEASE_SHA256[v]?.[target] !== undefined)
    .sort(semver.rcompare);
  return withSum[0] ?? NEWEST_TESTED_VERSION;
}

export async function installRelease(request: InstallRequest): Promise<Installed> {
  const exe = request.platform === 'win32' ? 'sccache.exe' : 'sccache';
  const target = releaseTarget(request.platform, request.arch);
  const version = resolveVersion(request.version, target);
  const cached = tc.find('sccache', version, request.arch);
  if (cached) return { path: join(cached, exe), source: 'tool-cache', version };

  if (!target)
    throw new InstallError(`no sccache release for ${request.platform}/${request.arch}`, 'unsupported');
  const url = request.urlTemplate.replaceAll('{version}', version).replaceAll('{target}', target);
  const committed = RELEASE_SHA256[version]?.[target];
  const checkedAgainst: SumSource = request.sha256 ? 'given' : committed ? 'committed' : 'release';
  if (checkedAgainst === 'release' && request.committedSumsOnly) {
    throw new InstallError(
      `no committed SHA-256 for sccache ${version} on ${target} (known: ${Object.keys(RELEASE_SHA256).join(', ')}), ` +
        'and committed-sums-only is set; pick one of those versions or pass sccache-sha256',
      'unsupported',
    );
  }
  const expected = request.sha256 || committed || (await releaseSum(url));
  let archive: string;
  try {
    archive = await tc.downloadTool(url);
  } catch (error) {
    throw new InstallError(`download of ${url} failed: ${(error as Error).message}`, 'download');
  }
  const actual = await sha256File(archive);
  if (actual !== expected) {
    throw new InstallError(
      `checksum mismatch for ${url}: expected sha256 ${expected}, got ${actual}; refusing to run it`,
      'checksum',
    );
  }
  const extracted = await tc.extractTar(archive); // .tar.gz: tar -xz
  const folder = join(extracted, `sccache-v${version}-${target}`);
  const dir = await tc.cacheDir(folder, 'sccache', version, request.arch);
  return { path: join(dir, exe), source: 'download', version, checkedAgainst };
}
