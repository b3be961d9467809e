import { createRequire as __sccacheGuardCreateRequire } from 'node:module';
const require = __sccacheGuardCreateRequire(import.meta.url);
import {
  DEFAULT_SERVER_PORT,
  actionTempDir,
  binaryVersion,
  credentialsToMask,
  describeServer,
  directorySize,
  ghaCompiledIn,
  maskSecrets,
  parseBooleanInput,
  restoreLocalCache,
  runnerCore,
  serverLocation,
  startServer,
  stopServer
} from "./chunks/chunk-OEAPNUSU.js";
import {
  HANDOFF_SCHEMA,
  NEWEST_TESTED_VERSION,
  SAVE_POLICIES,
  STATE,
  SUMMARY_MODES,
  SUM_CHECKED,
  VersionParseError,
  capabilitiesOf,
  describePreflight,
  ghaNamespace,
  hostFromServerUrl,
  inspectEnvironment,
  jobLabel,
  localCacheKeys,
  parseMinHitRate,
  readLogFacts,
  redact,
  serializeSetupRecord
} from "./chunks/chunk-5TDCXFJY.js";
import {
  HttpClient,
  cp,
  debug,
  exec,
  info,
  isDebug,
  mkdirP,
  rmRF,
  which
} from "./chunks/chunk-WNTFJ6RJ.js";
import {
  require_semver
} from "./chunks/chunk-RN2O6YCG.js";
import "./chunks/chunk-D4AV52TM.js";
import {
  __toESM
} from "./chunks/chunk-FAMDIZ22.js";

// src/setup/main.ts
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join3 } from "node:path";

// src/util/ports.ts
import { createConnection, createServer } from "node:net";
function isListening(port, timeoutMs = 1e3) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (listening) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(
        () => typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))
      );
    });
  });
}

// src/sccache/cache-size.ts
var UNITS = { K: 1n, M: 2n, G: 3n, T: 4n };
var U64_MAX = 2n ** 64n - 1n;
function parseCacheSize(input) {
  const text = input.trim();
  const match = /^(\d+)([KMGT]?)$/i.exec(text);
  if (!match) {
    return { invalid: `"${text}" is not a size sccache reads, such as 2G, 500M or 1048576 (bytes)` };
  }
  const unit = match[2].toUpperCase();
  const count = BigInt(match[1]);
  const bytes = count * 1024n ** (unit ? UNITS[unit] : 0n);
  if (bytes > U64_MAX) return { invalid: `"${text}" is more than sccache can count (16 EiB)` };
  if (bytes === 0n) return { invalid: `"${text}" would keep nothing: give a size such as 2G` };
  return { bytes: Number(bytes), text: `${count}${unit}` };
}
function cacheSizeVariable(size, capabilities) {
  if (capabilities.cacheSizeInBytes || /[KMGT]$/.test(size.text)) return size.text;
  return `${Math.max(1, Math.floor(size.bytes / 1024))}K`;
}

// src/setup/input-error.ts
var InputError = class extends Error {
  constructor(input, message) {
    super(`input ${input}: ${message}`);
    this.input = input;
  }
  input;
  name = "InputError";
};

// src/setup/store-inputs.ts
var STORE_INPUTS = {
  s3: { required: "s3-bucket", all: ["s3-bucket", "s3-region", "s3-endpoint", "s3-key-prefix"] },
  redis: { required: "redis-endpoint", all: ["redis-endpoint", "redis-password"] },
  webdav: { required: "webdav-endpoint", all: ["webdav-endpoint", "webdav-username", "webdav-password"] }
};
var isStoreKind = (backend) => backend in STORE_INPUTS;
function url(get, name, schemes) {
  const value = get(name).trim();
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new InputError(name, `"${value}" is not a URL (${schemes.map((s) => `${s}//…`).join(" or ")})`);
  }
  if (!schemes.includes(parsed.protocol))
    throw new InputError(name, `"${value}" is not a ${schemes.join(" or ")} URL`);
  if (parsed.password)
    throw new InputError(name, "holds a password: put it in the password input, from a secret");
  return value;
}
function readStoreSettings(get, backend) {
  const given2 = Object.values(STORE_INPUTS).flatMap((store) => store.all).filter((name) => get(name).trim() !== "");
  if (!isStoreKind(backend)) {
    const first = given2[0];
    if (first)
      throw new InputError(
        first,
        `is only read with backend: ${first.split("-")[0]} (backend is ${backend})`
      );
    return void 0;
  }
  const own = STORE_INPUTS[backend];
  const stray = given2.find((name) => !own.all.includes(name));
  if (stray) throw new InputError(stray, `is not read with backend: ${backend}`);
  if (!get(own.required).trim()) throw new InputError(own.required, `is required with backend: ${backend}`);
  const optional = (name) => {
    const value = get(name).trim();
    return value === "" ? void 0 : value;
  };
  switch (backend) {
    case "s3": {
      const bucket = get("s3-bucket").trim();
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
        throw new InputError("s3-bucket", `"${bucket}" is not an S3 bucket name`);
      const region = optional("s3-region");
      if (region && !/^[a-z0-9-]{2,32}$/.test(region))
        throw new InputError("s3-region", `"${region}" is not a region`);
      const endpoint = optional("s3-endpoint") && url(get, "s3-endpoint", ["http:", "https:"]);
      const keyPrefix = optional("s3-key-prefix");
      return {
        kind: "s3",
        s3: {
          bucket,
          ...region ? { region } : {},
          ...endpoint ? { endpoint } : {},
          ...keyPrefix ? { keyPrefix } : {}
        }
      };
    }
    case "redis": {
      const endpoint = url(get, "redis-endpoint", ["redis:", "rediss:"]);
      const password = optional("redis-password");
      return { kind: "redis", redis: { endpoint, ...password ? { password } : {} } };
    }
    case "webdav": {
      const endpoint = url(get, "webdav-endpoint", ["http:", "https:"]).replace(/\/+$/, "");
      const username = optional("webdav-username");
      const password = optional("webdav-password");
      return {
        kind: "webdav",
        webdav: { endpoint, ...username ? { username } : {}, ...password ? { password } : {} }
      };
    }
  }
}

