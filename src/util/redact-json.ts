// Redacts the strings of a JSON document in place, leaving everything else byte for byte: the saved
// stats document must stay sccache's own (its u64 counters above 2^53 would not survive a parse and
// a re-serialisation), minus the passwords sccache prints in `cache_location` (a Redis URL as given).
// Redacting the raw text instead would stop at the `\"` of a password that contains a quote.
import { redact } from './redact.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Each string literal of `text` redacted as a string (decoded, redacted, encoded again), the rest
 * untouched. Linear: one pass that finds each literal's end, plus one redact() per literal. Text
 * that is not valid JSON is redacted as plain text.
 */
export function redactJsonStrings(text: string): string {
  try {
    JSON.parse(text);
  } catch {
    return redact(text);
  }
  const parts: string[] = [];
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== QUOTE) {
      i++;
      continue;
    }
    // Valid JSON: outside strings there are no quotes, and inside one a quote ends it unless escaped.
    let end = i + 1;
    while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
    const literal = text.slice(i, end + 1);
    const value = JSON.parse(literal) as string;
    const cleaned = redact(value);
    if (cleaned !== value) {
      parts.push(text.slice(copiedUpTo, i), JSON.stringify(cleaned));
      copiedUpTo = end + 1;
    }
    i = end + 1;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}
