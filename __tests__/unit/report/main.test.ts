// The report step's run(), through its deps: a recording core holding the state setup leaves (a
// SetupRecord built by the real plan and record code), real stats fixtures, and recording stores.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { recordKeyPrefix, type RunRecord } from '../../../src/github/run-record.js';
import type { PruneRequest, PruneResult } from '../../../src/github/cache-pruning.js';
import type { RunScope } from '../../../src/github/run-scope.js';
import type { SaveResult } from '../../../src/github/sccache-dir-archive.js';
import { localCacheKeys } from '../../../src/github/sccache-dir-key.js';
import { serializeSetupRecord, STATE, type SetupRecord } from '../../../src/handoff.js';
import { run, type ReportDeps } from '../../../src/report/main.js';
import { readWorkflowJobs } from '../../../src/report/read-workflow.js';
import { SccacheCommandError } from '../../../src/sccache/command.js';
import type { LogFacts } from '../../../src/sccache/log-scanner.js';
import type { ServerEnv } from '../../../src/sccache/server.js';
import { capabilitiesOf, parseVersion } from '../../../src/sccache/version.js';
import { readSettings } from '../../../src/setup/inputs.js';
import { planSetup } from '../../../src/setup/plan.js';
import { buildSetupRecord } from '../../../src/setup/record.js';
import { statsDocument, statsFixture } from '../../fixtures/index.js';
import { FakeCore } from '../fake-core.js';
import { logFacts } from './rules/helpers.js';

const SCCACHE = '/opt/hostedtoolcache/sccache/x64/sccache';
const LABEL = 'build Linux-X64';
const TOKEN = 'ghs_runtime_token_for_the_report_test';
const PUSH = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' };
const PULL_REQUEST = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' };

async function runnerEnv(t: TestContext, extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const temp = await mkdtemp(join(tmpdir(), 'sccache-guard-report-test-'));
  t.after(() => rm(temp, { recursive: true, force: true }));
  return {
    RUNNER_TEMP: temp,
    HOME: '/home/runner',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '2',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...extra,
  };
}

/** What setup would have saved for this job: the real plan, preflight passed at the fixture's location. */
function setupRecordFor(
  fixture: string,
  env: NodeJS.ProcessEnv,
  inputs: Record<string, string> = {},
): SetupRecord {
  const doc = statsDocument(fixture);
  const settings = readSettings((name) => inputs[name] ?? '');
  const version = parseVersion(String(doc['version']));
  const input = {
    settings,
    version,
    capabilities: capabilitiesOf(version),
    sccachePath: SCCACHE,
    env,
    ghaCompiledIn: true,
    logPath: join(env['RUNNER_TEMP']!, 'sccache-guard', 'sccache.log'),
    localCacheDir: '/home/runner/.cache/sccache',
    serverPort: '41234',
  };
  const plan = planSetup(input);
  const localCache =
    plan.backend === 'local'
      ? {
          dir: plan.exports['SCCACHE_DIR']!,
          ...localCacheKeys(env, LABEL),
          restoreNote: 'no earlier archive of this job',
        }
      : undefined;
  return buildSetupRecord({
    startedAt: '2026-11-25T12:00:00.000Z',
    settings,
    sccachePath: SCCACHE,
    sccacheVersion: version.raw,
    planned: plan,
    plan,
    preflight: { ok: true, location: String(doc['cache_location']), fallback: false },
    logPath: input.logPath,
    ...(localCache ? { localCache } : {}),
  });
}

interface Harness {
  readonly core: FakeCore;
  readonly env: NodeJS.ProcessEnv;
  /** Every dep call in order: stats, stop, save-archive, find-record, save-record. */
  readonly events: string[];
  readonly statsCalls: { binary: string; env: ServerEnv }[];
  readonly archives: { dir: string; key: string }[];
  readonly records: { prefix: string; record: RunRecord }[];
  readonly finds: string[];
  readonly prunes: PruneRequest[];
}

interface Options {
  readonly env?: NodeJS.ProcessEnv;
  readonly inputs?: Record<string, string>;
  readonly state?: Record<string, string>;
  /** The stats text, or what showStats throws. */
  readonly stats: string | Error;
  readonly saveResult?: SaveResult;
  readonly scope?: () => Promise<RunScope | undefined>;
  readonly find?: () => Promise<RunRecord | undefined>;
  /** What the sccache server log says; none by default. */
  readonly log?: LogFacts;
  /** What deleting a series' older entries answers; nothing to delete by default. */
  readonly prune?: (request: PruneRequest) => Promise<PruneResult>;
}

