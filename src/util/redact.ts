// Removes credentials from text that came from sccache or the environment before it is rendered:
// a Redis or WebDAV URL carries its password in the userinfo (sccache prints it as given, so it may
// hold `@`, `/` or a space), a signed blob URL its signature in the query, a request log its bearer
// token. Linear in the text: one pass finds each `://`, and each looks at a bounded window after it;
// no pattern here can backtrack over a run of characters twice.

/** How far after `://` a userinfo may end. */
const USERINFO_WINDOW = 512;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

const HOST_AFTER = /^[A-Za-z0-9.\-[\]]+(:\d{1,5})?([/,;?#\s]|$)/;
const TERMINATOR = /["'`<>\r\n]/;

/**
 * Where the userinfo after `://` (at `from`) ends: the last `@` in the window that a host follows,
 * when the userinfo has a `:` if it has a blank (`user:pa ss`, not prose). When in doubt (two URLs
 * on a line) this hides more than the userinfo, never less.
 * -1 when there is none. Bounded: the window, and the last few `@` in it, each checked in O(1)
 * apart from a 64-character look at what follows.
 */
function userinfoEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + USERINFO_WINDOW);
  let end = limit;
  let firstBlank = limit;
  let firstColon = limit;
  const ats: number[] = [];
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (TERMINATOR.test(c)) {
      end = i;
      break;
    }
    if (c === '@') ats.push(i);
    else if (c === ':' && firstColon === limit) firstColon = i;
    else if (/\s/.test(c) && firstBlank === limit) firstBlank = i;
  }
  for (let k = ats.length - 1; k >= Math.max(0, ats.length - 8); k--) {
    const at = ats[k]!;
    if (at >= end) continue;
    if (firstBlank < at && firstColon > at) continue;
    if (HOST_AFTER.test(text.slice(at + 1, at + 65))) return at;
  }
  return -1;
}

function redactUserinfo(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    // A scheme: letters, digits, + . - (at most 32), starting with a letter, right before `://`.
    let start = at;
    while (start > 0 && at - start < 32 && SCHEME_CHAR.test(text[start - 1]!)) start--;
    if (start === at || !/[A-Za-z]/.test(text[start]!)) continue;
    const from = at + 3;
    if (from < copied) continue;
    const end = userinfoEnd(text, from);
    if (end < 0) continue;
    out += `${text.slice(copied, from)}***`;
    copied = end;
    at = end - 2;
  }
  return out + text.slice(copied);
}

/** Query parameters of signed URLs: Azure SAS, S3 (SigV4, session tokens), GCS, and plain tokens. */
const SIGNED_QUERY =
  /([?&](?:sig|se|sv|sp|st|sr|skoid|sktid|token|access_token|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)[^&\s"'<>]*/gi;
/** `Authorization: Bearer …` / `Basic …` as request logs print headers. */
const AUTHORIZATION = /\b((?:bearer|basic|token)\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

export function redact(text: string): string {
  return redactUserinfo(text).replace(SIGNED_QUERY, '$1***').replace(AUTHORIZATION, '$1***');
}

/**
 * At most `max` characters of `text`, redacted, cut before redaction so that the work is bounded
 * by `max`, not by the text. A URL that the cut would split before its userinfo ends is left out.
 */
export function redactedExcerpt(text: string, max: number): string {
  if (text.length <= max) return redact(text);
  let cut = text.slice(0, max);
  const lastUrl = cut.lastIndexOf('://');
  if (lastUrl >= 0 && lastUrl > max - USERINFO_WINDOW - 3) cut = cut.slice(0, lastUrl);
  const clean = redact(cut);
  return `${clean.length > max - 1 ? clean.slice(0, max - 1) : clean}…`;
}
