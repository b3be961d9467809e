import { createRequire as __sccacheGuardCreateRequire } from 'node:module';
const require = __sccacheGuardCreateRequire(import.meta.url);
import {
  ELLIPSIS,
  MAX_MESSAGE_CHARS,
  MAX_TITLE_CHARS,
  SccacheCommandError,
  actionTempDir,
  archiveSize,
  binaryVersion,
  clipChars,
  credentialsToMask,
  loadActionsCache,
  maskSecrets,
  parseBooleanInput,
  quietly,
  reasonFrom,
  runnerCore,
  saveLocalCache,
  secretScrubber,
  showStats,
  stopServer
} from "./chunks/chunk-OEAPNUSU.js";
import {
  MAX_NAMED_CRATES,
  MAX_RECORD_BYTES,
  RECORD_PATH,
  analyzeParsed,
  archiveOutcome,
  buildFacts,
  counted,
  currentScope,
  decideArchive,
  describeArchive,
  formatBytes,
  formatPercent,
  isStatsText,
  keyInputs,
  listed,
  parseRecord,
  parseRustcVerbose,
  parseStatsOutput,
  readWorkflowJobs,
  recordKey,
  recordKeyPrefix,
  renderCompactSummary,
  renderOutputs,
  renderProblemSummary,
  renderSummary,
  versionToJudge,
  workflowLineLink,
  workflowOfRun
} from "./chunks/chunk-4KIBQITS.js";
import {
  STATE,
  StatsParseError,
  jobLabel,
  minHitRate,
  parseSetupRecord,
  readLogFacts,
  redact,
  savePolicy,
  summaryMode
} from "./chunks/chunk-5TDCXFJY.js";
import "./chunks/chunk-WNTFJ6RJ.js";
import "./chunks/chunk-RN2O6YCG.js";
import "./chunks/chunk-D4AV52TM.js";
import "./chunks/chunk-FAMDIZ22.js";

// src/report/main.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join as join3 } from "node:path";

// src/github/rest-client.ts
async function restClient(target, signal) {
  const [owner, repo, extra] = target.repository.split("/");
  if (!owner || !repo || extra !== void 0)
    return { unavailable: `GITHUB_REPOSITORY "${target.repository}" is not owner/name` };
  let getOctokit;
  try {
    ({ getOctokit } = await import("./chunks/github-ERCTULDA.js"));
  } catch (error) {
    return { unavailable: `@actions/github could not load: ${error.message.split("\n")[0]}` };
  }
  const octokit = getOctokit(target.token, {
    // Octokit joins paths to it as given: a trailing slash would make them `//repos/…`.
    ...target.apiUrl ? { baseUrl: target.apiUrl.replace(/\/+$/, "") } : {},
    request: { signal, retries: 0 }
  });
  return { octokit, owner, repo };
}
var statusOf = (error) => error.status;
function restFailure(error, signal, timeoutMs, what) {
  if (signal.aborted) return `${what} did not answer within ${timeoutMs / 1e3} s`;
  return `${what} failed: ${error.message.split("\n")[0]}`;
}

// src/github/cache-listing.ts
var REPOSITORY_QUOTA_BYTES = 10 * 1024 ** 3;
var SCCACHE_KEY_PREFIX = "sccache/";
var MAX_PAGES = 20;
var PER_PAGE = 100;
async function listNamespace(request) {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const client = await restClient(request, signal);
  if ("unavailable" in client) return client;
  const { octokit, owner, repo } = client;
  try {
    const perRef = /* @__PURE__ */ new Map();
    let oldest;
    let pages = 0;
    let truncated = false;
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.getActionsCacheList, {
      owner,
      repo,
      key: SCCACHE_KEY_PREFIX,
      per_page: PER_PAGE
    })) {
      for (const entry of page.data) {
        if (entry.version !== request.version || !entry.ref || entry.key?.endsWith("/.sccache_check"))
          continue;
        const counts = perRef.get(entry.ref) ?? { entries: 0, bytes: 0 };
        counts.entries++;
        counts.bytes += entry.size_in_bytes ?? 0;
        perRef.set(entry.ref, counts);
        if (entry.last_accessed_at && (!oldest || entry.last_accessed_at < oldest))
          oldest = entry.last_accessed_at;
      }
      if (++pages >= MAX_PAGES) {
        truncated = true;
        break;
      }
    }
    const usage = await octokit.rest.actions.getActionsCacheUsage({ owner, repo }).then((r) => r.data.active_caches_size_in_bytes).catch(() => void 0);
    return {
      listing: {
        byRef: [...perRef].map(([ref, c]) => ({ ref, ...c })).sort((a, b) => b.entries - a.entries || a.ref.localeCompare(b.ref)),
        ...oldest ? { oldestAccess: oldest } : {},
        ...usage !== void 0 ? { repositoryBytes: usage } : {},
        quotaBytes: REPOSITORY_QUOTA_BYTES,
        truncated
      }
    };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 401)
      return { unavailable: "the token may not list caches (the job needs `permissions: actions: read`)" };
    if (status === 404) return { unavailable: "this GitHub has no cache listing API (GHES before 3.8?)" };
    return { unavailable: restFailure(error, signal, request.timeoutMs, "the cache listing") };
  }
}