async function report(options: Options, env: NodeJS.ProcessEnv): Promise<Harness> {
  const core = new FakeCore(options.inputs ?? {}, options.state ?? {});
  const h: Harness = {
    core,
    env,
    events: [],
    statsCalls: [],
    archives: [],
    records: [],
    finds: [],
    prunes: [],
  };
  const deps: ReportDeps = {
    core,
    env,
    sccache: {
      showStats: async (binary, clientEnv) => {
        h.events.push('stats');
        h.statsCalls.push({ binary, env: clientEnv });
        if (options.stats instanceof Error) throw options.stats;
        return options.stats;
      },
      stopServer: async () => {
        h.events.push('stop');
      },
    },
    readLog: async () => options.log,
    runRecords: {
      find: async (prefix) => {
        h.events.push('find-record');
        h.finds.push(prefix);
        const record = options.find ? await options.find() : undefined;
        return record
          ? { record, key: `${prefix}1-1` }
          : { none: 'no earlier run of this job left a record' };
      },
      save: async (prefix, record) => {
        h.events.push('save-record');
        h.records.push({ prefix, record });
        return { key: `${prefix}${record.runId}-${record.attempt}`, bytes: 812 };
      },
    },
    // The collectors of the run's surroundings: nothing to find in these runs.
    history: {
      toolchain: async () => undefined,
      workspace: async () => ({ facts: {} }),
      wrapperVersion: async () => {
        throw new Error('no wrapper in these runs');
      },
      listCaches: async () => ({ unavailable: 'no listing in these runs' }),
    },
    now: () => new Date('2026-11-25T12:30:00.000Z'),
    saveArchive: async (dir, key) => {
      h.events.push('save-archive');
      h.archives.push({ dir, key });
      return options.saveResult ?? { saved: true };
    },
    pruneOlder: async (request) => {
      h.events.push('prune');
      h.prunes.push(request);
      return options.prune ? options.prune(request) : { deleted: 0, bytes: 0, left: 0 };
    },
    scope:
      options.scope ??
      (async () => ({
        event: env['GITHUB_EVENT_NAME'] ?? 'push',
        ref: env['GITHUB_REF'] ?? 'refs/heads/main',
        defaultBranch: 'main',
      })),
    // The real reader: these runs name no workflow file, so the summary says why it was not read.
    readWorkflow: readWorkflowJobs,
  };
  await assert.doesNotReject(run(deps));
  return h;
}

