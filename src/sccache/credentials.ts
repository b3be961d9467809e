// The credential values sccache may be configured with, to mask before anything is printed. Pure:
// reads a plain record of variables.
//
// Where they come from (sccache 0.16.0 / 0.17.0, opendal 0.55, reqsign 0.16.5):
// - sccache's own `config_from_env` (src/config.rs): SCCACHE_REDIS / SCCACHE_REDIS_ENDPOINT /
//   SCCACHE_REDIS_CLUSTER_ENDPOINTS (URLs), SCCACHE_REDIS_PASSWORD, SCCACHE_MEMCACHED /
//   SCCACHE_MEMCACHED_ENDPOINT (URLs), SCCACHE_MEMCACHED_PASSWORD, SCCACHE_WEBDAV_ENDPOINT (URL),
//   SCCACHE_WEBDAV_PASSWORD, SCCACHE_WEBDAV_TOKEN, SCCACHE_AZURE_CONNECTION_STRING (AccountKey=…,
//   SharedAccessSignature=…), SCCACHE_ENDPOINT / SCCACHE_OSS_ENDPOINT / SCCACHE_COS_ENDPOINT (URLs),
//   SCCACHE_GCS_CREDENTIALS_URL / SCCACHE_GCS_OAUTH_URL (URLs); SCCACHE_GCS_KEY_PATH is a path.
//   sccache 0.3 also read SCCACHE_GHA_RUNTIME_TOKEN.
// - the signers opendal uses for S3, Azure, GCS, OSS and COS (reqsign src/*/constants.rs, config.rs):
//   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; AZBLOB_ACCOUNT_KEY,
//   AZURE_CLIENT_SECRET; ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/SECURITY_TOKEN; TENCENTCLOUD_SECRET_ID/
//   _KEY/SECURITY_TOKEN/TOKEN, TKE_SECRET_ID/_KEY; HUAWEI_CLOUD_*; GOOGLE_APPLICATION_CREDENTIALS is
//   a path (its file is read by sccache, never by us), but a JSON document put there is masked.
// The rules are by name and by shape, not by that list alone, so a variable a later release adds
// (AWS_CONTAINER_AUTHORIZATION_TOKEN, AZURE_STORAGE_SAS_TOKEN, …) is masked too.
//
// What is masked, and in which spellings (the runner masks exact substrings, line by line):
// - a variable whose name says secret: its whole value, trimmed, and each long line of it;
// - a URL with userinfo (`redis://user:pa%40ss@host`): the password as written, percent-decoded
//   and percent-encoded the way a URL library re-serializes it (sccache prints the URL it parsed),
//   plus the whole URL; a user alone (`https://TOKEN@host`) when it is token-long;
// - a URL with a signature or token in its query (`?sig=…`, `X-Amz-Signature=…`): that value and
//   the whole URL;
// - a connection string (`AccountKey=…;SharedAccessSignature=…`): those values and the whole string;
// - a JSON document (a service-account key): its private_key, client_secret, tokens, …
// A user name beside a password is not a secret: masking `ci` or `default` would garble the log.

export type Env = Readonly<Record<string, string | undefined>>;

/** The families of variables sccache and the storage signers it links read. */
const IN_SCOPE =
  /^(SCCACHE_|AWS_|AZURE_|AZBLOB_|GOOGLE_|GCS_|GCP_|ALIBABA_CLOUD_|TENCENTCLOUD_|TKE_|HUAWEI_CLOUD_)/;

/** A name that says its whole value is a credential. */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|ACCESS_KEY|ACCOUNT_KEY|STORAGE_KEY|API_KEY|PRIVATE_KEY|CONNECTION_STRING)(_|$)/;
/** …unless it names where the credential is: a file, a directory or an address. */
const LOCATION_NAME = /_(FILE|PATH|DIR|URL|URI|ENDPOINT|ENDPOINTS)$/;

/** Query parameters that carry a signature or a token (signed URLs: Azure SAS, S3, GCS; tokens). */
const SECRET_QUERY =
  /^(sig|signature|token|access_token|refresh_token|password|secret|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)$/i;

/** Connection-string keys that carry a secret (Azure storage, and the ADO.NET spelling). */
const SECRET_CONNECTION_KEY = /^(accountkey|sharedaccesssignature|sharedaccesskey|password|pwd)$/i;

/** JSON keys whose string values are secrets (a service-account key, an OAuth client). */
const SECRET_JSON_KEY = /(private_key|secret|token|password)/i;

/** A line of a multi-line secret shorter than this is structure (`{`, `}`), not worth a mask. */
const MIN_LINE = 8;
/** A user name alone in a URL (`https://TOKEN@host`) is masked from this length: a token, not a name. */
const MIN_TOKEN_USER = 16;