// src/github/cache-pruning.ts
var PER_PAGE2 = 100;
var MAX_DELETIONS = 20;
var inSeries = (prefix, key) => key !== void 0 && key.startsWith(prefix) && /^\d+-\d+$/.test(key.slice(prefix.length));
function olderThanSaved(listing, request) {
  const series = listing.filter((e) => e.ref === request.ref && inSeries(request.prefix, e.key));
  const saved = series.findIndex((e) => e.key === request.savedKey);
  if (saved < 0) return [];
  return series.slice(saved + 1).filter((e) => typeof e.id === "number" && e.key !== request.savedKey).map((e) => ({ id: e.id, bytes: e.size_in_bytes ?? 0 }));
}
async function pruneOlderEntries(request) {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const client = await restClient(request, signal);
  if ("unavailable" in client) return client;
  const { octokit, owner, repo } = client;
  let stage = "the cache listing";
  try {
    const page = await octokit.rest.actions.getActionsCacheList({
      owner,
      repo,
      key: request.prefix,
      ref: request.ref,
      sort: "created_at",
      direction: "desc",
      per_page: PER_PAGE2
    });
    const older = olderThanSaved(page.data.actions_caches, request);
    const now = older.slice(0, MAX_DELETIONS);
    let deleted = 0;
    let bytes = 0;
    stage = "deleting an older entry";
    for (const entry of now) {
      try {
        await octokit.rest.actions.deleteActionsCacheById({ owner, repo, cache_id: entry.id });
        deleted++;
        bytes += entry.bytes;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return { deleted, bytes, left: older.length - now.length };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) return { unavailable: "the API refused the github-token (401)" };
    if (status === 403)
      return {
        unavailable: `the github-token may not ${stage === "the cache listing" ? "list" : "delete"} caches; deleting them needs \`permissions: actions: write\``
      };
    if (status === 404) return { unavailable: "this GitHub has no cache API (GHES before 3.8?)" };
    return { unavailable: restFailure(error, signal, request.timeoutMs, stage) };
  }
}

// src/github/run-record-store.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

// src/github/cache-entry-client.ts
var SERVICE = "github.actions.results.api.v1.CacheService";
function v2Endpoint(env) {
  const flag = (env["ACTIONS_CACHE_SERVICE_V2"] ?? "").toLowerCase();
  const resultsUrl = env["ACTIONS_RESULTS_URL"];
  const token = env["ACTIONS_RUNTIME_TOKEN"];
  if (!["true", "1", "on", "yes"].includes(flag) || !resultsUrl || !token) return void 0;
  return { resultsUrl, token };
}
var CacheEntryError = class extends Error {
  constructor(message) {
    super(redact(message));
    this.name = "CacheEntryError";
  }
};
async function call(what, url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = error.cause?.code;
    const reason = error.name === "TimeoutError" ? "no answer in time" : cause ?? error.message;
    throw new CacheEntryError(`${what} failed: ${reason}`);
  }
}
async function twirp(endpoint, method, body, signal) {
  const url = new URL(`twirp/${SERVICE}/${method}`, endpoint.resultsUrl.replace(/\/?$/, "/"));
  const response = await call(method, url, {
    method: "POST",
    headers: { authorization: `Bearer ${endpoint.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal
  });
  const text = await response.text();
  if (!response.ok) {
    const message = /"msg"\s*:\s*"([^"]{0,200})"/.exec(text)?.[1] ?? text.slice(0, 200);
    throw new CacheEntryError(
      `${method} answered ${response.status}${response.status === 429 ? " (rate limited)" : ""}: ${message}`
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CacheEntryError(`${method} answered ${response.status} with a body that is not JSON`);
  }
}
async function downloadEntry(endpoint, request) {
  const answer = await twirp(
    endpoint,
    "GetCacheEntryDownloadURL",
    { key: request.key, restore_keys: request.restoreKeys, version: request.version },
    request.signal
  );
  if (!answer.ok || !answer.signed_download_url) return void 0;
  const blob = await call("the download", answer.signed_download_url, { signal: request.signal });
  if (!blob.ok) throw new CacheEntryError(`the download answered ${blob.status}`);
  const declared = Number(blob.headers.get("content-length") ?? NaN);
  if (declared > request.maxBytes) {
    await blob.body?.cancel();
    throw new CacheEntryError(`the entry is ${declared} bytes, more than ${request.maxBytes}`);
  }
  const body = Buffer.from(await blob.arrayBuffer());
  if (body.length > request.maxBytes)
    throw new CacheEntryError(`the entry is ${body.length} bytes, more than ${request.maxBytes}`);
  return { matchedKey: answer.matched_key || request.key, body };
}
async function uploadEntry(endpoint, request) {
  const { key, version, signal, body } = request;
  const created = await twirp(
    endpoint,
    "CreateCacheEntry",
    { key, version },
    signal
  );
  if (!created.ok || !created.signed_upload_url) {
    throw new CacheEntryError(
      `the cache service did not create the entry${created.message ? `: ${created.message}` : " (it may exist already)"}`
    );
  }
  const put = await call("the upload", created.signed_upload_url, {
    method: "PUT",
    headers: { "x-ms-blob-type": "BlockBlob", "content-type": "application/octet-stream" },
    body,
    signal
  });
  if (!put.ok) throw new CacheEntryError(`the upload answered ${put.status}`);
  const finalized = await twirp(
    endpoint,
    "FinalizeCacheEntryUpload",
    { key, version, size_bytes: String(body.length) },
    signal
  );
  if (!finalized.ok) {
    throw new CacheEntryError(
      `the cache service did not finalize the entry${finalized.message ? `: ${finalized.message}` : ""}`
    );
  }
  return { bytes: body.length };
}

// src/github/run-record-store.ts
var recordFile = () => join(homedir(), RECORD_PATH.slice(2));
var RAW_RECORD_VERSION = createHash("sha256").update("sccache-guard run record, raw JSON").digest("hex");
var CALL_TIMEOUT_MS = 1e4;
function parsedFrom(key, text) {
  const parsed = parseRecord(text);
  return "invalid" in parsed ? { none: `the record under ${key} is not readable (${parsed.invalid})` } : { record: parsed, key };
}
async function findPreviousRecord(prefix) {
  const endpoint = v2Endpoint(process.env);
  if (endpoint) {
    try {
      const found = await downloadEntry(endpoint, {
        key: `${prefix}~none`,
        restoreKeys: [prefix],
        version: RAW_RECORD_VERSION,
        maxBytes: MAX_RECORD_BYTES,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS)
      });
      if (!found) return { none: "no earlier run of this job left a record" };
      return parsedFrom(found.matchedKey, found.body.toString("utf8"));
    } catch (error) {
      return { none: `the lookup failed: ${error.message}` };
    }
  }
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable()) return { none: "the GitHub cache service is not available to this step" };
  const file = recordFile();
  await rm(file, { force: true });
  const { result: key, voice } = await quietly(
    () => cache.restoreCache([RECORD_PATH], `${prefix}~none`, [prefix])
  );
  if (!key) {
    return voice.complaints.length ? { none: `the lookup failed: ${reasonFrom(voice, "no answer")}` } : { none: "no earlier run of this job left a record" };
  }
  const size = (await stat(file)).size;
  if (size > MAX_RECORD_BYTES) return { none: `the record under ${key} is ${size} bytes: not one of ours` };
  return parsedFrom(key, await readFile(file, "utf8"));
}
async function saveRecord(prefix, record) {
  const key = recordKey(prefix, record);
  const json = JSON.stringify(record);
  const file = recordFile();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, json);
  const endpoint = v2Endpoint(process.env);
  if (endpoint) {
    const { bytes } = await uploadEntry(endpoint, {
      key,
      version: RAW_RECORD_VERSION,
      body: Buffer.from(json),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS)
    });
    return { key, bytes };
  }
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable()) throw new Error("the GitHub cache service is not available to this step");
  const { result: id, voice } = await quietly(() => cache.saveCache([RECORD_PATH], key));
  if (id === -1) throw new Error(reasonFrom(voice, "the cache service did not accept it"));
  const size = archiveSize(voice);
  return { key, ...size ? { bytes: size.bytes } : {} };
}

// src/util/redact-json.ts
var QUOTE = 34;
var BACKSLASH = 92;
function redactJsonStrings(text) {
  try {
    JSON.parse(text);
  } catch {
    return redact(text);
  }
  const parts = [];
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== QUOTE) {
      i++;
      continue;
    }
    let end = i + 1;
    while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
    const literal = text.slice(i, end + 1);
    const value = JSON.parse(literal);
    const cleaned = redact(value);
    if (cleaned !== value) {
      parts.push(text.slice(copiedUpTo, i), JSON.stringify(cleaned));
      copiedUpTo = end + 1;
    }
    i = end + 1;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

// src/util/deadline.ts
function withinBudget(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1e3} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// src/report/history.ts
var HISTORY_TIMEOUT_MS = 5e3;
async function collectHistory(deps, request) {
  const env = deps.env;
  const setup = request.setup;
  const notes = [];
  const storeUsable = setup !== void 0 && setup.preflight.ok && !setup.preflight.fallback;
  let previousRun;
  if (request.recordPrefix && storeUsable) {
    const found = await withinBudget(
      deps.findRecord(request.recordPrefix),
      HISTORY_TIMEOUT_MS,
      "the run record lookup"
    ).catch((error) => ({ none: redact(error.message) }));
    if ("record" in found) previousRun = found.record;
    else notes.push(`No earlier run to compare with: ${found.none}.`);
  } else if (request.recordPrefix && setup) {
    notes.push("No earlier run looked up: the store failed its preflight or setup fell back to local disk.");
  }
  const workspaceDir = env["GITHUB_WORKSPACE"] || process.cwd();
  const snapshot = await deps.workspace(workspaceDir, env["CARGO_TARGET_DIR"] || `${workspaceDir}/target`, setup?.startedAt).catch(() => void 0);
  const toolchain = await deps.toolchain(request.log?.rustcPath, env).catch(() => void 0);
  const inputs = keyInputs({
    env,
    sccacheVersion: request.stats.version ?? setup?.sccacheVersion ?? "unknown",
    ...request.namespace ? { namespace: request.namespace } : {},
    ...toolchain ? { toolchain } : {},
    logTargets: request.log?.targets ?? [],
    ...request.job ? { job: request.job } : {},
    workingDirectory: workspaceDir,
    ...snapshot?.cargoLockSha256 ? { cargoLockSha256: snapshot.cargoLockSha256 } : {},
    secrets: request.secrets
  });
  let wrapper;
  const wrapperPath = env["RUSTC_WRAPPER"];
  if (setup && wrapperPath && wrapperPath !== setup.sccachePath && wrapperPath !== "sccache") {
    const version = await deps.wrapperVersion(wrapperPath).then(
      (v) => v.raw,
      () => void 0
    );
    wrapper = { path: wrapperPath, ...version ? { version } : {} };
  }
  let cacheListing;
  const repository = env["GITHUB_REPOSITORY"];
  const missed = Object.values(request.stats.cacheMisses).some((count) => count > 0);
  if (setup?.backend === "gha" && request.namespaceVersion && repository && missed) {
    if (!request.githubToken) {
      notes.push("What the cache holds was not listed: no github-token.");
    } else {
      const listed2 = await deps.listCaches({
        token: request.githubToken,
        repository,
        ...env["GITHUB_API_URL"] ? { apiUrl: env["GITHUB_API_URL"] } : {},
        version: request.namespaceVersion,
        timeoutMs: HISTORY_TIMEOUT_MS
      }).catch((error) => ({ unavailable: `the cache listing failed: ${error.message}` }));
      if ("listing" in listed2) cacheListing = listed2.listing;
      else notes.push(`What the cache holds was not listed: ${redact(listed2.unavailable)}.`);
    }
  }
  const clean = (note) => request.secrets.filter((s) => s.length >= 4).reduce((text, secret) => text.replaceAll(secret, "***"), note);
  return {
    ...previousRun ? { previousRun } : {},
    inputs,
    ...snapshot ? { workspace: snapshot.facts } : {},
    ...wrapper ? { wrapper } : {},
    ...cacheListing ? { cacheListing } : {},
    notes: notes.map(clean)
  };
}

// src/report/hit-rate-floor.ts
var OUTAGES = /* @__PURE__ */ new Set([
  "cache-unreachable",
  "cache-timeouts",
  "backend-fallback",
  "server-restarted"
]);
function isOutage(finding, facts) {
  if (OUTAGES.has(finding.id)) return true;
  switch (finding.id) {
    case "read-only-cache":
      return !facts.readOnlyByDesign && facts.log?.storageCheck?.result !== "read-only (manually set)";
    case "cache-errors":
      return finding.severity !== "notice";
    case "foreign-server":
      return facts.setup?.foreignServer?.namedByJob === true;
    default:
      return false;
  }
}
function whyNotWarm(facts) {
  const previous = facts.previousRun;
  if (!previous) return "no earlier run of this job left a record (run-record) to call this one warm";
  const kind = facts.comparedWith?.kind;
  if (kind !== "this ref" && kind !== "the default branch") {
    return `the earlier run ${previous.runId} was on ${previous.ref} (${kind ?? "another ref"}), not this ref or the default branch`;
  }
  if (previous.lookups === 0)
    return `the earlier run ${previous.runId} looked nothing up, so it warmed nothing`;
  if ((previous.namespace ?? "") !== (facts.namespace ?? "")) {
    const name = (ns) => ns ?? "not the GitHub cache";
    return `the cache namespace changed since run ${previous.runId} (${name(previous.namespace)} → ${name(facts.namespace)})`;
  }
  if (!facts.inputs) return "what went into this run's keys is unknown, so no change can be ruled out";
  const changes = facts.inputChanges;
  if (changes.length > 0) {
    return `${counted(changes.length, "input")} of sccache's keys changed since run ${previous.runId} (${listed(changes.map((c) => c.name))})`;
  }
  return void 0;
}
function hitRateFloor(facts, findings, floor) {
  const limit = `min-hit-rate ${floor} %`;
  if (facts.lookups === 0) return { skip: `${limit} not applied: nothing was looked up in the cache` };
  const rate = formatPercent(facts.hitRate);
  if (facts.hits * 100 >= floor * facts.lookups) return { pass: `${limit} met: hit rate ${rate}` };
  const cold = whyNotWarm(facts);
  if (cold) return { skip: `${limit} not applied (hit rate ${rate}): ${cold}` };
  const outage = findings.find((f) => isOutage(f, facts));
  if (outage) {
    return {
      skip: `${limit} not applied (hit rate ${rate}): the cache failed this run: ${outage.title} (${outage.id})`
    };
  }
  const cause = findings.find((f) => f.actionable);
  return {
    fail: `sccache hit rate ${rate} is under ${limit}: ` + (cause ? `${cause.title} (${cause.id})` : "no finding names a cause; the job summary lists what missed")
  };
}

// src/report/toolchain.ts
import { execFile } from "node:child_process";
function rustcToolchain(path, env) {
  return new Promise((resolve) => {
    execFile(path ?? "rustc", ["-vV"], { env, timeout: 1e4, maxBuffer: 64 * 1024 }, (error, stdout) => {
      resolve(error ? void 0 : parseRustcVerbose(stdout));
    });
  });
}

// src/report/workspace.ts
import { createHash as createHash2 } from "node:crypto";
import { readdir, readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { join as join2 } from "node:path";
var MAX_LOCK_BYTES = 8 * 1024 * 1024;
var MAX_FINGERPRINTS = 4e3;
async function lockFile(path) {
  try {
    if ((await stat2(path)).size > MAX_LOCK_BYTES) return void 0;
    const text = await readFile2(path, "utf8");
    return {
      sha256: createHash2("sha256").update(text).digest("hex"),
      packages: text.match(/^\[\[package\]\]$/gm)?.length ?? 0
    };
  } catch {
    return void 0;
  }
}
async function oldestFingerprint(targetDir) {
  let oldest;
  let seen = 0;
  const dirs = ["debug", "release"].map((p) => join2(targetDir, p, ".fingerprint"));
  for (const entry of await readdir(targetDir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && entry.name.includes("-")) {
      dirs.push(
        join2(targetDir, entry.name, "debug", ".fingerprint"),
        join2(targetDir, entry.name, "release", ".fingerprint")
      );
    }
  }
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [])) {
      if (++seen > MAX_FINGERPRINTS) return oldest;
      const time = await stat2(join2(dir, name)).then((s) => s.mtimeMs).catch(() => void 0);
      if (time !== void 0 && (oldest === void 0 || time < oldest)) oldest = time;
    }
  }
  return oldest;
}
async function inspectWorkspace(workspace, targetDir, setupStartedAt) {
  const lock = await lockFile(join2(workspace, "Cargo.lock"));
  const since = setupStartedAt ? Date.parse(setupStartedAt) : Number.NaN;
  const oldest = Number.isNaN(since) ? void 0 : await oldestFingerprint(targetDir);
  return {
    facts: {
      ...lock ? { lockPackages: lock.packages } : {},
      ...oldest !== void 0 && oldest < since ? { targetBuiltBefore: new Date(oldest).toISOString() } : {}
    },
    ...lock ? { cargoLockSha256: lock.sha256 } : {}
  };
}

