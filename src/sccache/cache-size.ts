// SCCACHE_CACHE_SIZE, the bound of sccache's local disk cache, as sccache reads it: `parse_size` in
// its src/config.rs, digits and a unit K, M, G or T (powers of 1024). Releases read it three ways:
// before 0.8.1 the unit is required and upper case (`^(\d+)([KMGT])$`); 0.8.1 (#2183) also takes
// plain bytes; 0.11.0 (#2405) also takes a lower-case unit. A value the running release does not
// parse is dropped without a word and the cache grows to the 10 GiB default (seen with real 0.4.2,
// 0.8.2 and 0.10.0 binaries: `1m` and, on 0.4.2, `1048576` left max_cache_size at 10737418240).
// So the input is checked once here, and the value exported is one the release in use reads. Pure.
import type { Capabilities } from './version.js';

export interface CacheSize {
  /** The bound in bytes, as sccache computes it. */
  readonly bytes: number;
  /** The value as every release from 0.8.1 reads it: digits and an upper-case unit ("2G"), or bytes. */
  readonly text: string;
}

const UNITS = { K: 1n, M: 2n, G: 3n, T: 4n } as const;
const U64_MAX = 2n ** 64n - 1n;

/** `2G`, `500m`, `1048576`; anything else, zero, or more than sccache can count, is invalid. */
export function parseCacheSize(input: string): CacheSize | { readonly invalid: string } {
  const text = input.trim();
  const match = /^(\d+)([KMGT]?)$/i.exec(text);
  if (!match) {
    return { invalid: `"${text}" is not a size sccache reads, such as 2G, 500M or 1048576 (bytes)` };
  }
  const unit = match[2]!.toUpperCase() as keyof typeof UNITS | '';
  const count = BigInt(match[1]!);
  const bytes = count * 1024n ** (unit ? UNITS[unit] : 0n);
  // sccache multiplies in a u64: a larger value would wrap around to some small size.
  if (bytes > U64_MAX) return { invalid: `"${text}" is more than sccache can count (16 EiB)` };
  // A cache of no bytes refuses every object: nothing would ever be stored or saved.
  if (bytes === 0n) return { invalid: `"${text}" would keep nothing: give a size such as 2G` };
  return { bytes: Number(bytes), text: `${count}${unit}` };
}

/**
 * What to export for this release: the canonical text, except that a release before 0.8.1 cannot
 * read plain bytes, which then become whole KiB, rounded down so that the bound is kept (1K at least).
 */
export function cacheSizeVariable(size: CacheSize, capabilities: Capabilities): string {
  if (capabilities.cacheSizeInBytes || /[KMGT]$/.test(size.text)) return size.text;
  return `${Math.max(1, Math.floor(size.bytes / 1024))}K`;
}