/** A job whose setup ran (the record built from the fixture's version), reporting that fixture. */
async function jobWithSetup(
  t: TestContext,
  fixture: string,
  {
    env: extra = {},
    setupInputs = {},
    ...rest
  }: Partial<Options> & { setupInputs?: Record<string, string> } = {},
): Promise<Harness & { setup: SetupRecord }> {
  const env = await runnerEnv(t, extra);
  const setup = setupRecordFor(fixture, env, setupInputs);
  const h = await report(
    { stats: statsFixture(fixture), ...rest, state: { [STATE.setupRecord]: serializeSetupRecord(setup) } },
    env,
  );
  return { ...h, setup };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const GHA_PUSH = { ...PUSH, ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: 'https://results.example/' };

test('outputs, annotations and one summary come from the stats (GHA, push)', async (t) => {
  const h = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH });
  assert.equal(h.setup.backend, 'gha', 'the plan chose the GitHub cache');
  const stats = statsDocument('v0.10.json')['stats'];
  const hits = sum(stats.cache_hits.counts);
  const misses = sum(stats.cache_misses.counts);
  assert.equal(hits, 429);
  assert.equal(misses, 378);

  assert.equal(h.core.outputs.get('hits'), String(hits));
  assert.equal(h.core.outputs.get('misses'), String(misses));
  assert.equal(h.core.outputs.get('hit-rate'), '53.1', '429 / 807, one decimal rounded down');
  const findings = JSON.parse(h.core.outputs.get('findings')!) as string[];
  assert.ok(findings.includes('write-errors'), `142 write errors are a finding: ${findings.join(', ')}`);
  const statsPath = h.core.outputs.get('stats-json')!;
  assert.equal(statsPath, join(h.env['RUNNER_TEMP']!, 'sccache-guard', 'sccache-stats.json'));
  assert.equal(await readFile(statsPath, 'utf8'), statsFixture('v0.10.json'), 'the stats, saved as printed');

  assert.equal(h.statsCalls.length, 1);
  assert.equal(h.statsCalls[0]!.binary, SCCACHE, 'the sccache setup used');

  // Annotations: only actionable findings, each titled with its id and the job's label.
  const annotations = [...h.core.errors, ...h.core.warnings, ...h.core.notices];
  assert.ok(annotations.length > 0);
  for (const a of annotations) {
    const match = /^sccache (\S+) \((.+)\)$/.exec(a.properties?.title ?? '');
    assert.ok(match, `titled "sccache <id> (<label>)": ${a.properties?.title}`);
    assert.equal(match[2], LABEL);
    assert.ok(findings.includes(match[1]!), `${match[1]} is among the findings output`);
  }
  assert.ok(h.core.warnings.some((a) => a.properties?.title === `sccache write-errors (${LABEL})`));
  assert.ok(
    !annotations.some((a) => a.properties?.title?.startsWith('sccache expected-non-cacheable')),
    'a notice that is not actionable stays in the summary',
  );

  assert.equal(h.core.summaries.length, 1);
  assert.match(h.core.summaries[0]!, /write-errors|write errors/i);
  assert.doesNotMatch(h.core.summaries[0]!, /Local cache archive/, 'no archive for the GitHub cache');
  assert.equal(h.archives.length, 0);
  // The job's own server is stopped once, after its stats were read: it must not outlive the job.
  assert.deepEqual(
    h.events.filter((e) => e === 'stats' || e === 'stop'),
    ['stats', 'stop'],
  );
  assert.match(
    h.core.summaries[0]!,
    /\| Server \| port 41234, this job's own; stopped at the end of the job \|/,
  );
  assert.ok(h.core.infos.some((l) => l.startsWith('sccache: hit rate 53.1 % (429 hits, 378 misses)')));
});

test('a GHA run on push leaves its run record for the next run', async (t) => {
  const h = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH });
  const prefix = recordKeyPrefix('build', LABEL);
  assert.deepEqual(h.finds, [prefix]);
  assert.equal(h.records.length, 1);
  const { prefix: savedUnder, record } = h.records[0]!;
  assert.equal(savedUnder, prefix);
  assert.deepEqual(
    {
      runId: record.runId,
      attempt: record.attempt,
      namespace: record.namespace,
      hits: record.hits,
      lookups: record.lookups,
    },
    { runId: '4242', attempt: '2', namespace: 'sccache-v0.10.0', hits: 429, lookups: 807 },
  );
  // What went into the keys travels with it, and the summary says where the record went.
  assert.equal(record.inputs.sccacheVersion, '0.10.0');
  assert.equal(record.inputs.namespace, 'sccache-v0.10.0');
  assert.match(h.core.summaries[0]!, new RegExp(`This run's record was saved as \`${prefix}4242-2\``));
});

test('older run records of this job on this ref are deleted once the new one is saved', async (t) => {
  const API_TOKEN = 'ghs_api_token_with_actions_write';
  const h = await jobWithSetup(t, 'v0.10.json', {
    env: { ...GHA_PUSH, GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_API_URL: 'https://api.example' },
    inputs: { 'github-token': API_TOKEN },
    prune: async () => ({ deleted: 2, bytes: 1_624, left: 0 }),
  });
  const prefix = recordKeyPrefix('build', LABEL);
  assert.deepEqual(h.prunes, [
    {
      prefix,
      savedKey: `${prefix}4242-2`,
      ref: 'refs/heads/main',
      token: API_TOKEN,
      repository: 'octo-org/octo-repo',
      apiUrl: 'https://api.example',
      timeoutMs: 5_000,
    },
  ]);
  assert.ok(h.events.indexOf('save-record') < h.events.indexOf('prune'), h.events.join(', '));
  assert.ok(
    h.core.summaries[0]!.includes(
      `This run's record was saved as \`${prefix}4242-2\` (812 B); deleted 2 older records of this job on this ref (1.6 KiB).`,
    ),
  );
  assert.ok(
    h.core.infos.some((l) => l.includes('deleted 2 older records')),
    'one line in the log says it',
  );
  assert.ok(!JSON.stringify(h.core.summaries).includes(API_TOKEN));
});