// src/setup/inputs.ts
var DEFAULT_DOWNLOAD_URL = "https://github.com/mozilla/sccache/releases/download/v{version}/sccache-v{version}-{target}.tar.gz";
var DEFAULT_CACHE_SIZE = "2G";
function oneOf(get, name, allowed, fallback) {
  const value = get(name).trim() || fallback;
  if (!allowed.includes(value)) {
    throw new InputError(name, `"${value}" is not one of ${allowed.join(", ")}`);
  }
  return value;
}
function boolean(get, name, fallback) {
  const value = parseBooleanInput(get(name), fallback);
  if (value === void 0)
    throw new InputError(name, `"${get(name).trim()}" is not a boolean (true or false)`);
  return value;
}
function readOnlyChoice(get) {
  const text = get("read-only").trim();
  if (text === "" || text === "auto") return "auto";
  const value = parseBooleanInput(text, false);
  if (value === void 0) throw new InputError("read-only", `"${text}" is not auto, true or false`);
  return value ? "true" : "false";
}
function readSettings(get) {
  const sccacheVersion = get("sccache-version").trim().replace(/^v/, "");
  if (sccacheVersion && !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(sccacheVersion)) {
    throw new InputError(
      "sccache-version",
      `"${sccacheVersion}" is not a release version such as ${NEWEST_TESTED_VERSION}`
    );
  }
  const cacheNamespace = get("cache-namespace").trim();
  if (cacheNamespace && !/^[A-Za-z0-9._-]{1,64}$/.test(cacheNamespace)) {
    throw new InputError(
      "cache-namespace",
      `"${cacheNamespace}" may use only letters, digits, ".", "_" and "-" (at most 64)`
    );
  }
  const sccacheDownloadUrl = get("sccache-download-url").trim() || DEFAULT_DOWNLOAD_URL;
  if (!/^https?:\/\//.test(sccacheDownloadUrl)) {
    throw new InputError("sccache-download-url", `"${sccacheDownloadUrl}" is not an http(s) URL`);
  }
  const sccacheSha256 = get("sccache-sha256").trim().toLowerCase();
  if (sccacheSha256 && !/^[0-9a-f]{64}$/.test(sccacheSha256)) {
    throw new InputError("sccache-sha256", "must be 64 hexadecimal characters");
  }
  const logLevel = get("log-level").trim() || "sccache=debug";
  if (!/^[A-Za-z0-9_:=,.-]+$/.test(logLevel)) {
    throw new InputError(
      "log-level",
      `"${logLevel}" is not an SCCACHE_LOG filter such as info or sccache=debug (or off)`
    );
  }
  const cacheSize = parseCacheSize(get("cache-size").trim() || DEFAULT_CACHE_SIZE);
  if ("invalid" in cacheSize) throw new InputError("cache-size", cacheSize.invalid);
  const floor = parseMinHitRate(get("min-hit-rate"));
  if ("invalid" in floor) throw new InputError("min-hit-rate", floor.invalid);
  const backend = oneOf(
    get,
    "backend",
    ["auto", "gha", "local", "s3", "redis", "webdav", "external"],
    "auto"
  );
  const store = readStoreSettings(get, backend);
  return {
    backend,
    ...store ? { store } : {},
    sccacheVersion,
    sccacheDownloadUrl,
    sccacheSha256,
    committedSumsOnly: boolean(get, "committed-sums-only", false),
    cacheNamespace,
    readOnly: readOnlyChoice(get),
    cacheSize,
    save: oneOf(get, "save", SAVE_POLICIES, "auto"),
    rustcWrapper: boolean(get, "rustc-wrapper", true),
    cmakeLaunchers: boolean(get, "cmake-launchers", false),
    onBackendFailure: oneOf(get, "on-backend-failure", ["fallback", "fail"], "fallback"),
    logLevel,
    jobLabel: get("job-label").trim(),
    runRecord: boolean(get, "run-record", true),
    exportCredentials: boolean(get, "export-credentials", false),
    summary: oneOf(get, "summary", SUMMARY_MODES, "full"),
    ..."percent" in floor ? { minHitRate: floor.percent } : {}
  };
}

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as crypto from "crypto";
import * as fs from "fs";

// node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os from "os";
import * as path from "path";
var semver2 = __toESM(require_semver(), 1);
import * as stream from "stream";
import * as util from "util";
import { ok } from "assert";

// node_modules/@actions/tool-cache/lib/retry-helper.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var RetryHelper = class {
  constructor(maxAttempts, minSeconds, maxSeconds) {
    if (maxAttempts < 1) {
      throw new Error("max attempts should be greater than or equal to 1");
    }
    this.maxAttempts = maxAttempts;
    this.minSeconds = Math.floor(minSeconds);
    this.maxSeconds = Math.floor(maxSeconds);
    if (this.minSeconds > this.maxSeconds) {
      throw new Error("min seconds should be less than or equal to max seconds");
    }
  }
  execute(action, isRetryable) {
    return __awaiter(this, void 0, void 0, function* () {
      let attempt = 1;
      while (attempt < this.maxAttempts) {
        try {
          return yield action();
        } catch (err) {
          if (isRetryable && !isRetryable(err)) {
            throw err;
          }
          info(err.message);
        }
        const seconds = this.getSleepAmount();
        info(`Waiting ${seconds} seconds before trying again`);
        yield this.sleep(seconds);
        attempt++;
      }
      return yield action();
    });
  }
  getSleepAmount() {
    return Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds;
  }
  sleep(seconds) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
    });
  }
};

// node_modules/@actions/tool-cache/lib/tool-cache.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HTTPError = class extends Error {
  constructor(httpStatusCode) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
    this.httpStatusCode = httpStatusCode;
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
var userAgent = "actions/tool-cache";
function downloadTool(url2, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    dest = dest || path.join(_getTempDirectory(), crypto.randomUUID());
    yield mkdirP(path.dirname(dest));
    debug(`Downloading ${url2}`);
    debug(`Destination ${dest}`);
    const maxAttempts = 3;
    const minSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS", 10);
    const maxSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS", 20);
    const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
    return yield retryHelper.execute(() => __awaiter2(this, void 0, void 0, function* () {
      return yield downloadToolAttempt(url2, dest || "", auth, headers);
    }), (err) => {
      if (err instanceof HTTPError && err.httpStatusCode) {
        if (err.httpStatusCode < 500 && err.httpStatusCode !== 408 && err.httpStatusCode !== 429) {
          return false;
        }
      }
      return true;
    });
  });
}
function downloadToolAttempt(url2, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (fs.existsSync(dest)) {
      throw new Error(`Destination file path ${dest} already exists`);
    }
    const http = new HttpClient(userAgent, [], {
      allowRetries: false
    });
    if (auth) {
      debug("set auth");
      if (headers === void 0) {
        headers = {};
      }
      headers.authorization = auth;
    }
    const response = yield http.get(url2, headers);
    if (response.message.statusCode !== 200) {
      const err = new HTTPError(response.message.statusCode);
      debug(`Failed to download from "${url2}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
      throw err;
    }
    const pipeline2 = util.promisify(stream.pipeline);
    const responseMessageFactory = _getGlobal("TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY", () => response.message);
    const readStream = responseMessageFactory();
    let succeeded = false;
    try {
      yield pipeline2(readStream, fs.createWriteStream(dest));
      debug("download complete");
      succeeded = true;
      return dest;
    } finally {
      if (!succeeded) {
        debug("download failed");
        try {
          yield rmRF(dest);
        } catch (err) {
          debug(`Failed to delete '${dest}'. ${err.message}`);
        }
      }
    }
  });
}
function extractTar(file_1, dest_1) {
  return __awaiter2(this, arguments, void 0, function* (file, dest, flags = "xz") {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    debug("Checking tar --version");
    let versionOutput = "";
    yield exec("tar --version", [], {
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => versionOutput += data.toString(),
        stderr: (data) => versionOutput += data.toString()
      }
    });
    debug(versionOutput.trim());
    const isGnuTar = versionOutput.toUpperCase().includes("GNU TAR");
    let args;
    if (flags instanceof Array) {
      args = flags;
    } else {
      args = [flags];
    }
    if (isDebug() && !flags.includes("v")) {
      args.push("-v");
    }
    let destArg = dest;
    let fileArg = file;
    if (IS_WINDOWS && isGnuTar) {
      args.push("--force-local");
      destArg = dest.replace(/\\/g, "/");
      fileArg = file.replace(/\\/g, "/");
    }
    if (isGnuTar) {
      args.push("--warning=no-unknown-keyword");
      args.push("--overwrite");
    }
    args.push("-C", destArg, "-f", fileArg);
    yield exec(`tar`, args);
    return dest;
  });
}
function cacheDir(sourceDir, tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source dir: ${sourceDir}`);
    if (!fs.statSync(sourceDir).isDirectory()) {
      throw new Error("sourceDir is not a directory");
    }
    const destPath = yield _createToolPath(tool, version, arch2);
    for (const itemName of fs.readdirSync(sourceDir)) {
      const s = path.join(sourceDir, itemName);
      yield cp(s, destPath, { recursive: true });
    }
    _completeToolPath(tool, version, arch2);
    return destPath;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver2.clean(versionSpec) || "";
    const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs.existsSync(cachePath) && fs.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os.arch();
  const toolPath = path.join(_getCacheDirectory(), toolName);
  if (fs.existsSync(toolPath)) {
    const children = fs.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path.join(toolPath, child, arch2 || "");
        if (fs.existsSync(fullPath) && fs.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createExtractFolder(dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!dest) {
      dest = path.join(_getTempDirectory(), crypto.randomUUID());
    }
    yield mkdirP(dest);
    return dest;
  });
}
function _createToolPath(tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver2.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver2.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b) => {
    if (semver2.gt(a, b)) {
      return 1;
    }
    return -1;
  });
  for (let i = versions.length - 1; i >= 0; i--) {
    const potential = versions[i];
    const satisfied = semver2.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}
