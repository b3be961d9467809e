// Removes credentials from text that came from sccache or the environment before it is rendered:
// a Redis or WebDAV URL carries its password in the userinfo (sccache prints it as given, so it may
// hold `@`, `/`, `:` or a space), a signed blob URL its signature in the query (Azure `sig=`, S3
// `X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`, GCS `X-Goog-Signature`), a request
// log its `Authorization` header (bearer, basic, SigV4 `Signature=`, Azure SharedKey).
//
// Linear in the text, by construction: two hand-written scans, no regular expression. Every loop
// either moves a cursor that never goes back, or looks back or ahead a bounded number of characters
// (at most 64) from a character that is visited once. `redactionWork` counts the characters looked
// at, so that a test can check the bound without timing anything.
import { isBlank, isDigit } from './characters.js';

/** How far after `://` a userinfo may end. */
const USERINFO_WINDOW = 512;
/** How far after the `@` of a userinfo the host is looked at. */
const HOST_LOOK = 64;
/** Longest key name looked at before `=` or `:`. */
const KEY_LOOK = 64;
/** Longest scheme looked at before `://`. */
const SCHEME_LOOK = 32;
/** A bearer or basic token shorter than this is taken for a word of prose ("token expired"). */
const MIN_TOKEN = 8;

// ------------------------------------------------------------------ character classes (ASCII)

const SCHEME = 1; // [A-Za-z0-9+.-]
const HOST = 2; // [A-Za-z0-9.\-[\]]
const TERMINATOR = 4; // ["'`<>\r\n]: no userinfo goes past one
const KEY = 8; // [A-Za-z0-9_-]: a query parameter or header name
const VALUE_STOP = 16; // [&"'<>]: what ends a parameter value (and a blank)
const TOKEN = 32; // [A-Za-z0-9._~+/=-]: a bearer or basic token
const WORD = 64; // [A-Za-z0-9_]

const CLASSES = new Uint8Array(128);
const mark = (chars: string, bit: number) => {
  for (const c of chars) CLASSES[c.charCodeAt(0)]! |= bit;
};
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LETTERS}0123456789`;
mark(`${ALNUM}+.-`, SCHEME);
mark(`${ALNUM}.-[]`, HOST);
mark('"\'`<>\r\n', TERMINATOR);
mark(`${ALNUM}_-`, KEY);
mark('&"\'<>', VALUE_STOP);
mark(`${ALNUM}._~+/=-`, TOKEN);
mark(`${ALNUM}_`, WORD);

const is = (code: number, bit: number): boolean => code < 128 && (CLASSES[code]! & bit) !== 0;
const isLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

// ------------------------------------------------------------------ the work meter

let work = 0;

/**
 * How many characters redact() looks at for `text` (every step of every loop, and the distance
 * every search moves). Linear: a small constant times the length, whatever the text.
 */
export function redactionWork(text: string): number {
  work = 0;
  redact(text);
  return work;
}

/**
 * The redacted text, built from pieces. Joined every few thousand pieces: a text with millions of
 * small secrets (`&sig=&sig=…`) would otherwise hold millions of slices at once.
 */
class Output {
  readonly #done: string[] = [];
  readonly #pieces: string[] = [];
  add(...pieces: string[]): void {
    this.#pieces.push(...pieces);
    if (this.#pieces.length >= 4096) {
      this.#done.push(this.#pieces.join(''));
      this.#pieces.length = 0;
    }
  }
  text(): string {
    this.#done.push(this.#pieces.join(''));
    return this.#done.join('');
  }
}

// ------------------------------------------------------------------ userinfo in URLs

