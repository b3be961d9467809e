import { createRequire as __sccacheGuardCreateRequire } from 'node:module';
const require = __sccacheGuardCreateRequire(import.meta.url);
import {
  decodeLocation,
  parseStats,
  parseVersionOutput,
  redact
} from "./chunk-5TDCXFJY.js";
import {
  addPath,
  error,
  exportVariable,
  getInput,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-WNTFJ6RJ.js";

// src/util/scrub.ts
var MIN_SECRET = 4;
function secretScrubber(secrets) {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET))].sort(
    (a, b) => b.length - a.length
  );
  if (values.length === 0) return (text) => text;
  return (text) => values.reduce((out, secret) => out.includes(secret) ? out.replaceAll(secret, "***") : out, text);
}

// src/util/annotation-limits.ts
var MAX_TITLE_CHARS = 200;
var MAX_MESSAGE_CHARS = 4e3;
var ELLIPSIS = "…";
var isHighSurrogate = (code) => code >= 55296 && code <= 56319;
function clipChars(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + ELLIPSIS;
}

// src/github/core.ts
var runnerCore = {
  getInput,
  getState,
  saveState,
  setSecret,
  info,
  notice,
  warning,
  error,
  setFailed,
  setOutput,
  exportVariable,
  addPath,
  appendSummary: async (markdown) => {
    await summary.addRaw(markdown).write();
  }
};
function scrubbingCore(core, secrets) {
  const scrub = secretScrubber(secrets);
  const scrubProps = (p) => p && p.title !== void 0 ? { ...p, title: clipChars(scrub(p.title), MAX_TITLE_CHARS) } : p;
  const text = (message) => clipChars(scrub(message instanceof Error ? message.message : message), MAX_MESSAGE_CHARS);
  return {
    ...core,
    saveState: (name, value) => core.saveState(name, typeof value === "string" ? scrub(value) : value),
    // A log line is not an annotation: only scrubbed, not cut.
    info: (message) => core.info(scrub(message)),
    notice: (message, p) => core.notice(text(message), scrubProps(p)),
    warning: (message, p) => core.warning(text(message), scrubProps(p)),
    error: (message, p) => core.error(text(message), scrubProps(p)),
    setFailed: (message) => core.setFailed(text(message)),
    setOutput: (name, value) => core.setOutput(name, typeof value === "string" ? scrub(value) : value),
    appendSummary: (markdown) => core.appendSummary(scrub(markdown))
  };
}
function maskSecrets(core, secrets) {
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return scrubbingCore(core, secrets);
}

// src/github/cache-entry-size.ts
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
function archiveSize(voice) {
  const line = voice.debug.findLast((l) => /^File Size: \d+$/.test(l));
  return line ? { bytes: Number(line.slice("File Size: ".length)), exact: true } : void 0;
}
async function directorySize(dir) {
  try {
    let bytes = 0;
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await lstat(join(entry.parentPath, entry.name))).size;
    }
    return { bytes, exact: false };
  } catch {
    return void 0;
  }
}

// src/github/actions-cache.ts
var loadActionsCache = () => import("./cache-E4SX5FNN.js");

// src/github/cache-voice.ts
import { AsyncLocalStorage } from "node:async_hooks";
var calls = new AsyncLocalStorage();
var COMMAND = /^::(warning|error|notice|debug)(?: [^:]*)?::(.*)$/s;
var unescape = (data) => data.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
var installed = false;
function install() {
  if (installed) return;
  installed = true;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk, ...rest) => {
    const voice = calls.getStore();
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (!voice) return write(chunk, ...rest);
    const command = COMMAND.exec(text.trimEnd());
    const message = redact(command ? unescape(command[2]) : text.trimEnd());
    if (!command || command[1] === "debug") {
      if (!message) return true;
      voice.debug.push(message);
      const escaped = message.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
      return write(`::debug::${escaped}
`, ...rest);
    }
    voice.complaints.push(message);
    const callback = rest.find((r) => typeof r === "function");
    write(`cache service: ${message.split("\n")[0]}
`);
    callback?.();
    return true;
  });
}
async function quietly(call) {
  install();
  const voice = { complaints: [], debug: [] };
  const result = await calls.run(voice, call);
  return { result, voice };
}
function reasonFrom(voice, fallback) {
  const reserve = voice.debug.findLast((line) => /^Failed to reserve cache: /.test(line));
  if (reserve)
    return reserve.replace(/^Failed to reserve cache: (Error: )?/, "the service refused the entry: ");
  const complaint = voice.complaints.at(-1);
  return complaint ? complaint.replace(/^Failed to (save|restore): /, "") : fallback;
}