test('older records are left to GitHub when the token may not delete, there is none, or the API hangs', async (t) => {
  const env = { ...GHA_PUSH, GITHUB_REPOSITORY: 'octo-org/octo-repo' };
  const denied = await jobWithSetup(t, 'v0.10.json', {
    env,
    inputs: { 'github-token': 'ghs_read_only' },
    prune: async () => ({
      unavailable:
        'the github-token may not delete caches; deleting them needs `permissions: actions: write`',
    }),
  });
  assert.match(
    denied.core.summaries[0]!,
    /older records of this job on this ref are left for GitHub to evict after 7 days unused: the github-token may not delete caches;/,
  );
  assert.ok(!denied.core.warnings.some((w) => /record|delete/.test(w.message)), 'a hint, not a warning');

  const tokenless = await jobWithSetup(t, 'v0.10.json', { env });
  assert.deepEqual(tokenless.prunes, [], 'no token: not tried');
  assert.match(
    tokenless.core.summaries[0]!,
    /are left for GitHub to evict after 7 days unused: no github-token\./,
  );

  const thrown = await jobWithSetup(t, 'v0.10.json', {
    env,
    inputs: { 'github-token': 'ghs_x' },
    prune: async () => {
      throw new Error('socket hang up');
    },
  });
  assert.match(
    thrown.core.summaries[0]!,
    /are left for GitHub to evict after 7 days unused: socket hang up\./,
  );
  assert.deepEqual(thrown.core.failures, []);
});

test('no run record when input run-record is false', async (t) => {
  const h = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH, inputs: { 'run-record': 'false' } });
  assert.deepEqual(h.records, []);
  assert.deepEqual(h.finds, [], 'not even looked up');
  assert.equal(h.core.summaries.length, 1, 'the report itself is unchanged');
});

test('no run record for a read-only pull_request run', async (t) => {
  const h = await jobWithSetup(t, 'newest.json', {
    env: { ...GHA_PUSH, ...PULL_REQUEST },
  });
  assert.equal(h.setup.backend, 'gha');
  assert.ok(h.setup.readOnly.wanted && h.setup.readOnly.enforced, 'sccache 0.17 enforces read-only');
  assert.deepEqual(h.records, []);
  assert.equal(h.core.summaries.length, 1);
  assert.equal(h.core.outputs.get('hits'), '917');
});

test('a previous-record lookup that fails is logged and the report goes on', async (t) => {
  const h = await jobWithSetup(t, 'v0.10.json', {
    env: GHA_PUSH,
    find: async () => {
      throw new Error('cache service unavailable');
    },
  });
  assert.equal(h.core.summaries.length, 1);
  assert.match(h.core.summaries[0]!, /No earlier run to compare with: cache service unavailable\./);
  assert.equal(h.records.length, 1);
  assert.ok(!h.core.warnings.some((w) => /unexpectedly/.test(w.message)));
});

const LOCAL_DIR = '/home/runner/work/_temp/0.16.0/cache';