/** The first index ≥ `from` whose character passes `test`, or the length; `from` never decreases. */
class NextOf {
  #pos = -1;
  constructor(
    private readonly text: string,
    private readonly test: (code: number) => boolean,
  ) {}
  at(from: number): number {
    if (this.#pos >= from) return this.#pos; // the first one at or after an earlier `from`
    let i = from;
    while (i < this.text.length && !this.test(this.text.charCodeAt(i))) i++;
    work += i - from + 1;
    this.#pos = i;
    return i;
  }
}

/** The last `@` a host follows, before a bound that never decreases; -1 if none. */
class LastHostAt {
  #scanned = 0;
  #last = -1;
  constructor(private readonly text: string) {}
  before(bound: number): number {
    for (; this.#scanned < bound; this.#scanned++) {
      work++;
      if (this.text.charCodeAt(this.#scanned) === 64 && hostFollows(this.text, this.#scanned)) {
        this.#last = this.#scanned;
      }
    }
    return this.#last;
  }
}

/**
 * A host (and port) follows the `@` at `at`: a name or address (or an IPv6 literal in brackets),
 * then `:` and 1–5 digits or not, then the end of the text or of the 64 characters looked at, or
 * any character that cannot go on a host: a blank, `/ ? # , ;`, a quote, a bracket (a URL in
 * Rust's Debug output is followed by `"`, in prose by `)`). It stops at the first character that
 * is not a host character, at the latest at the next `@`: over all the `@` of a text this reads
 * each character about once. The test is loose on purpose: the last `@` that passes it ends the
 * userinfo, so a looser test can only hide more.
 */
function hostFollows(text: string, at: number): boolean {
  const cap = Math.min(text.length, at + 1 + HOST_LOOK);
  let i = at + 1;
  if (i < cap && text.charCodeAt(i) === 91) {
    // [::1], [fe80::1%eth0]
    i++;
    while (
      i < cap &&
      (is(text.charCodeAt(i), HOST) || text.charCodeAt(i) === 58 || text.charCodeAt(i) === 37)
    ) {
      if (text.charCodeAt(i) === 93) break;
      i++;
    }
    work += i - at;
    if (i === cap) return true;
    if (text.charCodeAt(i) !== 93) return false;
    i++;
  } else {
    while (i < cap && is(text.charCodeAt(i), HOST)) i++;
    work += i - at;
    if (i === at + 1) return false;
  }
  if (i === cap) return true;
  if (text.charCodeAt(i) !== 58) return endsHost(text.charCodeAt(i));
  let j = i + 1;
  while (j < cap && j - i <= 5 && isDigit(text.charCodeAt(j))) j++;
  work += j - i;
  if (j === i + 1) return false;
  return j === cap || endsHost(text.charCodeAt(j));
}

/** After a host (or its port): not more host, not a port, not another `@`. */
const endsHost = (code: number): boolean => !is(code, HOST) && !isDigit(code) && code !== 58 && code !== 64;

/** Letters, digits, + . - right before `://`, one of them a letter: a scheme. */
function schemeBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= SCHEME_LOOK; i--) {
    work++;
    const c = text.charCodeAt(i);
    if (!is(c, SCHEME)) return false;
    if (isLetter(c)) return true;
  }
  return false;
}

/**
 * Where each userinfo ends. For `from` (just after a `://`), the last `@` in the window of 512
 * characters (up to a quote, `<`, `>` or a line end) that a host follows, unless a blank comes
 * before it and no `:` does (`user:pa ss@host` is a userinfo; `host/path then mail user@example.com`
 * is prose). When in doubt (two URLs on a line) this hides more than the userinfo, never less.
 * Calls come with `from` increasing; every cursor then only moves forward.
 */
class Userinfo {
  readonly #text: string;
  readonly #terminator: NextOf;
  readonly #blank: NextOf;
  readonly #colon: NextOf;
  readonly #lastBeforeEnd: LastHostAt;
  readonly #lastBeforeBlank: LastHostAt;
  constructor(text: string) {
    this.#text = text;
    this.#terminator = new NextOf(text, (c) => is(c, TERMINATOR));
    this.#blank = new NextOf(text, isBlank);
    this.#colon = new NextOf(text, (c) => c === 58);
    this.#lastBeforeEnd = new LastHostAt(text);
    this.#lastBeforeBlank = new LastHostAt(text);
  }

