// Counts in sentences: "1 miss", "2 misses". Titles and evidence are read by people first.

/** `count` and the noun in the form the count needs; `plural` when it is not noun + s. */
export const counted = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : plural}`;