test('the local archive is saved when the run wrote objects, after the server is stopped', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR },
    saveResult: { saved: true, size: { bytes: 12_897_484, exact: true } },
  });
  assert.equal(h.setup.backend, 'local');
  assert.equal(statsDocument('real-0.16.0-rust-cold.json')['stats'].cache_writes, 2);
  const key = localCacheKeys(h.env, LABEL).key;
  assert.deepEqual(h.archives, [{ dir: LOCAL_DIR, key }]);
  assert.deepEqual(h.events.slice(0, 1), ['stats']);
  const stop = h.events.indexOf('stop');
  assert.ok(stop > 0, `the server is stopped after its stats were read: ${h.events.join(', ')}`);
  assert.ok(
    stop < h.events.indexOf('save-archive'),
    `stopped before the archive is made: ${h.events.join(', ')}`,
  );

  assert.equal(h.core.summaries.length, 1);
  const summary = h.core.summaries[0]!;
  assert.match(summary, /\| Local cache archive \| `/);
  // How much the job added to the repository's cache, and why it saved.
  assert.ok(summary.includes(`saved as \`${key}\` (12.3 MiB): this run stored 2 new objects`), summary);
  assert.ok(summary.includes('nothing restored (no earlier archive of this job)'));
  assert.match(summary, /This run's record was saved as `[^`]+` \(812 B\)[.;]/);
  // The key explained, as rust-cache explains its own: its parts, and the prefix a restore looks for.
  const prefix = localCacheKeys(h.env, LABEL).restorePrefix;
  assert.ok(
    summary.includes(
      `| Archive key | \`${key}\`: the runner's OS and architecture, the job id with a hash of it and the job label`,
    ),
    summary,
  );
  assert.ok(summary.includes(`newest entry whose key starts with \`${prefix}\`, this ref's first`), summary);
  assert.match(summary, /\| Cache size limit \| `2G` \(`SCCACHE_CACHE_SIZE`, the `cache-size` input\)/);
  // Every job leaves a record of its key inputs; only the GitHub cache has a namespace in it.
  assert.equal(h.records.length, 1);
  assert.equal(h.records[0]!.record.namespace, undefined);
});

test('older archives of this job on this ref are deleted after the new one is saved, not before', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR, GITHUB_REPOSITORY: 'octo-org/octo-repo' },
    inputs: { 'github-token': 'ghs_write' },
    saveResult: { saved: true, size: { bytes: 12_897_484, exact: true } },
    prune: async (request) =>
      request.prefix.startsWith('sccache-guard-dir-')
        ? { deleted: 1, bytes: 11_000_000, left: 0 }
        : { deleted: 0, bytes: 0, left: 0 },
  });
  const keys = localCacheKeys(h.env, LABEL);
  const archivePrune = h.prunes.find((p) => p.prefix === keys.restorePrefix);
  assert.deepEqual(archivePrune && { savedKey: archivePrune.savedKey, ref: archivePrune.ref }, {
    savedKey: keys.key,
    ref: 'refs/heads/main',
  });
  assert.ok(h.events.indexOf('save-archive') < h.events.indexOf('prune'), h.events.join(', '));
  const summary = h.core.summaries[0]!;
  assert.ok(
    summary.includes(
      'this run stored 2 new objects; deleted 1 older archive of this job on this ref (10.5 MiB)',
    ),
    summary,
  );
  // Nothing older to delete: the record line says nothing about it.
  assert.match(summary, /This run's record was saved as `[^`]+` \(812 B\)\./);
});

test('an archive that was not saved deletes nothing', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR, GITHUB_REPOSITORY: 'octo-org/octo-repo' },
    inputs: { 'github-token': 'ghs_write', 'run-record': 'false' },
    saveResult: { saved: false, reason: 'the cache service answered 429' },
  });
  assert.deepEqual(h.prunes, []);
});

test('an archive the cache service refuses is reported, not thrown', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR },
    saveResult: { saved: false, reason: 'the GitHub cache service is not available' },
  });
  assert.equal(h.archives.length, 1);
  assert.match(h.core.summaries[0]!, /not saved: the GitHub cache service is not available/);
  assert.ok(!h.core.warnings.some((w) => /unexpectedly/.test(w.message)));
});

