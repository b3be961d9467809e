// Regenerates __tests__/fixtures/logs/real-0.16.0-gha-*.log: real sccache 0.16.0 server logs from
// runs against the loopback cache-service emulator with a fault each (rate limit, a refused startup
// write check, the shut-down v1 service). Run: npx tsx scripts/capture-log-fixtures.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sccacheBinary } from '../__tests__/e2e/tools.js';
import { startCacheService, type CacheServiceOptions } from '../__tests__/emulator/cache-service.js';

const run = (cmd: string, args: string[], env: Record<string, string>, cwd?: string) =>
  new Promise<void>((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, cwd, stdio: 'ignore' });
    child.on('close', () => resolve());
  });

const scenarios: Record<string, CacheServiceOptions & { v2: boolean }> = {
  'rate-limited': { faults: { rateLimit: { uploads: 3, windowMs: 60_000 } }, v2: true },
  'check-write-refused': { faults: { rejectCheckWrite: true }, v2: true },
  'v1-decommissioned': { decommissioned: true, v2: false },
};

const sccache = sccacheBinary('0.16.0');
for (const [name, { v2, ...options }] of Object.entries(scenarios)) {
  const service = await startCacheService(options);
  const dir = mkdtempSync(join(tmpdir(), 'sccache-guard-logs-'));
  const log = join(dir, 'sccache.log');
  const env = {
    SCCACHE_SERVER_PORT: String(await freePort()),
    SCCACHE_IDLE_TIMEOUT: '0',
    SCCACHE_LOG: 'sccache=debug',
    SCCACHE_ERROR_LOG: log,
    SCCACHE_GHA_ENABLED: 'true',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.tokenFor({ ref: 'refs/heads/main' }),
    ...(v2 ? { ACTIONS_CACHE_SERVICE_V2: 'on' } : {}),
  };
  await run(sccache, ['--start-server'], env);
  for (let i = 0; i < 4; i++) {
    writeFileSync(join(dir, `unit${i}.c`), `int unit${i}(void) { return ${i}; }\n`);
    await run(sccache, ['gcc', '-c', `unit${i}.c`, '-o', `unit${i}.o`], env, dir);
  }
  await run(sccache, ['--stop-server'], env);
  await service.close();
  // Stable across runs: the temp dir and the emulator's port.
  const text = readFileSync(log, 'utf8')
    .replaceAll(dir, '/home/runner/work/_temp/demo')
    .replaceAll(service.url, 'http://127.0.0.1:40000/')
    .replaceAll(env.ACTIONS_RUNTIME_TOKEN, '***');
  writeFileSync(new URL(`../__tests__/fixtures/logs/real-0.16.0-gha-${name}.log`, import.meta.url), text);
  rmSync(dir, { recursive: true, force: true });
  console.log(`${name}: ${text.split('\n').length} lines`);
}
