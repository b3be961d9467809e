// Character classes by UTF-16 code, for the hand-written linear scanners (redact, the stats text
// parser): no regex runs over untrusted text there.

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** What `\s` matches (and what String.prototype.trim removes). */
export const isBlank = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 128 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));
export const isDigits = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
};