test('no archive for a read-only run, and the summary says why', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PULL_REQUEST, SCCACHE_DIR: LOCAL_DIR },
  });
  assert.equal(h.setup.backend, 'local');
  assert.ok(h.setup.readOnly.wanted && h.setup.readOnly.enforced);
  assert.deepEqual(h.archives, []);
  assert.equal(
    h.events.filter((e) => e === 'stop').length,
    1,
    'only the end-of-job stop: nothing to archive',
  );
  assert.equal(h.core.summaries.length, 1);
  assert.match(h.core.summaries[0]!, /\| Local cache archive \| `/);
  assert.match(h.core.summaries[0]!, /not saved: read-only run/);
});

test('no archive when the run stored nothing new, and the summary says why', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-warm.json', { env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR } });
  assert.equal(statsDocument('real-0.16.0-rust-warm.json')['stats'].cache_writes, 0);
  assert.deepEqual(h.archives, []);
  assert.equal(h.events.filter((e) => e === 'stop').length, 1, 'only the end-of-job stop');
  assert.match(h.core.summaries[0]!, /not saved: this run stored no new objects/);
  assert.equal(h.core.outputs.get('hit-rate'), '100.0');
});

test('save: never keeps a run that stored objects from saving; always saves one that stored none', async (t) => {
  const never = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR },
    inputs: { save: 'never' },
  });
  assert.deepEqual(never.archives, []);
  assert.match(never.core.summaries[0]!, /not saved: `save: never`/);

  const always = await jobWithSetup(t, 'real-0.16.0-rust-warm.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR },
    inputs: { save: 'always' },
    // @actions/cache said nothing of the size: the directory was measured instead.
    saveResult: { saved: true, size: { bytes: 3 * 2 ** 20, exact: false } },
  });
  assert.equal(always.archives.length, 1);
  assert.match(
    always.core.summaries[0]!,
    /saved as `[^`]+` \(about 3\.0 MiB, the directory before packing\): `save: always`/,
  );

  const readOnly = await jobWithSetup(t, 'real-0.16.0-rust-cold.json', {
    env: { ...PULL_REQUEST, SCCACHE_DIR: LOCAL_DIR },
    inputs: { save: 'always' },
  });
  assert.deepEqual(readOnly.archives, [], 'always still never saves a read-only run');
  assert.match(readOnly.core.summaries[0]!, /not saved: read-only run/);
});

test('a variable setup found invalid is left out of the stats client environment', async (t) => {
  const h = await jobWithSetup(t, 'real-0.16.0-rust-warm.json', {
    env: { ...PUSH, SCCACHE_DIR: LOCAL_DIR, SCCACHE_GHA_ENABLED: 'yes' },
  });
  assert.ok(h.setup.environment.invalid.some((i) => i.name === 'SCCACHE_GHA_ENABLED'));
  assert.equal(h.statsCalls[0]!.env['SCCACHE_GHA_ENABLED'], undefined);
  assert.equal(h.statsCalls[0]!.env['SCCACHE_DIR'], LOCAL_DIR, 'the rest of the environment is passed');
});