// src/report/render/annotations.ts
var MAX_PER_LEVEL = 10;
var MAX_MESSAGE_TITLE_CHARS = 400;
var MAX_EVIDENCE_CHARS = 2e3;
var MAX_FIX_CHARS = 1500;
var oneLine = (text) => text.replace(/\s+/g, " ").trim();
function annotationTitle(id, label, prefix = `sccache ${oneLine(id)}`) {
  const room = MAX_TITLE_CHARS - prefix.length - " ()".length;
  const job = label && room > ELLIPSIS.length ? ` (${clipChars(oneLine(label), room)})` : "";
  return clipChars(prefix + job, MAX_TITLE_CHARS);
}
function annotationMessage(finding) {
  const title = clipChars(finding.title, MAX_MESSAGE_TITLE_CHARS);
  const evidence = clipChars(finding.evidence, MAX_EVIDENCE_CHARS);
  const fix = clipChars(finding.fix, MAX_FIX_CHARS);
  return clipChars(`${title}. ${evidence}
Fix:
${fix}`, MAX_MESSAGE_CHARS);
}
function renderAnnotations(findings, label) {
  const perLevel = /* @__PURE__ */ new Map();
  const annotations = [];
  for (const finding of findings) {
    if (!finding.actionable || finding.severity === "notice" && !finding.place) continue;
    const used = perLevel.get(finding.severity) ?? 0;
    if (used >= MAX_PER_LEVEL) continue;
    perLevel.set(finding.severity, used + 1);
    const place = finding.place;
    annotations.push({
      level: finding.severity,
      title: annotationTitle(finding.id, label),
      message: annotationMessage(finding),
      ...place ? { file: place.file, startLine: place.line } : {}
    });
  }
  return annotations;
}
function problemAnnotation(message, label) {
  return {
    title: annotationTitle("", label, "sccache-guard report"),
    message: clipChars(message, MAX_MESSAGE_CHARS)
  };
}