// src/github/sccache-dir-archive.ts
async function restoreLocalCache(dir, key, restorePrefix) {
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable()) {
    return { restored: false, reason: "the GitHub cache service is not available to this step" };
  }
  try {
    const { result: matchedKey, voice } = await quietly(
      () => cache.restoreCache([dir], key, [restorePrefix])
    );
    if (matchedKey) return { restored: true, matchedKey };
    return {
      restored: false,
      reason: voice.complaints.length ? reasonFrom(voice, "") : "no earlier archive of this job"
    };
  } catch (error2) {
    return { restored: false, reason: error2.message };
  }
}
async function saveLocalCache(dir, key) {
  const cache = await loadActionsCache();
  if (!cache.isFeatureAvailable())
    return { saved: false, reason: "the GitHub cache service is not available" };
  try {
    const { result: id, voice } = await quietly(() => cache.saveCache([dir], key));
    if (id === -1) return { saved: false, reason: reasonFrom(voice, "the cache service did not accept it") };
    const size = archiveSize(voice) ?? await directorySize(dir);
    return { saved: true, ...size ? { size } : {} };
  } catch (error2) {
    return { saved: false, reason: error2.message };
  }
}

// src/sccache/command.ts
import { spawn } from "node:child_process";
var MAX_STDOUT_BYTES = 64 * 2 ** 20;
var MAX_STDERR_BYTES = 2 ** 20;
var SccacheCommandError = class extends Error {
  constructor(message, kind, detail = "") {
    super(message);
    this.kind = kind;
    this.detail = detail;
  }
  kind;
  detail;
  name = "SccacheCommandError";
};
var SCCACHE_COMMAND_TIMEOUT_MS = 6e4;
async function runSccache(binary, args, env = process.env, timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS) {
  const command = `sccache ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { env: { ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let settled = false;
    let exitCode = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
      finish();
    }, timeoutMs);
    let grace;
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on("data", (chunk) => {
      outBytes += chunk.length;
      if (outBytes <= MAX_STDOUT_BYTES) out.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      errBytes += chunk.length;
      if (errBytes <= MAX_STDERR_BYTES) err.push(chunk);
    });
    child.on("error", (error2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const why = error2.code === "ENOENT" ? "no such file on PATH" : error2.message;
      reject(new SccacheCommandError(`sccache was not found (${binary}): ${why}`, "missing-binary"));
    });
    child.on("exit", (code) => {
      exitCode = code;
      grace = setTimeout(finish, 2e3);
    });
    child.on("close", () => finish());
    function finish() {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (grace) clearTimeout(grace);
      child.stdout.destroy();
      child.stderr.destroy();
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = redact(Buffer.concat(err).toString("utf8"));
      if (timedOut) {
        return reject(
          new SccacheCommandError(
            `\`${command}\` did not answer within ${timeoutMs / 1e3} s`,
            "timeout",
            stderr
          )
        );
      }
      if (outBytes > MAX_STDOUT_BYTES) {
        return reject(
          new SccacheCommandError(
            `\`${command}\` printed ${outBytes} bytes, more than the ${MAX_STDOUT_BYTES} a stats document can take`,
            "failed",
            stderr
          )
        );
      }
      if (exitCode !== 0) {
        const said = redact(stderr.trim() || stdout.trim()).split("\n").slice(0, 3).join(" ");
        return reject(
          new SccacheCommandError(
            `\`${command}\` exited with code ${exitCode}${said ? `: ${said}` : ""}`,
            "failed",
            stderr
          )
        );
      }
      resolve({ stdout, stderr });
    }
  });
}
var UNKNOWN_OPTION = /Found argument '--stats-format'|unexpected argument '--stats-format'|--stats-format.*(wasn't expected|not expected)/;
async function showStats(binary, env = process.env, timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS) {
  try {
    return await showStatsJson(binary, env, timeoutMs);
  } catch (error2) {
    if (!(error2 instanceof SccacheCommandError) || !UNKNOWN_OPTION.test(error2.detail)) throw error2;
    return (await runSccache(binary, ["--show-stats"], env, timeoutMs)).stdout;
  }
}
async function showStatsJson(binary, env = process.env, timeoutMs = SCCACHE_COMMAND_TIMEOUT_MS) {
  return (await runSccache(binary, ["--show-stats", "--stats-format", "json"], env, timeoutMs)).stdout;
}

// src/sccache/binary.ts
async function binaryVersion(binary) {
  return parseVersionOutput((await runSccache(binary, ["--version"])).stdout);
}
async function ghaCompiledIn(binary) {
  try {
    const { stdout } = await runSccache(binary, ["--help"]);
    const match = /\bGHA:\s*(true|false)\b/.exec(stdout);
    return match ? match[1] === "true" : null;
  } catch {
    return null;
  }
}

// src/sccache/credentials.ts
var IN_SCOPE = /^(SCCACHE_|AWS_|AZURE_|AZBLOB_|GOOGLE_|GCS_|GCP_|ALIBABA_CLOUD_|TENCENTCLOUD_|TKE_|HUAWEI_CLOUD_)/;
var SECRET_NAME = /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|ACCESS_KEY|ACCOUNT_KEY|STORAGE_KEY|API_KEY|PRIVATE_KEY|CONNECTION_STRING)(_|$)/;
var LOCATION_NAME = /_(FILE|PATH|DIR|URL|URI|ENDPOINT|ENDPOINTS)$/;
var SECRET_QUERY = /^(sig|signature|token|access_token|refresh_token|password|secret|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)$/i;
var SECRET_CONNECTION_KEY = /^(accountkey|sharedaccesssignature|sharedaccesskey|password|pwd)$/i;
var SECRET_JSON_KEY = /(private_key|secret|token|password)/i;
var MIN_LINE = 8;
var MIN_TOKEN_USER = 16;
var SCHEME_AT = /[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
var HOST_AFTER = /^[A-Za-z0-9.\-[\]:%]+(?:[/?#]|$)/;
function decoded(text) {
  try {
    const d = decodeURIComponent(text);
    return d === text ? void 0 : d;
  } catch {
    return void 0;
  }
}
function userinfoEncoded(text) {
  try {
    const url = new URL("http://host.invalid/");
    url.password = text;
    return url.password === text ? void 0 : url.password;
  } catch {
    return void 0;
  }
}
function spellings(value) {
  const out = [value];
  const plain = decoded(value);
  if (plain !== void 0) out.push(plain);
  for (const v of [value, ...plain !== void 0 ? [plain] : []]) {
    const enc = userinfoEncoded(v);
    if (enc !== void 0) out.push(enc);
  }
  return out;
}
function urlsIn(value) {
  const starts = [];
  for (const m of value.matchAll(SCHEME_AT)) {
    const at = m.index;
    if (at === 0 || /[\s,;"'=]/.test(value[at - 1])) starts.push(at);
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : value.length;
    return value.slice(start, end).replace(/[\s,;]+$/, "");
  });
}
function userinfoOf(url) {
  const from = url.indexOf("://") + 3;
  const rest = url.slice(from);
  let tries = 8;
  for (let at = rest.lastIndexOf("@"); at > 0 && tries-- > 0; at = rest.lastIndexOf("@", at - 1)) {
    if (!HOST_AFTER.test(rest.slice(at + 1, at + 300))) continue;
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(":");
    const pathStart = userinfo.search(/[/?#]/);
    if (pathStart >= 0 && (colon < 0 || colon > pathStart)) continue;
    if (pathStart >= 0 && /^\d+$/.test(userinfo.slice(colon + 1, pathStart))) continue;
    return colon < 0 ? { user: userinfo } : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
  }
  return void 0;
}
function queryOf(url) {
  const q = url.indexOf("?");
  if (q < 0) return [];
  const query = url.slice(q + 1).split("#")[0];
  return query.split("&").filter((p) => p.includes("=")).map((p) => {
    const eq = p.indexOf("=");
    return [decoded(p.slice(0, eq)) ?? p.slice(0, eq), p.slice(eq + 1)];
  });
}
function fromUrl(url, add) {
  let found = false;
  const userinfo = userinfoOf(url);
  if (userinfo?.password) {
    for (const s of spellings(userinfo.password)) add(s);
    found = true;
  } else if (userinfo && userinfo.user.length >= MIN_TOKEN_USER) {
    for (const s of spellings(userinfo.user)) add(s);
    found = true;
  }
  for (const [name, value] of queryOf(url)) {
    if (!SECRET_QUERY.test(name) || value === "") continue;
    for (const s of spellings(value)) add(s);
    found = true;
  }
  if (found) {
    add(url);
    try {
      const href = new URL(url).href;
      if (href !== url) add(href);
    } catch {
    }
  }
}
function fromConnectionString(value, add) {
  let found = false;
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const secret = part.slice(eq + 1).trim();
    if (!SECRET_CONNECTION_KEY.test(key) || secret === "") continue;
    add(secret);
    for (const [name, v] of queryOf(`?${secret}`)) if (SECRET_QUERY.test(name) && v) add(v);
    found = true;
  }
  if (found) add(value);
}
function fromJson(value, add) {
  const text = value.trim();
  if (!text.startsWith("{")) return;
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const walk = (node, depth) => {
    if (depth > 8 || typeof node !== "object" || node === null) return;
    for (const [key, v] of Object.entries(node)) {
      if (typeof v === "string" && SECRET_JSON_KEY.test(key) && v !== "") add(v);
      else walk(v, depth + 1);
    }
  };
  walk(doc, 0);
}
function credentialsToMask(env) {
  const found = /* @__PURE__ */ new Set();
  const add = (secret) => {
    if (secret.trim() === "") return;
    found.add(secret);
    const trimmed = secret.trim();
    found.add(trimmed);
    if (trimmed.includes("\n")) {
      for (const line of trimmed.split(/\r?\n/)) if (line.trim().length >= MIN_LINE) found.add(line.trim());
    }
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === void 0 || value.trim() === "" || !IN_SCOPE.test(name)) continue;
    if (SECRET_NAME.test(name) && !LOCATION_NAME.test(name)) add(value);
    for (const url of urlsIn(value)) fromUrl(url, add);
    fromConnectionString(value, add);
    fromJson(value, add);
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

// src/sccache/server.ts
function withoutErrorPage(text) {
  const title = /<title>([^<]{1,200})<\/title>/i.exec(text.slice(0, 2e4))?.[1]?.trim();
  if (!title) return text;
  const start = text.search(/<(?:!DOCTYPE|html)\b/i);
  const end = text.search(/<\/html>/i);
  return start < 0 ? text : `${text.slice(0, start)}${title}${end > start ? text.slice(end + "</html>".length) : ""}`;
}
function summarizeSccacheError(text) {
  const lines = withoutErrorPage(text).split("\n").map((l) => l.trim());
  const error2 = lines.find((l) => l.startsWith("sccache: error:")) ?? lines.find((l) => l !== "") ?? "";
  const sourceAt = lines.indexOf("Source:");
  const source = sourceAt >= 0 ? lines.slice(sourceAt + 1).find((l) => l !== "") : void 0;
  const summary2 = source ? `${error2} (${source})` : error2;
  return summary2.length > 600 ? `${summary2.slice(0, 599)}…` : summary2;
}
async function stopServer(binary, env) {
  try {
    await runSccache(binary, ["--stop-server"], env);
  } catch {
  }
}
async function startServer(binary, env) {
  try {
    await runSccache(binary, ["--start-server"], env);
    return { ok: true };
  } catch (error2) {
    if (!(error2 instanceof SccacheCommandError)) throw error2;
    return { ok: false, error: summarizeSccacheError(error2.detail || error2.message) };
  }
}
async function serverLocation(binary, env) {
  return decodeLocation(parseStats(await showStatsJson(binary, env)).cacheLocation);
}
var DEFAULT_SERVER_PORT = 4226;
async function describeServer(binary, env) {
  try {
    const stats = parseStats(await showStatsJson(binary, env, 5e3));
    return { ...stats.version ? { version: stats.version } : {}, location: stats.cacheLocation };
  } catch {
    return {};
  }
}

// src/util/temp-dir.ts
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function actionTempDir(env) {
  const dir = join2(env["RUNNER_TEMP"] || tmpdir(), "sccache-guard");
  await mkdir(dir, { recursive: true });
  return dir;
}

// src/util/boolean-input.ts
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function parseBooleanInput(value, fallback) {
  const text = value.trim();
  if (text === "") return fallback;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return void 0;
}

export {
  MAX_TITLE_CHARS,
  MAX_MESSAGE_CHARS,
  ELLIPSIS,
  clipChars,
  secretScrubber,
  runnerCore,
  maskSecrets,
  loadActionsCache,
  archiveSize,
  directorySize,
  quietly,
  reasonFrom,
  restoreLocalCache,
  saveLocalCache,
  SccacheCommandError,
  showStats,
  binaryVersion,
  ghaCompiledIn,
  credentialsToMask,
  stopServer,
  startServer,
  serverLocation,
  DEFAULT_SERVER_PORT,
  describeServer,
  actionTempDir,
  parseBooleanInput
};