test('sccache missing: one warning, empty outputs, a problem summary', async (t) => {
  const env = await runnerEnv(t, PUSH);
  const h = await report(
    {
      stats: new SccacheCommandError(
        'sccache was not found (/tc/sccache): no such file on PATH',
        'missing-binary',
      ),
      // Setup stopped after finding the binary, before its record.
      state: { [STATE.sccachePath]: '/tc/sccache' },
    },
    env,
  );
  assert.equal(h.statsCalls[0]!.binary, '/tc/sccache', 'the binary setup found');
  assert.equal(h.core.warnings.length, 1);
  assert.equal(h.core.warnings[0]!.properties?.title, `sccache-guard report (${LABEL})`);
  assert.match(h.core.warnings[0]!.message, /^sccache was not found .* Install sccache before this action/);
  assert.deepEqual(h.core.errors, []);
  assert.deepEqual(h.core.failures, [], 'the report never fails the job');
  assert.deepEqual(Object.fromEntries(h.core.outputs), {
    'hit-rate': '',
    hits: '',
    misses: '',
    findings: '[]',
    'stats-json': '',
  });
  assert.equal(h.core.summaries.length, 1);
  assert.match(h.core.summaries[0]!, /^## sccache · build Linux-X64: no report/);
  assert.match(h.core.summaries[0]!, /make sure it is on PATH/);
});

test('without any state the report asks the sccache on PATH', async (t) => {
  const env = await runnerEnv(t, PUSH);
  const h = await report({ stats: new SccacheCommandError('`sccache --show-stats` failed', 'failed') }, env);
  assert.equal(h.statsCalls[0]!.binary, 'sccache');
  assert.equal(h.core.warnings.length, 1);
  assert.match(h.core.warnings[0]!.message, /The sccache server may have failed or been stopped/);
});

const GARBAGE: [string, RegExp][] = [
  ['not json', /\$: no "Compile requests" line/],
  ['{"stats": {"compile_requests": "many"}}', /\$\.stats\.compile_requests: .*expected number/],
];

for (const [text, problem] of GARBAGE) {
  test(`stats the report cannot read (${text}): a warning naming the problem`, async (t) => {
    const env = await runnerEnv(t, PUSH);
    const h = await report({ stats: text }, env);
    assert.equal(h.core.warnings.length, 1);
    const warning = h.core.warnings[0]!.message;
    assert.match(warning, /^sccache printed stats this report cannot read: /);
    assert.match(warning, problem);
    const statsPath = h.core.outputs.get('stats-json')!;
    assert.ok(warning.includes(statsPath), 'the warning points at the saved output');
    assert.equal(await readFile(statsPath, 'utf8'), text);
    assert.equal(h.core.outputs.get('hits'), '');
    assert.equal(h.core.outputs.get('findings'), '[]');
    assert.equal(h.core.summaries.length, 1);
    assert.match(h.core.summaries[0]!, /## sccache · [^\n]*: no report/);
  });
}

test('an unexpected error of a dep becomes one warning, and run() resolves', async (t) => {
  const h = await jobWithSetup(t, 'v0.10.json', {
    env: GHA_PUSH,
    scope: async () => {
      throw new Error('the event file is not JSON');
    },
  });
  assert.equal(h.core.warnings.length, 1);
  assert.match(
    h.core.warnings[0]!.message,
    /^sccache-guard report failed unexpectedly: the event file is not JSON\. This is a bug in sccache-guard/,
  );
  assert.deepEqual(h.core.failures, []);
  assert.equal(h.core.summaries.length, 1, 'a summary says what happened');
  assert.match(h.core.summaries[0]!, /^## sccache · [^\n]*: no report/);
  assert.match(h.core.summaries[0]!, /the event file is not JSON/);
  assert.equal(h.core.outputs.get('findings'), '[]');
});

test('after a setup that failed on a bad input, the report says so, not "no compile requests"', async (t) => {
  const env = await runnerEnv(t, PUSH);
  const h = await report(
    {
      stats: statsFixture('v0.10.json'),
      state: { [STATE.setupFailure]: 'input run-record: "nope" is not a boolean (true or false)' },
    },
    env,
  );
  assert.equal(h.statsCalls.length, 0, 'no server of ours to ask');
  assert.equal(h.core.warnings.length, 1);
  assert.match(
    h.core.warnings[0]!.message,
    /^sccache-guard setup failed, so the build ran without sccache-guard: input run-record: "nope" is not a boolean/,
  );
  assert.match(h.core.summaries[0]!, /setup failed/);
  assert.deepEqual(h.core.failures, []);
});

test('credentials never reach the summary, the outputs or the saved stats, even where redact() cannot see them', async (t) => {
  // A password with a quote: redact() ends a URL there, so only the exact-value scrub catches it.
  const password = "it's-a-s3cret";
  const env = await runnerEnv(t, { ...PUSH, SCCACHE_REDIS: `redis://ci:${password}@127.0.0.1:6379` });
  const doc = JSON.parse(statsFixture('v0.10.json'));
  doc.cache_location = `Redis: redis://ci:${password}@127.0.0.1:6379`;
  const h = await report({ stats: JSON.stringify(doc) }, env);
  assert.ok(h.core.secrets.includes(password), 'masked in the runner log');
  const saved = await readFile(h.core.outputs.get('stats-json')!, 'utf8');
  for (const text of [saved, ...h.core.summaries, ...h.core.printed(), ...h.core.outputs.values()]) {
    assert.ok(!text.includes(password), text.slice(0, 200));
  }
  assert.equal(JSON.parse(saved).stats.compile_requests, doc.stats.compile_requests, 'still the stats');
});

test('summary: compact writes the headline and the findings to act on; off writes none', async (t) => {
  const full = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH });
  const compact = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH, inputs: { summary: 'compact' } });
  const off = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH, inputs: { summary: 'off' } });
  const [fullText, compactText] = [full.core.summaries[0]!, compact.core.summaries[0]!];
  assert.equal(compactText.split('\n')[0], fullText.split('\n')[0], 'the same headline');
  assert.match(compactText, /### To fix/);
  assert.doesNotMatch(compactText, /<details>|Setup|All counters|Cache/);
  assert.ok(compactText.length < fullText.length / 2, `${compactText.length} of ${fullText.length} bytes`);
  assert.doesNotMatch(compactText, /never cached, as expected/, 'notices stay out of compact');
  assert.deepEqual(off.core.summaries, []);
  const withoutPath = (outputs: Map<string, string>) => [...outputs].filter(([k]) => k !== 'stats-json');
  assert.deepEqual(
    withoutPath(off.core.outputs),
    withoutPath(full.core.outputs),
    'the same outputs in every mode',
  );
});

