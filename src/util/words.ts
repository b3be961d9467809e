// Counts in sentences: "1 miss", "2 misses". Titles and evidence are read by people first.

/** `count` and the noun in the form the count needs; `plural` when it is not noun + s. */
export const counted = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : plural}`;

/**
 * The first `max` items joined, then "and N more": a list that comes from the build (cache levels,
 * workflow lines) can be as long as the build makes it.
 */
export function listed(items: readonly string[], max = 6, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}and ${items.length - max} more`;
}