// src/report/next-record.ts
function recordToRemember(facts, run2) {
  const setup = facts.setup;
  if (!setup) return { skip: "setup did not run, so whether this run may write is unknown" };
  if (setup.readOnly.wanted) return { skip: `read-only run (${setup.readOnly.why})` };
  if (setup.preflight.fallback) return { skip: "setup fell back to local disk" };
  if (!setup.preflight.ok) return { skip: "the cache store failed setup's preflight" };
  if (!facts.inputs) return { skip: "the inputs of this run are unknown" };
  const hit = [];
  const missed = [];
  for (const [name, counts] of facts.log?.outcomes ?? []) (counts.misses > 0 ? missed : hit).push(name);
  const keep = (names) => names.sort().slice(0, MAX_NAMED_CRATES);
  return {
    schema: 2,
    runId: /^\d{1,20}$/.test(run2.runId) ? run2.runId : "0",
    attempt: /^\d{1,6}$/.test(run2.attempt) ? run2.attempt : "1",
    ref: run2.ref,
    event: run2.event,
    savedAt: run2.savedAt,
    ...facts.namespace ? { namespace: facts.namespace } : {},
    hits: facts.hits,
    misses: facts.misses,
    lookups: facts.lookups,
    trend: [...facts.trend],
    inputs: facts.inputs,
    crates: {
      hit: keep(hit),
      missed: keep(missed),
      more: Math.max(0, hit.length - MAX_NAMED_CRATES) + Math.max(0, missed.length - MAX_NAMED_CRATES)
    }
  };
}