function _getTempDirectory() {
  const tempDirectory = process.env["RUNNER_TEMP"] || "";
  ok(tempDirectory, "Expected RUNNER_TEMP to be defined");
  return tempDirectory;
}
function _getGlobal(key, defaultValue) {
  const value = global[key];
  return value !== void 0 ? value : defaultValue;
}

// src/setup/install.ts
var import_semver = __toESM(require_semver(), 1);
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/setup/releases.ts
var RELEASE_SHA256 = {
  "0.15.0": {
    "x86_64-unknown-linux-musl": "fcfae9d4f44c5ad74b73953bc052d385ec08f437f3c02f3be10590b863503359",
    "aarch64-unknown-linux-musl": "04228c3a61a6f900bd47185e8261d1948e0aa840769b2e7795bb817644454d2e",
    "x86_64-apple-darwin": "1146246631ae45e7c160bb2b6b7f7b9f0d791ad8c3304696747a2770ac493db5",
    "aarch64-apple-darwin": "c7f3b91e0f6343b6188451a77f47840d7c01ad64d9f61493c0516eaef3b718e1",
    "x86_64-pc-windows-msvc": "e68e38e5b548f015dfc47c76d6cfbe67a610034408961f2b8693828b728999f8",
    "aarch64-pc-windows-msvc": "bfec9460a2addaedda12d94ee54cdd1871cfdde213c6559ff5764571c9574942"
  },
  "0.16.0": {
    "x86_64-unknown-linux-musl": "aec995a83ad3dff3d14b6314e08858b7b73d35ca85a5bcf3d3a9ec07dee35588",
    "aarch64-unknown-linux-musl": "f73a5c39f96bb6ebb89cc7915cf182260d4cbf30765322c5e793d0fe8bd80784"
  }
};
function releaseTarget(platform, arch2) {
  const cpu = arch2 === "x64" ? "x86_64" : arch2 === "arm64" ? "aarch64" : void 0;
  if (!cpu) return void 0;
  if (platform === "linux") return `${cpu}-unknown-linux-musl`;
  if (platform === "darwin") return `${cpu}-apple-darwin`;
  if (platform === "win32") return `${cpu}-pc-windows-msvc`;
  return void 0;
}

// src/setup/install.ts
var InstallError = class extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "InstallError";
};
var RELEASE_SUM_FILE = /^\s*([0-9a-fA-F]{64})(\s|$)/;
async function releaseSum(url2) {
  let text;
  try {
    text = await readFile(await downloadTool(`${url2}.sha256`), "utf8");
  } catch (error) {
    throw new InstallError(
      `the release's own sum ${url2}.sha256 could not be read: ${error.message}`,
      "download"
    );
  }
  const sum = RELEASE_SUM_FILE.exec(text.slice(0, 1024))?.[1];
  if (!sum) throw new InstallError(`${url2}.sha256 does not start with a SHA-256 digest`, "download");
  return sum.toLowerCase();
}
async function sha256File(path2) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path2)) hash.update(chunk);
  return hash.digest("hex");
}
async function findOnPath() {
  const found = await which("sccache", false);
  return found || void 0;
}
function resolveVersion(requested, target) {
  if (requested) return requested;
  if (target && RELEASE_SHA256[NEWEST_TESTED_VERSION]?.[target]) return NEWEST_TESTED_VERSION;
  const withSum = Object.keys(RELEASE_SHA256).filter((v) => target !== void 0 && RELEASE_SHA256[v]?.[target] !== void 0).sort(import_semver.default.rcompare);
  return withSum[0] ?? NEWEST_TESTED_VERSION;
}
async function installRelease(request) {
  const exe = request.platform === "win32" ? "sccache.exe" : "sccache";
  const target = releaseTarget(request.platform, request.arch);
  const version = resolveVersion(request.version, target);
  const cached = find("sccache", version, request.arch);
  if (cached) return { path: join2(cached, exe), source: "tool-cache", version };
  if (!target)
    throw new InstallError(`no sccache release for ${request.platform}/${request.arch}`, "unsupported");
  const url2 = request.urlTemplate.replaceAll("{version}", version).replaceAll("{target}", target);
  const committed = RELEASE_SHA256[version]?.[target];
  const checkedAgainst = request.sha256 ? "given" : committed ? "committed" : "release";
  if (checkedAgainst === "release" && request.committedSumsOnly) {
    throw new InstallError(
      `no committed SHA-256 for sccache ${version} on ${target} (known: ${Object.keys(RELEASE_SHA256).join(", ")}), and committed-sums-only is set; pick one of those versions or pass sccache-sha256`,
      "unsupported"
    );
  }
  const expected = request.sha256 || committed || await releaseSum(url2);
  let archive;
  try {
    archive = await downloadTool(url2);
  } catch (error) {
    throw new InstallError(`download of ${url2} failed: ${error.message}`, "download");
  }
  const actual = await sha256File(archive);
  if (actual !== expected) {
    throw new InstallError(
      `checksum mismatch for ${url2}: expected sha256 ${expected}, got ${actual}; refusing to run it`,
      "checksum"
    );
  }
  const extracted = await extractTar(archive);
  const folder = join2(extracted, `sccache-v${version}-${target}`);
  const dir = await cacheDir(folder, "sccache", version, request.arch);
  return { path: join2(dir, exe), source: "download", version, checkedAgainst };
}

// src/github/cache-mode.ts
function cacheMode(env) {
  const mode = (env["ACTIONS_CACHE_MODE"] ?? "").trim().toLowerCase();
  return mode === "none" || mode === "read" || mode === "write" || mode === "write-only" ? mode : "unset";
}