  /** The index of the `@` that ends the userinfo starting at `from`, or -1. */
  end(from: number): number {
    // Both bounds grow with `from`, so their minimum does.
    const end = Math.min(this.#terminator.at(from), from + USERINFO_WINDOW, this.#text.length);
    const last = this.#lastBeforeEnd.before(end);
    if (last < from) return -1;
    const blank = this.#blank.at(from);
    if (!(blank < last && this.#colon.at(from) > last)) return last;
    // Every `@` between the blank and the first colon is prose, and `last` is the last `@` with a
    // host before `end`: so the answer is the last one before the blank, if it is in the window.
    const beforeBlank = this.#lastBeforeBlank.before(blank);
    return beforeBlank >= from ? beforeBlank : -1;
  }
}

function redactUserinfo(text: string): string {
  const userinfo = new Userinfo(text);
  const out = new Output();
  let copied = 0;
  // The userinfo being hidden, [hideFrom, hideTo): a URL that starts inside it (one URL's window
  // reaching into the next one's password) extends it instead of being skipped.
  let hideFrom = -1;
  let hideTo = -1;
  let searched = 0;
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    work += at - searched + 1;
    searched = at;
    if (!schemeBefore(text, at)) continue;
    const from = at + 3;
    const end = userinfo.end(from);
    if (end <= from) continue; // none, or empty (`redis://@host`): nothing to hide
    if (hideTo >= 0 && from <= hideTo) {
      hideTo = Math.max(hideTo, end);
      continue;
    }
    if (hideTo >= 0) {
      out.add(text.slice(copied, hideFrom), '***');
      copied = hideTo;
    }
    hideFrom = from;
    hideTo = end;
  }
  work += text.length - searched;
  if (hideTo < 0) return text;
  out.add(text.slice(copied, hideFrom), '***', text.slice(hideTo));
  return out.text();
}

// ------------------------------------------------------------------ parameters, headers, tokens

/** Secret wherever they are a whole key before `=`. */
const SECRET_KEYS = new Set(['sig', 'apikey', 'api_key', 'api-key']);
/** Azure SAS fields: hidden only as query parameters (after `?`, `&`, or `;` of `&amp;`). */
const SAS_KEYS = new Set(['se', 'sv', 'sp', 'st', 'sr', 'skoid', 'sktid']);
/**
 * A key ending so is secret: `token`, `access_token`, `X-Amz-Security-Token`, `Signature`,
 * `X-Amz-Signature`, `X-Goog-Signature`, `Credential`, `X-Amz-Credential`, `X-Goog-Credential`,
 * `password`, `client_secret`, `AWS_SECRET_ACCESS_KEY`…
 */
const SECRET_ENDINGS = [
  'token',
  'signature',
  'credential',
  'password',
  'passwd',
  'secret',
  'secret_access_key',
];
/** Authorization schemes whose next word is the credential. */
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token', 'sharedkey']);
const LONGEST_SCHEME = 9;

const endsSecret = (key: string) => SECRET_ENDINGS.some((ending) => key.endsWith(ending));

/** The start of the key that ends at `end` (a run of key characters, at most KEY_LOOK long). */
function keyStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < KEY_LOOK && is(text.charCodeAt(start - 1), KEY)) start--;
  work += end - start + 1;
  return start;
}

/** After `at`, up to two of `\ " '` (a quoted or JSON-escaped value). */
function skipQuotes(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at < 2) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 92) break;
    i++;
  }
  work += i - at + 1;
  return i;
}

/** The last value scanned, [start, end): a value that starts inside it ends where it ends. */
let valueStart = 0;
let valueStop = 0;

/**
 * The end of a value that starts at `at`: up to `&`, a quote, `<`, `>` or a blank. A value that
 * starts inside the last one scanned (a key inside a value: `sig=X-Amz-Security-Token:`) is not
 * scanned again, so that every character is scanned as a value once.
 */
function valueEnd(text: string, at: number): number {
  if (at >= valueStart && at < valueStop) return valueStop;
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (is(c, VALUE_STOP) || isBlank(c)) break;
    i++;
  }
  work += i - at + 1;
  valueStart = at;
  valueStop = i;
  return i;
}

/** `key=value` with a secret key: [start, end) of the value to hide (maybe empty), or undefined. */
function afterEquals(text: string, eq: number): [number, number] | undefined {
  const start = keyStart(text, eq);
  if (start === eq) return undefined;
  const key = text.slice(start, eq).toLowerCase();
  const whole = start === 0 || !is(text.charCodeAt(start - 1), KEY);
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const secret =
    endsSecret(key) ||
    (whole && SECRET_KEYS.has(key)) ||
    (whole && SAS_KEYS.has(key) && (before === 63 || before === 38 || before === 59)); // ? & ;
  if (!secret) return undefined;
  const from = skipQuotes(text, eq + 1);
  return [from, valueEnd(text, from)];
}

/**
 * `x-amz-security-token: value`, `"client_secret": "value"`: a header or field whose name is a
 * compound (has `-` or `_`) ending like a secret. Plain words (`token: expired`) are prose.
 */