// src/report/pruning.ts
function describePruning(pruning, noun) {
  const left = (why) => `older ${noun}s of this job on this ref are left for GitHub to evict after 7 days unused: ${why}`;
  if ("skipped" in pruning) return left(pruning.skipped);
  if ("unavailable" in pruning) return left(pruning.unavailable);
  if (pruning.deleted === 0 && pruning.left === 0) return void 0;
  const deleted = `deleted ${counted(pruning.deleted, `older ${noun}`)} of this job on this ref (${formatBytes(pruning.bytes)})`;
  return pruning.left > 0 ? `${deleted}; ${pruning.left} more go in the next runs` : deleted;
}

// src/report/main.ts
var runnerReportDeps = () => ({
  core: runnerCore,
  env: process.env,
  sccache: { showStats, stopServer },
  readLog: readLogFacts,
  runRecords: { find: findPreviousRecord, save: saveRecord },
  history: {
    toolchain: rustcToolchain,
    workspace: inspectWorkspace,
    wrapperVersion: binaryVersion,
    listCaches: listNamespace
  },
  now: () => /* @__PURE__ */ new Date(),
  saveArchive: saveLocalCache,
  pruneOlder: pruneOlderEntries,
  scope: currentScope,
  readWorkflow: readWorkflowJobs
});
var EMPTY_OUTPUTS = { "hit-rate": "", hits: "", misses: "", findings: "[]", "stats-json": "" };
function setOutputs(core, outputs) {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
async function saveStats(core, env, text, scrub) {
  const asText = isStatsText(text);
  const path = join3(await actionTempDir(env), asText ? "sccache-stats.txt" : "sccache-stats.json");
  const redacted = scrub(asText ? redact(text) : redactJsonStrings(text));
  await writeFile2(path, redacted);
  core.info(
    `sccache stats saved to ${path}${redacted === text ? "" : " (credentials in it replaced by ***)"}`
  );
  return path;
}
async function explainFailure(core, problem, hint, label, statsPath = "") {
  const annotation = problemAnnotation(`${problem} ${hint}`, label);
  core.warning(annotation.message, { title: annotation.title });
  setOutputs(core, { ...EMPTY_OUTPUTS, "stats-json": statsPath });
  await core.appendSummary(renderProblemSummary(problem, hint, label));
}
var RECORD_SAVE_BUDGET_MS = 5e3;
var PRUNE_BUDGET_MS = 5e3;
async function pruneSeries(deps, series, noun) {
  const token = deps.core.getInput("github-token").trim();
  const repository = deps.env["GITHUB_REPOSITORY"] ?? "";
  let pruning;
  if (!token) pruning = { skipped: "no github-token" };
  else if (!repository || !series.ref) pruning = { skipped: "GITHUB_REPOSITORY or the ref is not set" };
  else {
    const apiUrl = deps.env["GITHUB_API_URL"];
    pruning = await withinBudget(
      deps.pruneOlder({
        ...series,
        token,
        repository,
        ...apiUrl ? { apiUrl } : {},
        timeoutMs: PRUNE_BUDGET_MS
      }),
      PRUNE_BUDGET_MS + 1e3,
      "deleting them"
    ).catch((error) => ({ unavailable: redact(error.message) }));
  }
  return describePruning(pruning, noun);
}
async function rememberRun(deps, prefix, facts) {
  const record = recordToRemember(facts, {
    runId: deps.env["GITHUB_RUN_ID"] ?? "0",
    attempt: deps.env["GITHUB_RUN_ATTEMPT"] ?? "1",
    ref: facts.scope?.ref ?? deps.env["GITHUB_REF"] ?? "",
    event: facts.scope?.event ?? deps.env["GITHUB_EVENT_NAME"] ?? "",
    savedAt: deps.now().toISOString()
  });
  if ("skip" in record) return `This run's record was not saved: ${record.skip}.`;
  try {
    const saved = await withinBudget(
      deps.runRecords.save(prefix, record),
      RECORD_SAVE_BUDGET_MS,
      "saving it"
    );
    const size = saved.bytes !== void 0 ? ` (${formatBytes(saved.bytes)})` : "";
    const pruned = await pruneSeries(deps, { prefix, savedKey: saved.key, ref: record.ref }, "record");
    return `This run's record was saved as \`${saved.key}\`${size}${pruned ? `; ${pruned}` : ""}.`;
  } catch (error) {
    return `This run's record was not saved: ${redact(error.message)}.`;
  }
}
function readThisJob(deps, stats, setup) {
  const where = workflowOfRun(deps.env);
  if ("missing" in where) return { jobs: [], note: `Workflow not read: ${where.missing}.` };
  const jobId = deps.env["GITHUB_JOB"];
  const read = deps.readWorkflow({
    path: where.absolute,
    file: where.file,
    ...jobId ? { jobId } : {},
    version: versionToJudge(setup?.sccacheVersion, stats.version)
  });
  if (!read.ok) return { jobs: [], note: `Workflow not read: ${read.message}.` };
  const notes = read.notes.length ? ` (${read.notes.join("; ")})` : "";
  const jobs = read.jobs.map((j) => `\`${j.jobId}\``).join(", ");
  return { jobs: read.jobs, note: `Read ${where.file}, job ${jobs || "none"}${notes}.` };
}
async function finishArchive(deps, setup, facts) {
  const decision = decideArchive(setup, facts.stats.cacheWrites, savePolicy(deps.core.getInput("save")));
  if (!decision) return void 0;
  let outcome;
  if (decision.save) {
    await deps.sccache.stopServer(setup.sccachePath, deps.env);
    const result = await deps.saveArchive(decision.local.dir, decision.local.key);
    const ref = facts.scope?.ref ?? deps.env["GITHUB_REF"] ?? "";
    const { key, restorePrefix } = decision.local;
    const pruned = result.saved ? await pruneSeries(deps, { prefix: restorePrefix, savedKey: key, ref }, "archive") : void 0;
    outcome = archiveOutcome(
      decision.local,
      result.saved ? {
        key,
        why: decision.why,
        ...result.size ? { size: result.size } : {},
        ...pruned ? { pruned } : {}
      } : { note: result.reason }
    );
  } else {
    outcome = archiveOutcome(decision.local, { note: decision.why });
  }
  deps.core.info(`local cache archive of ${outcome.dir}: ${describeArchive(outcome)}`);
  return outcome;
}
async function stopOwnServer(deps, setup, before) {
  const env = { ...deps.env, SCCACHE_SERVER_PORT: setup.serverPort };
  await deps.sccache.stopServer(setup.sccachePath, env);
  const after = before ? await deps.readLog(setup.logPath).catch(() => void 0) : void 0;
  const late = before && after ? after.writesFinished - before.writesFinished : 0;
  const note = late > 0 ? `stopped at the end of the job; ${counted(late, "cache write")} finished after the stats were read` : "stopped at the end of the job";
  deps.core.info(`sccache server on port ${setup.serverPort}: ${note}`);
  return note;
}
async function report(deps, scrub) {
  const { core, env } = deps;
  const label = jobLabel(core.getInput("job-label"), env);
  const setup = parseSetupRecord(core.getState(STATE.setupRecord));
  const setupFailure = core.getState(STATE.setupFailure);
  if (!setup && setupFailure) {
    return explainFailure(
      core,
      `sccache-guard setup failed, so the build ran without sccache-guard: ${setupFailure}.`,
      "Fix what the setup step reported (its error names the input or the problem); this report has nothing to read.",
      label
    );
  }
  const sccache = setup?.sccachePath || core.getState(STATE.sccachePath) || "sccache";
  if (setup?.protocol === "v2" && !env["ACTIONS_CACHE_SERVICE_V2"]) env["ACTIONS_CACHE_SERVICE_V2"] = "True";
  let statsOutput;
  try {
    const invalid = new Set(setup?.environment.invalid.map((i) => i.name) ?? []);
    const clientEnv = {};
    for (const [name, value] of Object.entries(env)) {
      if (value !== void 0 && !invalid.has(name)) clientEnv[name] = value;
    }
    statsOutput = await deps.sccache.showStats(sccache, clientEnv);
  } catch (error) {
    if (!(error instanceof SccacheCommandError)) throw error;
    const hint = error.kind === "missing-binary" ? "Install sccache before this action (or let its setup step install it) and make sure it is on PATH." : "The sccache server may have failed or been stopped; run with SCCACHE_LOG=debug and SCCACHE_ERROR_LOG set to see why.";
    return explainFailure(core, error.message, hint, label);
  }
  const statsPath = await saveStats(core, env, statsOutput, scrub);
  const logPath = setup?.logPath || env["SCCACHE_ERROR_LOG"];
  const log = await deps.readLog(logPath).catch((error) => {
    core.info(`sccache log ${logPath} not read: ${error.message}`);
    return void 0;
  });
  const remember = parseBooleanInput(core.getInput("run-record"), true) ?? true;
  const recordPrefix = recordKeyPrefix(env["GITHUB_JOB"] ?? "", label);
  const scope = await deps.scope();
  let stats;
  try {
    stats = parseStatsOutput(statsOutput);
  } catch (error) {
    if (!(error instanceof StatsParseError)) throw error;
    return explainFailure(
      core,
      `sccache printed stats this report cannot read: ${error.message}.`,
      `The output (credentials redacted) is saved at ${statsPath}. Is the sccache on PATH the one that ran the build?`,
      label,
      statsPath
    );
  }
  const workflow = readThisJob(deps, stats, setup);
  const context = {
    ...env["GITHUB_SERVER_URL"] ? { serverUrl: env["GITHUB_SERVER_URL"] } : {},
    ...setup ? { setup } : {},
    ...log ? { log } : {},
    ...scope ? { scope } : {},
    ...env["SCCACHE_GHA_VERSION"] ? { namespaceSuffix: env["SCCACHE_GHA_VERSION"] } : {},
    parallelism: availableParallelism()
  };
  const plain = buildFacts(stats, context);
  const githubToken = core.getInput("github-token").trim();
  const history = await collectHistory(
    { ...deps.history, env, findRecord: deps.runRecords.find },
    {
      ...setup ? { setup } : {},
      stats,
      ...log ? { log } : {},
      ...workflow.jobs[0] ? { job: workflow.jobs[0] } : {},
      ...remember ? { recordPrefix } : {},
      githubToken,
      ...plain.location.backend === "gha" && plain.location.name ? { namespaceVersion: plain.location.name } : {},
      ...plain.namespace ? { namespace: plain.namespace } : {},
      secrets: [env["ACTIONS_RUNTIME_TOKEN"] ?? "", githubToken].filter((s) => s !== "")
    }
  );
  const { notes: historyNotes, ...found } = history;
  const { facts, findings, undecided } = analyzeParsed(stats, { ...context, ...found }, workflow.jobs);
  const archive = setup ? await finishArchive(deps, setup, facts) : void 0;
  const serverNote = setup?.serverPort ? await stopOwnServer(deps, setup, log) : void 0;
  const recordNote = remember ? await rememberRun(deps, recordPrefix, facts) : void 0;
  if (recordNote) core.info(recordNote.replaceAll("`", ""));
  const floor = minHitRate(core.getInput("min-hit-rate"));
  const verdict = floor === void 0 ? void 0 : hitRateFloor(facts, findings, floor);
  const floorNote = verdict && ("fail" in verdict ? verdict.fail : "skip" in verdict ? verdict.skip : verdict.pass);
  for (const a of renderAnnotations(findings, label)) {
    const properties = { title: a.title, ...a.file ? { file: a.file, startLine: a.startLine } : {} };
    if (a.level === "error") core.error(a.message, properties);
    else if (a.level === "warning") core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  setOutputs(core, renderOutputs(facts, findings, statsPath));
  const linkTo = workflowLineLink(env);
  const mode = summaryMode(core.getInput("summary"));
  const render = mode === "compact" ? renderCompactSummary : renderSummary;
  if (mode !== "off") {
    await core.appendSummary(
      render({
        facts,
        findings,
        label,
        ...archive ? { archive } : {},
        ...serverNote ? { serverNote } : {},
        ...workflow.note ? { workflowNote: workflow.note } : {},
        historyNotes: [
          ...historyNotes,
          ...recordNote ? [recordNote] : [],
          ...floorNote ? [floorNote] : []
        ],
        undecided,
        ...linkTo ? { linkTo } : {}
      })
    );
  }
  const rate = facts.hitRate === null ? "no cache lookups" : `hit rate ${formatPercent(facts.hitRate)}`;
  core.info(
    `sccache: ${rate} (${facts.hits} hits, ${facts.misses} misses); findings: ${findings.map((f) => f.id).join(", ") || "none"}`
  );
  if (verdict && "fail" in verdict) core.setFailed(verdict.fail);
  else if (floorNote) core.info(floorNote);
}
async function run(given = runnerReportDeps()) {
  let core = given.core;
  try {
    const secrets = [
      given.env["ACTIONS_RUNTIME_TOKEN"] ?? "",
      given.core.getInput("github-token").trim(),
      // The stores' passwords reach the post step as inputs too; sccache may print one back
      // (a Redis URL in cache_location before 0.8).
      given.core.getInput("redis-password").trim(),
      given.core.getInput("webdav-password").trim(),
      ...credentialsToMask(given.env)
    ];
    core = maskSecrets(given.core, secrets);
    await report({ ...given, core }, secretScrubber(secrets));
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    try {
      const label = jobLabel(core.getInput("job-label"), given.env);
      await explainFailure(
        core,
        `sccache-guard report failed unexpectedly: ${message.replace(/\.?$/, ".")}`,
        "This is a bug in sccache-guard, not in your build; the build result stands. Please report it with this message.",
        label
      );
    } catch {
      try {
        core.warning(`sccache-guard report failed unexpectedly: ${message}`);
      } catch {
      }
    }
  }
}

// src/report.ts
await run();
process.stdout.write("", () => process.exit());
