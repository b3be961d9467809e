// The folder both steps keep their files in (the sccache log, the saved stats): under RUNNER_TEMP,
// which the runner empties after the job, so nothing we write outlives it.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** RUNNER_TEMP/sccache-guard (the system temp folder outside a runner), created if missing. */
export async function actionTempDir(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const dir = join(env['RUNNER_TEMP'] || tmpdir(), 'sccache-guard');
  await mkdir(dir, { recursive: true });
  return dir;
}
