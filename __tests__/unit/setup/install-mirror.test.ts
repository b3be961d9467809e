// installRelease against a loopback mirror serving archives laid out as sccache's releases are
// (sccache-v<version>-<target>.tar.gz holding sccache-v<version>-<target>/sccache[.exe], and the
// release's own <archive>.sha256 beside it), through the real @actions/tool-cache: what each runner
// OS and arch downloads, where it lands, and what its sum was checked against.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { InstallError, installRelease, type InstallRequest } from '../../../src/setup/install.js';
import { RELEASE_SHA256, releaseTarget } from '../../../src/setup/releases.js';

let root: string;
let server: Server;
let base: string;
/** Path on the mirror → bytes; a missing path answers 404. */
const files = new Map<string, Buffer>();

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'sccache-guard-mirror-'));
  process.env['RUNNER_TOOL_CACHE'] = join(root, 'tool-cache');
  process.env['RUNNER_TEMP'] = join(root, 'temp');
  server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    response.writeHead(body ? 200 : 404).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Publishes a release archive of this version and target on the mirror, as sccache does. */
async function publish(version: string, target: string, sum: 'right' | 'wrong' | 'none' = 'right') {
  const folder = `sccache-v${version}-${target}`;
  const dir = join(root, 'build', folder);
  await mkdir(dir, { recursive: true });
  const exe = target.includes('windows') ? 'sccache.exe' : 'sccache';
  await writeFile(join(dir, exe), `#!/bin/sh\necho "sccache ${version}"\n`, { mode: 0o755 });
  await writeFile(join(dir, 'README.md'), 'sccache\n');
  const archive = join(root, 'build', `${folder}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', join(root, 'build'), folder]);
  const data = await readFile(archive);
  files.set(`/${folder}.tar.gz`, data);
  if (sum !== 'none') {
    const digest = sum === 'right' ? sha256(data) : 'f'.repeat(64);
    files.set(`/${folder}.tar.gz.sha256`, Buffer.from(`${digest}  ${folder}.tar.gz\n`));
  }
}

const request = (fields: Partial<InstallRequest>): InstallRequest => ({
  version: '0.17.0',
  urlTemplate: `${base}/sccache-v{version}-{target}.tar.gz`,
  sha256: '',
  platform: 'linux',
  arch: 'x64',
  ...fields,
});

// Every runner OS and arch GitHub offers, and the archive each one downloads.
const RUNNERS = [
  ['linux', 'x64', 'x86_64-unknown-linux-musl', 'sccache'],
  ['linux', 'arm64', 'aarch64-unknown-linux-musl', 'sccache'],
  ['darwin', 'x64', 'x86_64-apple-darwin', 'sccache'],
  ['darwin', 'arm64', 'aarch64-apple-darwin', 'sccache'],
  ['win32', 'x64', 'x86_64-pc-windows-msvc', 'sccache.exe'],
  ['win32', 'arm64', 'aarch64-pc-windows-msvc', 'sccache.exe'],
] as const;

for (const [platform, arch, target, exe] of RUNNERS) {
  test(`${platform}/${arch}: ${target} from the mirror, checked against the release's own sum, into the tool cache`, async () => {
    assert.equal(releaseTarget(platform, arch), target);
    // One tool cache per runner: on a runner the OS is fixed, and the cache is keyed by version and arch.
    const toolCache = join(root, `tool-cache-${platform}-${arch}`);
    process.env['RUNNER_TOOL_CACHE'] = toolCache;
    await publish('0.17.0', target);
    const installed = await installRelease(request({ platform, arch }));
    assert.equal(installed.source, 'download');
    assert.equal(installed.checkedAgainst, 'release');
    assert.equal(installed.path, join(toolCache, 'sccache', '0.17.0', arch, exe));
    // The next job on this runner finds it there.
    const again = await installRelease(request({ platform, arch }));
    assert.equal(again.source, 'tool-cache');
    assert.equal(again.path, installed.path);
    assert.ok(existsSync(installed.path), installed.path);
  });
}

test('a release sum that does not match the archive stops the install: a security stop, not a fallback', async () => {
  await publish('0.17.1', 'x86_64-unknown-linux-musl', 'wrong');
  await assert.rejects(installRelease(request({ version: '0.17.1' })), (error: unknown) => {
    assert.ok(error instanceof InstallError);
    assert.equal(error.kind, 'checksum');
    return true;
  });
});

test('no .sha256 beside the archive: a download error that names the file', async () => {
  await publish('0.17.2', 'x86_64-unknown-linux-musl', 'none');
  await assert.rejects(installRelease(request({ version: '0.17.2' })), (error: unknown) => {
    assert.ok(error instanceof InstallError);
    assert.equal(error.kind, 'download');
    assert.match(
      error.message,
      /sccache-v0\.17\.2-x86_64-unknown-linux-musl\.tar\.gz\.sha256 could not be read/,
    );
    return true;
  });
});

test('committed sums only: a version without one is refused before anything is downloaded', async () => {
  await publish('0.17.3', 'x86_64-unknown-linux-musl');
  await assert.rejects(
    installRelease(request({ version: '0.17.3', committedSumsOnly: true })),
    (error: unknown) => {
      assert.ok(error instanceof InstallError);
      assert.equal(error.kind, 'unsupported');
      assert.match(error.message, /no committed SHA-256 for sccache 0\.17\.3 .*committed-sums-only/);
      return true;
    },
  );
});

test('a committed sum wins over the release’s own: this mirror’s 0.15.0 is not the real one', async () => {
  const target = 'x86_64-unknown-linux-musl';
  assert.ok(RELEASE_SHA256['0.15.0']?.[target]);
  await publish('0.15.0', target); // its own .sha256 matches the fake archive
  await assert.rejects(installRelease(request({ version: '0.15.0' })), (error: unknown) => {
    assert.ok(error instanceof InstallError);
    assert.equal(error.kind, 'checksum');
    assert.match(error.message, new RegExp(`expected sha256 ${RELEASE_SHA256['0.15.0']![target]}`));
    return true;
  });
});

test('a sum given as input is what the archive is checked against', async () => {
  await publish('0.17.4', 'x86_64-unknown-linux-musl', 'wrong');
  const data = files.get('/sccache-v0.17.4-x86_64-unknown-linux-musl.tar.gz')!;
  const installed = await installRelease(request({ version: '0.17.4', sha256: sha256(data) }));
  assert.equal(installed.checkedAgainst, 'given');
});