/**
 * min-hit-rate through run(): the first run of the job (no record) leaves the record a second run,
 * with the same setup, stats and log, finds: that one's cache should have been warm.
 */
async function secondRun(
  t: TestContext,
  options: Partial<Options> & { edit?: (record: RunRecord) => RunRecord } = {},
): Promise<{ first: Harness; second: Harness }> {
  const { edit = (r) => r, ...rest } = options;
  const inputs = { 'min-hit-rate': '80' };
  const first = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH, inputs, ...rest });
  const record = first.records[0]?.record;
  assert.ok(record, 'the first run left its record');
  const second = await jobWithSetup(t, 'v0.10.json', {
    env: GHA_PUSH,
    inputs,
    ...rest,
    find: async () => edit(record),
  });
  return { first, second };
}

/** The summary's text as a reader sees it: Markdown escapes removed. */
const plainSummary = (h: Harness): string => (h.core.summaries[0] ?? '').replace(/\\(.)/g, '$1');

test('min-hit-rate: a warm run under the floor fails the job, naming the rate, the floor and the finding', async (t) => {
  const { first, second } = await secondRun(t);
  // The first run had no earlier record: cold, so never failed; the summary says why.
  assert.deepEqual(first.core.failures, []);
  assert.match(
    plainSummary(first),
    /min-hit-rate 80 % not applied \(hit rate 53\.1 %\): no earlier run of this job left a record/,
  );
  assert.equal(second.core.failures.length, 1, 'one setFailed');
  const message = second.core.failures[0]!;
  // write-errors is the first actionable finding (warnings first, in rule order); not an outage.
  assert.equal(
    message,
    'sccache hit rate 53.1 % is under min-hit-rate 80 %: 142 of 378 cache writes failed (37.5 %) (write-errors)',
  );
  // After everything else: the summary, the outputs and the record are there as always.
  assert.equal(second.core.calls.at(-1)?.method, 'setFailed');
  assert.ok(plainSummary(second).includes(message), 'the summary says why the job failed');
  assert.equal(second.core.outputs.get('hit-rate'), '53.1');
  assert.equal(second.records.length, 1);
});

test('min-hit-rate: not failed when unset, above the floor, after a change, or when the cache failed', async (t) => {
  const unset = await jobWithSetup(t, 'v0.10.json', { env: GHA_PUSH });
  assert.deepEqual(unset.core.failures, []);
  assert.doesNotMatch(plainSummary(unset), /min-hit-rate/, 'no floor, no word of it');

  const met = await secondRun(t, { inputs: { 'min-hit-rate': '50' } });
  assert.deepEqual(met.second.core.failures, []);
  assert.match(plainSummary(met.second), /min-hit-rate 50 % met: hit rate 53\.1 %/);

  // The earlier run built with other RUSTFLAGS: its entries are not this run's keys.
  const changed = await secondRun(t, {
    edit: (r) => ({ ...r, inputs: { ...r.inputs, env: { RUSTFLAGS: { value: '-C debuginfo=0' } } } }),
  });
  assert.deepEqual(changed.second.core.failures, []);
  assert.match(
    plainSummary(changed.second),
    /min-hit-rate 80 % not applied \(hit rate 53\.1 %\): 1 input of sccache's keys changed since run 4242 \(RUSTFLAGS\)/,
  );

  // The service went away during the build: reads and writes got no answer.
  const down = await secondRun(t, { log: logFacts('real-0.16.0-fault-killed-mid-build.log') });
  assert.deepEqual(down.second.core.failures, []);
  assert.match(
    plainSummary(down.second),
    /min-hit-rate 80 % not applied \(hit rate 53\.1 %\): the cache failed this run: .+ \(cache-unreachable\)/,
  );

  // A value setup would have refused is no floor in the report: it never fails on what it cannot read.
  const bad = await secondRun(t, { inputs: { 'min-hit-rate': 'eighty' } });
  assert.deepEqual(bad.second.core.failures, []);
});