function afterColon(text: string, colon: number): [number, number] | undefined {
  let end = colon;
  const quote = colon > 0 ? text.charCodeAt(colon - 1) : 0;
  if (quote === 34 || quote === 39) end--;
  const start = keyStart(text, end);
  if (start === end) return undefined;
  const key = text.slice(start, end).toLowerCase();
  if (!(key.includes('-') || key.includes('_')) || !endsSecret(key)) return undefined;
  let i = colon + 1;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  work += i - colon;
  const from = skipQuotes(text, i);
  const to = valueEnd(text, from);
  return to > from ? [from, to] : undefined;
}

/**
 * `Bearer TOKEN`, `Basic TOKEN`, `token TOKEN`, `SharedKey account:signature`, at the blank `at`
 * after the scheme: [start, end) of the token, or undefined. A token shorter than 8 characters is a
 * word of prose, unless the text was cut right after it (then it may be the start of a longer one).
 */
function afterScheme(text: string, at: number, cut: boolean): [number, number] | undefined {
  let start = at;
  while (start > 0 && at - start <= LONGEST_SCHEME && is(text.charCodeAt(start - 1), WORD)) start--;
  work += at - start + 1;
  if (start === at || at - start > LONGEST_SCHEME) return undefined;
  const scheme = text.slice(start, at).toLowerCase();
  if (!AUTH_SCHEMES.has(scheme)) return undefined;
  let from = at;
  while (from < text.length && isBlank(text.charCodeAt(from))) from++;
  const colonToo = scheme === 'sharedkey';
  let to = from;
  while (to < text.length) {
    const c = text.charCodeAt(to);
    if (!(is(c, TOKEN) || (colonToo && c === 58))) break;
    to++;
  }
  work += to - at + 1;
  return to - from >= MIN_TOKEN || (cut && to === text.length && to > from) ? [from, to] : undefined;
}

/**
 * Hides the value of every secret key and the token after every authorization scheme. Every
 * character is looked at, also inside a value being hidden (it may hold a key whose value goes on
 * past it); what overlaps is hidden as one.
 */
function redactParameters(text: string, cut: boolean): string {
  valueStart = valueStop = 0;
  const out = new Output();
  let copied = 0;
  let hideFrom = -1;
  let hideTo = -1;
  for (let i = 0; i < text.length; i++) {
    work++;
    const c = text.charCodeAt(i);
    let hide: [number, number] | undefined;
    if (c === 61) hide = afterEquals(text, i);
    else if (c === 58) hide = afterColon(text, i);
    else if (isBlank(c) && i > 0 && is(text.charCodeAt(i - 1), WORD)) hide = afterScheme(text, i, cut);
    if (!hide || hide[1] === hide[0]) continue; // `sig=&…`: nothing to hide
    const [from, to] = hide;
    if (hideTo >= 0 && from <= hideTo) {
      hideTo = Math.max(hideTo, to);
      continue;
    }
    if (hideTo >= 0) {
      out.add(text.slice(copied, hideFrom), '***');
      copied = hideTo;
    }
    hideFrom = from;
    hideTo = to;
  }
  if (hideTo < 0) return text;
  out.add(text.slice(copied, hideFrom), '***', text.slice(hideTo));
  return out.text();
}

// ------------------------------------------------------------------ the two entries

function redactText(text: string, cut: boolean): string {
  return redactParameters(redactUserinfo(text), cut);
}

export function redact(text: string): string {
  return redactText(text, false);
}

/**
 * At most `max` characters of `text`, redacted, cut before redaction so that the work is bounded
 * by `max`, not by the text. A URL that starts so close to the cut that its userinfo (or the host
 * after it) may be cut is left out, from its `://` on; a token or value the cut ends is hidden
 * whatever its length. (Redaction may lengthen a short text, `sig=` becoming `sig=***`: the result
 * is cut again after it.)
 */
export function redactedExcerpt(text: string, max: number): string {
  let cut = text;
  if (text.length > max) {
    cut = text.slice(0, max);
    const url = cut.indexOf('://', Math.max(0, max - USERINFO_WINDOW - HOST_LOOK - 8));
    if (url >= 0) cut = cut.slice(0, url);
  }
  const clean = redactText(cut, cut !== text);
  return cut === text && clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1))}…`;
}
