// What one annotation may hold: both steps' annotations pass through these caps (the report's
// renderer, and the guarded core that every warning of either step goes through).

/**
 * A title is one line over the annotation. The check-run API takes at most 255 characters; 200
 * leaves room for a long rule id and a matrix label and is already more than the UI shows.
 */
export const MAX_TITLE_CHARS = 200;

/**
 * The API takes messages up to 64 KB, but the annotation shows its first lines and the summary
 * holds the detail. 4,000 characters hold the title, the evidence and a YAML fix of a few steps;
 * even at 3 bytes a character of UTF-8, and after @actions/core's %-escaping of line breaks, that
 * stays far below 64 KB.
 */
export const MAX_MESSAGE_CHARS = 4000;

export const ELLIPSIS = '…';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** At most `max` UTF-16 units, cut between two characters (never inside a surrogate pair) with "…". */
export function clipChars(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + ELLIPSIS;
}