const SCHEME_AT = /[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
const HOST_AFTER = /^[A-Za-z0-9.\-[\]:%]+(?:[/?#]|$)/;

function decoded(text: string): string | undefined {
  try {
    const d = decodeURIComponent(text);
    return d === text ? undefined : d;
  } catch {
    return undefined;
  }
}

/** How a WHATWG / rust-url parser re-serializes a userinfo component. */
function userinfoEncoded(text: string): string | undefined {
  try {
    const url = new URL('http://host.invalid/');
    url.password = text;
    return url.password === text ? undefined : url.password;
  } catch {
    return undefined;
  }
}

/** The spellings a secret may be printed in: as written, decoded, and re-encoded. */
function spellings(value: string): string[] {
  const out = [value];
  const plain = decoded(value);
  if (plain !== undefined) out.push(plain);
  for (const v of [value, ...(plain !== undefined ? [plain] : [])]) {
    const enc = userinfoEncoded(v);
    if (enc !== undefined) out.push(enc);
  }
  return out;
}

/**
 * The URLs in a value: one, or a list (SCCACHE_REDIS_CLUSTER_ENDPOINTS). A URL ends where the next
 * `scheme://` starts (less the separator before it), so a password with `,` or a blank stays whole.
 */
function urlsIn(value: string): string[] {
  const starts: number[] = [];
  for (const m of value.matchAll(SCHEME_AT)) {
    const at = m.index;
    // A scheme starts a word: not `xredis://` inside another token.
    if (at === 0 || /[\s,;"'=]/.test(value[at - 1]!)) starts.push(at);
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : value.length;
    return value.slice(start, end).replace(/[\s,;]+$/, '');
  });
}

/**
 * The userinfo of a URL as written: up to the last `@` that a host follows, or undefined. A password
 * may hold a raw `@`, `/` or blank (users write them; redact.ts has the same view); a `/`, `?` or `#`
 * with no `user:` before it, or after a port, is a path or query (`https://h:8080/p?mail=a@b.c`).
 */
function userinfoOf(url: string): { user: string; password?: string } | undefined {
  const from = url.indexOf('://') + 3;
  const rest = url.slice(from);
  // Bounded: the last few `@`, each with a look at what follows of at most a host's length.
  let tries = 8;
  for (let at = rest.lastIndexOf('@'); at > 0 && tries-- > 0; at = rest.lastIndexOf('@', at - 1)) {
    if (!HOST_AFTER.test(rest.slice(at + 1, at + 300))) continue;
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    const pathStart = userinfo.search(/[/?#]/);
    if (pathStart >= 0 && (colon < 0 || colon > pathStart)) continue;
    if (pathStart >= 0 && /^\d+$/.test(userinfo.slice(colon + 1, pathStart))) continue;
    return colon < 0
      ? { user: userinfo }
      : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
  }
  return undefined;
}

/** The query of a URL as written, as name/value pairs (values undecoded). */
function queryOf(url: string): Array<[string, string]> {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const query = url.slice(q + 1).split('#')[0]!;
  return query
    .split('&')
    .filter((p) => p.includes('='))
    .map((p) => {
      const eq = p.indexOf('=');
      return [decoded(p.slice(0, eq)) ?? p.slice(0, eq), p.slice(eq + 1)] as [string, string];
    });
}

function fromUrl(url: string, add: (secret: string) => void): void {
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
    if (!SECRET_QUERY.test(name) || value === '') continue;
    for (const s of spellings(value)) add(s);
    found = true;
  }
  if (found) {
    add(url);
    // sccache prints the URL as its parser re-serialized it, which may differ from what was written.
    try {
      const href = new URL(url).href;
      if (href !== url) add(href);
    } catch {
      // Not a URL a parser accepts: sccache would refuse it too, and print what was written.
    }
  }
}

function fromConnectionString(value: string, add: (secret: string) => void): void {
  let found = false;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const secret = part.slice(eq + 1).trim();
    if (!SECRET_CONNECTION_KEY.test(key) || secret === '') continue;
    add(secret);
    // A SAS is itself a query: its signature is printed on its own in request logs.
    for (const [name, v] of queryOf(`?${secret}`)) if (SECRET_QUERY.test(name) && v) add(v);
    found = true;
  }
  if (found) add(value);
}

function fromJson(value: string, add: (secret: string) => void): void {
  const text = value.trim();
  if (!text.startsWith('{')) return;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const walk = (node: unknown, depth: number): void => {
    if (depth > 8 || typeof node !== 'object' || node === null) return;
    for (const [key, v] of Object.entries(node)) {
      if (typeof v === 'string' && SECRET_JSON_KEY.test(key) && v !== '') add(v);
      else walk(v, depth + 1);
    }
  };
  walk(doc, 0);
}

/**
 * The credential values in `env` that sccache may be configured with, each in the spellings it may
 * be printed in: for core.setSecret before anything is printed. Unique, longest first.
 */
export function credentialsToMask(env: Env): string[] {
  const found = new Set<string>();
  const add = (secret: string): void => {
    if (secret.trim() === '') return;
    found.add(secret);
    const trimmed = secret.trim();
    found.add(trimmed);
    // The runner masks line by line: a multi-line secret (a PEM key) is masked by its lines.
    if (trimmed.includes('\n')) {
      for (const line of trimmed.split(/\r?\n/)) if (line.trim().length >= MIN_LINE) found.add(line.trim());
    }
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '' || !IN_SCOPE.test(name)) continue;
    if (SECRET_NAME.test(name) && !LOCATION_NAME.test(name)) add(value);
    for (const url of urlsIn(value)) fromUrl(url, add);
    fromConnectionString(value, add);
    fromJson(value, add);
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