// src/sccache/stores.ts
var import_semver2 = __toESM(require_semver(), 1);
var SINCE = {
  // opendal-backed S3, Redis and WebDAV, and the `<scheme>, name: …, prefix: …` location: v0.4.0
  // src/cache/{s3,redis,webdav}.rs and src/cache/cache.rs. The 0.4.0-pre.N builds changed from
  // one to the next (WebDAV from pre.8, the opendal location from pre.4) and Debian's pre.6 has
  // no remote backend compiled in: they are left out.
  stores: "0.4.0",
  // SCCACHE_WEBDAV_USERNAME, _PASSWORD and _TOKEN: read in v0.4.2 src/config.rs, not in v0.4.1.
  webdavCredentials: "0.4.2",
  // rediss:// (TLS): opendal 0.40.0 (v0.6.0 Cargo.lock) parses it in services/redis/backend.rs;
  // opendal 0.27–0.37 (v0.4.0–v0.5.4) answer "invalid or unsupported scheme".
  rediss: "0.6.0",
  // Without SCCACHE_REGION (or AWS_REGION) and without a custom endpoint, opendal 0.34+ (v0.5.0+)
  // refuses the S3 store ("region is missing"); 0.27–0.30 (v0.4.x) asked the bucket for it. With a
  // custom endpoint 0.34–0.37 (v0.5.x) took us-east-1, 0.40+ (v0.6.0+) refuse it too
  // (core/src/services/s3/backend.rs of each opendal release).
  s3RegionRequired: "0.5.0",
  // The 24-hour expiry hard-coded in v0.4.0–v0.4.1 src/cache/redis.rs (`default_ttl`) is gone in v0.4.2.
  redisNoFixedTtl: "0.4.2",
  // SCCACHE_REDIS_TTL: v0.7.6 src/config.rs (seconds, 0 = never).
  redisTtl: "0.7.6",
  // SCCACHE_REDIS_ENDPOINT, _USERNAME, _PASSWORD, _DB, _KEY_PREFIX, _EXPIRATION, _CLUSTER_ENDPOINTS
  // and SCCACHE_MEMCACHED_ENDPOINT: v0.8.0 src/config.rs. SCCACHE_REDIS is still read, as the
  // "deprecated API" (v0.8.0–v0.16.0 src/cache/cache.rs), and SCCACHE_REDIS_TTL as a synonym of
  // SCCACHE_REDIS_EXPIRATION (v0.8.0 docs/Redis.md).
  redisSplit: "0.8.0",
  // SCCACHE_MULTILEVEL_CHAIN: v0.15.0 src/config.rs; when set it replaces the fallback order.
  multiLevel: "0.15.0",
  // SCCACHE_{S3,REDIS,WEBDAV,…}_RW_MODE: v0.16.0 src/config.rs (bdbab18e, #2705), not in v0.15.0.
  rwMode: "0.16.0"
};
function atLeastFor(version) {
  const v = version.semver ?? NEWEST_TESTED_VERSION;
  return (min) => import_semver2.default.gte(v, min);
}
function readOnlyVariable(kind, version) {
  return atLeastFor(version)(SINCE.rwMode) ? `SCCACHE_${kind.toUpperCase()}_RW_MODE` : void 0;
}
function storeVariables(store, version) {
  const atLeast = atLeastFor(version);
  if (!atLeast(SINCE.stores)) {
    return {
      unsupported: `sccache ${version.raw} predates the S3, Redis and WebDAV stores sccache-guard configures (0.4.0 and later)`
    };
  }
  switch (store.kind) {
    case "s3":
      return s3Variables(store.s3, atLeast);
    case "redis":
      return redisVariables(store.redis, version, atLeast);
    case "webdav":
      return webdavVariables(store.webdav, version, atLeast);
  }
}
function preferredOver(kind, atLeast) {
  const split = atLeast(SINCE.redisSplit);
  const s3 = ["SCCACHE_BUCKET"];
  const redis = [
    "SCCACHE_REDIS",
    ...split ? ["SCCACHE_REDIS_ENDPOINT", "SCCACHE_REDIS_CLUSTER_ENDPOINTS"] : []
  ];
  const beforeWebdav = [
    ...s3,
    ...redis,
    "SCCACHE_MEMCACHED",
    ...split ? ["SCCACHE_MEMCACHED_ENDPOINT"] : [],
    "SCCACHE_GCS_BUCKET",
    "SCCACHE_GHA_ENABLED",
    "SCCACHE_GHA_VERSION",
    "SCCACHE_AZURE_CONNECTION_STRING",
    "SCCACHE_AZURE_BLOB_CONTAINER"
  ];
  const multi = atLeast(SINCE.multiLevel) ? ["SCCACHE_MULTILEVEL_CHAIN"] : [];
  switch (kind) {
    case "s3":
      return multi;
    case "redis":
      return [...s3, ...multi];
    case "webdav":
      return [...beforeWebdav, ...multi];
  }
}
var given = (value) => value !== void 0 && value !== "";
function parseEndpoint(what, value, schemes) {
  let url2;
  try {
    url2 = new URL(value);
  } catch {
    return { invalid: `the ${what} is not a URL (${schemes.map((s) => `${s}//…`).join(" or ")})` };
  }
  if (!schemes.includes(url2.protocol))
    return { invalid: `the ${what} must start with ${schemes.map((s) => `${s}//`).join(" or ")}` };
  if (url2.username !== "" || url2.password !== "")
    return { invalid: `the ${what} holds a user or password: give them as their own settings, from secrets` };
  return { url: url2 };
}
var isCount = (n, max) => Number.isSafeInteger(n) && n >= 0 && n <= max;
var U32_MAX = 4294967295;
var prefixPart = (prefix) => given(prefix) ? `, prefix \`${prefix}\`` : "";
function s3Variables(s3, atLeast) {
  if (!given(s3.bucket)) return { unsupported: "the S3 bucket is empty" };
  const exports = { SCCACHE_BUCKET: s3.bucket };
  const notes = [];
  const mustBeUnset = preferredOver("s3", atLeast);
  if (given(s3.endpoint)) {
    const parsed = parseEndpoint("S3 endpoint", s3.endpoint, ["http:", "https:"]);
    if ("invalid" in parsed) return { unsupported: parsed.invalid };
    exports["SCCACHE_ENDPOINT"] = s3.endpoint;
    exports["SCCACHE_S3_USE_SSL"] = parsed.url.protocol === "https:" ? "on" : "off";
  }
  if (given(s3.region)) {
    exports["SCCACHE_REGION"] = s3.region;
  } else if (given(s3.endpoint)) {
    exports["SCCACHE_REGION"] = "us-east-1";
    notes.push("No S3 region given: us-east-1 is used with the custom endpoint.");
  } else if (s3.noCredentials) {
    if (atLeast(SINCE.s3RegionRequired))
      return { unsupported: "anonymous S3 needs a region: sccache reads no AWS_REGION without credentials" };
    notes.push("No S3 region given: sccache asks the bucket for it.");
  } else {
    notes.push(
      atLeast(SINCE.s3RegionRequired) ? "No S3 region given: sccache takes AWS_REGION from the environment and does not start without it." : "No S3 region given: sccache takes AWS_REGION from the environment, or asks the bucket."
    );
  }
  if (given(s3.keyPrefix)) exports["SCCACHE_S3_KEY_PREFIX"] = s3.keyPrefix;
  if (s3.noCredentials) {
    exports["SCCACHE_S3_NO_CREDENTIALS"] = "true";
    mustBeUnset.push("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
  } else {
    notes.push(
      "Credentials: sccache reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (or ~/.aws, AWS_PROFILE, AWS_ROLE_ARN) from its environment; setup exports none."
    );
  }
  const where = given(s3.endpoint) ? ` at ${s3.endpoint}` : "";
  const region = given(s3.region) ? ` (${s3.region})` : "";
  const anonymous = s3.noCredentials ? ", anonymous" : "";
  return {
    exports,
    secrets: [],
    described: `S3 bucket \`${s3.bucket}\`${where}${region}${prefixPart(s3.keyPrefix)}${anonymous}`,
    notes,
    mustBeUnset
  };
}
var URL_SAFE_USERINFO = /^[A-Za-z0-9!$%&'()*+,\-._~]*$/;
function redisVariables(redis, version, atLeast) {
  if (!given(redis.endpoint)) return { unsupported: "the Redis endpoint is empty" };
  const parsed = parseEndpoint("Redis endpoint", redis.endpoint, ["redis:", "rediss:"]);
  if ("invalid" in parsed) return { unsupported: parsed.invalid };
  const { url: url2 } = parsed;
  if (url2.pathname !== "" && url2.pathname !== "/" || url2.search !== "" || url2.hash !== "")
    return {
      unsupported: "the Redis endpoint must be redis://host[:port] alone: give the database number as its own setting"
    };
  if (url2.protocol === "rediss:" && !atLeast(SINCE.rediss))
    return { unsupported: `sccache ${version.raw} has no Redis over TLS (rediss://): it came with 0.6.0` };
  if (given(redis.username) && !given(redis.password))
    return { unsupported: "a Redis username needs a password: sccache authenticates only with a password" };
  if (redis.db !== void 0 && !isCount(redis.db, U32_MAX))
    return { unsupported: "the Redis database must be a whole number from 0" };
  if (redis.ttlSeconds !== void 0 && !isCount(redis.ttlSeconds, Number.MAX_SAFE_INTEGER))
    return { unsupported: "the Redis expiry must be a whole number of seconds from 0" };
  const ttl = redis.ttlSeconds || void 0;
  const notes = [];
  if (!atLeast(SINCE.redisNoFixedTtl)) {
    if (ttl !== void 0)
      return {
        unsupported: `sccache ${version.raw} fixes Redis entries' expiry at 24 hours (settable from 0.7.6)`
      };
    notes.push(`sccache ${version.raw} lets Redis entries expire after 24 hours (fixed in this version).`);
  } else if (ttl !== void 0 && !atLeast(SINCE.redisTtl)) {
    return {
      unsupported: `sccache ${version.raw} has no Redis expiry setting (SCCACHE_REDIS_TTL came with 0.7.6)`
    };
  }
  const described = [
    `Redis at ${redis.endpoint}`,
    redis.db ? `, database ${redis.db}` : "",
    prefixPart(redis.keyPrefix),
    given(redis.password) ? ", with a password" : "",
    ttl !== void 0 ? `, entries expire after ${ttl} s` : ""
  ].join("");
  if (atLeast(SINCE.redisSplit)) {
    const exports2 = { SCCACHE_REDIS_ENDPOINT: redis.endpoint };
    const secrets2 = [];
    if (given(redis.username)) exports2["SCCACHE_REDIS_USERNAME"] = redis.username;
    if (given(redis.password)) {
      exports2["SCCACHE_REDIS_PASSWORD"] = redis.password;
      secrets2.push(redis.password);
    }
    if (redis.db) exports2["SCCACHE_REDIS_DB"] = String(redis.db);
    if (given(redis.keyPrefix)) exports2["SCCACHE_REDIS_KEY_PREFIX"] = redis.keyPrefix;
    if (ttl !== void 0) exports2["SCCACHE_REDIS_EXPIRATION"] = String(ttl);
    const mustBeUnset = [
      ...preferredOver("redis", atLeast),
      "SCCACHE_REDIS",
      "SCCACHE_REDIS_CLUSTER_ENDPOINTS",
      ...ttl !== void 0 ? ["SCCACHE_REDIS_TTL"] : []
    ];
    return { exports: exports2, secrets: secrets2, described, notes, mustBeUnset };
  }
  const credentials = [redis.username, redis.password].filter(given);
  if (!credentials.every((c) => URL_SAFE_USERINFO.test(c)))
    return {
      unsupported: `sccache ${version.raw} takes the Redis user and password only inside the SCCACHE_REDIS URL and passes them on still percent-encoded, so one with a character other than A–Z a–z 0–9 ! $ % & ' ( ) * + , - . _ ~ cannot reach Redis: use sccache 0.8.0 or later (SCCACHE_REDIS_PASSWORD), or such a password`
    };
  if (given(redis.keyPrefix))
    return {
      unsupported: `sccache ${version.raw} has no Redis key prefix (SCCACHE_REDIS_KEY_PREFIX came with 0.8.0)`
    };
  const userinfo = given(redis.password) ? `${redis.username ?? ""}:${redis.password}@` : "";
  const query = redis.db ? `/?db=${redis.db}` : "";
  const full = `${url2.protocol}//${userinfo}${url2.host}${query}`;
  const exports = { SCCACHE_REDIS: full };
  if (ttl !== void 0) exports["SCCACHE_REDIS_TTL"] = String(ttl);
  const secrets = [];
  if (given(redis.password)) {
    secrets.push(full, redis.password);
    notes.push(
      atLeast("0.6.0") ? (
        // opendal 0.40+ (v0.6.0 Cargo.lock) names the Redis store by the endpoint string, which
        // sccache gives as the whole URL (`builder.endpoint(parsed.as_str())`, src/cache/redis.rs).
        `sccache ${version.raw} prints the Redis URL, password included, in its cache_location and debug log: sccache 0.8.0 and later keep the password apart.`
      ) : (
        // opendal 0.27–0.37 name it by redis-rs's ConnectionAddr, host:port; the debug line
        // "Init redis cache with url …" (src/cache/cache.rs) still has the whole URL.
        `sccache ${version.raw} writes the Redis URL, password included, to its debug log: sccache 0.8.0 and later keep the password apart.`
      )
    );
  }
  return { exports, secrets, described, notes, mustBeUnset: preferredOver("redis", atLeast) };
}
function webdavVariables(webdav, version, atLeast) {
  if (!given(webdav.endpoint)) return { unsupported: "the WebDAV endpoint is empty" };
  const parsed = parseEndpoint("WebDAV endpoint", webdav.endpoint, ["http:", "https:"]);
  if ("invalid" in parsed) return { unsupported: parsed.invalid };
  const basic = given(webdav.username) || given(webdav.password);
  if (basic && given(webdav.token))
    return { unsupported: "give WebDAV a token or a username and password, not both" };
  if (given(webdav.password) && !given(webdav.username))
    return { unsupported: "a WebDAV password needs a username" };
  if ((basic || given(webdav.token)) && !atLeast(SINCE.webdavCredentials))
    return {
      unsupported: `sccache ${version.raw} reads no WebDAV credentials (SCCACHE_WEBDAV_USERNAME, _PASSWORD and _TOKEN came with 0.4.2)`
    };
  const exports = { SCCACHE_WEBDAV_ENDPOINT: webdav.endpoint };
  const secrets = [];
  if (given(webdav.keyPrefix)) exports["SCCACHE_WEBDAV_KEY_PREFIX"] = webdav.keyPrefix;
  if (given(webdav.username)) exports["SCCACHE_WEBDAV_USERNAME"] = webdav.username;
  if (given(webdav.password)) {
    exports["SCCACHE_WEBDAV_PASSWORD"] = webdav.password;
    secrets.push(webdav.password);
  }
  if (given(webdav.token)) {
    exports["SCCACHE_WEBDAV_TOKEN"] = webdav.token;
    secrets.push(webdav.token);
  }
  const auth = given(webdav.token) ? ", bearer token" : basic ? ", basic authentication" : "";
  return {
    exports,
    secrets,
    described: `WebDAV at ${webdav.endpoint}${prefixPart(webdav.keyPrefix)}${auth}`,
    notes: [],
    mustBeUnset: preferredOver("webdav", atLeast)
  };
}

// src/setup/read-only.ts
function reasonToStayReadOnly({ choice, event, cacheMode: cacheMode2 }) {
  if (choice === "true") return "read-only: true";
  if (cacheMode2 === "none") return "ACTIONS_CACHE_MODE is none: this job may not use the GitHub cache";
  if (cacheMode2 === "read") return "ACTIONS_CACHE_MODE is read: the cache service refuses writes";
  if (choice === "false") return void 0;
  if (event === "pull_request")
    return "a pull_request run writes into its PR ref, which no other run can read";
  if (event === "pull_request_target")
    return "a pull_request_target run builds untrusted code: it must not write the base branch cache";
  return void 0;
}
function decideReadOnly(input) {
  const why = reasonToStayReadOnly(input);
  if (!why) return { wanted: false };
  switch (input.backend) {
    case "gha":
      return input.capabilities.ghaReadOnlyMode ? { wanted: true, why, enforced: true, how: "SCCACHE_GHA_RW_MODE=READ_ONLY" } : {
        wanted: true,
        why,
        enforced: false,
        whyNot: `sccache ${input.sccacheVersion} has no SCCACHE_GHA_RW_MODE (0.16.0+): it will write as usual (into this run's scope)`
      };
    case "local":
      return { wanted: true, why, enforced: true, how: "the local cache archive is restored but not saved" };
    case "external":
      if (input.store) {
        return input.store.readOnlyVariable ? { wanted: true, why, enforced: true, how: `${input.store.readOnlyVariable}=READ_ONLY` } : {
          wanted: true,
          why,
          enforced: false,
          whyNot: `sccache ${input.sccacheVersion} has no read-only mode for ${input.store.kind} (0.16.0+): it will write as usual`
        };
      }
      return {
        wanted: true,
        why,
        enforced: false,
        whyNot: "backend: external uses the store your own SCCACHE_* variables configure, and sccache-guard does not change them: set that store's read-only mode yourself if it has one"
      };
  }
}

// src/setup/plan.ts
function ghaSupport(input, host) {
  const { version, capabilities, env } = input;
  if (input.ghaCompiledIn === false) {
    return {
      ok: false,
      why: `this sccache (${version.raw}) was built without the GHA backend`,
      tooOld: `sccache ${version.raw} has no GHA backend compiled in`
    };
  }
  if (!capabilities.ghaEnabledVariable) {
    const why = `sccache ${version.raw} predates the GHA backend configuration sccache-guard supports (0.4.0+)`;
    return { ok: false, why, tooOld: why };
  }
  if (host !== "ghes" && !capabilities.ghaV2) {
    const why = `sccache ${version.raw} speaks only the v1 cache protocol, which ${host} shut down on 2025-04-15: enabling GHA would make every compile fail; sccache 0.10.0 is the first with v2`;
    return { ok: false, why, tooOld: why };
  }
  if (!env["ACTIONS_RUNTIME_TOKEN"])
    return { ok: false, why: "ACTIONS_RUNTIME_TOKEN is not in the action environment" };
  if (host === "ghes") {
    if (!env["ACTIONS_CACHE_URL"])
      return {
        ok: false,
        why: "ACTIONS_CACHE_URL is not in the action environment (GHES uses the v1 service)"
      };
    return { ok: true, protocol: "v1" };
  }
  if (!env["ACTIONS_RESULTS_URL"])
    return { ok: false, why: "ACTIONS_RESULTS_URL is not in the action environment" };
  return { ok: true, protocol: "v2" };
}
function chooseBackend(input, host, mode) {
  const { settings, env } = input;
  if (settings.backend === "local" || settings.backend === "external") return { backend: settings.backend };
  if (settings.store) return { backend: "external" };
  const configuredElsewhere = inspectEnvironment(
    env,
    input.version,
    input.capabilities
  ).higherPrecedenceBackends;
  if (settings.backend === "auto" && configuredElsewhere.length) {
    return { backend: "external", why: `${configuredElsewhere.join(", ")} configure another backend` };
  }
  if (mode === "none") {
    return { backend: "local", why: "ACTIONS_CACHE_MODE is none: this job may not use the GitHub cache" };
  }
  const support = ghaSupport(input, host);
  if (support.ok) return { backend: "gha", protocol: support.protocol };
  return { backend: "local", why: support.why, ...support.tooOld ? { tooOld: support.tooOld } : {} };
}
function planSetup(input) {
  const { settings, env, version, capabilities, sccachePath } = input;
  const host = hostFromServerUrl(env["GITHUB_SERVER_URL"]).kind;
  const environment = inspectEnvironment(env, version, capabilities);
  const mode = cacheMode(env);
  let choice = chooseBackend(input, host, mode);
  let store;
  if (settings.store) {
    const planned = storeVariables(settings.store, version);
    if ("unsupported" in planned) choice = { backend: "local", why: planned.unsupported };
    else store = planned;
  }
  const storeKind = store ? settings.store?.kind : void 0;
  const storeReadOnly = storeKind ? readOnlyVariable(storeKind, version) : void 0;
  const readOnly = decideReadOnly({
    choice: settings.readOnly,
    event: env["GITHUB_EVENT_NAME"] ?? "",
    cacheMode: mode,
    backend: choice.backend,
    sccacheVersion: version.raw,
    capabilities,
    ...storeKind ? { store: { kind: storeKind, ...storeReadOnly ? { readOnlyVariable: storeReadOnly } : {} } } : {}
  });
  const exports = {};
  const secrets = [];
  exports["SCCACHE_IDLE_TIMEOUT"] = "0";
  exports["SCCACHE_SERVER_PORT"] = input.serverPort;
  exports["SCCACHE_ERROR_LOG"] = input.logPath;
  const serverOnly = settings.logLevel !== "off" ? { SCCACHE_LOG: settings.logLevel } : {};
  if (settings.rustcWrapper) {
    exports["RUSTC_WRAPPER"] = sccachePath;
    exports["CARGO_INCREMENTAL"] = "0";
  }
  if (settings.cmakeLaunchers) {
    exports["CMAKE_C_COMPILER_LAUNCHER"] = sccachePath;
    exports["CMAKE_CXX_COMPILER_LAUNCHER"] = sccachePath;
  }
  let namespace;
  let cacheSize;
  if (choice.backend === "gha") {
    const gha = settings.exportCredentials ? exports : serverOnly;
    const token = env["ACTIONS_RUNTIME_TOKEN"];
    secrets.push(token);
    gha["ACTIONS_RUNTIME_TOKEN"] = token;
    gha["SCCACHE_GHA_ENABLED"] = "true";
    if (choice.protocol === "v2") {
      gha["ACTIONS_RESULTS_URL"] = env["ACTIONS_RESULTS_URL"];
      gha["ACTIONS_CACHE_SERVICE_V2"] = "on";
    } else {
      gha["ACTIONS_CACHE_URL"] = env["ACTIONS_CACHE_URL"];
      if (env["ACTIONS_RESULTS_URL"]) gha["ACTIONS_RESULTS_URL"] = env["ACTIONS_RESULTS_URL"];
    }
    if (settings.cacheNamespace) gha["SCCACHE_GHA_VERSION"] = settings.cacheNamespace;
    namespace = ghaNamespace(version.raw, settings.cacheNamespace || void 0);
    if (readOnly.wanted && readOnly.enforced) gha["SCCACHE_GHA_RW_MODE"] = "READ_ONLY";
  } else if (store && storeKind) {
    const target = settings.exportCredentials ? exports : serverOnly;
    Object.assign(target, store.exports);
    secrets.push(...store.secrets);
    if (storeKind === "s3") {
      for (const name of ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) {
        const value = env[name];
        if (value) secrets.push(value);
      }
    }
    if (readOnly.wanted && readOnly.enforced && storeReadOnly) target[storeReadOnly] = "READ_ONLY";
  } else if (choice.backend === "local") {
    exports["SCCACHE_DIR"] = env["SCCACHE_DIR"] || input.localCacheDir;
    cacheSize = { value: cacheSizeVariable(settings.cacheSize, capabilities) };
    exports["SCCACHE_CACHE_SIZE"] = cacheSize.value;
    const own = env["SCCACHE_CACHE_SIZE"];
    if (own !== void 0 && own !== cacheSize.value) cacheSize = { ...cacheSize, replaced: own };
    if (env["SCCACHE_GHA_ENABLED"] !== void 0) exports["SCCACHE_GHA_ENABLED"] = "false";
  }
  return {
    backend: choice.backend,
    host,
    ...choice.protocol ? { protocol: choice.protocol } : {},
    ...namespace ? { namespace } : {},
    ...cacheSize ? { cacheSize } : {},
    readOnly,
    exports,
    serverOnly,
    credentialsExported: (choice.backend === "gha" || store !== void 0) && settings.exportCredentials,
    secrets,
    ...choice.why ? { ghaUnavailableBecause: choice.why } : {},
    ...choice.tooOld && settings.backend !== "local" && settings.backend !== "external" ? { tooOldBecause: choice.tooOld } : {},
    environment,
    ...store && storeKind ? {
      store: {
        kind: storeKind,
        described: store.described,
        // The description up to its first comma: where the store is, not how it authenticates.
        name: store.described.split(", ")[0],
        notes: store.notes
      }
    } : {}
  };
}
function fallbackPlan(plan, input, why) {
  const settings = { ...input.settings, backend: "local" };
  delete settings.store;
  const local = planSetup({ ...input, settings });
  return {
    ...local,
    ghaUnavailableBecause: why,
    environment: plan.environment,
    ...plan.tooOldBecause ? { tooOldBecause: plan.tooOldBecause } : {}
  };
}

// src/setup/preflight.ts
var BACKEND_VARIABLE = /^(SCCACHE_(GHA_|BUCKET|REDIS|MEMCACHED|GCS|AZURE|WEBDAV|OSS|COS|S3|MULTILEVEL)|ACTIONS_CACHE_SERVICE_V2$)/;
var NOT_FOR_THE_SERVER = /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/;
var FOREGROUND_VARIABLES = /* @__PURE__ */ new Set(["SCCACHE_NO_DAEMON", "SCCACHE_START_SERVER"]);
async function writeCheckOf(server, env) {
  const read = server.readLog ?? readLogFacts;
  const log = await read(env["SCCACHE_ERROR_LOG"]).catch(() => void 0);
  return log?.storageCheck;
}
function serverEnv(plan, jobEnv) {
  const stripBackends = plan.backend === "local" || plan.store !== void 0;
  const env = {};
  for (const [name, value] of Object.entries(jobEnv)) {
    if (value === void 0 || FOREGROUND_VARIABLES.has(name) || NOT_FOR_THE_SERVER.test(name)) continue;
    if (stripBackends && BACKEND_VARIABLE.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...plan.exports, ...plan.serverOnly };
}
function clientEnv(plan, jobEnv) {
  const env = {};
  for (const [name, value] of Object.entries(jobEnv)) if (value !== void 0) env[name] = value;
  return { ...env, ...plan.exports };
}
async function startAndCheck(server, sccache, plan, jobEnv) {
  const env = serverEnv(plan, jobEnv);
  const started = await server.startServer(sccache, env);
  if (!started.ok) return { ok: false, error: started.error, fallback: false };
  try {
    const location = await server.serverLocation(sccache, clientEnv(plan, jobEnv));
    const wanted = plan.store ? location.backend === plan.store.kind : plan.backend === "external" ? location.backend !== "none" && location.backend !== "local" : location.backend === plan.backend;
    const protocolOk = plan.backend !== "gha" || location.protocol === plan.protocol;
    if (wanted && protocolOk) {
      const writeCheck = await writeCheckOf(server, env);
      return { ok: true, location: location.raw, fallback: false, ...writeCheck ? { writeCheck } : {} };
    }
    await server.stopServer(sccache, env);
    return {
      ok: false,
      location: location.raw,
      error: `the server started with cache location "${location.raw}", not the planned ${plan.store?.kind ?? plan.backend}${plan.protocol ? ` (${plan.protocol})` : ""} cache`,
      fallback: false
    };
  } catch (error) {
    await server.stopServer(sccache, env);
    return {
      ok: false,
      error: `the server started but a client could not read its stats: ${error.message}`,
      fallback: false
    };
  }
}

// src/setup/record.ts
function buildSetupRecord(outcome) {
  const { plan, preflight, settings } = outcome;
  const running = preflight.ok;
  return {
    schema: HANDOFF_SCHEMA,
    sccachePath: outcome.sccachePath,
    sccacheVersion: outcome.sccacheVersion,
    ...outcome.sumCheckedAgainst ? { sumCheckedAgainst: outcome.sumCheckedAgainst } : {},
    requestedBackend: settings.backend,
    plannedBackend: outcome.planned.backend,
    backend: running ? plan.backend : null,
    // The store asked for, also when setup fell back from it: the report names it either way.
    ...outcome.planned.store ? {
      store: {
        kind: outcome.planned.store.kind,
        described: outcome.planned.store.described,
        name: outcome.planned.store.name
      }
    } : {},
    host: plan.host,
    ...plan.protocol ? { protocol: plan.protocol } : {},
    ...plan.namespace ? { namespace: plan.namespace } : {},
    ...settings.cacheNamespace ? { namespaceSuffix: settings.cacheNamespace } : {},
    readOnly: plan.readOnly,
    ...plan.ghaUnavailableBecause ? { ghaUnavailableBecause: plan.ghaUnavailableBecause } : {},
    ...plan.tooOldBecause ? { tooOldBecause: plan.tooOldBecause } : {},
    environment: plan.environment,
    preflight,
    logPath: outcome.logPath,
    startedAt: outcome.startedAt,
    ...outcome.serverLog ? { serverLog: outcome.serverLog } : {},
    ...outcome.localCache && running ? { localCache: outcome.localCache } : {},
    ...running && plan.cacheSize ? { cacheSize: plan.cacheSize } : {},
    exported: running ? Object.keys(plan.exports).sort() : [],
    keptInServer: running ? Object.keys(plan.serverOnly).filter((name) => name !== "SCCACHE_LOG").sort() : [],
    ...running && plan.exports["SCCACHE_SERVER_PORT"] ? { serverPort: plan.exports["SCCACHE_SERVER_PORT"] } : {},
    ...outcome.foreignServer ? { foreignServer: outcome.foreignServer } : {},
    ...outcome.runnerEnvironment ? { runnerEnvironment: outcome.runnerEnvironment } : {}
  };
}

// src/setup/main.ts
var runnerSetupDeps = () => ({
  core: runnerCore,
  env: process.env,
  sccache: {
    findOnPath,
    install: installRelease,
    version: binaryVersion,
    ghaCompiledIn,
    stopServer,
    startServer,
    serverLocation,
    describeServer
  },
  ports: { isListening, freePort },
  restoreArchive: restoreLocalCache,
  readLog: readLogFacts,
  now: () => /* @__PURE__ */ new Date()
});
async function locateSccache({ core, sccache }, settings) {
  const onPath = await sccache.findOnPath();
  if (onPath) {
    core.info(`sccache found on PATH: ${onPath}`);
    return { path: onPath };
  }
  try {
    const installed = await sccache.install({
      version: settings.sccacheVersion,
      urlTemplate: settings.sccacheDownloadUrl,
      sha256: settings.sccacheSha256,
      committedSumsOnly: settings.committedSumsOnly,
      platform: process.platform,
      arch: process.arch
    });
    core.addPath(dirname2(installed.path));
    const sum = installed.checkedAgainst ? `, ${SUM_CHECKED[installed.checkedAgainst]}` : "";
    core.info(`sccache ${installed.version} from ${installed.source}${sum}: ${installed.path}`);
    return {
      path: installed.path,
      ...installed.checkedAgainst ? { checkedAgainst: installed.checkedAgainst } : {}
    };
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    if (error.kind === "checksum") throw error;
    core.saveState(STATE.setupFailure, `sccache could not be installed: ${redact(error.message)}`);
    if (settings.onBackendFailure === "fail") {
      core.setFailed(`sccache could not be installed: ${error.message}`);
      return void 0;
    }
    core.warning(`sccache could not be installed, so this build runs without it: ${error.message}`, {
      title: "sccache-guard setup"
    });
    return void 0;
  }
}
async function readVersion({ core, sccache }, binary) {
  let version;
  try {
    version = await sccache.version(binary);
  } catch (error) {
    if (!(error instanceof VersionParseError)) throw error;
    core.notice(`${error.message}; assuming sccache ${NEWEST_TESTED_VERSION} behaviour.`, {
      title: "sccache-guard setup"
    });
    return { raw: NEWEST_TESTED_VERSION, semver: NEWEST_TESTED_VERSION, newerThanTested: false };
  }
  if (version.newerThanTested) {
    core.notice(
      `sccache ${version.raw} is newer than the versions sccache-guard has tested; assuming the newest known behaviour.`,
      { title: "sccache-guard setup" }
    );
  }
  return version;
}
function logPlan(core, plan) {
  core.info(
    `sccache backend: ${plan.backend}${plan.protocol ? ` (protocol ${plan.protocol})` : ""}${plan.namespace ? `, namespace ${plan.namespace}` : ""}`
  );
  if (plan.ghaUnavailableBecause) core.info(`GitHub cache not used: ${plan.ghaUnavailableBecause}`);
  if (plan.cacheSize) {
    const replaced = plan.cacheSize.replaced;
    core.info(
      `local cache bound: SCCACHE_CACHE_SIZE=${plan.cacheSize.value} (cache-size)${replaced !== void 0 ? `, replacing the job's own ${JSON.stringify(replaced)}` : ""}`
    );
  }
  if (plan.readOnly.wanted) {
    core.info(
      plan.readOnly.enforced ? `read-only: ${plan.readOnly.why} (${plan.readOnly.how})` : `read-only wanted (${plan.readOnly.why}) but not enforced: ${plan.readOnly.whyNot}`
    );
  }
  if (plan.store) {
    core.info(`store: ${plan.store.described}`);
    for (const note of plan.store.notes) core.info(`  ${note}`);
  }
  core.info(`exporting: ${Object.keys(plan.exports).sort().join(", ")}`);
}
async function restoreArchive(deps, plan, settings) {
  const dir = plan.exports["SCCACHE_DIR"];
  const keys = localCacheKeys(deps.env, jobLabel(settings.jobLabel, deps.env));
  const started = performance.now();
  const restored = await deps.restoreArchive(dir, keys.key, keys.restorePrefix);
  const restoreSeconds = Math.round(performance.now() - started) / 1e3;
  const size = restored.restored ? await directorySize(dir) : void 0;
  deps.core.info(
    `local cache: ${restored.restored ? `restored ${dir} from ${restored.matchedKey} in ${restoreSeconds} s` : `nothing restored (${restored.reason})`}`
  );
  return {
    dir,
    ...keys,
    ...restored.restored ? { restoredKey: restored.matchedKey, restoreSeconds, ...size ? { restoredBytes: size.bytes } : {} } : { restoreNote: restored.reason }
  };
}
async function chooseServerPort(deps, sccache) {
  const asked = /^\d{1,5}$/.test(deps.env["SCCACHE_SERVER_PORT"] ?? "") ? deps.env["SCCACHE_SERVER_PORT"] : "";
  const usual = Number(asked || DEFAULT_SERVER_PORT);
  if (!await deps.ports.isListening(usual)) {
    return { port: asked || String(await deps.ports.freePort()) };
  }
  const identity = await deps.sccache.describeServer(sccache, { SCCACHE_SERVER_PORT: String(usual) });
  const foreign = { port: String(usual), ...identity, ...asked ? { namedByJob: true } : {} };
  const port = String(await deps.ports.freePort());
  deps.core.info(
    `a sccache server already listens on port ${usual}${identity.version ? ` (sccache ${identity.version})` : ""}: left alone; this job's server uses port ${port}`
  );
  return { port, foreign };
}
async function setUp(deps) {
  const { core, env } = deps;
  const startedAt = deps.now().toISOString();
  let settings;
  try {
    settings = readSettings((name) => core.getInput(name));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    core.saveState(STATE.setupFailure, error.message);
    return core.setFailed(error.message);
  }
  const located = await locateSccache(deps, settings);
  if (!located) return;
  const sccache = located.path;
  core.saveState(STATE.sccachePath, sccache);
  const version = await readVersion(deps, sccache);
  const tempDir = await actionTempDir(env);
  const server = await chooseServerPort(deps, sccache);
  const input = {
    settings,
    version,
    capabilities: capabilitiesOf(version),
    sccachePath: sccache,
    env,
    ghaCompiledIn: await deps.sccache.ghaCompiledIn(sccache),
    logPath: join3(tempDir, "sccache.log"),
    localCacheDir: join3(env["HOME"] || tmpdir(), ".cache", "sccache"),
    serverPort: server.port
  };
  const planned = planSetup(input);
  for (const secret of planned.secrets) core.setSecret(secret);
  logPlan(core, planned);
  const localCache = planned.backend === "local" ? await restoreArchive(deps, planned, settings) : void 0;
  let plan = planned;
  let preflight = await startAndCheck(deps.sccache, sccache, planned, env);
  if (!preflight.ok) {
    const store = planned.store ? planned.store.name : `the ${planned.backend} cache`;
    const what = `sccache could not use ${store}: ${preflight.error}`;
    if (settings.onBackendFailure === "fail") {
      core.setFailed(what);
    } else if (planned.backend !== "local") {
      plan = fallbackPlan(planned, input, preflight.error ?? "preflight failed");
      const local = await startAndCheck(deps.sccache, sccache, plan, env);
      if (local.ok) {
        preflight = { ...local, error: preflight.error, fallback: true };
        core.warning(`${what}. Falling back to local disk for this run.`, {
          title: "sccache-guard: cache backend failed"
        });
      } else {
        preflight = {
          ok: false,
          error: `${preflight.error}; local disk failed too: ${local.error}`,
          fallback: false
        };
        core.warning(`${what}. Local disk failed too (${local.error}): the build runs without sccache.`, {
          title: "sccache-guard: sccache did not start"
        });
      }
    } else {
      core.warning(`${what}. The build runs without sccache.`, {
        title: "sccache-guard: sccache did not start"
      });
    }
  }
  if (preflight.ok && preflight.writeCheck?.result === "read-only" && !plan.readOnly.wanted) {
    core.warning(
      `sccache started, but its cache is read-only for this job: ${describePreflight(preflight)}.`,
      {
        title: "sccache-guard: cache read-only"
      }
    );
  }
  const log = await deps.readLog(input.logPath).catch(() => void 0);
  const serverLog = log ? { starts: log.serverStarts, shutdowns: log.shutdowns, zeroStats: log.zeroStats } : void 0;
  const record = buildSetupRecord({
    settings,
    sccachePath: sccache,
    sccacheVersion: version.raw,
    planned,
    plan,
    preflight,
    logPath: input.logPath,
    startedAt,
    ...serverLog ? { serverLog } : {},
    ...localCache ? { localCache } : {},
    ...server.foreign ? { foreignServer: server.foreign } : {},
    ...env["RUNNER_ENVIRONMENT"] ? { runnerEnvironment: env["RUNNER_ENVIRONMENT"] } : {},
    ...located.checkedAgainst ? { sumCheckedAgainst: located.checkedAgainst } : {}
  });
  if (preflight.ok) {
    for (const [name, value] of Object.entries(plan.exports)) core.exportVariable(name, value);
  }
  core.saveState(STATE.setupRecord, serializeSetupRecord(record));
}
async function run(given2 = runnerSetupDeps()) {
  let core = given2.core;
  try {
    const secrets = [
      given2.env["ACTIONS_RUNTIME_TOKEN"] ?? "",
      // A store's password input, masked before the inputs are even validated.
      given2.core.getInput("redis-password").trim(),
      given2.core.getInput("webdav-password").trim(),
      ...credentialsToMask(given2.env)
    ];
    core = maskSecrets(given2.core, secrets);
    await setUp({ ...given2, core });
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    try {
      core.saveState(STATE.setupFailure, message);
      if (error instanceof InstallError && error.kind === "checksum") return core.setFailed(message);
      core.warning(`sccache-guard setup failed unexpectedly, the build runs without it: ${message}`, {
        title: "sccache-guard setup"
      });
    } catch {
    }
  }
}

// src/setup.ts
await run();
