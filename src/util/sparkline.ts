// A row of block characters for a series of fractions, so a drop in the hit rate shows at a glance.
// Absolute, not scaled to the series: ▁ is 0 % and █ is 100 % in every summary, so a run that went
// from 98 % to 96 % does not draw as a cliff. Pure.

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** A run that looked nothing up has no rate: a gap, not a zero. */
export const NO_RATE = '·';

/** One character per value; null (nothing looked up) draws as NO_RATE. */
export function sparkline(values: readonly (number | null)[]): string {
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return NO_RATE;
      const clamped = Math.min(1, Math.max(0, value));
      // Only a full 100 % is a full block; anything short of it stays a step lower.
      const index = clamped >= 1 ? BLOCKS.length - 1 : Math.floor(clamped * (BLOCKS.length - 1));
      return BLOCKS[index];
    })
    .join('');
}
